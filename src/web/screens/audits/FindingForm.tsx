// Raising a finding in an audit under way or completed (9.2.2): its kind, the clause or control it is
// against, what was found and what shows it.
import { useState, type FormEvent } from "react";
import { findingKinds, raiseFinding, type FindingInput } from "../../api/audits-api.js";
import { useSubmit } from "../../app/use-submit.js";
import { EvidenceField, FormFooter, refsOf } from "../../components/FormParts.js";

const kindLabel = (kind: string) => kind.replace(/_/g, " ");

export function FindingForm({ workspace, auditId, onRaised }: { workspace: string; auditId: string; onRaised: (message: string) => void }) {
  const [kind, setKind] = useState<FindingInput["kind"]>("minor_nonconformity");
  const [requirement, setRequirement] = useState("");
  const [description, setDescription] = useState("");
  const [evidence, setEvidence] = useState("");
  const { error, busy, run } = useSubmit(onRaised);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const evidenceRefs = refsOf(evidence);
    run(async () => {
      const { finding } = await raiseFinding(workspace, { auditId, kind, requirement, description, ...(evidenceRefs.length ? { evidenceRefs } : {}) });
      setRequirement("");
      setDescription("");
      setEvidence("");
      return `${finding.id} raised in ${finding.auditId}: ${kindLabel(finding.kind)} against ${finding.requirement ?? requirement}.`;
    });
  };

  return (
    <form className="edit-form" aria-label={`Raise a finding in ${auditId}`} onSubmit={submit}>
      <fieldset>
        <legend>Raise a finding</legend>
        <label className="field inline">
          <span className="field-label">Kind</span>
          <select value={kind} onChange={(e) => setKind(findingKinds.find((k) => k === e.target.value) ?? "observation")}>
            {findingKinds.map((k) => (
              <option key={k} value={k}>
                {kindLabel(k)}
              </option>
            ))}
          </select>
        </label>
        <label className="field inline">
          <span className="field-label">Requirement</span>
          <input value={requirement} onChange={(e) => setRequirement(e.target.value)} placeholder="A.5.18 or clause 9.2" maxLength={40} required />
        </label>
        <label className="field inline">
          <span className="field-label">What was found</span>
          <textarea value={description} onChange={(e) => setDescription(e.target.value)} rows={3} maxLength={4000} required />
        </label>
        <EvidenceField value={evidence} onChange={setEvidence} />
      </fieldset>
      <FormFooter error={error} busy={busy} label="Raise finding" busyLabel="Raising…" />
    </form>
  );
}
