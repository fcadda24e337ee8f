// One audit in the side panel: its scope, criteria, auditor and dates, its checklist, and its findings with
// their corrective actions; for those allowed, starting it, creating and recording its checklist,
// completing it with its report, and raising a finding in it.
import { useState, type FormEvent } from "react";
import { completeAudit, createChecklist, startAudit } from "../../api/audits-api.js";
import { fetchAudit } from "../../api/endpoints.js";
import type { Audit, ChecklistItem, CorrectiveAction, Finding } from "../../api/schemas.js";
import { allows } from "../../app/access.js";
import type { People } from "../../app/people.js";
import { useWorkspace } from "../../app/session.js";
import { useResource } from "../../app/use-resource.js";
import { useSubmit } from "../../app/use-submit.js";
import { ErrorNote, WhenLoaded } from "../../components/Notes.js";
import { SidePanel } from "../../components/SidePanel.js";
import { ActionForm } from "./ActionForm.js";
import { CheckForm, ChecklistTable } from "./Checklist.js";
import { FindingForm } from "./FindingForm.js";
import { FindingsTable } from "./FindingsTable.js";

interface Props {
  auditId: string;
  audit: Audit | null;
  findings: Finding[];
  actions: CorrectiveAction[];
  people: People;
  onClose: () => void;
  onChanged: (message: string) => void;
}

/** Start a planned audit, or complete one in progress with where its report is, when the account may. */
function StatusControl({ audit, onChanged }: { audit: Audit; onChanged: (message: string) => void }) {
  const { workspace, principal } = useWorkspace();
  const [reportRef, setReportRef] = useState("");
  const { error, busy, run } = useSubmit(onChanged);
  const step = audit.status === "planned" ? "start" : audit.status === "in_progress" ? "complete" : null;
  if (!step || !allows(principal, "update", "audits", { id: audit.id })) return null;
  if (step === "start") {
    return (
      <div className="form-actions">
        <button type="button" disabled={busy} onClick={() => run(async () => `${(await startAudit(workspace, audit.id)).audit.id} is in progress.`)}>
          Start audit
        </button>
        <ErrorNote message={error} />
      </div>
    );
  }
  const complete = (event: FormEvent) => {
    event.preventDefault();
    run(async () => {
      const { audit: a } = await completeAudit(workspace, audit.id, reportRef.trim() ? { reportRef: reportRef.trim() } : {});
      return `${a.id} is completed${a.reportRef ? `; its report: ${a.reportRef}` : ""}.`;
    });
  };
  return (
    <form className="toolbar" aria-label={`Complete ${audit.id}`} onSubmit={complete}>
      <label>
        Report
        <input value={reportRef} onChange={(e) => setReportRef(e.target.value)} placeholder="DOC-031 or a link" maxLength={200} />
      </label>
      <button type="submit" disabled={busy}>
        Complete audit
      </button>
      <ErrorNote message={error} />
    </form>
  );
}

/** The lines still to check: the form offers the first, and starts again on the next once one is recorded. */
const unchecked = (checklist: ChecklistItem[]) => checklist.filter((i) => i.result === "not_checked").map((i) => i.requirement);
/** Every line, those still to check first: a line recorded again (a correction) replaces what it held. */
const linesToOffer = (checklist: ChecklistItem[]) => [...unchecked(checklist), ...checklist.filter((i) => i.result !== "not_checked").map((i) => i.requirement)];

