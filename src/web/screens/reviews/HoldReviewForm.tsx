// Recording a planned management review as held (9.3.3): who attended, what was decided (one decision a
// line), the actions with owner and due day, and where the minutes are. The API's refusal is shown in
// its own words.
import { useState, type FormEvent } from "react";
import type { Person } from "../../api/register-schemas.js";
import { holdReview, type Review } from "../../api/reviews-api.js";
import { useSubmit } from "../../app/use-submit.js";
import { ErrorNote } from "../../components/Notes.js";

const today = () => new Date().toISOString().slice(0, 10);

interface ActionRow {
  key: number;
  text: string;
  owner: string;
  due: string;
}

interface Props {
  workspace: string;
  review: Review;
  people: Person[];
  onHeld: (warnings: string[]) => void;
}

export function HoldReviewForm({ workspace, review, people, onHeld }: Props) {
  const [attending, setAttending] = useState<ReadonlySet<string>>(() => new Set(review.attendees.filter((a) => people.some((p) => p.id === a))));
  const [others, setOthers] = useState("");
  const [decisions, setDecisions] = useState("");
  const [actions, setActions] = useState<ActionRow[]>([]);
  const [minutesRef, setMinutesRef] = useState("");
  const [on, setOn] = useState(() => (review.heldOn > today() ? today() : review.heldOn));
  const { error, busy, run } = useSubmit(onHeld);

  const toggle = (id: string) =>
    setAttending((now) => {
      const next = new Set(now);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  const changeAction = (key: number, change: Partial<ActionRow>) => setActions((rows) => rows.map((r) => (r.key === key ? { ...r, ...change } : r)));
  const addAction = () => setActions((rows) => [...rows, { key: Math.max(0, ...rows.map((r) => r.key)) + 1, text: "", owner: people[0]?.id ?? "", due: "" }]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const attendees = [...attending, ...others.split(",").map((o) => o.trim()).filter(Boolean)];
    const input = {
      attendees,
      decisions: decisions.split("\n").map((d) => d.trim()).filter(Boolean),
      actions: actions.map(({ text, owner, due }) => ({ text, owner, due })),
      on,
      ...(minutesRef.trim() ? { minutesRef: minutesRef.trim() } : {}),
    };
    run(async () => (await holdReview(workspace, review.id, input)).warnings);
  };

  return (
    <form className="edit-form" aria-label="Record as held" onSubmit={submit}>
      <fieldset>
        <legend>Attendees</legend>
        <div className="review-attendees">
          {people.map((p) => (
            <label key={p.id}>
              <input type="checkbox" checked={attending.has(p.id)} onChange={() => toggle(p.id)} /> {p.name} <span className="muted small">({p.id})</span>
            </label>
          ))}
        </div>
        <label className="field">
          <span className="field-label">Others attending</span>
          <input value={others} onChange={(e) => setOthers(e.target.value)} placeholder="Names, comma-separated (an outside adviser)" />
        </label>
      </fieldset>
      <fieldset>
        <legend>Outcome (9.3.3)</legend>
        <label className="field">
          <span className="field-label">Decisions</span>
          <textarea rows={3} value={decisions} onChange={(e) => setDecisions(e.target.value)} placeholder="One decision a line" />
          <span className="field-hint">One decision a line: improvement opportunities, changes needed to the ISMS.</span>
        </label>
        {actions.map((a, i) => (
          <div key={a.key} className="review-action-row" role="group" aria-label={`Action ${i + 1}`}>
            <label className="field">
              <span className="field-label">What to do</span>
              <input value={a.text} onChange={(e) => changeAction(a.key, { text: e.target.value })} required />
            </label>
            <label className="field">
              <span className="field-label">Owner</span>
              <select value={a.owner} onChange={(e) => changeAction(a.key, { owner: e.target.value })} required>
                {people.map((p) => (
                  <option key={p.id} value={p.id}>
                    {p.name} ({p.id})
                  </option>
                ))}
              </select>
            </label>
            <label className="field">
              <span className="field-label">Due</span>
              <input type="date" value={a.due} onChange={(e) => changeAction(a.key, { due: e.target.value })} required />
            </label>
            <button type="button" className="quiet" onClick={() => setActions((rows) => rows.filter((r) => r.key !== a.key))} aria-label={`Remove action ${i + 1}`}>
              Remove
            </button>
          </div>
        ))}
        <div>
          <button type="button" onClick={addAction} disabled={people.length === 0}>
            Add an action
          </button>
        </div>
      </fieldset>
      <fieldset>
        <label className="field inline">
          <span className="field-label">Held on</span>
          <input type="date" value={on} onChange={(e) => setOn(e.target.value)} required />
        </label>
        <label className="field inline">
          <span className="field-label">Minutes</span>
          <input value={minutesRef} onChange={(e) => setMinutesRef(e.target.value)} placeholder="Where the minutes are kept" />
        </label>
      </fieldset>
      <div className="form-actions">
        <button type="submit" className="primary" disabled={busy}>
          Record as held
        </button>
      </div>
      <ErrorNote message={error} />
    </form>
  );
}
