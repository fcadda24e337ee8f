// One audit in the side panel, read-only: its scope, criteria, auditor and dates, and its findings with
// their corrective actions.
import type { Audit, CorrectiveAction, Finding } from "../../api/schemas.js";
import type { People } from "../../app/people.js";
import { ErrorNote } from "../../components/Notes.js";
import { SidePanel } from "../../components/SidePanel.js";
import { FindingsTable } from "./FindingsTable.js";

interface Props {
  auditId: string;
  audit: Audit | null;
  findings: Finding[];
  actions: CorrectiveAction[];
  people: People;
  onClose: () => void;
}

export function AuditPanel({ auditId, audit, findings, actions, people, onClose }: Props) {
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
          <h3>Findings</h3>
          <FindingsTable findings={findings.filter((f) => f.auditId === audit.id)} actions={actions} people={people} label={`Findings of ${audit.id}`} />
        </>
      ) : (
        <ErrorNote message={`No audit ${auditId} in this workspace, or not one this account may see; close this panel and choose one from the list.`} />
      )}
    </SidePanel>
  );
}
