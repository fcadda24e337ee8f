// One risk in the side panel: its scenario, ratings, treatment actions, what the register's rules find,
// its assessment history and audit-log history; the edit form for those whose role may change it.
import { fetchRisk } from "../../api/endpoints.js";
import type { Heatmap, Risk, RiskDetail } from "../../api/schemas.js";
import { allows } from "../../app/access.js";
import type { People } from "../../app/people.js";
import { hrefOf } from "../../app/router.js";
import { useWorkspace } from "../../app/session.js";
import { useResource } from "../../app/use-resource.js";
import { History } from "../../components/History.js";
import { WhenLoaded } from "../../components/Notes.js";
import { SidePanel } from "../../components/SidePanel.js";
import { RiskEditForm } from "./RiskEditForm.js";

interface Props {
  workspace: string;
  riskId: string;
  levels: Heatmap | null;
  people: People;
  onClose: () => void;
  onChanged: (risk: Risk) => void;
}

function rating(likelihood: number | null, impact: number | null, score: number | null, band: string | null) {
  if (score === null) return <span className="muted">not rated</span>;
  return (
    <>
      L{likelihood} × I{impact} = <strong>{score}</strong> {band ? <span className="muted">{band}</span> : null}
    </>
  );
}

function Facts({ risk, people, workspace }: { risk: Risk; people: People; workspace: string }) {
  return (
    <dl className="facts">
      <dt>Inherent</dt>
      <dd data-testid="inherent-rating">{rating(risk.likelihood, risk.impact, risk.inherentScore, risk.inherentBand)}</dd>
      <dt>Residual</dt>
      <dd>{rating(risk.residualLikelihood, risk.residualImpact, risk.residualScore, risk.residualBand)}</dd>
      <dt>Owner</dt>
      <dd>{people.nameOf(risk.owner) || <span className="muted">none</span>}</dd>
      <dt>Decision</dt>
      <dd>{risk.decision ?? <span className="muted">none yet</span>}</dd>
      <dt>Status</dt>
      <dd>{risk.status}</dd>
      <dt>Category</dt>
      <dd>{risk.category ?? "—"}</dd>
      <dt>Controls</dt>
      <dd>
        {risk.controlIds.length === 0
          ? "—"
          : risk.controlIds.map((id) => (
              <a key={id} className="tag" href={hrefOf({ page: "section", workspace, section: "soa", item: id })}>
                {id}
              </a>
            ))}
      </dd>
      <dt>Next review</dt>
      <dd>{risk.nextReview ?? "—"}</dd>
    </dl>
  );
}

function Scenario({ risk }: { risk: Risk }) {
  return (
    <div className="scenario">
      {risk.description ? <p>{risk.description}</p> : null}
      {risk.threat ? (
        <p>
          <strong>Threat.</strong> {risk.threat}
        </p>
      ) : null}
      {risk.vulnerability ? (
        <p>
          <strong>Vulnerability.</strong> {risk.vulnerability}
        </p>
      ) : null}
    </div>
  );
}

function Treatment({ detail, people }: { detail: RiskDetail; people: People }) {
  return (
    <section aria-label="Treatment actions">
      <h3>Treatment actions</h3>
      {detail.actions.length === 0 ? (
        <p className="muted">None.</p>
      ) : (
        <ul className="plain">
          {detail.actions.map((a) => (
            <li key={a.id}>
              <span className="muted">{a.id}</span> {a.title}{" "}
              <span className={`pill action-${a.status}`}>{a.status.replace("_", " ")}</span>
              <div className="muted small">
                {people.nameOf(a.owner) || "no owner"} · due {a.dueDate ?? "—"} · controls {a.controlIds.join(", ") || "—"}
              </div>
            </li>
          ))}
        </ul>
      )}
      {detail.findings.length > 0 ? (
        <>
          <h3>What the register's rules find</h3>
          <ul className="plain">
            {detail.findings.map((f, i) => (
              <li key={`${f.rule}-${i}`}>
                <span className={`pill ${f.severity === "error" ? "bad" : "warn"}`}>{f.severity}</span> {f.message}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {detail.history.length > 0 ? (
        <>
          <h3>Assessments</h3>
          <ul className="plain small">
            {detail.history.map((h, i) => (
              <li key={i}>
                {h.assessedAt.slice(0, 10)}: L{h.likelihood} × I{h.impact} = {h.score}
                {h.residualScore !== null ? `, residual ${h.residualScore}` : ""} <span className="muted">({h.reason})</span>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}

export function RiskPanel({ workspace, riskId, levels, people, onClose, onChanged }: Props) {
  const { principal } = useWorkspace();
  const detail = useResource(`risk ${workspace} ${riskId}`, () => fetchRisk(workspace, riskId));
  const risk = detail.loaded.state === "ready" ? detail.loaded.value.risk : null;
  const title = risk ? `${risk.id} · ${risk.title}` : riskId;
  return (
    <SidePanel title={title} label={`Risk ${riskId}`} onClose={onClose}>
      <WhenLoaded loaded={detail.loaded} what={riskId}>
        {(d) => {
          const mayChange = allows(principal, "update", "risks", { id: d.risk.id, owner: d.risk.owner, controlIds: d.risk.controlIds });
          return (
            <>
              <Facts risk={d.risk} people={people} workspace={workspace} />
              <Scenario risk={d.risk} />
              {mayChange && levels ? (
                <RiskEditForm
                  workspace={workspace}
                  risk={d.risk}
                  levels={levels}
                  people={people}
                  onSaved={(saved) => {
                    detail.reload();
                    onChanged(saved);
                  }}
                />
              ) : null}
              <Treatment detail={d} people={people} />
              {allows(principal, "read", "audit-log") ? <History workspace={workspace} entity={`risk:${d.risk.id}`} version={JSON.stringify(d.risk)} /> : null}
            </>
          );
        }}
      </WhenLoaded>
    </SidePanel>
  );
}
