// One control of the SoA in the side panel: its decision and reasons, status and where it came from,
// owner and implementation, the risks it treats, its evidence, the latest automated check results and
// its history.
import { applicabilityLabels, displayControlId, formatReasons, statusLabels } from "../../../domain/soa/entry.js";
import { fetchControl } from "../../api/endpoints.js";
import type { SoaControl } from "../../api/schemas.js";
import { allows } from "../../app/access.js";
import { hrefOf } from "../../app/router.js";
import { useWorkspace } from "../../app/session.js";
import { useResource } from "../../app/use-resource.js";
import { History } from "../../components/History.js";
import { WhenLoaded } from "../../components/Notes.js";
import { SidePanel } from "../../components/SidePanel.js";

/** Failed results first; a large estate can have thousands, so the panel shows the first of them. */
const resultsShown = 200;

function Facts({ control, workspace }: { control: SoaControl["control"]; workspace: string }) {
  const status = control.implementationStatus ? statusLabels[control.implementationStatus] : "not assessed";
  return (
    <dl className="facts">
      <dt>Applicability</dt>
      <dd>{control.applicability ? applicabilityLabels[control.applicability] : "undecided"}</dd>
      <dt>Reasons</dt>
      <dd>{formatReasons(control.reasons) || "—"}</dd>
      <dt>Justification</dt>
      <dd className="prose">{control.justification || "—"}</dd>
      <dt>Status</dt>
      <dd>
        {control.applicability === "not_applicable" ? "—" : status} <span className="muted">({control.statusSource})</span>
        {control.statusOverrideReason ? <div className="muted">{control.statusOverrideReason}</div> : null}
      </dd>
      <dt>Owner</dt>
      <dd>{control.ownerName ? `${control.ownerName} (${control.owner ?? ""})` : (control.owner ?? "—")}</dd>
      <dt>Implementation</dt>
      <dd className="prose">{control.implementationDescription ?? "—"}</dd>
      <dt>Reference</dt>
      <dd>{control.reference ?? "—"}</dd>
      <dt>Treats risks</dt>
      <dd>
        {control.treatedRiskIds.length === 0
          ? "—"
          : control.treatedRiskIds.map((id) => (
              <a key={id} className="tag" href={hrefOf({ page: "section", workspace, section: "risks", item: id })}>
                {id}
              </a>
            ))}
      </dd>
      <dt>Attributes</dt>
      <dd>
        {control.attributes.map((a) => (
          <span key={a} className="tag muted">
            {a}
          </span>
        ))}
      </dd>
    </dl>
  );
}

function Evidence({ evidence }: { evidence: SoaControl["evidence"] }) {
  return (
    <section aria-label="Evidence">
      <h3>Evidence</h3>
      {evidence.length === 0 ? (
        <p className="muted">No evidence yet.</p>
      ) : (
        <table className="grid compact">
          <thead>
            <tr>
              <th scope="col">Record</th>
              <th scope="col">Collected</th>
              <th scope="col">Source</th>
              <th scope="col">Fresh</th>
            </tr>
          </thead>
          <tbody>
            {evidence.map((e) => (
              <tr key={e.id}>
                <td className="wrap">
                  <span className="muted">{e.id}</span> {e.title ?? e.kind}
                </td>
                <td>{e.collectedAt.slice(0, 10)}</td>
                <td>{e.source}</td>
                <td>{e.fresh ? <span className="pill good">fresh</span> : <span className="pill bad">stale</span>}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

function CheckResults({ results }: { results: SoaControl["checkResults"] }) {
  const failed = results.filter((r) => !r.passed);
  const ordered = [...failed, ...results.filter((r) => r.passed)].slice(0, resultsShown);
  return (
    <section aria-label="Check results">
      <h3>
        Latest check results{" "}
        <span className="muted small">
          {results.length - failed.length} passed, {failed.length} failed
        </span>
      </h3>
      {results.length === 0 ? (
        <p className="muted">No automated check ran under this control.</p>
      ) : (
        <table className="grid compact">
          <thead>
            <tr>
              <th scope="col">Result</th>
              <th scope="col">Check</th>
              <th scope="col">Where</th>
              <th scope="col">Detail</th>
            </tr>
          </thead>
          <tbody>
            {ordered.map((r, i) => (
              <tr key={`${r.checkId}-${r.resource}-${i}`}>
                <td>{r.passed ? <span className="pill good">pass</span> : <span className="pill bad">fail</span>}</td>
                <td>{r.checkId}</td>
                <td className="wrap small">
                  {r.account} {r.region} {r.resource}
                </td>
                <td className="wrap small">{r.detail}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {results.length > resultsShown ? <p className="muted small">and {results.length - resultsShown} more; the SoA workbook and isms soa show list them all.</p> : null}
    </section>
  );
}

/** `version` changes when the control is changed from the table, to load it again. */
export function ControlPanel({ workspace, controlId, version, onClose }: { workspace: string; controlId: string; version: string; onClose: () => void }) {
  const { principal } = useWorkspace();
  const detail = useResource(`control ${workspace} ${controlId} ${version}`, () => fetchControl(workspace, controlId));
  const title = detail.loaded.state === "ready" ? `${displayControlId(controlId)} · ${detail.loaded.value.control.title}` : displayControlId(controlId);
  return (
    <SidePanel title={title} label={`Control ${displayControlId(controlId)}`} onClose={onClose}>
      <WhenLoaded loaded={detail.loaded} what={displayControlId(controlId)}>
        {(d) => (
          <>
            <Facts control={d.control} workspace={workspace} />
            <Evidence evidence={d.evidence} />
            <CheckResults results={d.checkResults} />
            {allows(principal, "read", "audit-log") ? <History workspace={workspace} entity={`control_implementation:${d.control.controlId}`} version={JSON.stringify(d.control)} /> : null}
          </>
        )}
      </WhenLoaded>
    </SidePanel>
  );
}
