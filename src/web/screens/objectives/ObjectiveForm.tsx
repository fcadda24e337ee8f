// Adding an objective, or changing one in its side panel (6.2 a–k): what, measure, target, owner, due
// date, status, and how and how often it is measured. A change sends only the fields changed.
import { useState, type FormEvent } from "react";
import { objectiveStatuses, type Objective, type ObjectiveFields, type ObjectiveStatus } from "../../api/objectives-api.js";
import { messageOf } from "../../app/use-resource.js";
import { DoneNote, ErrorNote } from "../../components/Notes.js";

const textFields = ["title", "description", "measure", "target", "owner", "dueDate", "method", "frequency", "targetValue", "unit"] as const;
type Values = Record<(typeof textFields)[number], string> & { status: ObjectiveStatus };

function valuesOf(o: Objective | null): Values {
  const text = (v: string | number | null | undefined) => (v === null || v === undefined ? "" : String(v));
  return {
    title: text(o?.title),
    description: text(o?.description),
    measure: text(o?.measure),
    target: text(o?.target),
    owner: text(o?.owner),
    dueDate: text(o?.dueDate),
    method: text(o?.method),
    frequency: text(o?.frequency),
    targetValue: text(o?.targetValue),
    unit: text(o?.unit),
    status: o?.status ?? "active",
  };
}

const isStatus = (value: string): value is ObjectiveStatus => objectiveStatuses.some((s) => s === value);

/** The fields that differ from `before`; an emptied field becomes null. A bad number is left for the API to name. */
function changesBetween(before: Values, after: Values): ObjectiveFields | string {
  const changes: ObjectiveFields = {};
  for (const field of textFields) {
    const value = after[field].trim();
    if (value === before[field].trim()) continue;
    if (field === "title") changes.title = value;
    else if (field === "targetValue") {
      const number = Number(value);
      if (value !== "" && !Number.isFinite(number)) return "Target value: give a number, such as 95, or leave it empty";
      changes.targetValue = value === "" ? null : number;
    } else changes[field] = value === "" ? null : value;
  }
  if (after.status !== before.status) changes.status = after.status;
  return changes;
}

interface Props {
  /** The objective to change; null to add one. */
  objective: Objective | null;
  owners: { id: string; name: string }[];
  save: (changes: ObjectiveFields) => Promise<unknown>;
  onCancel?: () => void;
}

export function ObjectiveForm({ objective, owners, save, onCancel }: Props) {
  const [start, setStart] = useState(() => valuesOf(objective));
  const [values, setValues] = useState(start);
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const set = (field: keyof Values, value: string) => setValues((v) => ({ ...v, [field]: value }));
  const listId = `owners-${objective?.id ?? "new"}`;

  async function submit(event: FormEvent) {
    event.preventDefault();
    const changes = changesBetween(start, values);
    if (typeof changes === "string") return setError(changes);
    if (Object.keys(changes).length === 0) return setSaved("Nothing changed.");
    setBusy(true);
    setError(null);
    setSaved(null);
    try {
      await save(changes);
      if (objective) {
        setStart(values);
        setSaved("Saved.");
      }
    } catch (e) {
      setError(messageOf(e));
    } finally {
      setBusy(false);
    }
  }

  const input = (field: (typeof textFields)[number], label: string, props: { type?: string; placeholder?: string; required?: boolean; list?: string } = {}) => (
    <label className="field inline">
      <span className="field-label">{label}</span>
      <input value={values[field]} onChange={(e) => set(field, e.target.value)} {...(props.type === "number" ? { type: "number", step: "any" } : props)} />
    </label>
  );

  return (
    <form className="edit-form" aria-label={objective ? `Change ${objective.id}` : "Add an objective"} onSubmit={(e) => void submit(e)}>
      <fieldset>
        <legend>{objective ? "Change the objective" : "New objective"}</legend>
        {input("title", "Title", { required: true, placeholder: "Critical findings are fixed within 14 days" })}
        {input("measure", "Measure", { placeholder: "what is measured" })}
        {input("target", "Target", { placeholder: "at least 95%" })}
        {input("targetValue", "Target value", { type: "number" })}
        {input("unit", "Unit", { placeholder: "%, days" })}
        {input("owner", "Owner", { list: listId, placeholder: "person id or name" })}
        <datalist id={listId}>
          {owners.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </datalist>
        {input("dueDate", "Due", { type: "date" })}
        <label className="field inline">
          <span className="field-label">Status</span>
          <select value={values.status} onChange={(e) => isStatus(e.target.value) && set("status", e.target.value)}>
            {objectiveStatuses.map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </select>
        </label>
        {input("method", "Method", { placeholder: "how it is measured and evaluated" })}
        {input("frequency", "Frequency", { placeholder: "monthly" })}
        {input("description", "Description")}
      </fieldset>
      <ErrorNote message={error} />
      <DoneNote message={saved} />
      <div className="form-actions">
        <button type="submit" className="primary" disabled={busy}>
          {busy ? "Saving…" : objective ? "Save changes" : "Add objective"}
        </button>
        {objective ? (
          <button type="button" disabled={busy} onClick={() => setValues(start)}>
            Undo edits
          </button>
        ) : null}
        {onCancel ? (
          <button type="button" disabled={busy} onClick={onCancel}>
            Cancel
          </button>
        ) : null}
      </div>
    </form>
  );
}
