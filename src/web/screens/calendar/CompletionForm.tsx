// Recording that a planned activity was done (9.1, 9.2, A.5.18…): which one — of those the account may
// record, its own for a control owner —, the day, and what shows it. A recurring one gets its next date.
import { useState, type FormEvent } from "react";
import { recordActivityDone } from "../../api/calendar-api.js";
import type { CalendarItem } from "../../api/register-schemas.js";
import { useSubmit } from "../../app/use-submit.js";
import { refsOf } from "../../components/FormParts.js";
import { ErrorNote } from "../../components/Notes.js";

const today = () => new Date().toISOString().slice(0, 10);

export function CompletionForm({ workspace, activities, onRecorded }: { workspace: string; activities: CalendarItem[]; onRecorded: (message: string) => void }) {
  const [id, setId] = useState(activities[0]?.id ?? "");
  const [on, setOn] = useState(today);
  const [evidence, setEvidence] = useState("");
  const { error, busy, run } = useSubmit(onRecorded);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const refs = refsOf(evidence);
    run(async () => {
      const { done, next } = await recordActivityDone(workspace, id, { on, evidence: refs });
      setEvidence("");
      return `${done.id} ${done.title}: done on ${done.doneOn ?? on}.${next ? ` Next: ${next.id} due ${next.due}.` : " A one-off: nothing further is planned."}`;
    });
  };

  if (activities.length === 0) return null;
  return (
    <form className="toolbar" aria-label="Record an activity as done" onSubmit={submit}>
      <strong>Record as done</strong>
      <label>
        Activity
        <select value={id} onChange={(e) => setId(e.target.value)} required>
          {activities.map((a) => (
            <option key={a.id} value={a.id}>
              {a.id} · {a.title} (due {a.due})
            </option>
          ))}
        </select>
      </label>
      <label>
        Done on
        <input type="date" value={on} onChange={(e) => setOn(e.target.value)} required />
      </label>
      <label>
        Evidence
        <input value={evidence} onChange={(e) => setEvidence(e.target.value)} placeholder="E-042, JIRA-7" />
      </label>
      <button type="submit" disabled={busy}>
        Record
      </button>
      <ErrorNote message={error} />
    </form>
  );
}
