// Every readiness rule passes on a minimal complete workspace, and one targeted change makes that rule —
// and only that rule — fire.
import { describe, expect, it } from "vitest";
import { managementReviewInputs } from "../catalog/clauses.js";
import { defaultMethodology } from "../domain/risk/index.js";
import { readinessRuleIds, readinessRules } from "./rules/index.js";
import type { AuditFindingView, CorrectiveActionView, SoaEntryView, WorkspaceSnapshot } from "./snapshot.js";
import { completeSnapshot, dayAgo, daysAgo, moreThanAYearAgo, yesterday } from "./test-snapshot.js";

type Change = (s: WorkspaceSnapshot) => WorkspaceSnapshot;

/** `list` with the entry `id` changed by `patch`. */
function edit<T extends { id: string }>(list: readonly T[], id: string, patch: Partial<T>): T[] {
  if (!list.some((x) => x.id === id)) throw new Error(`no entry ${id} to change`);
  return list.map((x) => (x.id === id ? { ...x, ...patch } : x));
}

function editSoa(s: WorkspaceSnapshot, controlId: string, patch: Partial<SoaEntryView>): WorkspaceSnapshot {
  return { ...s, soa: s.soa.map((e) => (e.controlId === controlId ? { ...e, ...patch } : e)) };
}

/**
 * The workspace after a Stage 2 audit raised a minor nonconformity, open, whose corrective action is
 * under way: `deadline` is the day the certification body set (left out when undefined), `actionDue`
 * the action's due date.
 */
function withExternalFinding(s: WorkspaceSnapshot, deadline: string | undefined, actionDue: string): WorkspaceSnapshot {
  const nc: AuditFindingView & { dueDate?: string } = { id: "F-EXT", auditId: "AU-EXT", kind: "minor_nonconformity", requirement: "A.8.15", status: "open", ...(deadline ? { dueDate: deadline } : {}) };
  const action: CorrectiveActionView = { id: "CA-EXT", findingId: "F-EXT", owner: "P-003", dueDate: actionDue, status: "open", closedAt: null, closureEvidenceRefs: [] };
  const audit = { id: "AU-EXT", kind: "stage2", title: "Stage 2", auditor: "Certification body", plannedStart: dayAgo(100), plannedEnd: dayAgo(98), status: "completed", reportRef: "CB-report" };
  return { ...s, audits: [...s.audits, audit], auditFindings: [...s.auditFindings, nc], correctiveActions: [...s.correctiveActions, action] };
}

const firing = (snapshot: WorkspaceSnapshot) => readinessRules.filter((r) => r.evaluate(snapshot).length > 0).map((r) => r.id);

