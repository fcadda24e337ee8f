// The words of internal and external audits (9.2, 10.2): audit kinds and statuses, checklist results,
// finding kinds, what a finding may be raised against, and the deadline of a certification body's finding.
import { isControlId } from "../../catalog/annex-a.js";
import { findClause } from "../../catalog/clauses.js";
import { addDays } from "./days.js";

/** The ISMS roles (people.isms_roles) the audit rules read, as the aws-saas template names them (5.3). */
export const ismsOwnerRole = "isms-owner";
export const internalAuditorRole = "internal-auditor";

/** An internal audit (9.2) or an audit by the certification body. */
export const auditKinds = ["internal", "stage1", "stage2", "surveillance", "recertification"] as const;
export type AuditKind = (typeof auditKinds)[number];
export const externalAuditKinds: readonly AuditKind[] = ["stage1", "stage2", "surveillance", "recertification"];

export const auditStatuses = ["planned", "in_progress", "completed", "cancelled"] as const;
export type AuditStatus = (typeof auditStatuses)[number];

/** The verdict on one checklist line; `not_checked` until the auditor records what they saw. */
export const checklistResults = ["not_checked", "conforming", "nonconforming", "observation"] as const;
export type ChecklistResult = (typeof checklistResults)[number];

export const findingKinds = ["major_nonconformity", "minor_nonconformity", "observation", "opportunity"] as const;
export type FindingKind = (typeof findingKinds)[number];
export const nonconformityKinds: readonly FindingKind[] = ["major_nonconformity", "minor_nonconformity"];

/** A finding is open until every corrective action raised for it is closed. */
export const findingStatuses = ["open", "closed"] as const;
/** A corrective action is open until closed with evidence; an ineffective one is opened again. */
export const correctiveActionStatuses = ["open", "closed"] as const;

/** How long a certification body usually gives to resolve a minor nonconformity. */
export const minorNonconformityDays = 90;

export function isExternalAudit(kind: string): boolean {
  return externalAuditKinds.some((k) => k === kind);
}

export function isNonconformity(kind: string): boolean {
  return nonconformityKinds.some((k) => k === kind);
}

export type Requirement = { kind: "clause"; id: string } | { kind: "control"; id: string };

/** The ids Annex A and clauses 5 to 8 share ("5.2" is a clause and a control), which need a prefix to tell. */
const sharedIds = /^(?:5\.[1-3]|6\.[1-3]|7\.[1-5]|8\.[1-3])$/;

/**
 * What a finding or a checklist line is about: a clause of ISO/IEC 27001 ("9.2", "clause 5.2") or an
 * Annex A control ("5.15", "A.5.2"), in the catalog's spelling; a problem saying how to write it when
 * the text is neither, or could be either.
 */
export function parseRequirement(text: string): Requirement | { problem: string } {
  const trimmed = text.trim();
  const prefixed = /^A\.?\s*(\d.*)$/i.exec(trimmed);
  if (prefixed?.[1] !== undefined) {
    return isControlId(prefixed[1]) ? { kind: "control", id: prefixed[1] } : { problem: `"${text}" is not an Annex A control` };
  }
  if (sharedIds.test(trimmed)) {
    return { problem: `"${text}" is both clause ${trimmed} and control A.${trimmed}: write "clause ${trimmed}" or "A.${trimmed}"` };
  }
  if (isControlId(trimmed)) return { kind: "control", id: trimmed };
  const clause = findClause(trimmed);
  if (clause) return { kind: "clause", id: clause.id };
  return { problem: `"${text}" is neither a clause of ISO/IEC 27001 (4.3, 9.2) nor an Annex A control (5.15, A.8.24)` };
}

/** How a finding or checklist line stores its requirement: "9.2" for a clause, "A.5.15" for a control. */
export function requirementRef(requirement: Requirement): string {
  return requirement.kind === "control" ? `A.${requirement.id}` : requirement.id;
}

/** The main clause ("9") a clause id ("9.2.2") belongs to. */
export function mainClauseOf(clauseId: string): string {
  return clauseId.split(".")[0] ?? clauseId;
}

/**
 * The day a finding must be resolved by when no date is given: for a minor nonconformity raised by the
 * certification body, 90 days after it was raised; otherwise none (the organization sets its own).
 */
export function defaultFindingDueDate(auditKind: string, findingKind: string, raisedOn: string): string | null {
  return isExternalAudit(auditKind) && findingKind === "minor_nonconformity" ? addDays(raisedOn, minorNonconformityDays) : null;
}
