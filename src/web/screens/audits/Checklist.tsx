// An audit's checklist (9.2.2): one line per clause or control it covers, with what the auditor sampled,
// what they saw, the verdict and the evidence. While the audit is under way, those who may change it record
// a line; a line recorded again replaces the one before.
import { useState, type FormEvent } from "react";
import { checkResults, recordCheck, type CheckInput } from "../../api/audits-api.js";
import type { ChecklistItem } from "../../api/schemas.js";
import { useSubmit } from "../../app/use-submit.js";
import { EvidenceField, FormFooter, refsOf } from "../../components/FormParts.js";

const resultLabel = (result: string) => result.replace(/_/g, " ");

export function ChecklistTable({ auditId, items }: { auditId: string; items: ChecklistItem[] }) {
  if (items.length === 0) return <p className="muted small">No checklist line yet.</p>;
  return (
    <div className="table-wrap">
      <table className="grid" aria-label={`Checklist of ${auditId}`}>
        <thead>
          <tr>
            <th scope="col" style={{ width: "6rem" }}>
              Requirement
            </th>
            <th scope="col">Sampled</th>
            <th scope="col">Observed</th>
            <th scope="col" style={{ width: "8rem" }}>
              Result
            </th>
            <th scope="col" style={{ width: "8rem" }}>
              Evidence
            </th>
          </tr>
        </thead>
        <tbody>
          {items.map((item) => (
            <tr key={item.requirement}>
              <td>{item.requirement}</td>
              <td className="small">{item.sampled ?? "—"}</td>
              <td className="small">{item.observed ?? "—"}</td>
              <td>
                <span className="pill">{resultLabel(item.result)}</span>
              </td>
              <td className="small">{item.evidenceRefs.join(", ") || "—"}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

interface CheckFormProps {
  workspace: string;
  auditId: string;
  /** The line the form starts on: the first still unchecked, or none once all are. */
  next: string;
  /** The lines offered as the requirement is typed. */
  requirements: string[];
  onRecorded: (message: string) => void;
}

export function CheckForm({ workspace, auditId, next, requirements, onRecorded }: CheckFormProps) {
  const [requirement, setRequirement] = useState(next);
  const [sampled, setSampled] = useState("");
  const [observed, setObserved] = useState("");
  const [result, setResult] = useState<CheckInput["result"]>("conforming");
  const [evidence, setEvidence] = useState("");
  const { error, busy, run } = useSubmit(onRecorded);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const evidenceRefs = refsOf(evidence);
    run(async () => {
      const { check } = await recordCheck(workspace, auditId, { requirement, sampled, observed, result, ...(evidenceRefs.length ? { evidenceRefs } : {}) });
      setSampled("");
      setObserved("");
      setEvidence("");
      return `${auditId}: ${check.requirement} recorded as ${resultLabel(check.result)}.`;
    });
  };

  return (
    <form className="edit-form" aria-label={`Record a checklist line of ${auditId}`} onSubmit={submit}>
      <fieldset>
        <legend>Record a checklist line</legend>
        <label className="field inline">
          <span className="field-label">Requirement</span>
          <input value={requirement} onChange={(e) => setRequirement(e.target.value)} list={`requirements-${auditId}`} placeholder="A.5.18 or clause 9.2" maxLength={40} required />
          <datalist id={`requirements-${auditId}`}>
            {requirements.map((r) => (
              <option key={r} value={r} />
            ))}
          </datalist>
        </label>
        <label className="field inline">
          <span className="field-label">Sampled</span>
          <input value={sampled} onChange={(e) => setSampled(e.target.value)} placeholder="10 leavers of the last quarter" maxLength={4000} required />
        </label>
        <label className="field inline">
          <span className="field-label">Observed</span>
          <textarea value={observed} onChange={(e) => setObserved(e.target.value)} rows={2} maxLength={4000} required />
        </label>
        <label className="field inline">
          <span className="field-label">Result</span>
          <select value={result} onChange={(e) => setResult(checkResults.find((r) => r === e.target.value) ?? "observation")}>
            {checkResults.map((r) => (
              <option key={r} value={r}>
                {resultLabel(r)}
              </option>
            ))}
          </select>
        </label>
        <EvidenceField value={evidence} onChange={setEvidence} />
      </fieldset>
      <FormFooter error={error} busy={busy} label="Record line" busyLabel="Recording…" />
    </form>
  );
}