/** One targeted change per rule: the smallest thing that would make an auditor raise it. */
const changes: [ruleId: string, what: string, change: Change][] = [
  ["S1-context-recorded", "no internal issue is recorded", (s) => ({ ...s, contextIssues: s.contextIssues.filter((i) => i.kind !== "internal") })],
  ["S1-scope-approved", "the scope is not approved", (s) => ({ ...s, scope: s.scope && { ...s.scope, approvedBy: null, approvedAt: null } })],
  ["S1-exclusions-justified", "an exclusion's reason is 'n/a'", (s) => ({ ...s, exclusions: edit(s.exclusions, "EX-001", { reason: "n/a" }) })],
  ["S1-asset-owners", "an in-scope asset has no owner", (s) => ({ ...s, assets: edit(s.assets, "A-001", { owner: null }) })],
  [
    "S1-policy-approved",
    "the ISMS owner, not top management, approved the policy",
    (s) => ({ ...s, documents: s.documents.map((d) => (d.id === "DOC-001" ? { ...d, versions: edit(d.versions, "DV-001", { approvedBy: "P-002" }) } : d)) }),
  ],
  ["S1-roles-assigned", "an applicable control has no owner", (s) => editSoa(s, "5.1", { owner: null })],
  [
    "S1-methodology-documented",
    "the methodology states no acceptance criteria",
    (s) => ({ ...s, methodology: s.methodology && { ...s.methodology, body: { ...defaultMethodology(), acceptance: { threshold: 4, criteria: "" } } } }),
  ],
  ["S1-risk-entries-complete", "a risk's review was due yesterday", (s) => ({ ...s, risks: edit(s.risks, "R-001", { nextReview: yesterday }) })],
  ["S1-risks-decided", "a risk above the threshold has no decision", (s) => ({ ...s, risks: edit(s.risks, "R-001", { decision: null }) })],
  ["S1-residual-accepted", "a tolerated risk above the threshold is not accepted", (s) => ({ ...s, risks: edit(s.risks, "R-002", { residualAcceptedBy: null, residualAcceptedAt: null }) })],
  ["S1-soa-complete", "a control is missing from the SoA", (s) => ({ ...s, soa: s.soa.filter((e) => e.controlId !== "5.1") })],
  [
    "S1-soa-treatment-consistent",
    "a control the treatment relies on is excluded",
    (s) => editSoa(s, "8.5", { applicability: "not_applicable", justification: "We have no users of our own.", implementationStatus: null }),
  ],
  ["S1-soa-overrides-explained", "a status override has no reason", (s) => editSoa(s, "5.2", { statusSource: "override", statusOverrideReason: null })],
  ["S1-objectives-measurable", "an objective has no target", (s) => ({ ...s, objectives: edit(s.objectives, "OBJ-001", { target: null }) })],
  ["S1-competence-recorded", "a control owner has no role training", (s) => ({ ...s, trainingRecords: s.trainingRecords.filter((r) => r.id !== "TR-R-P-003") })],
  ["S1-documents-controlled", "a procedure is past its review date", (s) => ({ ...s, documents: edit(s.documents, "DOC-002", { nextReview: yesterday }) })],
  ["S1-risk-assessment-recent", "the last assessment is over a year old", (s) => ({ ...s, riskAssessments: s.riskAssessments.map((a) => ({ ...a, assessedAt: daysAgo(400) })) })],
  ["S1-internal-audit", "the ISMS owner did the internal audit", (s) => ({ ...s, audits: edit(s.audits, "AU-001", { auditor: "Head of Security" }) })],
  ["S1-management-review-held", "no one from top management attended the review", (s) => ({ ...s, managementReviews: edit(s.managementReviews, "MR-001", { attendees: ["P-002"] }) })],
  [
    "S1-management-review-inputs",
    "the review skipped the interested parties' changing needs",
    (s) => ({ ...s, managementReviews: edit(s.managementReviews, "MR-001", { coveredInputs: managementReviewInputs.map((i) => i.ref).filter((r) => r !== "9.3.2 c)") }) }),
  ],
  ["S1-nonconformities-actioned", "a corrective action has no owner", (s) => ({ ...s, correctiveActions: edit(s.correctiveActions, "CA-001", { owner: null }) })],
  ["S2-implemented-controls-evidenced", "an implemented control's evidence is stale", (s) => editSoa(s, "5.3", { evidence: [{ id: "E-old", collectedAt: daysAgo(200), fresh: false }] })],
  ["S2-no-failing-checks", "a check fails under an implemented control", (s) => ({ ...s, checkResults: [...(s.checkResults ?? []), { checkId: "s3-block-public-access", controlId: "8.12", passed: false }] })],
  ["S2-treatment-actions-on-time", "a treatment action was due yesterday", (s) => ({ ...s, treatmentActions: edit(s.treatmentActions, "T-001", { dueDate: yesterday }) })],
  ["S2-objectives-monitored", "an objective was last measured over a year ago", (s) => ({ ...s, measurements: edit(s.measurements, "MS-001", { measuredOn: moreThanAYearAgo }) })],
  ["S2-training-current", "an engineer's awareness training expired", (s) => ({ ...s, trainingRecords: edit(s.trainingRecords, "TR-P-004", { completedOn: moreThanAYearAgo }) })],
  [
    "S2-policies-acknowledged",
    "only one person acknowledged the policy in force",
    (s) => ({
      ...s,
      documents: s.documents.map((d) => (d.id === "DOC-001" ? { ...d, requiresAcknowledgement: true, versions: edit(d.versions, "DV-001", { status: "published", acknowledgedBy: ["P-001"] }) } : d)),
    }),
  ],
  ["S2-continuity-tests", "the last restore test is over a year old", (s) => ({ ...s, activities: edit(s.activities, "ACT-001", { doneAt: daysAgo(400) }) })],
  ["S2-critical-suppliers-reviewed", "AWS was last reviewed over a year ago", (s) => ({ ...s, suppliers: edit(s.suppliers, "SUP-001", { lastReview: moreThanAYearAgo }) })],
  ["S2-audit-actions-closed", "the internal audit's corrective action is still open", (s) => ({ ...s, correctiveActions: edit(s.correctiveActions, "CA-001", { status: "open", closedAt: null, closureEvidenceRefs: [] }) })],
  ["SV-activities-on-schedule", "the access review was due yesterday", (s) => ({ ...s, activities: edit(s.activities, "ACT-004", { due: yesterday }) })],
  ["SV-soa-after-scope-change", "the scope changed after the SoA was published", (s) => ({ ...s, scope: s.scope && { ...s.scope, changedAt: daysAgo(55), approvedAt: daysAgo(50) } })],
];

