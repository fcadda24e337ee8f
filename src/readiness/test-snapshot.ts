// Test support: the smallest workspace snapshot that passes every readiness rule, built from small
// factories, so that a test can change one thing and see exactly one rule fire.
import { annexAControls } from "../catalog/annex-a.js";
import { managementReviewInputs } from "../catalog/clauses.js";
import { addMonths, defaultMethodology, isoDay, riskSchema, treatmentActionSchema, type Risk, type TreatmentAction } from "../domain/risk/index.js";
import type { PersonView, SoaEntryView, WorkspaceSnapshot } from "./snapshot.js";

export const asOf = new Date("2026-06-30T12:00:00Z");

/** The instant `n` days before `asOf` (after it when negative). */
export function daysAgo(n: number): Date {
  return new Date(asOf.getTime() - n * 24 * 60 * 60 * 1000);
}

/** The calendar day `n` days before `asOf`, "YYYY-MM-DD". */
export function dayAgo(n: number): string {
  return isoDay(daysAgo(n));
}

export const yesterday = dayAgo(1);
export const moreThanAYearAgo = addMonths(isoDay(asOf), -13);

export function person(id: string, name: string, ismsRoles: string[] = [], overrides: Partial<PersonView> = {}): PersonView {
  return { id, name, email: null, startDate: "2024-01-15", endDate: null, ismsRoles, ...overrides };
}

export function risk(fields: Partial<Risk> & { id: string; title: string }): Risk {
  return riskSchema.parse({ threat: "An external attacker", lastAssessedAt: daysAgo(30), nextReview: dayAgo(-300), status: "open", ...fields });
}

export function treatmentAction(fields: Partial<TreatmentAction> & { id: string; riskId: string; title: string }): TreatmentAction {
  return treatmentActionSchema.parse({ owner: "P-002", dueDate: dayAgo(-60), status: "in_progress", ...fields });
}

/** An applicable, implemented, owned and evidenced SoA entry. */
export function soaEntry(controlId: string, title: string, overrides: Partial<SoaEntryView> = {}): SoaEntryView {
  return {
    controlId,
    title,
    theme: "organizational",
    applicability: "applicable",
    reasons: [{ kind: "business" }],
    justification: "Needed to run the platform securely.",
    implementationStatus: "implemented",
    statusSource: "derived",
    statusOverrideReason: null,
    owner: "P-003",
    implementationDescription: null,
    reference: null,
    evidence: [{ id: `E-${controlId}`, collectedAt: daysAgo(10), fresh: true }],
    treatedRiskIds: [],
    ...overrides,
  };
}

function statementOfApplicability(): SoaEntryView[] {
  const entries = annexAControls.map((c) => {
    if (c.theme === "physical" && c.id !== "7.7") {
      const justification = "Operated by AWS in its data centres; see AWS's ISO/IEC 27001 certificate in AWS Artifact.";
      return soaEntry(c.id, c.title, { theme: c.theme, applicability: "inherited", justification, owner: null, evidence: [] });
    }
    const treats = c.id === "8.5" ? { reasons: [{ kind: "risk", ref: "R-001" }], treatedRiskIds: ["R-001"] } : {};
    return soaEntry(c.id, c.title, { theme: c.theme, ...treats });
  });
  return [...entries, soaEntry("ACME-01", "Customer data deletion on request", { theme: "own" })];
}

