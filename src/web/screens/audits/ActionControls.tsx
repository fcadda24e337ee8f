// What may be done to one corrective action (10.2): its owner, an editor or an administrator closes it with
// the evidence that it was done; an editor or administrator then records whether it worked, and who
// reviewed it (by default the account's own person).
import { useState, type FormEvent } from "react";
import { closeCorrectiveAction, reviewCorrectiveAction } from "../../api/audits-api.js";
import type { CorrectiveAction } from "../../api/schemas.js";
import { allows } from "../../app/access.js";
import { useWorkspace } from "../../app/session.js";
import { useSubmit } from "../../app/use-submit.js";
import { refsOf } from "../../components/FormParts.js";
import { ErrorNote } from "../../components/Notes.js";

type Step = "close" | "review";

export function ActionControls({ action, onChanged }: { action: CorrectiveAction; onChanged: (message: string) => void }) {
  const { workspace, principal } = useWorkspace();
  const [open, setOpen] = useState<Step | null>(null);
  const [text, setText] = useState("");
  const [effective, setEffective] = useState("yes");
  const [reviewer, setReviewer] = useState("");
  const { error, busy, run } = useSubmit((message) => {
    setOpen(null);
    setText("");
    onChanged(message);
  });
  const resource = { id: action.id, owner: action.owner };
  const canClose = action.status !== "closed" && allows(principal, "update", "actions", resource);
  const canReview = action.status === "closed" && action.effective !== true && allows(principal, "approve", "actions", resource);
  if (!canClose && !canReview) return null;
  const step: Step = canClose ? "close" : "review";

  const submit = (event: FormEvent) => {
    event.preventDefault();
    run(async () => {
      if (step === "close") {
        await closeCorrectiveAction(workspace, action.id, { evidenceRefs: refsOf(text) });
        return `${action.id} closed.`;
      }
      const by = reviewer.trim();
      const { action: a } = await reviewCorrectiveAction(workspace, action.id, { effective: effective === "yes", note: text, ...(by ? { by } : {}) });
      return a.status === "open" ? `${a.id} did not work and is open again.` : `${a.id} recorded as effective.`;
    });
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
      {step === "review" ? (
        <label>
          Reviewed by
          <input value={reviewer} onChange={(e) => setReviewer(e.target.value)} placeholder={principal.personId ? `you (${principal.personId})` : "a person's id or name"} required={!principal.personId} />
        </label>
      ) : null}
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
