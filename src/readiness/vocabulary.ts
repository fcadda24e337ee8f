// The words the readiness rules look for in free-text columns: ISMS roles, document and audit kinds,
// statuses, and the kinds of the yearly tests. Registers that use other words are not recognised.

/** ISMS roles held by people (people.isms_roles), as the aws-saas template names them (5.3). */
export const ismsRoles = {
  topManagement: "top-management",
  ismsOwner: "isms-owner",
  riskOwner: "risk-owner",
  controlOwner: "control-owner",
  internalAuditor: "internal-auditor",
} as const;

/** Document kinds the rules look for in the documents register. */
export const documentKinds = {
  /** The information security policy of 5.2 (topic-specific policies are "policy"). */
  informationSecurityPolicy: "information-security-policy",
  /** The internal audit programme of 9.2.2, when it is kept as a document rather than as planned audits. */
  internalAuditProgramme: "internal-audit-programme",
} as const;

/** Statuses of a document version that mean it is approved for use (7.5.2). */
export const approvedVersionStatuses: readonly string[] = ["approved", "published"];

export const internalAuditKind = "internal";
export const completedAuditStatuses: readonly string[] = ["completed", "closed", "reported"];
export const plannedAuditStatuses: readonly string[] = ["planned", "scheduled", "in_progress"];

export const nonconformityKinds: readonly string[] = ["major_nonconformity", "minor_nonconformity"];
export const closedCorrectiveActionStatuses: readonly string[] = ["closed", "done", "verified"];

/** Objectives no longer pursued: the rules leave them alone. */
export const inactiveObjectiveStatuses: readonly string[] = ["cancelled", "retired", "closed"];

/** The course kind of awareness training (7.3, A.6.3); any other kind is role training (7.2). */
export const awarenessCourseKind = "awareness";

export const criticalSupplier = "critical";

/**
 * The yearly tests Stage 2 asks for, recognised by the kind of an activity done or of evidence
 * collected. Each rests on the Annex A control whose operation it proves.
 */
export const yearlyTests = [
  { kind: "backup-restore-test", name: "backup restore test", basis: "A.8.13" },
  { kind: "incident-response-test", name: "incident response test", basis: "A.5.24" },
  { kind: "disaster-recovery-test", name: "disaster recovery test", basis: "A.5.30" },
] as const;
