// Preparing a management review (9.3.2): the day it is planned for and who chairs it; the API gathers
// every input from the registers. The API's refusal is shown in its own words.
import { useEffect, useRef, useState, type FormEvent } from "react";
import type { Person } from "../../api/register-schemas.js";
import { prepareReview } from "../../api/reviews-api.js";
import { useSubmit } from "../../app/use-submit.js";
import { ErrorNote } from "../../components/Notes.js";

const today = () => new Date().toISOString().slice(0, 10);

export function PrepareReviewForm({ workspace, people, onPrepared, onCancel }: { workspace: string; people: Person[]; onPrepared: (id: string) => void; onCancel: () => void }) {
  const [on, setOn] = useState(today);
  const [chair, setChair] = useState(() => people.find((p) => p.ismsRoles.includes("top-management"))?.id ?? "");
  const { error, busy, run } = useSubmit(onPrepared);
  const first = useRef<HTMLInputElement>(null);
  useEffect(() => first.current?.focus(), []);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    run(async () => (await prepareReview(workspace, { on, ...(chair ? { chair } : {}) })).review.id);
  };

  return (
    <form className="edit-form" aria-label="Prepare a review" onSubmit={submit}>
      <fieldset>
        <legend>Prepare a review</legend>
        <p className="field-hint">The inputs of 9.3.2 (changes of context, performance, audits, risks, opportunities) are gathered from the registers as they stand.</p>
        <label className="field inline">
          <span className="field-label">Planned for</span>
          <input ref={first} type="date" value={on} onChange={(e) => setOn(e.target.value)} required />
        </label>
        <label className="field inline">
          <span className="field-label">Chair</span>
          <select value={chair} onChange={(e) => setChair(e.target.value)}>
            <option value="">No chair named</option>
            {people.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name} ({p.id})
              </option>
            ))}
          </select>
        </label>
      </fieldset>
      <div className="form-actions">
        <button type="submit" className="primary" disabled={busy}>
          Prepare
        </button>
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
      <ErrorNote message={error} />
    </form>
  );
}
