// Recording a security review of a supplier (A.5.22): what it found, the day, and when the next is due
// (left empty, the server sets it 12 months later for critical and high suppliers, else 24).
import { useState, type FormEvent } from "react";
import { recordSupplierReview, type Supplier } from "../../api/suppliers-api.js";
import { useSubmit } from "../../app/use-submit.js";
import { ErrorNote } from "../../components/Notes.js";

const today = () => new Date().toISOString().slice(0, 10);

export function SupplierReviewForm({ workspace, supplier, onRecorded }: { workspace: string; supplier: Supplier; onRecorded: (supplier: Supplier, message: string) => void }) {
  const [result, setResult] = useState("");
  const [on, setOn] = useState(today);
  const [next, setNext] = useState("");
  const { error, busy, run } = useSubmit((recorded: { saved: Supplier; message: string }) => onRecorded(recorded.saved, recorded.message));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    run(async () => {
      const { supplier: saved, review } = await recordSupplierReview(workspace, supplier.id, { result, on, ...(next ? { next } : {}) });
      setResult("");
      setNext("");
      return { saved, message: `Recorded the review of ${saved.id} on ${review.on}; the next is due on ${review.next}.` };
    });
  };

  return (
    <form className="edit-form" aria-label="Record a review" onSubmit={submit}>
      <fieldset>
        <legend>Record a security review</legend>
        <label className="field">
          <span className="field-label">Result</span>
          <textarea value={result} onChange={(e) => setResult(e.target.value)} rows={2} placeholder="Satisfactory; SOC 2 report read, no exceptions" required />
        </label>
        <label className="field inline">
          <span className="field-label">Reviewed on</span>
          <input type="date" value={on} max={today()} onChange={(e) => setOn(e.target.value)} required />
        </label>
        <label className="field inline">
          <span className="field-label">Next review</span>
          <input type="date" value={next} onChange={(e) => setNext(e.target.value)} aria-describedby="next-review-hint" />
        </label>
        <span id="next-review-hint" className="field-hint">
          Empty: {supplier.criticality === "critical" || supplier.criticality === "high" ? "12" : "24"} months after the review.
        </span>
      </fieldset>
      <div className="form-actions">
        <button type="submit" disabled={busy}>
          Record review
        </button>
      </div>
      <ErrorNote message={error} />
    </form>
  );
}
