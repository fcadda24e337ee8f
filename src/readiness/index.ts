// Stage 1, Stage 2 and surveillance readiness: rules over a workspace snapshot that say, before the
// auditor does, what would fail, how badly, on which clause or control, and how to fix it.
export { evaluateReadiness, rulesForStage, severityWeights } from "./evaluate.js";
export type { EvaluateOptions, ReadinessReport, ReportedFinding, RuleOutcome, StageReadiness } from "./evaluate.js";
export { defineRule, severities, stages } from "./rule.js";
export type { FindingEntity, FindingMaker, ReadinessFinding, ReadinessRule, Severity, Stage } from "./rule.js";
export { readinessRuleIds, readinessRules } from "./rules/index.js";
export { coveredReviewInputs, reviewInputRef } from "./review-inputs.js";
export type * from "./snapshot.js";
export * from "./vocabulary.js";
