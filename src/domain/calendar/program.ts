// The recurring activities the calendar knows by kind: their name, how often they fall due when no
// planned activity says otherwise, the clause or control they serve, and the ISMS role that owns them.
import { ismsRoles, yearlyTests } from "../../readiness/vocabulary.js";

export interface RecurringKind {
  kind: string;
  title: string;
  /** Months from one completion to the next due day. */
  months: number;
  /** The clause ("9.3") or Annex A control ("A.5.18") the activity serves. */
  basis: string;
  /** Who owns it when no planned activity names an owner. */
  ownerRole: string;
  /** Where a completion is recorded when it is not a done activity; `isms calendar done` points there. */
  recordedWith?: string;
}

export const calendarKinds = {
  riskAssessment: "risk-assessment",
  internalAudit: "internal-audit",
  managementReview: "management-review",
  accessReview: "access-review",
  awarenessTraining: "awareness-training",
  supplierReview: "supplier-review",
  documentReview: "document-review",
} as const;

const capitalised = (text: string) => `${text.charAt(0).toUpperCase()}${text.slice(1)}`;

/**
 * One calendar entry each, due from their newest completion. The risk assessment's interval is the
 * methodology's (8.2), 12 months here only as a fallback; management reviews fall due quarterly.
 */
export const recurringKinds: readonly RecurringKind[] = [
  { kind: calendarKinds.riskAssessment, title: "Risk assessment", months: 12, basis: "6.1.2, 8.2", ownerRole: ismsRoles.ismsOwner, recordedWith: "isms risk assess <id>" },
  { kind: calendarKinds.internalAudit, title: "Internal audit", months: 12, basis: "9.2", ownerRole: ismsRoles.internalAuditor, recordedWith: "isms audit complete <id>" },
  { kind: calendarKinds.managementReview, title: "Management review", months: 3, basis: "9.3", ownerRole: ismsRoles.topManagement, recordedWith: "isms review hold <id>" },
  { kind: calendarKinds.accessReview, title: "Access review", months: 3, basis: "A.5.18", ownerRole: ismsRoles.ismsOwner },
  ...yearlyTests.map((test) => ({ kind: test.kind, title: capitalised(test.name), months: 12, basis: test.basis, ownerRole: ismsRoles.ismsOwner })),
];

/** Kinds that are one entry per person, supplier or document, recorded in their own registers. */
export const perEntityKinds: readonly Omit<RecurringKind, "ownerRole" | "months">[] = [
  { kind: calendarKinds.awarenessTraining, title: "Awareness training", basis: "7.3, A.6.3", recordedWith: "isms training record --person <person> --course <course> --completed <date>" },
  { kind: calendarKinds.supplierReview, title: "Supplier review", basis: "A.5.22", recordedWith: "isms suppliers review <supplier>" },
  { kind: calendarKinds.documentReview, title: "Document review", basis: "7.5.2", recordedWith: "isms docs publish <id> (a reviewed version)" },
];

export function recurringKind(kind: string): RecurringKind | undefined {
  return recurringKinds.find((k) => k.kind === kind);
}

/** The clause an activity of another kind serves: planning and control of operations. */
export const operationalBasis = "8.1";
