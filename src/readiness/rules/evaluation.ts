// Rules on performance evaluation and improvement (9.2, 9.3, 10.2): the internal audit programme and an
// independent audit, the management review and its inputs, nonconformities and corrective actions.
import { managementReviewInputs } from "../../catalog/clauses.js";
import { lookupsOf, withinYear, type Lookups } from "../lookups.js";
import { defineRule, viaRegisterFile, type ReadinessFinding, type ReadinessRule } from "../rule.js";
import { isExternalAudit } from "../../domain/audit/audit.js";
import type { AuditFindingView, AuditView, CorrectiveActionView, WorkspaceSnapshot } from "../snapshot.js";
import {
  closedCorrectiveActionStatuses,
  completedAuditStatuses,
  documentKinds,
  internalAuditKind,
  ismsRoles,
  nonconformityKinds,
  plannedAuditStatuses,
} from "../vocabulary.js";

const auditDay = (a: AuditView) => a.plannedEnd ?? a.plannedStart;

/** Why the named auditor is not independent of what an ISMS-wide audit covers, or null when they are. */
function lackOfIndependence(auditor: string, snapshot: WorkspaceSnapshot, lookups: Lookups): string | null {
  const person = lookups.findPerson(auditor);
  if (!person) return null;
  if (person.ismsRoles.includes(ismsRoles.ismsOwner)) return `${person.name} is the ISMS owner`;
  const controls = snapshot.soa.filter((e) => e.owner === person.id && e.applicability !== "not_applicable").map((e) => e.controlId);
  if (controls.length) return `${person.name} owns controls ${controls.slice(0, 5).join(", ")}${controls.length > 5 ? "…" : ""}`;
  const risks = snapshot.risks.filter((r) => r.owner === person.id && r.status !== "closed").map((r) => r.id);
  if (risks.length) return `${person.name} owns risks ${risks.slice(0, 5).join(", ")}${risks.length > 5 ? "…" : ""}`;
  return null;
}

export const internalAudit = defineRule(
  {
    id: "S1-internal-audit",
    stage: "stage1",
    severity: "would-fail-stage1",
    basis: "9.2",
    title: "There is an internal audit programme, and an internal audit of the ISMS was completed within 12 months by someone independent",
  },
  (snapshot, finding) => {
    const lookups = lookupsOf(snapshot);
    const findings: ReadinessFinding[] = [];
    const internal = snapshot.audits.filter((a) => a.kind === internalAuditKind);
    const completed = internal
      .filter((a) => completedAuditStatuses.includes(a.status) && withinYear(auditDay(a), lookups))
      .sort((a, b) => (auditDay(b) ?? "").localeCompare(auditDay(a) ?? ""));
    const latest = completed[0];
    if (!latest) {
      findings.push(
        finding(
          { type: "audit", id: null },
          "No internal audit of the ISMS was completed in the last 12 months",
          "Have an independent auditor audit the whole ISMS before Stage 1 and record it: isms audit add --title … --auditor <person> --clauses 4,5,6,7,8,9,10 --controls …, then isms audit start and isms audit complete --report <ref>",
        ),
      );
    } else {
      const entity = { type: "audit", id: latest.id };
      if (!latest.reportRef) findings.push(finding(entity, `Internal audit ${latest.id} has no report on record (9.2.2)`, `Record where its report is: isms audit edit ${latest.id} --report <ref>`));
      if (!latest.auditor?.trim()) {
        findings.push(finding(entity, `Internal audit ${latest.id} does not say who audited`, `Record the auditor: isms audit edit ${latest.id} --auditor <name>`));
      } else {
        const why = lackOfIndependence(latest.auditor, snapshot, lookups);
        if (why) {
          const fix = "Have someone who does not run or own what they audit (another team, or an outside auditor) audit it";
          findings.push(finding(entity, `Internal audit ${latest.id} was done by ${latest.auditor}, who is not independent: ${why}`, fix));
        }
      }
    }
    const planned = internal.some((a) => plannedAuditStatuses.includes(a.status) || (a.plannedStart !== null && a.plannedStart > lookups.today));
    const programme = snapshot.documents.some((d) => d.kind === documentKinds.internalAuditProgramme);
    if (!planned && !programme) {
      findings.push(
        finding(
          { type: "audit", id: null },
          "There is no internal audit programme: no internal audit is planned",
          "Plan the next internal audits so that clauses 4–10 are audited every year and every control in the cycle: isms audit programme --propose (--create writes them)",
        ),
      );
    }
    return findings;
  },
);

