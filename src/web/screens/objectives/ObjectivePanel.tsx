// One objective in the side panel (6.2, 9.1): what it is and who owns it, its measurements against the
// target, the forms to record a measurement and to change it for those whose role may, and its history.
import { useState } from "react";
import { changeObjective, fetchObjective, removeObjective, type ObjectiveDetail, type ObjectiveRow } from "../../api/objectives-api.js";
import { allows } from "../../app/access.js";
import { useWorkspace } from "../../app/session.js";
import { messageOf, useResource } from "../../app/use-resource.js";
import { History } from "../../components/History.js";
import { DoneNote, ErrorNote, WhenLoaded } from "../../components/Notes.js";
import { SidePanel } from "../../components/SidePanel.js";
import { CheckBinding } from "./CheckBinding.js";
import { MeasurementForm } from "./MeasurementForm.js";
import { ObjectiveForm } from "./ObjectiveForm.js";
import { formatValue, metClass, metText, targetText } from "./objective-text.js";
import { Sparkline } from "./Sparkline.js";

interface Props {
  workspace: string;
  objectiveId: string;
  owners: { id: string; name: string }[];
  onClose: () => void;
  /** The list's row changed (a measurement); null: load the list again. */
  onChanged: (row: ObjectiveRow | null) => void;
  onRemoved: () => void;
}

function Facts({ detail }: { detail: ObjectiveDetail }) {
  const o = detail.objective;
  const target = targetText({ ...o, direction: detail.trend.direction });
  const latest = detail.measurements.at(-1);
  return (
    <dl className="facts">
      <dt>Measure</dt>
      <dd>{o.measure ?? "—"}</dd>
      <dt>Target</dt>
      <dd>
        {target}
        {o.target && o.targetValue !== null ? <span className="muted"> ({o.target})</span> : null}
      </dd>
      <dt>Latest</dt>
      <dd>
        {latest ? `${formatValue(latest.value, o.unit)} on ${latest.measuredOn}` : <span className="muted">no measurement yet</span>}{" "}
        <span className={metClass(detail.trend.met)} data-testid="panel-met">
          {metText(detail.trend.met, latest !== undefined)}
        </span>
      </dd>
      <dt>Owner</dt>
      <dd>{o.owner ? `${o.ownerName ?? o.owner} (${o.owner})` : <span className="muted">none</span>}</dd>
      <dt>Due</dt>
      <dd>{o.dueDate ?? "—"}</dd>
      <dt>Status</dt>
      <dd>{o.status}</dd>
      <dt>Method</dt>
      <dd>{o.method ?? "—"}</dd>
      <dt>Frequency</dt>
      <dd>{o.frequency ?? "—"}</dd>
      {o.checkId ? (
        <>
          <dt>Automated check</dt>
          <dd>
            <code>{o.checkId}</code> <span className="muted">measured at each collection</span>
          </dd>
        </>
      ) : null}
    </dl>
  );
}

function Measurements({ detail }: { detail: ObjectiveDetail }) {
  const { objective: o, measurements } = detail;
  if (measurements.length === 0) return <p className="muted">No measurement yet: one is recorded by hand, or at each AWS collection once the objective is bound to an automated check.</p>;
  const values = measurements.map((m) => m.value);
  return (
    <>
      <Sparkline width={240} height={48} values={values} targetValue={o.targetValue} met={detail.trend.met} label={`Trend of ${o.id}: ${values.map((v) => formatValue(v, o.unit)).join(", ")}`} />
      <table className="measurements" aria-label="Measurements">
        <thead>
          <tr>
            <th scope="col">Measured on</th>
            <th scope="col">Value</th>
            <th scope="col">Target</th>
            <th scope="col">Source</th>
            <th scope="col">Note</th>
          </tr>
        </thead>
        <tbody>
          {[...measurements].reverse().map((m) => (
            <tr key={m.id}>
              <td>{m.measuredOn}</td>
              <td className="number">{formatValue(m.value, o.unit)}</td>
              <td>{m.met === null ? "—" : m.met ? <span className="good-text">met</span> : <span className="bad-text">not met</span>}</td>
              <td className="small">{m.source === "check" ? `check${m.runId ? ` (${m.runId})` : ""}` : m.source}</td>
              <td className="small">{m.note ?? ""}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

function RemoveButton({ workspace, id, onRemoved }: { workspace: string; id: string; onRemoved: () => void }) {
  const [asking, setAsking] = useState(false);
  const [error, setError] = useState<string | null>(null);
  if (!asking)
    return (
      <button type="button" onClick={() => setAsking(true)}>
        Remove {id}…
      </button>
    );
  return (
    <div className="form-actions" role="group" aria-label={`Remove ${id}`}>
      <span>Remove {id} and its measurements?</span>
      <button type="button" className="danger" onClick={() => void removeObjective(workspace, id).then(onRemoved, (e: unknown) => setError(messageOf(e)))}>
        Remove
      </button>
      <button type="button" onClick={() => setAsking(false)}>
        Keep
      </button>
      <ErrorNote message={error} />
    </div>
  );
}

export function ObjectivePanel({ workspace, objectiveId, owners, onClose, onChanged, onRemoved }: Props) {
  const { principal } = useWorkspace();
  const [saved, setSaved] = useState<string | null>(null);
  const detail = useResource(`objective ${workspace} ${objectiveId}`, () => fetchObjective(workspace, objectiveId));
  const objective = detail.loaded.state === "ready" ? detail.loaded.value.objective : null;
  const title = objective ? `${objective.id} · ${objective.title}` : objectiveId;
  const resource = { id: objectiveId, clauses: ["6.2", "9.1"] };
  const mayChange = allows(principal, "update", "objectives", resource);
  return (
    <SidePanel title={title} label={`Objective ${objectiveId}`} onClose={onClose}>
      <WhenLoaded loaded={detail.loaded} what={objectiveId}>
        {(d) => (
          <>
            {d.objective.description ? <p className="scenario">{d.objective.description}</p> : null}
            <Facts detail={d} />
            <h3>Measurements</h3>
            <Measurements detail={d} />
            {mayChange ? (
              <MeasurementForm
                workspace={workspace}
                objective={d.objective}
                onRecorded={(row) => {
                  detail.reload();
                  onChanged(row);
                }}
              />
            ) : null}
            <DoneNote message={saved} />
            {mayChange ? (
              <ObjectiveForm
                // Started again when the objective changes (a save, a binding that fills its measure).
                key={JSON.stringify(d.objective)}
                objective={d.objective}
                owners={owners}
                save={async (changes) => {
                  await changeObjective(workspace, d.objective.id, changes);
                  setSaved(`Saved the changes to ${d.objective.id}.`);
                  detail.reload();
                  onChanged(null);
                }}
              />
            ) : null}
            {mayChange ? (
              <CheckBinding
                workspace={workspace}
                objective={d.objective}
                onChanged={() => {
                  detail.reload();
                  onChanged(null);
                }}
              />
            ) : null}
            {allows(principal, "delete", "objectives", resource) ? <RemoveButton workspace={workspace} id={d.objective.id} onRemoved={onRemoved} /> : null}
            {allows(principal, "read", "audit-log") ? <History workspace={workspace} entity={`objectives:${d.objective.id}`} version={JSON.stringify(d.objective)} /> : null}
          </>
        )}
      </WhenLoaded>
    </SidePanel>
  );
}
