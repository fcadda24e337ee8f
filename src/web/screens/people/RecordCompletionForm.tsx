// The form an editor or administrator records a completed course with (7.2 d, 7.3): who, which course
// (its id or title), and on which day. The API's refusal is shown in its own words.
import { useState, type FormEvent } from "react";
import { recordTrainingCompletion } from "../../api/endpoints.js";
import type { Person } from "../../api/register-schemas.js";
import { messageOf } from "../../app/use-resource.js";
import { ErrorNote } from "../../components/Notes.js";

const today = () => new Date().toISOString().slice(0, 10);

export function RecordCompletionForm({ workspace, people, onRecorded }: { workspace: string; people: Person[]; onRecorded: (message: string) => void }) {
  const [person, setPerson] = useState(people[0]?.id ?? "");
  const [course, setCourse] = useState("");
  const [completedOn, setCompletedOn] = useState(today);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    recordTrainingCompletion(workspace, { person, course, completedOn })
      .then(({ record, already }) => {
        setCourse("");
        onRecorded(already ? `${record.personId} had this completion of ${record.courseId} recorded already.` : `Recorded: ${record.personId} completed ${record.courseId} on ${record.completedOn}.`);
      })
      .catch((e: unknown) => setError(messageOf(e)))
      .finally(() => setBusy(false));
  };

  return (
    <form className="toolbar" aria-label="Record a completion" onSubmit={submit}>
      <strong>Record a completion</strong>
      <label>
        Person
        <select value={person} onChange={(e) => setPerson(e.target.value)} required>
          {people.map((p) => (
            <option key={p.id} value={p.id}>
              {p.id} · {p.name}
            </option>
          ))}
        </select>
      </label>
      <label>
        Course
        <input value={course} onChange={(e) => setCourse(e.target.value)} placeholder="TC-001 or its title" required />
      </label>
      <label>
        Completed on
        <input type="date" value={completedOn} onChange={(e) => setCompletedOn(e.target.value)} required />
      </label>
      <button type="submit" disabled={busy}>
        Record
      </button>
      <ErrorNote message={error} />
    </form>
  );
}
