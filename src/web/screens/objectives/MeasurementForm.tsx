// Recording a measurement taken by hand (9.1): the value, the day it was measured and a note. The API's
// refusal is shown in its own words.
import { useState, type FormEvent } from "react";
import { recordMeasurement, type Objective, type ObjectiveRow } from "../../api/objectives-api.js";
import { messageOf } from "../../app/use-resource.js";
import { DoneNote, ErrorNote } from "../../components/Notes.js";
import { formatValue } from "./objective-text.js";

const today = () => new Date().toISOString().slice(0, 10);

export function MeasurementForm({ workspace, objective, onRecorded }: { workspace: string; objective: Objective; onRecorded: (row: ObjectiveRow) => void }) {
  const [value, setValue] = useState("");
  const [measuredOn, setMeasuredOn] = useState(today);
  const [note, setNote] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const number = Number(value);
    if (value.trim() === "" || !Number.isFinite(number)) return setError("Value: give the measured value as a number, such as 97.5");
    setBusy(true);
    setError(null);
    setDone(null);
    recordMeasurement(workspace, objective.id, { value: number, measuredOn, ...(note.trim() ? { note: note.trim() } : {}) })
      .then(({ measurement, objective: row }) => {
        setValue("");
        setNote("");
        setDone(`Recorded ${formatValue(measurement.value, row.unit)} on ${measurement.measuredOn}.`);
        onRecorded(row);
      })
      .catch((e: unknown) => setError(messageOf(e)))
      .finally(() => setBusy(false));
  };

  return (
    <form className="edit-form" aria-label="Record a measurement" onSubmit={submit}>
      <fieldset>
        <legend>Record a measurement</legend>
        <label className="field inline">
          <span className="field-label">Value{objective.unit ? ` (${objective.unit})` : ""}</span>
          <input type="number" step="any" value={value} onChange={(e) => setValue(e.target.value)} required />
        </label>
        <label className="field inline">
          <span className="field-label">Measured on</span>
          <input type="date" value={measuredOn} onChange={(e) => setMeasuredOn(e.target.value)} required />
        </label>
        <label className="field inline">
          <span className="field-label">Note</span>
          <input value={note} onChange={(e) => setNote(e.target.value)} placeholder="where the value comes from" maxLength={1000} />
        </label>
      </fieldset>
      <ErrorNote message={error} />
      <DoneNote message={done} />
      <div className="form-actions">
        <button type="submit" className="primary" disabled={busy}>
          {busy ? "Recording…" : "Record"}
        </button>
      </div>
    </form>
  );
}
