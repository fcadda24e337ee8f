// The form an editor or administrator records a completed course with (7.2 d, 7.3): who, which course
// of the catalogue, and on which day. The API's refusal is shown in its own words.
import { useState, type FormEvent } from "react";
import { recordTrainingCompletion } from "../../api/endpoints.js";
import type { Person } from "../../api/register-schemas.js";
import { fetchTrainingCourses, type TrainingCourse } from "../../api/training-api.js";
import { useResource } from "../../app/use-resource.js";
import { useSubmit } from "../../app/use-submit.js";
import { ErrorNote } from "../../components/Notes.js";

const today = () => new Date().toISOString().slice(0, 10);

/** "TC-001 · Security awareness (awareness, 12 months)". */
const courseLabel = (c: TrainingCourse) => `${c.id} · ${c.title} (${c.kind}, ${c.validityMonths ? `${c.validityMonths} months` : "does not expire"})`;

export function RecordCompletionForm({ workspace, people, onRecorded }: { workspace: string; people: Person[]; onRecorded: (message: string) => void }) {
  const [person, setPerson] = useState(people[0]?.id ?? "");
  const catalogue = useResource(`training courses ${workspace}`, () => fetchTrainingCourses(workspace));
  const courses = catalogue.loaded.state === "ready" ? catalogue.loaded.value.courses : [];
  const [chosen, setCourse] = useState("");
  const course = chosen || (courses[0]?.id ?? "");
  const [completedOn, setCompletedOn] = useState(today);
  const { error, busy, run } = useSubmit(onRecorded);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    run(async () => {
      const { record, already } = await recordTrainingCompletion(workspace, { person, course, completedOn });
      return already ? `${record.personId} had this completion of ${record.courseId} recorded already.` : `Recorded: ${record.personId} completed ${record.courseId} on ${record.completedOn}.`;
    });
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
        <select value={course} onChange={(e) => setCourse(e.target.value)} required disabled={courses.length === 0}>
          {courses.length === 0 ? <option value="">{catalogue.loaded.state === "loading" ? "Loading the courses…" : "No course yet"}</option> : null}
          {courses.map((c) => (
            <option key={c.id} value={c.id}>
              {courseLabel(c)}
            </option>
          ))}
        </select>
      </label>
      <label>
        Completed on
        <input type="date" value={completedOn} onChange={(e) => setCompletedOn(e.target.value)} required />
      </label>
      <button type="submit" disabled={busy || course === ""}>
        Record
      </button>
      {catalogue.loaded.state === "ready" && courses.length === 0 ? <p className="muted">No course in the catalogue yet: add one with isms training courses add.</p> : null}
      <ErrorNote message={catalogue.loaded.state === "failed" ? catalogue.loaded.error : error} />
    </form>
  );
}
