// The scope statement and its boundaries (4.3) with top management's approval: the edit form (a change
// clears the approval) and the approval for those whose role may, each refusal in the API's words.
import { useEffect, useRef, useState, type FormEvent } from "react";
import { approveScope, changeScope, type Scope } from "../../api/scope-api.js";
import { allows } from "../../app/access.js";
import { useWorkspace } from "../../app/session.js";
import { useSubmit } from "../../app/use-submit.js";
import { ErrorNote } from "../../components/Notes.js";

interface Props {
  scope: Scope;
  people: { id: string; name: string }[];
  nameOf: (id: string | null) => string;
  onChanged: (scope: Scope, message: string) => void;
}

/** The scope resource as the permission table sees it: clause 4.3. */
const scopeResource = { id: "the scope", clauses: ["4.3"] };

function Approval({ scope, nameOf }: { scope: Scope; nameOf: (id: string | null) => string }) {
  if (!scope.approval) {
    return (
      <span className="pill warn" data-testid="scope-approval">
        not approved
      </span>
    );
  }
  return (
    <span className="pill good" data-testid="scope-approval">
      approved by {nameOf(scope.approval.by)} on {scope.approval.at.slice(0, 10)}
    </span>
  );
}

function EditForm({ scope, onSaved, onCancel }: { scope: Scope; onSaved: (scope: Scope) => void; onCancel: () => void }) {
  const [statement, setStatement] = useState(scope.statement ?? "");
  const [boundaries, setBoundaries] = useState(scope.boundaries);
  const { error, busy, run } = useSubmit(onSaved);
  const { workspace } = useWorkspace();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const changes: { statement?: string; boundaries?: string } = {};
    if (statement !== (scope.statement ?? "")) changes.statement = statement;
    if (boundaries !== scope.boundaries) changes.boundaries = boundaries;
    if (Object.keys(changes).length === 0) return onCancel();
    run(() => changeScope(workspace, changes));
  };

  return (
    <form className="edit-form" aria-label="Change the scope" onSubmit={submit}>
      <label className="field">
        <span className="field-label">Scope statement</span>
        <textarea rows={6} value={statement} onChange={(e) => setStatement(e.target.value)} />
      </label>
      <label className="field">
        <span className="field-label">Boundaries</span>
        <textarea rows={3} value={boundaries} onChange={(e) => setBoundaries(e.target.value)} />
        <span className="field-hint">Saving a change clears the approval: the scope then needs approving again.</span>
      </label>
      <ErrorNote message={error} />
      <div className="form-actions">
        <button type="submit" className="primary" disabled={busy}>
          {busy ? "Saving…" : "Save scope"}
        </button>
        <button type="button" disabled={busy} onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}

function ApproveForm({ people, onApproved }: { people: Props["people"]; onApproved: (scope: Scope) => void }) {
  const { workspace, principal } = useWorkspace();
  const [picked, setPerson] = useState("");
  // The people may arrive after the form: until one is picked, the account's own person or the first.
  const person = picked || principal.personId || people[0]?.id || "";
  const { error, busy, run } = useSubmit(onApproved);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    run(() => approveScope(workspace, person || undefined));
  };
  return (
    <form className="toolbar" aria-label="Approve the scope" onSubmit={submit}>
      <label>
        Approved by{" "}
        <select value={person} onChange={(e) => setPerson(e.target.value)}>
          {people.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name} ({p.id})
            </option>
          ))}
        </select>
      </label>
      <button type="submit" disabled={busy}>
        Approve scope
      </button>
      <ErrorNote message={error} />
    </form>
  );
}

export function ScopeStatement({ scope, people, nameOf, onChanged }: Props) {
  const { principal } = useWorkspace();
  const [editing, setEditing] = useState(false);
  const editButton = useRef<HTMLButtonElement>(null);
  const wasEditing = useRef(false);
  useEffect(() => {
    // Back from the form, the focus returns to the button that opened it.
    if (wasEditing.current && !editing) editButton.current?.focus();
    wasEditing.current = editing;
  }, [editing]);
  const mayChange = allows(principal, "update", "scope", scopeResource);
  const mayApprove = allows(principal, "approve", "scope", scopeResource) && scope.statement !== null;
  return (
    <section className="card scope-statement" aria-labelledby="scope-statement-title">
      <div className="stage-head">
        <h2 id="scope-statement-title" className="section-title">
          Scope statement
        </h2>
        <Approval scope={scope} nameOf={nameOf} />
      </div>
      {editing ? (
        <EditForm
          scope={scope}
          onCancel={() => setEditing(false)}
          onSaved={(saved) => {
            setEditing(false);
            onChanged(saved, "Scope saved. It is no longer approved: it needs approving again.");
          }}
        />
      ) : (
        <>
          <p className="prose" data-testid="scope-text">
            {scope.statement ?? <span className="muted">No scope statement yet{mayChange ? ": write one with Edit scope." : "."}</span>}
          </p>
          <h3>Boundaries</h3>
          <p className="prose" data-testid="scope-boundaries">
            {scope.boundaries || <span className="muted">None stated.</span>}
          </p>
          {mayChange ? (
            <div className="form-actions">
              <button type="button" ref={editButton} onClick={() => setEditing(true)}>
                Edit scope
              </button>
            </div>
          ) : null}
        </>
      )}
      {mayApprove && !editing && !scope.approval ? <ApproveForm people={people} onApproved={(s) => onChanged(s, `Scope approved by ${nameOf(s.approval?.by ?? null)}.`)} /> : null}
    </section>
  );
}