/** The checklist of the audit, created from its clauses and controls on request, with a line recorded while it is under way. */
function AuditChecklist({ audit, onChanged }: { audit: Audit; onChanged: (message: string) => void }) {
  const { workspace, principal } = useWorkspace();
  const detail = useResource(`audit ${workspace} ${audit.id}`, () => fetchAudit(workspace, audit.id));
  const { reload } = detail;
  const changed = (message: string) => {
    reload();
    onChanged(message);
  };
  const creating = useSubmit(changed);
  const mayChange = allows(principal, "update", "audits", { id: audit.id });
  const open = audit.status === "planned" || audit.status === "in_progress";
  return (
    <WhenLoaded loaded={detail.loaded} what="the checklist">
      {({ checklist }) => (
        <>
          <ChecklistTable auditId={audit.id} items={checklist} />
          {mayChange && open && audit.clauses.length + audit.controls.length > checklist.length ? (
            <div className="form-actions">
              <button
                type="button"
                disabled={creating.busy}
                onClick={() => creating.run(async () => `${audit.id}: ${(await createChecklist(workspace, audit.id)).added} checklist line(s) added from its clauses and controls.`)}
              >
                {checklist.length === 0 ? "Create the checklist" : "Add the missing lines"}
              </button>
              <ErrorNote message={creating.error} />
            </div>
          ) : null}
          {mayChange && audit.status === "in_progress" && checklist.length > 0 ? (
            <CheckForm key={unchecked(checklist).join(" ")} workspace={workspace} auditId={audit.id} next={unchecked(checklist)[0] ?? ""} requirements={linesToOffer(checklist)} onRecorded={changed} />
          ) : null}
        </>
      )}
    </WhenLoaded>
  );
}

export function AuditPanel({ auditId, audit, findings, actions, people, onClose, onChanged }: Props) {
  const { workspace, principal } = useWorkspace();
  const openFindings = findings.filter((f) => f.auditId === auditId && f.status === "open");
  const canRaise = audit !== null && (audit.status === "in_progress" || audit.status === "completed") && allows(principal, "create", "findings", { auditId: audit.id });
  return (
    <SidePanel title={audit ? `${audit.id} · ${audit.title}` : auditId} label={`Audit ${auditId}`} onClose={onClose}>
      {audit ? (
        <>
          <dl className="facts">
            <dt>Kind</dt>
            <dd>{audit.kind}</dd>
            <dt>Status</dt>
            <dd>{audit.status}</dd>
            <dt>Auditor</dt>
            <dd>{audit.auditor ?? "—"}</dd>
            <dt>Planned</dt>
            <dd>{audit.plannedStart || audit.plannedEnd ? `${audit.plannedStart ?? "…"} to ${audit.plannedEnd ?? "…"}` : "—"}</dd>
            <dt>Scope</dt>
            <dd>{audit.scope ?? "—"}</dd>
            <dt>Clauses</dt>
            <dd>{audit.clauses.join(", ") || "—"}</dd>
            <dt>Controls</dt>
            <dd>{audit.controls.join(", ") || "—"}</dd>
            <dt>Criteria</dt>
            <dd>{audit.criteria ?? "—"}</dd>
            <dt>Held</dt>
            <dd>{audit.actualStart ? `${audit.actualStart} to ${audit.actualEnd ?? "…"}` : "—"}</dd>
            <dt>Report</dt>
            <dd>{audit.reportRef ?? "—"}</dd>
          </dl>
          <StatusControl audit={audit} onChanged={onChanged} />
          <h3>Checklist</h3>
          <AuditChecklist audit={audit} onChanged={onChanged} />
          <h3>Findings</h3>
          <FindingsTable findings={findings.filter((f) => f.auditId === audit.id)} actions={actions} people={people} label={`Findings of ${audit.id}`} onChanged={onChanged} />
          {canRaise ? <FindingForm workspace={workspace} auditId={audit.id} onRaised={onChanged} /> : null}
          {allows(principal, "create", "actions") ? (
            <ActionForm key={openFindings.map((f) => f.id).join(" ")} workspace={workspace} findings={openFindings} people={people} onAdded={onChanged} />
          ) : null}
          {audit.status === "planned" && allows(principal, "create", "findings", { auditId: audit.id }) ? <p className="muted small">Findings are raised once the audit has started.</p> : null}
        </>
      ) : (
        <ErrorNote message={`No audit ${auditId} in this workspace, or not one this account may see; close this panel and choose one from the list.`} />
      )}
    </SidePanel>
  );
}
