// What may be done to one corrective action (10.2): its owner, an editor or an administrator closes it with
// the evidence that it was done; an editor or administrator then records whether it worked.
import { useState, type FormEvent } from "react";
import { closeCorrectiveAction, reviewCorrectiveAction } from "../../api/audits-api.js";
import type { CorrectiveAction } from "../../api/schemas.js";
import { allows } from "../../app/access.js";
import { useWorkspace } from "../../app/session.js";
import { messageOf } from "../../app/use-resource.js";
import { ErrorNote } from "../../components/Notes.js";

type Step = "close" | "review";

export function ActionControls({ action, onChanged }: { action: CorrectiveAction; onChanged: (message: string) => void }) {
  const { workspace, principal } = useWorkspace();
  const [open, setOpen] = useState<Step | null>(null);
  const [text, setText] = useState("");
  const [effective, setEffective] = useState("yes");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const resource = { id: action.id, owner: action.owner };
  const canClose = action.status !== "closed" && allows(principal, "update", "actions", resource);
  const canReview = action.status === "closed" && action.effective !== true && allows(principal, "approve", "actions", resource);
  if (!canClose && !canReview) return null;
  const step: Step = canClose ? "close" : "review";

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    const done =
      step === "close"
        ? closeCorrectiveAction(workspace, action.id, { evidenceRefs: text.split(",").map((e) => e.trim()).filter(Boolean) }).then(() => `${action.id} closed.`)
        : reviewCorrectiveAction(workspace, action.id, { effective: effective === "yes", note: text }).then(({ action: a }) => (a.status === "open" ? `${a.id} did not work and is open again.` : `${a.id} recorded as effective.`));
    done
      .then((message) => {
        setOpen(null);
        setText("");
        onChanged(message);
      })
      .catch((e: unknown) => setError(messageOf(e)))
      .finally(() => setBusy(false));
  };

  if (open === null) {
    return (
      <button type="button" className="small" onClick={() => setOpen(step)}>
        {step === "close" ? `Close ${action.id}…` : `Review ${action.id}…`}
      </button>
    );
  }
  return (
    <form className="toolbar" aria-label={step === "close" ? `Close ${action.id}` : `Review the effectiveness of ${action.id}`} onSubmit={submit}>
      {step === "review" ? (
        <label>
          Worked?
          <select value={effective} onChange={(e) => setEffective(e.target.value)}>
            <option value="yes">effective</option>
            <option value="no">not effective</option>
          </select>
        </label>
      ) : null}
      <label>
        {step === "close" ? "Closure evidence" : "What the review looked at"}
        <input value={text} onChange={(e) => setText(e.target.value)} placeholder={step === "close" ? "E-042, JIRA-7" : "no failed job in 3 months"} required autoFocus />
      </label>
      <button type="submit" disabled={busy}>
        {step === "close" ? "Close" : "Record review"}
      </button>
      <button type="button" onClick={() => setOpen(null)}>
        Cancel
      </button>
      <ErrorNote message={error} />
    </form>
  );
}
