// Adding a corrective action for an open finding of an audit (10.2): the correction made at once and the
// root cause (both needed for a nonconformity), the action on the cause, its owner and due date.
import { useState, type FormEvent } from "react";
import { addCorrectiveAction } from "../../api/audits-api.js";
import type { Finding } from "../../api/schemas.js";
import type { People } from "../../app/people.js";
import { useSubmit } from "../../app/use-submit.js";
import { FormFooter } from "../../components/FormParts.js";

export function ActionForm({ workspace, findings, people, onAdded }: { workspace: string; findings: Finding[]; people: People; onAdded: (message: string) => void }) {
  const [findingId, setFindingId] = useState(findings[0]?.id ?? "");
  const [correction, setCorrection] = useState("");
  const [rootCause, setRootCause] = useState("");
  const [action, setAction] = useState("");
  const [owner, setOwner] = useState("");
  const [dueDate, setDueDate] = useState("");
  const { error, busy, run } = useSubmit(onAdded);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const texts = { ...(correction.trim() ? { correction } : {}), ...(rootCause.trim() ? { rootCause } : {}) };
    run(async () => {
      const { action: added } = await addCorrectiveAction(workspace, { findingId, action, owner, dueDate, ...texts });
      setCorrection("");
      setRootCause("");
      setAction("");
      return `${added.id} added for ${findingId}, owned by ${people.nameOf(added.owner)}, due ${added.dueDate ?? dueDate}.`;
    });
  };

  if (findings.length === 0) return null;
  return (
    <form className="edit-form" aria-label="Add a corrective action" onSubmit={submit}>
      <fieldset>
        <legend>Add a corrective action</legend>
        <label className="field inline">
          <span className="field-label">Finding</span>
          <select value={findingId} onChange={(e) => setFindingId(e.target.value)}>
            {findings.map((f) => (
              <option key={f.id} value={f.id}>
                {f.id} · {f.description.slice(0, 60)}
              </option>
            ))}
          </select>
        </label>
        <label className="field inline">
          <span className="field-label">Correction</span>
          <input value={correction} onChange={(e) => setCorrection(e.target.value)} placeholder="what was done at once" maxLength={4000} />
        </label>
        <label className="field inline">
          <span className="field-label">Root cause</span>
          <input value={rootCause} onChange={(e) => setRootCause(e.target.value)} placeholder="why it happened" maxLength={4000} />
        </label>
        <label className="field inline">
          <span className="field-label">Action</span>
          <input value={action} onChange={(e) => setAction(e.target.value)} placeholder="what removes the cause" maxLength={4000} required />
        </label>
        <label className="field inline">
          <span className="field-label">Owner</span>
          <input value={owner} onChange={(e) => setOwner(e.target.value)} list="action-owners" placeholder="a person's id or name" required />
          <datalist id="action-owners">
            {people.list.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </datalist>
        </label>
        <label className="field inline">
          <span className="field-label">Due</span>
          <input type="date" value={dueDate} onChange={(e) => setDueDate(e.target.value)} required />
        </label>
      </fieldset>
      <FormFooter error={error} busy={busy} label="Add action" busyLabel="Adding…" />
    </form>
  );
}
