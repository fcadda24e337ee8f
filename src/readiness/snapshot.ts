// The workspace as the readiness rules read it: every register as of one day, each with only the
// fields a rule needs. The app layer builds it from the store; tests build it from small factories.
import type { Risk, TreatmentAction } from "../domain/risk/index.js";

export type Applicability = "applicable" | "inherited" | "not_applicable";
export type ImplementationStatus = "implemented" | "partially_implemented" | "planned" | "not_implemented";

/**
 * One row of the Statement of Applicability (6.1.3 d), the shape the SoA service derives (its
 * `SoaEntry` fits this type); readiness never looks at how it was derived.
 */
export interface SoaEntryView {
  controlId: string;
  title: string;
  theme: "organizational" | "people" | "physical" | "technological" | "own";
  /** null: nobody has decided yet. */
  applicability: Applicability | null;
  reasons: readonly { kind: string; ref?: string | undefined }[];
  justification: string;
  implementationStatus: ImplementationStatus | null;
  statusSource: "derived" | "override" | "manual";
  statusOverrideReason: string | null;
  owner: string | null;
  implementationDescription: string | null;
  reference: string | null;
  evidence: readonly { id: string; collectedAt: Date; fresh: boolean }[];
  treatedRiskIds: readonly string[];
}

export interface ScopeView {
  statement: string;
  boundaries: string;
  approvedBy: string | null;
  approvedAt: Date | null;
  /** When the statement, boundaries or exclusions last changed, if known (the audit log says). */
  changedAt: Date | null;
}

export interface PersonView {
  id: string;
  name: string;
  email: string | null;
  /** "YYYY-MM-DD"; null when not recorded. */
  startDate: string | null;
  endDate: string | null;
  /** isms-owner, top-management, risk-owner, control-owner, internal-auditor… */
  ismsRoles: readonly string[];
}

export interface MethodologyVersionView {
  version: number;
  /** draft, approved or superseded. */
  status: string;
  /** As stored; the rules validate it against the domain's methodology schema. */
  body: unknown;
  approvedBy: string | null;
  approvedAt: Date | null;
}

export interface DocumentVersionView {
  id: string;
  version: string;
  /** draft, in_review, approved, published, retired… */
  status: string;
  approvedBy: string | null;
  approvedAt: Date | null;
  /** The people who acknowledged this version (A.5.1, 7.3); absent when not loaded. */
  acknowledgedBy?: readonly string[];
}

export interface DocumentView {
  id: string;
  title: string;
  /** information-security-policy, internal-audit-programme, policy, procedure… */
  kind: string;
  owner: string | null;
  nextReview: string | null;
  /** Whether people in scope must acknowledge each published version. */
  requiresAcknowledgement?: boolean;
  versions: readonly DocumentVersionView[];
}

export interface ObjectiveView {
  id: string;
  title: string;
  measure: string | null;
  target: string | null;
  owner: string | null;
  status: string;
}

export interface TrainingCourseView {
  id: string;
  title: string;
  /** awareness, role, exercise, certification… */
  kind: string;
  validityMonths: number | null;
}

export interface TrainingRecordView {
  id: string;
  courseId: string;
  personId: string;
  completedOn: string;
  expiresOn: string | null;
}

export interface AuditView {
  id: string;
  /** internal, stage1, stage2, surveillance, recertification. */
  kind: string;
  title: string;
  /** A name: auditors are often not in the people list. */
  auditor: string | null;
  plannedStart: string | null;
  plannedEnd: string | null;
  /** planned, in_progress, completed, cancelled. */
  status: string;
  reportRef: string | null;
}

export interface AuditFindingView {
  id: string;
  auditId: string;
  kind: "major_nonconformity" | "minor_nonconformity" | "observation" | "opportunity";
  requirement: string | null;
  status: string;
}

export interface CorrectiveActionView {
  id: string;
  findingId: string | null;
  owner: string | null;
  dueDate: string | null;
  status: string;
  closedAt: Date | null;
  closureEvidenceRefs: readonly string[];
}

export interface ManagementReviewView {
  id: string;
  heldOn: string;
  /** People ids or names as the minutes give them. */
  attendees: readonly string[];
  /** The 9.3.2 inputs the review considered, as the catalog writes them ("9.3.2 a)" … "9.3.2 g)"). */
  coveredInputs: readonly string[];
  minutesRef: string | null;
}

export interface ActivityView {
  id: string;
  /** access-review, risk-review, backup-restore-test, incident-response-test, … */
  kind: string;
  title: string;
  owner: string | null;
  due: string;
  doneAt: Date | null;
}

export interface SupplierView {
  id: string;
  name: string;
  criticality: string | null;
  lastReview: string | null;
  nextReview: string | null;
}

export interface EvidenceView {
  id: string;
  kind: string;
  controlIds: readonly string[];
  collectedAt: Date;
}

/** The latest verdict of one automated check on one resource, under one control (from AWS collection). */
export interface CheckResultView {
  checkId?: string | undefined;
  controlId: string;
  passed: boolean;
  account?: string | undefined;
  region?: string | undefined;
  resource?: string | undefined;
  detail?: string | undefined;
}

export interface WorkspaceSnapshot {
  workspace: { id: string; slug: string; name: string };
  /** The day readiness is judged on: windows ("within 12 months") end here. */
  asOf: Date;
  scope: ScopeView | null;
  scopeInterfaces: readonly { id: string; name: string }[];
  interestedParties: readonly { id: string; name: string; requirements: string }[];
  contextIssues: readonly { id: string; kind: "internal" | "external"; description: string }[];
  exclusions: readonly { id: string; subject: string; reason: string }[];
  assets: readonly { id: string; name: string; owner: string | null; inScope: boolean }[];
  people: readonly PersonView[];
  /** The methodology in force (the newest version), or null when there is none. */
  methodology: MethodologyVersionView | null;
  risks: readonly Risk[];
  treatmentActions: readonly TreatmentAction[];
  /** Retained results of 8.2: at least the newest assessment of each risk. */
  riskAssessments: readonly { riskId: string; assessedAt: Date }[];
  soa: readonly SoaEntryView[];
  /** Published (approved) SoA versions. */
  soaVersions: readonly { version: number; approvedBy: string; approvedAt: Date }[];
  ownControls: readonly { id: string; title: string }[];
  documents: readonly DocumentView[];
  objectives: readonly ObjectiveView[];
  measurements: readonly { id: string; objectiveId: string; measuredOn: string }[];
  trainingCourses: readonly TrainingCourseView[];
  trainingRecords: readonly TrainingRecordView[];
  audits: readonly AuditView[];
  auditFindings: readonly AuditFindingView[];
  correctiveActions: readonly CorrectiveActionView[];
  managementReviews: readonly ManagementReviewView[];
  activities: readonly ActivityView[];
  suppliers: readonly SupplierView[];
  /**
   * Evidence records the rules ask about by kind (restore tests, exercises). The loader may give only
   * the newest record of each kind: coverage of controls comes with the SoA entries.
   */
  evidence: readonly EvidenceView[];
  checkResults?: readonly CheckResultView[];
}
