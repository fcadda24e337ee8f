import { describe, expect, it } from "vitest";
import { InvalidInputError } from "../errors.js";
import type { Methodology } from "./methodology.js";
import { defaultMethodology, methodologyPresets } from "./presets.js";
import { mapLevel, rescoreRisks } from "./rescore.js";
import type { Risk } from "./risk.js";
import { riskSchema } from "./risk.js";

const at = new Date("2025-07-01T09:00:00Z");

function aRisk(fields: Partial<Risk> = {}): Risk {
  return riskSchema.parse({
    id: "R-001",
    title: "Customer data exposed through a public S3 bucket",
    owner: "p-cto",
    likelihood: 4,
    impacts: { financial: 3, legal: 5 },
    impact: 5,
    inherentScore: 20,
    decision: "treat",
    residualLikelihood: 2,
    residualImpacts: { financial: 2, legal: 4 },
    residualImpact: 4,
    residualScore: 8,
    lastAssessedAt: new Date("2025-01-10T00:00:00Z"),
    nextReview: "2026-01-10",
    ...fields,
  });
}

/** The default with its impact criteria replaced. */
function withCriteria(ids: string[]): Methodology {
  const m = defaultMethodology();
  m.impact.criteria = ids.map((id) => ({ id, label: id }));
  return m;
}

describe("mapping a level between scales of different sizes", () => {
  it("keeps a level on a scale of the same size", () => {
    expect([1, 2, 3, 4, 5].map((l) => mapLevel(l, 5, 5))).toEqual([1, 2, 3, 4, 5]);
  });

  it("maps 5 levels to 3 by position, rounding halves up", () => {
    expect([1, 2, 3, 4, 5].map((l) => mapLevel(l, 5, 3))).toEqual([1, 2, 2, 3, 3]);
  });

  it("maps 3 levels to 5 keeping the ends at the ends", () => {
    expect([1, 2, 3].map((l) => mapLevel(l, 3, 5))).toEqual([1, 3, 5]);
  });

  it("maps 4 levels to 5 and 5 to 4", () => {
    expect([1, 2, 3, 4].map((l) => mapLevel(l, 4, 5))).toEqual([1, 2, 4, 5]);
    expect([1, 2, 3, 4, 5].map((l) => mapLevel(l, 5, 4))).toEqual([1, 2, 3, 3, 4]);
  });

  it("refuses a level outside its scale and a scale of fewer than 2 levels", () => {
    expect(() => mapLevel(6, 5, 3)).toThrow(InvalidInputError);
    expect(() => mapLevel(1, 1, 3)).toThrow("level mapping at oldN: a scale has at least 2 levels, not 1");
  });
});