describe("readiness rules", () => {
  it("a minimal complete workspace passes every rule", () => {
    const snapshot = completeSnapshot();
    for (const rule of readinessRules) expect(rule.evaluate(snapshot), rule.id).toEqual([]);
  });

  it("the table of targeted changes covers every rule exactly once", () => {
    expect(changes.map(([id]) => id).sort()).toEqual([...readinessRuleIds].sort());
  });

  it("rule ids are unique and each names its stage", () => {
    expect(new Set(readinessRuleIds).size).toBe(readinessRuleIds.length);
    const prefixes = { stage1: "S1-", stage2: "S2-", surveillance: "SV-" } as const;
    for (const rule of readinessRules) expect(rule.id.startsWith(prefixes[rule.stage]), rule.id).toBe(true);
  });

  it.each(changes)("%s fires, alone, when %s", (ruleId, _what, change) => {
    const snapshot = change(completeSnapshot());
    expect(firing(snapshot)).toEqual([ruleId]);
    const rule = readinessRules.find((r) => r.id === ruleId);
    for (const finding of rule?.evaluate(snapshot) ?? []) {
      expect(finding.ruleId).toBe(ruleId);
      expect(finding.message.length).toBeGreaterThan(10);
      expect(finding.fix.length).toBeGreaterThan(10);
    }
  });

  it("a fix names the isms command where one exists", () => {
    const snapshot = changes.find(([id]) => id === "S1-scope-approved")?.[2](completeSnapshot());
    const [finding] = readinessRules.find((r) => r.id === "S1-scope-approved")?.evaluate(snapshot ?? completeSnapshot()) ?? [];
    expect(finding?.fix).toContain("isms scope approve --by");
    expect(finding?.entity).toEqual({ type: "scope", id: "scope" });
  });

  it("an empty workspace fails the rules that need something there", () => {
    const empty: WorkspaceSnapshot = {
      ...completeSnapshot(),
      scope: null,
      scopeInterfaces: [],
      interestedParties: [],
      contextIssues: [],
      exclusions: [],
      assets: [],
      people: [],
      methodology: null,
      risks: [],
      treatmentActions: [],
      riskAssessments: [],
      soa: [],
      soaVersions: [],
      ownControls: [],
      documents: [],
      objectives: [],
      measurements: [],
      trainingCourses: [],
      trainingRecords: [],
      audits: [],
      auditFindings: [],
      correctiveActions: [],
      managementReviews: [],
      activities: [],
      suppliers: [],
      evidence: [],
    };
    expect(firing(empty)).toEqual(
      expect.arrayContaining(["S1-scope-approved", "S1-policy-approved", "S1-methodology-documented", "S1-soa-complete", "S1-internal-audit", "S1-management-review-held", "S2-continuity-tests"]),
    );
    const soa = readinessRules.find((r) => r.id === "S1-soa-complete")?.evaluate(empty) ?? [];
    expect(soa).toHaveLength(93);
  });

  it("a nonconformity of the certification body past its deadline fires S1-nonconformities-actioned, alone", () => {
    const snapshot = withExternalFinding(completeSnapshot(), yesterday, dayAgo(-10));
    expect(firing(snapshot)).toEqual(["S1-nonconformities-actioned"]);
    const [finding] = readinessRules.find((r) => r.id === "S1-nonconformities-actioned")?.evaluate(snapshot) ?? [];
    expect(finding?.entity).toEqual({ type: "audit_finding", id: "F-EXT" });
    expect(finding?.message).toBe(`Nonconformity F-EXT raised by the certification body (stage2 audit AU-EXT) was to be resolved by ${yesterday} and is still open`);
  });

  it("without a deadline of its own, an external nonconformity is late when its open corrective action is", () => {
    expect(firing(withExternalFinding(completeSnapshot(), undefined, yesterday))).toEqual(["S1-nonconformities-actioned"]);
    expect(firing(withExternalFinding(completeSnapshot(), undefined, dayAgo(-5)))).toEqual([]);
  });

  it("an external nonconformity within its deadline, or closed, is no finding", () => {
    expect(firing(withExternalFinding(completeSnapshot(), dayAgo(-1), dayAgo(-1)))).toEqual([]);
    const closed = withExternalFinding(completeSnapshot(), yesterday, dayAgo(5));
    expect(firing({ ...closed, auditFindings: edit(closed.auditFindings, "F-EXT", { status: "closed" }) })).toEqual([]);
  });

  it("a nonconformity without a corrective action fires S1-nonconformities-actioned and names the command that adds one", () => {
    const snapshot = { ...completeSnapshot(), correctiveActions: [] };
    expect(firing(snapshot)).toEqual(["S1-nonconformities-actioned"]);
    const [finding] = readinessRules.find((r) => r.id === "S1-nonconformities-actioned")?.evaluate(snapshot) ?? [];
    expect(finding?.message).toBe("Nonconformity F-001 (minor nonconformity, audit AU-001) has no corrective action");
    expect(finding?.fix).toContain("isms action add --finding F-001");
  });

  it("a rule judges dates as of the snapshot's day, not today", () => {
    const snapshot = completeSnapshot();
    const later = { ...snapshot, asOf: new Date(snapshot.asOf.getTime() + 400 * 24 * 60 * 60 * 1000) };
    expect(firing(later)).toEqual(expect.arrayContaining(["S1-management-review-held", "S1-internal-audit", "S2-continuity-tests"]));
    expect(firing({ ...snapshot, activities: edit(snapshot.activities, "ACT-004", { due: dayAgo(0) }) })).toEqual([]);
  });
});
