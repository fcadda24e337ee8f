// The SoA's table: one row per control, its header in place while the body scrolls. Those who may
// change a control edit its applicability and justification in the row: Enter saves, Escape cancels.
import { useState, type KeyboardEvent } from "react";
import { applicabilityLabels, displayControlId, soaApplicabilities, statusLabels, type SoaApplicability } from "../../../domain/soa/entry.js";
import { changeControl } from "../../api/endpoints.js";
import type { SoaRow } from "../../api/schemas.js";
import { allows } from "../../app/access.js";
import { hrefOf } from "../../app/router.js";
import { useWorkspace } from "../../app/session.js";
import { messageOf } from "../../app/use-resource.js";
import { ErrorNote } from "../../components/Notes.js";

interface Props {
  rows: readonly SoaRow[];
  workspace: string;
  openControl: string | null;
  onChanged: (row: SoaRow) => void;
}

function isApplicability(value: string): value is SoaApplicability {
  return soaApplicabilities.some((a) => a === value);
}

function ApplicabilityText({ row }: { row: SoaRow }) {
  if (!row.applicability) return <span className="pill warn">undecided</span>;
  return <span className={`pill app-${row.applicability}`}>{applicabilityLabels[row.applicability]}</span>;
}

function StatusText({ row }: { row: SoaRow }) {
  if (row.applicability === "not_applicable") return <span className="muted">—</span>;
  if (!row.implementationStatus) return <span className="muted">not assessed</span>;
  return <span title={`status ${row.statusSource}`}>{statusLabels[row.implementationStatus]}</span>;
}

function EditingCells({ row, workspace, onDone }: { row: SoaRow; workspace: string; onDone: (saved: SoaRow | null) => void }) {
  const [applicability, setApplicability] = useState<string>(row.applicability ?? "");
  const [justification, setJustification] = useState(row.justification);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function save() {
    if (!isApplicability(applicability)) return setError("Choose whether the control is applicable, inherited or not applicable.");
    setBusy(true);
    setError(null);
    try {
      const answer = await changeControl(workspace, row.controlId, { applicability, justification });
      onDone(answer.control);
    } catch (e) {
      setError(messageOf(e));
      setBusy(false);
    }
  }

  const keys = (event: KeyboardEvent) => {
    if (event.key === "Escape") {
      event.preventDefault();
      event.stopPropagation();
      onDone(null);
    } else if (event.key === "Enter" && !event.shiftKey && !(event.target instanceof HTMLButtonElement)) {
      event.preventDefault();
      void save();
    }
  };

  return (
    <td colSpan={2} className="editing" onKeyDown={keys}>
      <div className="row-editor" role="group" aria-label={`Change ${displayControlId(row.controlId)}`}>
        <select aria-label="Applicability" value={applicability} onChange={(e) => setApplicability(e.target.value)} autoFocus>
          {row.applicability === null ? <option value="">— undecided</option> : null}
          {soaApplicabilities.map((a) => (
            <option key={a} value={a}>
              {applicabilityLabels[a]}
            </option>
          ))}
        </select>
        <textarea aria-label="Justification" rows={3} value={justification} onChange={(e) => setJustification(e.target.value)} placeholder="Why it is included, inherited from AWS or excluded" />
        <div className="form-actions">
          <button type="button" className="primary" disabled={busy} onClick={() => void save()}>
            {busy ? "Saving…" : "Save"}
          </button>
          <button type="button" disabled={busy} onClick={() => onDone(null)}>
            Cancel
          </button>
          <span className="muted small">Enter saves · Shift+Enter new line · Escape cancels</span>
        </div>
        <ErrorNote message={error} />
      </div>
    </td>
  );
}

export function SoaTable({ rows, workspace, openControl, onChanged }: Props) {
  const { principal } = useWorkspace();
  const [editing, setEditing] = useState<string | null>(null);
  const mayChange = (row: SoaRow) => allows(principal, "update", "soa", { id: row.controlId, owner: row.owner, controlIds: [row.controlId] });
  const anyChangeable = rows.some(mayChange);

  return (
    <div className="table-scroll">
      <table className="grid soa" aria-label="Statement of Applicability">
        <colgroup>
          <col style={{ width: "4.5rem" }} />
          <col />
          <col style={{ width: "8rem" }} />
          <col style={{ width: "30%" }} />
          <col style={{ width: "8.5rem" }} />
          <col style={{ width: "9rem" }} />
          <col style={{ width: "5.4rem" }} />
          <col style={{ width: "5rem" }} />
          {anyChangeable ? <col style={{ width: "4rem" }} /> : null}
        </colgroup>
        <thead>
          <tr>
            <th scope="col">ID</th>
            <th scope="col">Control</th>
            <th scope="col">Applicability</th>
            <th scope="col">Justification</th>
            <th scope="col">Status</th>
            <th scope="col">Owner</th>
            <th scope="col" className="right">Evidence</th>
            <th scope="col" className="right">Checks</th>
            {anyChangeable ? <th scope="col"><span className="visually-hidden">Edit</span></th> : null}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.controlId} className={row.controlId === openControl ? "selected" : undefined} data-control={row.controlId}>
              <td>
                <a href={hrefOf({ page: "section", workspace, section: "soa", item: row.controlId })} title={`Open ${displayControlId(row.controlId)}`}>
                  {displayControlId(row.controlId)}
                </a>
              </td>
              <td className="wrap">{row.title}</td>
              {editing === row.controlId ? (
                <EditingCells
                  row={row}
                  workspace={workspace}
                  onDone={(saved) => {
                    setEditing(null);
                    if (saved) onChanged(saved);
                  }}
                />
              ) : (
                <>
                  <td data-testid="applicability">
                    <ApplicabilityText row={row} />
                  </td>
                  <td className="wrap" title={row.justification} data-testid="justification">
                    <div className="clamp">{row.justification || <span className="muted">—</span>}</div>
                  </td>
                </>
              )}
              <td>
                <StatusText row={row} />
              </td>
              <td title={row.ownerName ?? row.owner ?? ""}>{row.ownerName ?? row.owner ?? <span className="muted">—</span>}</td>
              <td className="right" title={`${row.evidence.fresh} fresh of ${row.evidence.count}`}>
                {row.evidence.count === 0 ? <span className="muted">0</span> : `${row.evidence.fresh}/${row.evidence.count}`}
              </td>
              <td className="right">
                {row.automatedChecks ? (
                  <span className={row.automatedChecks.failed > 0 ? "bad-text" : "good-text"} title={`${row.automatedChecks.passed} passed, ${row.automatedChecks.failed} failed`}>
                    {row.automatedChecks.passed}✓ {row.automatedChecks.failed}✗
                  </span>
                ) : (
                  <span className="muted">—</span>
                )}
              </td>
              {anyChangeable ? (
                <td>
                  {mayChange(row) && editing !== row.controlId ? (
                    <button type="button" className="small" onClick={() => setEditing(row.controlId)} aria-label={`Edit ${displayControlId(row.controlId)}`}>
                      Edit
                    </button>
                  ) : null}
                </td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>
      {rows.length === 0 ? <div className="table-empty muted">No control matches the filters.</div> : null}
    </div>
  );
}
