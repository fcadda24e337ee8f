// Planning an audit (9.2.2): what it covers (clauses, Annex A controls, a scope in words), against which
// criteria, by whom and when. An internal auditor who owns something the audit covers is refused by the
// API, naming what they own; keeping them anyway needs a reason, which the audit log keeps.
import { useRef, useState, type FormEvent } from "react";
import { auditKinds, planAudit, type PlanInput } from "../../api/audits-api.js";
import type { Audit } from "../../api/schemas.js";
import { useSubmit } from "../../app/use-submit.js";
import { FormFooter } from "../../components/FormParts.js";

type Text = "title" | "auditor" | "plannedStart" | "plannedEnd" | "clauses" | "controls" | "scope" | "criteria" | "overrideIndependence";

const empty: Record<Text, string> = { title: "", auditor: "", plannedStart: "", plannedEnd: "", clauses: "", controls: "", scope: "", criteria: "", overrideIndependence: "" };

/** "9.2, 9.3" → ["9.2", "9.3"]; "A.5.18 a.8.15" → ["5.18", "8.15"] (the API takes Annex A ids without the "A."). */
const listOf = (text: string, annexA: boolean) =>
  text
    .split(/[\s,;]+/)
    .map((item) => (annexA ? item.replace(/^a\./i, "") : item))
    .filter(Boolean);

export function PlanAuditForm({ workspace, onPlanned, onCancel }: { workspace: string; onPlanned: (message: string, audit: Audit) => void; onCancel: () => void }) {
  const [values, setValues] = useState(empty);
  const [kind, setKind] = useState<PlanInput["kind"]>("internal");
  const planned = useRef<Audit | null>(null);
  const { error, busy, run } = useSubmit((message) => {
    if (planned.current) onPlanned(message, planned.current);
  });
  const set = (key: Text) => (value: string) => setValues((v) => ({ ...v, [key]: value }));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const optional = (key: Exclude<Text, "title" | "clauses" | "controls">) => (values[key].trim() ? { [key]: values[key].trim() } : {});
    const clauses = listOf(values.clauses, false);
    const controls = listOf(values.controls, true);
    run(async () => {
      const { audit, independence } = await planAudit(workspace, {
        title: values.title.trim(),
        kind,
        ...optional("auditor"),
        ...optional("plannedStart"),
        ...optional("plannedEnd"),
        ...optional("scope"),
        ...optional("criteria"),
        ...optional("overrideIndependence"),
        ...(clauses.length ? { clauses } : {}),
        ...(controls.length ? { controls } : {}),
      });
      planned.current = audit;
      const kept = independence.overridden ? ` The auditor stays despite ${independence.conflicts.length} conflict(s), for the reason given.` : "";
      return `${audit.id} planned: ${audit.title}.${kept}`;
    });
  };

  const field = (key: Text, label: string, options: { type?: string; required?: boolean; placeholder?: string; focus?: boolean; maxLength?: number } = {}) => (
    <label className="field inline">
      <span className="field-label">{label}</span>
      <input type={options.type ?? "text"} value={values[key]} onChange={(e) => set(key)(e.target.value)} required={options.required} placeholder={options.placeholder} autoFocus={options.focus} maxLength={options.maxLength} />
    </label>
  );
  const area = (key: Text, label: string, placeholder: string) => (
    <label className="field inline">
      <span className="field-label">{label}</span>
      <textarea value={values[key]} onChange={(e) => set(key)(e.target.value)} rows={2} maxLength={4000} placeholder={placeholder} />
    </label>
  );

  return (
    <form className="edit-form" aria-label="Plan an audit" onSubmit={submit}>
      <fieldset>
        <legend>Plan an audit</legend>
        {field("title", "Title", { required: true, placeholder: "Access control, spring 2027", focus: true, maxLength: 200 })}
        <label className="field inline">
          <span className="field-label">Kind</span>
          <select value={kind} onChange={(e) => setKind(auditKinds.find((k) => k === e.target.value) ?? "internal")}>
            {auditKinds.map((k) => (
              <option key={k} value={k}>
                {k}
              </option>
            ))}
          </select>
        </label>
        {field("auditor", "Auditor", { placeholder: "a person's id or name, or the auditor's name", maxLength: 200 })}
        {field("plannedStart", "Planned start", { type: "date" })}
        {field("plannedEnd", "Planned end", { type: "date" })}
        {field("clauses", "Clauses", { placeholder: "9.2, 9.3" })}
        {field("controls", "Annex A controls", { placeholder: "A.5.15, A.5.18, A.8.5" })}
        {area("scope", "Scope", "Who and what is audited: teams, sites, systems")}
        {area("criteria", "Criteria", "ISO/IEC 27001:2022 and the access control policy")}
        {field("overrideIndependence", "Keep the auditor because", { placeholder: "only when they own something the audit covers", maxLength: 1000 })}
      </fieldset>
      <FormFooter error={error} busy={busy} label="Plan audit" busyLabel="Planning…" onCancel={onCancel} />
    </form>
  );
}