const reviewsHeld = (snapshot: WorkspaceSnapshot, lookups: Lookups) =>
  snapshot.managementReviews.filter((r) => r.heldOn <= lookups.today).sort((a, b) => b.heldOn.localeCompare(a.heldOn));

export const managementReviewHeld = defineRule(
  {
    id: "S1-management-review-held",
    stage: "stage1",
    severity: "would-fail-stage1",
    basis: "9.3",
    title: "Top management held a management review within the last 12 months and its results are recorded",
  },
  (snapshot, finding) => {
    const lookups = lookupsOf(snapshot);
    const latest = reviewsHeld(snapshot, lookups)[0];
    if (!latest || !withinYear(latest.heldOn, lookups)) {
      return [
        finding(
          { type: "management_review", id: latest?.id ?? null },
          latest ? `The last management review was on ${latest.heldOn}, more than 12 months ago` : "No management review has been held",
          `Hold one with top management, covering every 9.3.2 input, and record it: ${viaRegisterFile("management_reviews")}`,
        ),
      ];
    }
    const findings: ReadinessFinding[] = [];
    const entity = { type: "management_review", id: latest.id };
    if (!latest.attendees.some((a) => lookups.findPerson(a)?.ismsRoles.includes(ismsRoles.topManagement))) {
      findings.push(finding(entity, `Management review ${latest.id} on ${latest.heldOn} had no one from top management`, `Record top management among its attendees (they must hold it): ${viaRegisterFile("management_reviews")}`));
    }
    if (!latest.minutesRef) {
      findings.push(finding(entity, `Management review ${latest.id} has no minutes on record (9.3.3)`, `Record where its minutes and decisions are: ${viaRegisterFile("management_reviews")}`));
    }
    return findings;
  },
);

export const managementReviewInputsCovered = defineRule(
  {
    id: "S1-management-review-inputs",
    stage: "stage1",
    severity: "minor",
    basis: "9.3.2",
    title: "The latest management review considered every input 9.3.2 lists",
  },
  (snapshot, finding) => {
    const latest = reviewsHeld(snapshot, lookupsOf(snapshot))[0];
    if (!latest) return [];
    const missing = managementReviewInputs.filter((input) => !latest.coveredInputs.includes(input.ref));
    if (missing.length === 0) return [];
    return [
      finding(
        { type: "management_review", id: latest.id },
        `Management review ${latest.id} on ${latest.heldOn} did not consider ${missing.map((i) => `${i.ref} ${i.input.toLowerCase()}`).join("; ")}`,
        `Cover them at the next review, or record where the minutes cover them: ${viaRegisterFile("management_reviews")}`,
      ),
    ];
  },
);

/**
 * A finding as this rule reads it: with the day it must be resolved by, when the snapshot carries it
 * (a certification body's deadline, about 90 days for a minor nonconformity).
 */
type FindingWithDeadline = AuditFindingView & { dueDate?: string | null };

/** The day an open nonconformity must be resolved by: its own deadline, else the latest due date of its open actions. */
function deadlineOf(nc: FindingWithDeadline, actions: readonly CorrectiveActionView[]): string | null {
  if (nc.dueDate) return nc.dueDate;
  const due = actions.filter((a) => !closedCorrectiveActionStatuses.includes(a.status) && a.dueDate !== null).map((a) => a.dueDate ?? "");
  return due.sort().at(-1) ?? null;
}

