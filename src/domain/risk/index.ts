// Risk management (ISO/IEC 27001:2022 6.1.2, 6.1.3, 8.2, 8.3): the methodology as data, scoring,
// the register's entities, the rules an auditor would apply, rescoring and the methodology document.
export {
  formatIssuePath,
  identificationApproaches,
  impactCriterionSchema,
  maxScaleLevels,
  maxScore,
  methodologySchema,
  minScaleLevels,
  parseMethodology,
  riskBandSchema,
  riskDecisions,
  riskDecisionSchema,
  scaleLevelSchema,
  scoringSchema,
} from "./methodology.js";
export type { ImpactCriterion, Methodology, RiskBand, RiskDecision, ScaleLevel, Scoring } from "./methodology.js";
export { defaultMethodology, methodologyPresetIds, methodologyPresets } from "./presets.js";
export type { MethodologyPresetId } from "./presets.js";
export { assessRisk, bandOf, combineImpact, scoreOf } from "./scoring.js";
export type { AssessmentInput, AssessmentResult, ImpactRating } from "./scoring.js";
export {
  nextRiskId,
  nextTreatmentActionId,
  riskAssessmentSchema,
  riskCategories,
  riskIdSchema,
  riskSchema,
  riskStatuses,
  treatmentActionIdSchema,
  treatmentActionSchema,
  treatmentActionStatuses,
} from "./risk.js";
export type { Risk, RiskAssessment, TreatmentAction } from "./risk.js";
export { checkRisks, riskRuleIds, riskRules } from "./rules.js";
export type { CheckRisksOptions, FindingSeverity, RiskFinding, RiskRule, RiskRuleContext, RiskRuleId } from "./rules.js";
export { mapLevel, rescoreRisks } from "./rescore.js";
export type { RescoreIssue, RescoreOptions, RescoreResult } from "./rescore.js";
export { renderMethodologyDocument } from "./methodology-document.js";
export type { MethodologyDocumentOptions } from "./methodology-document.js";
export { documentToMarkdown } from "../documents/model.js";
export type { DocumentBlock, DocumentModel, DocumentSection } from "../documents/model.js";
export { addMonths, isoDay } from "./calendar.js";
export { riskMatrix, type MatrixCell, type RiskMatrix } from "./matrix.js";
