// Binding an objective to an automated AWS check, whose pass rate is then recorded as a measurement at
// each collection (9.1); or unbinding it. The API names an unknown check and the nearest ones.
import { useState, type FormEvent } from "react";
import { bindObjectiveCheck, unbindObjectiveCheck, type Objective } from "../../api/objectives-api.js";
import { messageOf } from "../../app/use-resource.js";
import { ErrorNote } from "../../components/Notes.js";

export function CheckBinding({ workspace, objective, onChanged }: { workspace: string; objective: Objective; onChanged: () => void }) {
  const [checkId, setCheckId] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const run = (change: () => Promise<unknown>) => {
    setBusy(true);
    setError(null);
    change()
      .then(() => {
        setCheckId("");
        onChanged();
      })
      .catch((e: unknown) => setError(messageOf(e)))
      .finally(() => setBusy(false));
  };
  const bind = (event: FormEvent) => {
    event.preventDefault();
    run(() => bindObjectiveCheck(workspace, objective.id, checkId.trim()));
  };

  return (
    <form className="edit-form" aria-label="Automated check" onSubmit={bind}>
      <fieldset>
        <legend>Automated check</legend>
        {objective.checkId ? (
          <p className="small">
            Measured at each AWS collection by <code>{objective.checkId}</code>.{" "}
            <button type="button" disabled={busy} onClick={() => run(() => unbindObjectiveCheck(workspace, objective.id))}>
              Unbind
            </button>
          </p>
        ) : (
          <label className="field inline">
            <span className="field-label">Check id</span>
            <input value={checkId} onChange={(e) => setCheckId(e.target.value)} placeholder="iam-user-console-mfa" required />
          </label>
        )}
      </fieldset>
      <ErrorNote message={error} />
      {objective.checkId ? null : (
        <div className="form-actions">
          <button type="submit" disabled={busy}>
            Bind to the check
          </button>
        </div>
      )}
    </form>
  );
}
