// Parts the record-keeping forms share: the evidence field (references such as "E-042, JIRA-7") and the
// footer with the API's refusal, the submit button (its label while the request runs) and an optional cancel.
import { ErrorNote } from "./Notes.js";

/** "E-042, JIRA-7" → ["E-042", "JIRA-7"]; blanks dropped. */
export const refsOf = (text: string): string[] =>
  text
    .split(",")
    .map((ref) => ref.trim())
    .filter(Boolean);

export function EvidenceField({ value, onChange }: { value: string; onChange: (value: string) => void }) {
  return (
    <label className="field inline">
      <span className="field-label">Evidence</span>
      <input value={value} onChange={(e) => onChange(e.target.value)} placeholder="E-042, JIRA-7" />
    </label>
  );
}

export function FormFooter({ error, busy, label, busyLabel, onCancel }: { error: string | null; busy: boolean; label: string; busyLabel: string; onCancel?: () => void }) {
  return (
    <>
      <ErrorNote message={error} />
      <div className="form-actions">
        <button type="submit" className="primary" disabled={busy}>
          {busy ? busyLabel : label}
        </button>
        {onCancel ? (
          <button type="button" onClick={onCancel}>
            Cancel
          </button>
        ) : null}
      </div>
    </>
  );
}
