// Scores, stages and the "would fail" verdict of a readiness evaluation.
import { describe, expect, it } from "vitest";
import { evaluateReadiness, rulesForStage, severityWeights } from "./evaluate.js";
import { readinessRules } from "./rules/index.js";
import { completeSnapshot } from "./test-snapshot.js";

const weightOf = (stage: "stage1" | "stage2" | "surveillance") => rulesForStage(stage).reduce((sum, r) => sum + severityWeights[r.severity], 0);

describe("evaluateReadiness", () => {
  it("scores a complete workspace 100 on every stage, with nothing that would fail", () => {
    const report = evaluateReadiness(completeSnapshot());
    expect(report.asOf).toBe("2026-06-30");
    expect(report.stages.map((s) => [s.stage, s.score, s.wouldFail])).toEqual([
      ["stage1", 100, false],
      ["stage2", 100, false],
      ["surveillance", 100, false],
    ]);
    expect(report.stages.every((s) => s.rules.every((r) => r.passed))).toBe(true);
  });

  it("each later stage applies the rules of the earlier ones too", () => {
    expect(rulesForStage("stage1").every((r) => r.stage === "stage1")).toBe(true);
    expect(rulesForStage("stage2").length).toBeGreaterThan(rulesForStage("stage1").length);
    expect(rulesForStage("surveillance")).toHaveLength(readinessRules.length);
  });

  it("weighs a failing rule by its severity and says Stage 1 would fail on a would-fail finding", () => {
    const snapshot = completeSnapshot();
    const report = evaluateReadiness({ ...snapshot, scope: snapshot.scope && { ...snapshot.scope, approvedBy: null, approvedAt: null } }, { stage: "stage1" });
    expect(report.stages).toHaveLength(1);
    const [stage1] = report.stages;
    expect(stage1?.score).toBe(Math.round((100 * (weightOf("stage1") - severityWeights["would-fail-stage1"])) / weightOf("stage1")));
    expect(stage1?.wouldFail).toBe(true);
    expect(stage1?.findings["would-fail-stage1"]).toEqual([
      expect.objectContaining({ ruleId: "S1-scope-approved", severity: "would-fail-stage1", basis: "4.3", stage: "stage1", entity: { type: "scope", id: "scope" } }),
    ]);
    expect(stage1?.rules.find((r) => r.id === "S1-scope-approved")).toMatchObject({ passed: false, findings: 1 });
  });

  it("a major finding does not fail Stage 1 but fails Stage 2 and surveillance", () => {
    const snapshot = completeSnapshot();
    const report = evaluateReadiness({ ...snapshot, objectives: [] });
    expect(report.stages.map((s) => [s.stage, s.wouldFail])).toEqual([
      ["stage1", false],
      ["stage2", true],
      ["surveillance", true],
    ]);
    expect(report.stages[0]?.findings.major.map((f) => f.ruleId)).toEqual(["S1-objectives-measurable"]);
  });

  it("a rule with many findings costs the score no more than a rule with one", () => {
    const snapshot = completeSnapshot();
    const noOwners = { ...snapshot, assets: [1, 2, 3].map((n) => ({ id: `A-00${n}`, name: `Asset ${n}`, owner: null, inScope: true })) };
    const [stage1] = evaluateReadiness(noOwners, { stage: "stage1" }).stages;
    expect(stage1?.findings.minor).toHaveLength(3);
    expect(stage1?.score).toBe(Math.round((100 * (weightOf("stage1") - severityWeights.minor)) / weightOf("stage1")));
  });
});
