// Findings (major or minor nonconformity, observation, opportunity) each with the corrective actions that
// answer it (10.2): owner, due date, status and whether they proved effective; with `onChanged`, the
// closure and review controls the account may use.
import type { CorrectiveAction, Finding } from "../../api/schemas.js";
import type { People } from "../../app/people.js";
import { ActionControls } from "./ActionControls.js";

const findingClass = (kind: string) => (kind.startsWith("major") ? "pill bad" : kind.startsWith("minor") ? "pill warn" : "pill");
const effectiveness = (a: CorrectiveAction) => (a.effective === null ? "" : a.effective ? ", effective" : ", not effective");

interface Props {
  findings: Finding[];
  actions: CorrectiveAction[];
  people: People;
  label: string;
  onChanged?: (message: string) => void;
}

export function FindingsTable({ findings, actions, people, label, onChanged }: Props) {
  if (findings.length === 0) return <p className="muted">No finding yet.</p>;
  return (
    <div className="table-wrap">
      <table className="grid" aria-label={label}>
        <thead>
          <tr>
            <th scope="col" style={{ width: "6rem" }}>
              ID
            </th>
            <th scope="col" style={{ width: "8rem" }}>
              Kind
            </th>
            <th scope="col">Finding and corrective actions</th>
            <th scope="col" style={{ width: "6rem" }}>
              Status
            </th>
            <th scope="col" style={{ width: "7rem" }}>
              Due
            </th>
          </tr>
        </thead>
        <tbody>
          {findings.map((f) => {
            const answering = actions.filter((a) => a.findingId === f.id);
            return (
              <tr key={f.id}>
                <td>
                  {f.id}
                  <div className="muted small">{f.auditId}</div>
                </td>
                <td>
                  <span className={findingClass(f.kind)}>{f.kind.replace(/[_-]/g, " ")}</span>
                </td>
                <td>
                  {f.description}
                  {f.requirement ? <span className="muted small"> ({f.requirement})</span> : null}
                  {answering.length > 0 ? (
                    <ul className="plain small">
                      {answering.map((a) => (
                        <li key={a.id}>
                          <span className="muted">{a.id}</span> {a.description} <span className={a.status === "closed" ? "pill good" : "pill warn"}>{a.status}</span>{" "}
                          <span className="muted">
                            {people.nameOf(a.owner) || "no owner"}
                            {a.dueDate ? `, due ${a.dueDate}` : ""}
                            {effectiveness(a)}
                          </span>
                          {onChanged ? <ActionControls action={a} onChanged={onChanged} /> : null}
                        </li>
                      ))}
                    </ul>
                  ) : (
                    <div className="muted small">no corrective action yet</div>
                  )}
                </td>
                <td>
                  <span className={f.status === "closed" ? "pill good" : "pill warn"}>{f.status}</span>
                </td>
                <td className="small">{f.dueDate ?? "—"}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