export const nonconformitiesActioned = defineRule(
  {
    id: "S1-nonconformities-actioned",
    stage: "stage1",
    severity: "major",
    basis: "10.2",
    title: "Every nonconformity has a corrective action with an owner and a due date, and none raised by the certification body is past its deadline",
  },
  (snapshot, finding) => {
    const { today } = lookupsOf(snapshot);
    const findings: ReadinessFinding[] = [];
    const actionsByFinding = new Map<string, CorrectiveActionView[]>();
    for (const action of snapshot.correctiveActions) {
      if (action.findingId) actionsByFinding.set(action.findingId, [...(actionsByFinding.get(action.findingId) ?? []), action]);
    }
    const externalAudits = new Map(snapshot.audits.filter((a) => isExternalAudit(a.kind)).map((a) => [a.id, a]));
    const recorded: readonly FindingWithDeadline[] = snapshot.auditFindings;
    for (const nc of recorded.filter((f) => nonconformityKinds.includes(f.kind))) {
      const actions = actionsByFinding.get(nc.id) ?? [];
      const entity = { type: "audit_finding", id: nc.id };
      if (actions.length === 0) {
        const fix = `Analyse its cause and record the correction and corrective action with an owner and a due date: isms action add --finding ${nc.id} --correction "…" --root-cause "…" --action "…" --owner <person> --due <date>`;
        findings.push(finding(entity, `Nonconformity ${nc.id} (${nc.kind.replace("_", " ")}, audit ${nc.auditId}) has no corrective action`, fix));
      }
      for (const action of actions.filter((a) => !a.owner || !a.dueDate)) {
        const missing = [action.owner ? null : "owner", action.dueDate ? null : "due date"].filter((m) => m !== null).join(" or ");
        findings.push(finding({ type: "corrective_action", id: action.id }, `Corrective action ${action.id} for ${nc.id} has no ${missing}`, `Give it one: ${viaRegisterFile("corrective_actions")}`));
      }
      const audit = externalAudits.get(nc.auditId);
      const deadline = deadlineOf(nc, actions);
      if (audit && !closedCorrectiveActionStatuses.includes(nc.status) && deadline !== null && deadline < today) {
        findings.push(
          finding(
            entity,
            `Nonconformity ${nc.id} raised by the certification body (${audit.kind} audit ${audit.id}) was to be resolved by ${deadline} and is still open`,
            `Close its corrective actions with evidence (isms action close <action> --evidence …) and send the evidence to the certification body, or agree a new date with it`,
          ),
        );
      }
    }
    return findings;
  },
);

export const auditActionsClosed = defineRule(
  {
    id: "S2-audit-actions-closed",
    stage: "stage2",
    severity: "minor",
    basis: "10.2",
    title: "Corrective actions from the internal audit are closed, with evidence that they worked",
  },
  (snapshot, finding) => {
    const internal = new Set(snapshot.audits.filter((a) => a.kind === internalAuditKind).map((a) => a.id));
    const fromInternal = new Set(snapshot.auditFindings.filter((f) => internal.has(f.auditId)).map((f) => f.id));
    return snapshot.correctiveActions
      .filter((a) => a.findingId !== null && fromInternal.has(a.findingId))
      .flatMap((a) => {
        const entity = { type: "corrective_action", id: a.id };
        if (!closedCorrectiveActionStatuses.includes(a.status) || !a.closedAt) {
          const due = a.dueDate ? `, due ${a.dueDate}` : "";
          return [finding(entity, `Corrective action ${a.id} for internal audit finding ${a.findingId} is still ${a.status}${due}`, `Complete it and close it with evidence: isms action close ${a.id} --evidence <refs>`)];
        }
        if (a.closureEvidenceRefs.length === 0) {
          return [finding(entity, `Corrective action ${a.id} was closed without evidence that it worked`, `Record the evidence of its effectiveness: ${viaRegisterFile("corrective_actions")}`)];
        }
        return [];
      });
  },
);

export const evaluationRules: readonly ReadinessRule[] = [internalAudit, managementReviewHeld, managementReviewInputsCovered, nonconformitiesActioned, auditActionsClosed];