describe("rescoring the register", () => {
  it("recomputes derived scores and returns one assessment carrying the new version, the reason and who", () => {
    const risk = aRisk({ impact: null, inherentScore: null, residualImpact: null, residualScore: null });
    const { risks, assessments, issues } = rescoreRisks(defaultMethodology(), 1, [risk], { at, by: "p-ciso", reason: "initial" });
    expect(issues).toEqual([]);
    expect(risks[0]).toMatchObject({ impact: 5, inherentScore: 20, residualImpact: 4, residualScore: 8 });
    expect(assessments).toEqual([
      {
        riskId: "R-001",
        methodologyVersion: 1,
        likelihood: 4,
        impacts: { financial: 3, legal: 5 },
        impact: 5,
        score: 20,
        residualLikelihood: 2,
        residualImpacts: { financial: 2, legal: 4 },
        residualImpact: 4,
        residualScore: 8,
        assessedAt: at,
        assessedBy: "p-ciso",
        reason: "initial",
      },
    ]);
  });

  it("scores change when the methodology's scales change, and the risks given are not mutated", () => {
    const risk = aRisk();
    const before = structuredClone(risk);
    const next = methodologyPresets["4x4-matrix"]();
    next.impact.criteria = [
      { id: "financial", label: "Financial" },
      { id: "legal", label: "Legal" },
    ];
    const result = rescoreRisks(next, 2, [risk], { at, reason: "methodology v2", previous: defaultMethodology() });
    expect(risk).toEqual(before);
    // likelihood 4 of 5 → 3 of 4; impacts financial 3 → 3, legal 5 → 4; residual 2 → 2, 2 → 2, 4 → 3.
    expect(result.risks[0]).toMatchObject({
      likelihood: 3,
      impacts: { financial: 3, legal: 4 },
      impact: 4,
      inherentScore: 9,
      residualLikelihood: 2,
      residualImpacts: { financial: 2, legal: 3 },
      residualImpact: 3,
      residualScore: 5,
    });
    expect(result.assessments[0]).toMatchObject({ methodologyVersion: 2, reason: "methodology v2", score: 9, assessedBy: null });
    expect(result.risks[0]).not.toBe(risk);
  });

  it("does not count as a review unless told, and then sets the last assessment and the next review", () => {
    const plain = rescoreRisks(defaultMethodology(), 2, [aRisk()], { at, reason: "methodology v2" });
    expect(plain.risks[0]?.lastAssessedAt).toEqual(new Date("2025-01-10T00:00:00Z"));
    const review = rescoreRisks(defaultMethodology(), 2, [aRisk()], { at, reason: "review", countsAsReview: true });
    expect(review.risks[0]).toMatchObject({ lastAssessedAt: at, nextReview: "2026-07-01" });
  });

  it("drops a criterion no longer in the methodology and warns when that lowers the impact", () => {
    const next = withCriteria(["financial", "operational"]);
    const result = rescoreRisks(next, 2, [aRisk()], { at, reason: "methodology v2", previous: defaultMethodology() });
    expect(result.risks[0]).toMatchObject({ impacts: { financial: 3 }, impact: 3, inherentScore: 12 });
    expect(result.issues).toContainEqual({
      riskId: "R-001",
      severity: "warning",
      path: "impact",
      message: "the impact fell from 5 to 3 because legal is no longer a criterion; check the rating",
    });
  });

  it("leaves a new criterion unrated and asks for it, taking the impact from the remaining ones", () => {
    const next = withCriteria(["financial", "legal", "privacy"]);
    const result = rescoreRisks(next, 2, [aRisk()], { at, reason: "methodology v2", previous: defaultMethodology() });
    expect(result.risks[0]?.impacts).toEqual({ financial: 3, legal: 5 });
    expect(result.risks[0]?.impact).toBe(5);
    expect(result.issues).toContainEqual({
      riskId: "R-001",
      severity: "warning",
      path: "impacts.privacy",
      message: "'privacy' is a new impact criterion; rate it",
    });
  });

  it("collapses criteria into the overall impact when the methodology moves to one scale", () => {
    const result = rescoreRisks(methodologyPresets["3x3-product"](), 2, [aRisk()], {
      at,
      reason: "methodology v2",
      previous: defaultMethodology(),
    });
    // impact 5 of 5 → 3 of 3, likelihood 4 of 5 → 3 of 3.
    expect(result.risks[0]).toMatchObject({ impacts: {}, impact: 3, likelihood: 3, inherentScore: 9, residualImpacts: {} });
  });

  it("keeps an overall impact rated on one scale when criteria are introduced, and asks for ratings per criterion", () => {
    const risk = aRisk({ likelihood: 3, impacts: {}, impact: 2, residualImpacts: {}, residualImpact: 1, residualLikelihood: 1 });
    const result = rescoreRisks(defaultMethodology(), 2, [risk], {
      at,
      reason: "methodology v2",
      previous: methodologyPresets["3x3-product"](),
    });
    expect(result.risks[0]).toMatchObject({ impact: 3, inherentScore: 15 });
    expect(result.issues[0]?.message).toBe(
      "the impact is rated as a whole (3), not per criterion; rate it on financial, operational, reputational, legal, health-and-safety",
    );
  });

  it("reports a level that cannot be mapped and returns that risk unchanged, with no assessment", () => {
    const risk = aRisk();
    const result = rescoreRisks(methodologyPresets["3x3-product"](), 2, [risk], { at, reason: "methodology v2" });
    expect(result.risks[0]).toBe(risk);
    expect(result.assessments).toEqual([]);
    expect(result.issues).toContainEqual({
      riskId: "R-001",
      severity: "error",
      path: "likelihood",
      message: "4 is not a level of the 3-level likelihood scale; give the previous methodology so it can be mapped, or rate it again",
    });
  });

  it("passes an unassessed risk through without an assessment", () => {
    const risk = aRisk({ likelihood: null, impacts: {}, impact: null, inherentScore: null, residualLikelihood: null, residualImpacts: {}, residualImpact: null, residualScore: null });
    const result = rescoreRisks(defaultMethodology(), 2, [risk], { at, reason: "methodology v2" });
    expect(result.risks[0]).toMatchObject({ inherentScore: null, residualScore: null });
    expect(result.assessments).toEqual([]);
    expect(result.issues).toEqual([]);
  });

  it("warns that an accepted residual risk moved to another band, so the owner confirms it", () => {
    const risk = aRisk({ residualAcceptedBy: "p-cto", residualAcceptedAt: new Date("2025-02-01") });
    const next = defaultMethodology();
    next.bands = [
      { id: "low", label: "Low", min: 1, max: 9, decision: "tolerate", colour: "#2e7d32" },
      { id: "high", label: "High", min: 10, max: 25, decision: "treat", colour: "#c62828" },
    ];
    next.acceptance.threshold = 9;
    const result = rescoreRisks(next, 2, [risk], { at, reason: "methodology v2", previous: defaultMethodology() });
    expect(result.issues).toEqual([
      {
        riskId: "R-001",
        severity: "warning",
        path: "residualScore",
        message: "the residual risk moved from band 'medium' to 'low'; have the risk owner confirm the acceptance",
      },
    ]);
  });

  it("refuses a methodology version that is not 1, 2, ...", () => {
    expect(() => rescoreRisks(defaultMethodology(), 0, [], { at, reason: "x" })).toThrow(InvalidInputError);
  });
});
