import { describe, expect, it } from "vitest";
import { nextRiskId, nextTreatmentActionId, riskAssessmentSchema, riskCategories, riskSchema, treatmentActionSchema } from "./risk.js";

describe("risk ids", () => {
  it("the first risk is R-001", () => {
    expect(nextRiskId([])).toBe("R-001");
  });

  it("after R-009 comes R-010", () => {
    expect(nextRiskId(["R-001", "R-009", "R-002"])).toBe("R-010");
  });

  it("ids that are not R-nnn are ignored", () => {
    expect(nextRiskId(["RISK-7", "R-12a", "r-040", "T-050", "R-003"])).toBe("R-004");
  });

  it("numbering goes past 999 without losing digits", () => {
    expect(nextRiskId(["R-999"])).toBe("R-1000");
  });

  it("treatment actions are numbered T-001, T-002, ...", () => {
    expect(nextTreatmentActionId([])).toBe("T-001");
    expect(nextTreatmentActionId(["T-001", "T-004"])).toBe("T-005");
  });
});

describe("the risk schema", () => {
  it("reads a store row where optional fields are null", () => {
    const risk = riskSchema.parse({
      id: "R-001",
      title: "Leaked AWS access keys",
      description: null,
      category: "identity and access",
      assetIds: ["A-003"],
      threat: null,
      vulnerability: null,
      owner: null,
      confidentiality: true,
      integrity: false,
      availability: false,
      likelihood: null,
      impacts: {},
      impact: null,
      inherentScore: null,
      decision: null,
      controlIds: [],
      awsServices: ["iam"],
      residualLikelihood: null,
      residualImpacts: {},
      residualImpact: null,
      residualScore: null,
      status: "open",
      planApprovedBy: null,
      planApprovedAt: null,
      residualAcceptedBy: null,
      residualAcceptedAt: null,
      lastAssessedAt: new Date("2025-03-01T10:00:00Z"),
      nextReview: null,
    });
    expect(risk.owner).toBeNull();
    expect(risk.lastAssessedAt).toEqual(new Date("2025-03-01T10:00:00Z"));
  });

  it("fills defaults for a new risk given only an id and a title", () => {
    const risk = riskSchema.parse({ id: "R-002", title: "Region outage" });
    expect(risk).toMatchObject({ status: "open", assetIds: [], controlIds: [], impacts: {}, residualImpacts: {}, confidentiality: false });
  });

  it("accepts a category of the workspace's own besides the default list", () => {
    expect(riskCategories).toContain("third party");
    expect(riskSchema.parse({ id: "R-003", title: "x", category: "payments" }).category).toBe("payments");
  });

  it("reads dates sent as text, and refuses a review date not written YYYY-MM-DD", () => {
    const risk = riskSchema.parse({ id: "R-004", title: "x", residualAcceptedAt: "2025-02-01T09:00:00Z", nextReview: "2026-02-01" });
    expect(risk.residualAcceptedAt).toEqual(new Date("2025-02-01T09:00:00Z"));
    const bad = riskSchema.safeParse({ id: "R-004", title: "x", nextReview: "01/02/2026" });
    expect(bad.error?.issues[0]?.message).toBe("write the date as YYYY-MM-DD");
  });

  it("refuses a malformed id, an unknown decision and a level of 0", () => {
    expect(riskSchema.safeParse({ id: "R1", title: "x" }).error?.issues[0]?.message).toBe("a risk id looks like R-001");
    expect(riskSchema.safeParse({ id: "R-001", title: "x", decision: "ignore" }).success).toBe(false);
    expect(riskSchema.safeParse({ id: "R-001", title: "x", impacts: { financial: 0 } }).success).toBe(false);
  });

  it("reads a treatment action and an assessment record", () => {
    const action = treatmentActionSchema.parse({ id: "T-001", riskId: "R-001", title: "Enforce MFA", dueDate: null, owner: null });
    expect(action).toMatchObject({ status: "planned", controlIds: [] });
    const assessment = riskAssessmentSchema.parse({
      riskId: "R-001",
      methodologyVersion: 2,
      likelihood: 3,
      impacts: { financial: 3 },
      impact: 3,
      score: 9,
      residualLikelihood: null,
      residualImpacts: {},
      residualImpact: null,
      residualScore: null,
      assessedAt: "2025-05-01T00:00:00Z",
      assessedBy: null,
      reason: "initial",
    });
    expect(assessment.assessedAt).toBeInstanceOf(Date);
  });
});