/** A workspace ready for Stage 1, Stage 2 and surveillance as of `asOf`. */
export function completeSnapshot(): WorkspaceSnapshot {
  return {
    workspace: { id: "00000000-0000-4000-8000-000000000001", slug: "acme", name: "Acme ISMS" },
    asOf,
    scope: {
      statement: "The ISMS covers the Acme platform, the AWS accounts that host it and the people who run it.",
      boundaries: "AWS data centres are inherited from AWS; corporate finance is excluded.",
      approvedBy: "P-001",
      approvedAt: daysAgo(200),
      changedAt: daysAgo(210),
    },
    scopeInterfaces: [{ id: "IF-001", name: "Amazon Web Services" }],
    interestedParties: [{ id: "IP-001", name: "Enterprise customers", requirements: "ISO/IEC 27001 certification and a DPA" }],
    contextIssues: [
      { id: "CI-001", kind: "external", description: "Buyers ask for ISO/IEC 27001" },
      { id: "CI-002", kind: "internal", description: "A small security team" },
    ],
    exclusions: [{ id: "EX-001", subject: "Corporate finance systems", reason: "They hold no customer data and do not touch the platform." }],
    assets: [{ id: "A-001", name: "Production AWS account", owner: "P-003", inScope: true }],
    people: [
      person("P-001", "Chief Executive Officer", ["top-management"]),
      person("P-002", "Head of Security", ["isms-owner", "risk-owner"]),
      person("P-003", "Chief Technology Officer", ["risk-owner", "control-owner"]),
      person("P-004", "Engineer"),
    ],
    methodology: { version: 1, status: "approved", body: defaultMethodology(), approvedBy: "P-001", approvedAt: daysAgo(200) },
    risks: [
      risk({
        id: "R-001",
        title: "Stolen administrator credentials",
        owner: "P-002",
        likelihood: 4,
        impact: 4,
        inherentScore: 16,
        decision: "treat",
        controlIds: ["8.5"],
        residualLikelihood: 1,
        residualImpact: 4,
        residualScore: 4,
        planApprovedBy: "P-002",
        planApprovedAt: daysAgo(150),
        status: "treating",
      }),
      risk({
        id: "R-002",
        title: "Region outage",
        owner: "P-003",
        likelihood: 2,
        impact: 3,
        inherentScore: 6,
        decision: "tolerate",
        residualAcceptedBy: "P-003",
        residualAcceptedAt: daysAgo(150),
      }),
    ],
    treatmentActions: [treatmentAction({ id: "T-001", riskId: "R-001", title: "Enforce phishing-resistant MFA", controlIds: ["8.5"] })],
    riskAssessments: [
      { riskId: "R-001", assessedAt: daysAgo(30) },
      { riskId: "R-002", assessedAt: daysAgo(30) },
    ],
    soa: statementOfApplicability(),
    soaVersions: [{ version: 1, approvedBy: "P-001", approvedAt: daysAgo(100) }],
    ownControls: [{ id: "ACME-01", title: "Customer data deletion on request" }],
    documents: [
      {
        id: "DOC-001",
        title: "Information Security Policy",
        kind: "information-security-policy",
        owner: "P-002",
        nextReview: dayAgo(-200),
        versions: [{ id: "DV-001", version: "2", status: "approved", approvedBy: "P-001", approvedAt: daysAgo(100) }],
      },
      {
        id: "DOC-002",
        title: "Incident Response Procedure",
        kind: "procedure",
        owner: "P-003",
        nextReview: dayAgo(-100),
        versions: [{ id: "DV-002", version: "1", status: "approved", approvedBy: "P-002", approvedAt: daysAgo(100) }],
      },
    ],
    objectives: [{ id: "OBJ-001", title: "Every human sign-in uses MFA", measure: "Share of sign-ins with MFA", target: "100%", owner: "P-002", status: "active" }],
    measurements: [{ id: "MS-001", objectiveId: "OBJ-001", measuredOn: dayAgo(20) }],
    trainingCourses: [
      { id: "TC-001", title: "Security awareness", kind: "awareness", validityMonths: 12 },
      { id: "TC-002", title: "ISO/IEC 27001 implementer", kind: "role", validityMonths: null },
    ],
    trainingRecords: [
      ...["P-001", "P-002", "P-003", "P-004"].map((p) => ({ id: `TR-${p}`, courseId: "TC-001", personId: p, completedOn: dayAgo(30), expiresOn: null })),
      { id: "TR-R-P-002", courseId: "TC-002", personId: "P-002", completedOn: dayAgo(200), expiresOn: null },
      { id: "TR-R-P-003", courseId: "TC-002", personId: "P-003", completedOn: dayAgo(200), expiresOn: null },
    ],
    audits: [
      { id: "AU-001", kind: "internal", title: "Internal audit 2026", auditor: "Jane Auditor", plannedStart: dayAgo(60), plannedEnd: dayAgo(58), status: "completed", reportRef: "AR-2026-01" },
      { id: "AU-002", kind: "internal", title: "Internal audit 2027", auditor: "Jane Auditor", plannedStart: dayAgo(-300), plannedEnd: null, status: "planned", reportRef: null },
    ],
    auditFindings: [{ id: "F-001", auditId: "AU-001", kind: "minor_nonconformity", requirement: "A.5.15", status: "closed" }],
    correctiveActions: [
      { id: "CA-001", findingId: "F-001", owner: "P-003", dueDate: dayAgo(-20), status: "closed", closedAt: daysAgo(25), closureEvidenceRefs: ["E-CA-001"] },
    ],
    managementReviews: [{ id: "MR-001", heldOn: dayAgo(40), attendees: ["P-001", "Head of Security"], coveredInputs: managementReviewInputs.map((i) => i.ref), minutesRef: "MR-2026-minutes" }],
    activities: [
      { id: "ACT-001", kind: "backup-restore-test", title: "Restore test", owner: "P-003", due: dayAgo(50), doneAt: daysAgo(50) },
      { id: "ACT-002", kind: "incident-response-test", title: "Incident response exercise", owner: "P-002", due: dayAgo(80), doneAt: daysAgo(80) },
      { id: "ACT-003", kind: "disaster-recovery-test", title: "Region failover test", owner: "P-003", due: dayAgo(90), doneAt: daysAgo(90) },
      { id: "ACT-004", kind: "access-review", title: "Quarterly access review", owner: "P-002", due: dayAgo(-30), doneAt: null },
      { id: "ACT-005", kind: "management-review", title: "Management review", owner: "P-001", due: dayAgo(-320), doneAt: null },
    ],
    suppliers: [{ id: "SUP-001", name: "Amazon Web Services", criticality: "critical", lastReview: dayAgo(100), nextReview: dayAgo(-265) }],
    evidence: [{ id: "E-001", kind: "config-snapshot", controlIds: ["8.9"], collectedAt: daysAgo(5) }],
    checkResults: [{ checkId: "iam-root-mfa", controlId: "8.5", passed: true }],
  };
}
