// The forms an editor or administrator keeps the people register with (5.3, A.6.1, A.6.5): adding a
// joiner with their ISMS roles, and giving a leaver their leaving day. The API's refusal is shown as it says it.
import { useState, type FormEvent } from "react";
import { addPerson, changePerson, ismsRoleNames } from "../../api/people-api.js";
import type { Person } from "../../api/register-schemas.js";
import { useSubmit } from "../../app/use-submit.js";
import { ErrorNote } from "../../components/Notes.js";

const today = () => new Date().toISOString().slice(0, 10);
const orNull = (text: string) => (text.trim() === "" ? null : text.trim());

export function AddPersonForm({ workspace, onSaved }: { workspace: string; onSaved: (message: string) => void }) {
  const [name, setName] = useState("");
  const [email, setEmail] = useState("");
  const [role, setRole] = useState("");
  const [startDate, setStartDate] = useState(today);
  const [roles, setRoles] = useState<string[]>([]);
  const { error, busy, run } = useSubmit(onSaved);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    run(async () => {
      const { person } = await addPerson(workspace, { name, email: orNull(email), role: orNull(role), startDate: orNull(startDate), ismsRoles: roles });
      setName("");
      setEmail("");
      setRole("");
      setRoles([]);
      return `Added ${person.id} ${person.name}. Record their awareness training when it is done.`;
    });
  };
  const toggle = (r: string) => setRoles((current) => (current.includes(r) ? current.filter((x) => x !== r) : [...current, r]));

  return (
    <form className="edit-form" aria-label="Add a person" onSubmit={submit}>
      <fieldset>
        <legend>Add a person</legend>
        <div className="toolbar">
          <label>
            Name
            <input value={name} onChange={(e) => setName(e.target.value)} required />
          </label>
          <label>
            Email
            <input type="email" value={email} onChange={(e) => setEmail(e.target.value)} />
          </label>
          <label>
            Job
            <input value={role} onChange={(e) => setRole(e.target.value)} placeholder="Head of Security" />
          </label>
          <label>
            Starts on
            <input type="date" value={startDate} onChange={(e) => setStartDate(e.target.value)} />
          </label>
        </div>
        <div className="toolbar" role="group" aria-label="ISMS roles">
          {ismsRoleNames.map((r) => (
            <label key={r} className="check">
              <input type="checkbox" checked={roles.includes(r)} onChange={() => toggle(r)} /> {r}
            </label>
          ))}
        </div>
      </fieldset>
      <div className="form-actions">
        <button type="submit" disabled={busy}>
          Add person
        </button>
        <ErrorNote message={error} />
      </div>
    </form>
  );
}

export function LeaverForm({ workspace, people, onSaved }: { workspace: string; people: Person[]; onSaved: (message: string) => void }) {
  const staying = people.filter((p) => p.endDate === null);
  const [person, setPerson] = useState(staying[0]?.id ?? "");
  const [endDate, setEndDate] = useState(today);
  const { error, busy, run } = useSubmit(onSaved);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    run(async () => {
      const changed = (await changePerson(workspace, person, { endDate })).person;
      return `${changed.id} ${changed.name} leaves on ${changed.endDate ?? endDate}: reassign what they own (isms people leavers lists it).`;
    });
  };

  if (staying.length === 0) return null;
  return (
    <form className="toolbar" aria-label="Record a leaver" onSubmit={submit}>
      <strong>Record a leaver</strong>
      <label>
        Person
        <select value={person} onChange={(e) => setPerson(e.target.value)} required>
          {staying.map((p) => (
            <option key={p.id} value={p.id}>
              {p.id} · {p.name}
            </option>
          ))}
        </select>
      </label>
      <label>
        Leaves on
        <input type="date" value={endDate} onChange={(e) => setEndDate(e.target.value)} required />
      </label>
      <button type="submit" disabled={busy}>
        Record leaving
      </button>
      <ErrorNote message={error} />
    </form>
  );
}
