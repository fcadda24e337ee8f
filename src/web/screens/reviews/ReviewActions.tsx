// The actions a review decided (9.3.3) with owner, due day and status; for administrators and editors, a
// status to set on each (done or cancelled records the day). The API's refusal is shown in its own words.
import { useState } from "react";
import { changeReviewAction, reviewActionStatuses, type Review, type ReviewAction, type ReviewActionStatus } from "../../api/reviews-api.js";
import { messageOf } from "../../app/use-resource.js";
import { ErrorNote } from "../../components/Notes.js";

const statusLabel = (status: string) => status.replace("_", " ");
const today = () => new Date().toISOString().slice(0, 10);
const isOpen = (a: ReviewAction) => a.status === "open" || a.status === "in_progress";

function StatusChange({ action, onSave, busy }: { action: ReviewAction; onSave: (status: ReviewActionStatus) => void; busy: boolean }) {
  const [status, setStatus] = useState(action.status);
  const chosen = reviewActionStatuses.find((s) => s === status);
  return (
    <span className="review-status-change">
      <select aria-label={`Status of ${action.id}`} value={status} onChange={(e) => setStatus(e.target.value)}>
        {reviewActionStatuses.map((s) => (
          <option key={s} value={s}>
            {statusLabel(s)}
          </option>
        ))}
      </select>
      <button type="button" disabled={busy || !chosen || chosen === action.status} onClick={() => chosen && onSave(chosen)}>
        Save
      </button>
    </span>
  );
}

interface Props {
  workspace: string;
  review: Review;
  names: (id: string | null) => string;
  mayChange: boolean;
  onChanged: () => void;
}

export function ReviewActions({ workspace, review, names, mayChange, onChanged }: Props) {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  if (review.actions.length === 0) return <p className="muted">{review.status === "planned" ? "None yet: actions are decided when the review is held." : "The review decided no action."}</p>;

  const save = (action: ReviewAction, status: ReviewActionStatus) => {
    const n = Number(/-A(\d+)$/.exec(action.id)?.[1]);
    setBusy(true);
    setError(null);
    changeReviewAction(workspace, review.id, n, { status })
      .then(onChanged)
      .catch((e: unknown) => setError(messageOf(e)))
      .finally(() => setBusy(false));
  };

  return (
    <>
      <div className="table-wrap">
        <table className="grid" aria-label={`Actions of ${review.id}`}>
          <thead>
            <tr>
              <th scope="col" style={{ width: "7.5rem" }}>
                ID
              </th>
              <th scope="col">Action</th>
              <th scope="col">Owner</th>
              <th scope="col" style={{ width: "6.5rem" }}>
                Due
              </th>
              <th scope="col" style={{ width: mayChange ? "12rem" : "7rem" }}>
                Status
              </th>
            </tr>
          </thead>
          <tbody>
            {review.actions.map((a) => (
              <tr key={a.id} data-action={a.id}>
                <td className="review-nowrap">{a.id}</td>
                <td>
                  {a.description}
                  {a.note ? <div className="small muted">{a.note}</div> : null}
                </td>
                <td className="small">{names(a.owner)}</td>
                <td className={isOpen(a) && a.dueDate !== null && a.dueDate < today() ? "review-nowrap bad-text" : "review-nowrap"}>{a.dueDate ?? "—"}</td>
                <td>
                  {mayChange ? (
                    <StatusChange key={a.status} action={a} busy={busy} onSave={(status) => save(a, status)} />
                  ) : (
                    <span className="pill" data-testid={`status-${a.id}`}>
                      {statusLabel(a.status)}
                      {a.closedOn ? ` ${a.closedOn}` : ""}
                    </span>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <ErrorNote message={error} />
    </>
  );
}
