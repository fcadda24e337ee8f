// One audit in the side panel: its scope, criteria, auditor and dates, and its findings with their
// corrective actions; for those allowed, starting and completing it and raising a finding in it.
import { useState } from "react";
import { completeAudit, startAudit } from "../../api/audits-api.js";
import type { Audit, CorrectiveAction, Finding } from "../../api/schemas.js";
import { allows } from "../../app/access.js";
import type { People } from "../../app/people.js";
import { useWorkspace } from "../../app/session.js";
import { messageOf } from "../../app/use-resource.js";
import { ErrorNote } from "../../components/Notes.js";
import { SidePanel } from "../../components/SidePanel.js";
import { ActionForm } from "./ActionForm.js";
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

/** Start a planned audit, or complete one in progress, when the account may. */
function StatusControl({ audit, onChanged }: { audit: Audit; onChanged: (message: string) => void }) {
  const { workspace, principal } = useWorkspace();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const step = audit.status === "planned" ? "start" : audit.status === "in_progress" ? "complete" : null;
  if (!step || !allows(principal, "update", "audits", { id: audit.id })) return null;
  const run = () => {
    setBusy(true);
    setError(null);
    (step === "start" ? startAudit(workspace, audit.id) : completeAudit(workspace, audit.id, {}))
      .then(({ audit: a }) => onChanged(`${a.id} is ${a.status === "completed" ? "completed" : "in progress"}.`))
      .catch((e: unknown) => setError(messageOf(e)))
      .finally(() => setBusy(false));
  };
  return (
    <div className="form-actions">
      <button type="button" disabled={busy} onClick={run}>
        {step === "start" ? "Start audit" : "Complete audit"}
      </button>
      <ErrorNote message={error} />
    </div>
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
          </dl>
          <StatusControl audit={audit} onChanged={onChanged} />
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
