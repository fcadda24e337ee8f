// Every readiness rule, in the order reports list them: Stage 1 by clause, then Stage 2, then surveillance.
import type { ReadinessRule } from "../rule.js";
import { assetOwners, contextRecorded, exclusionsJustified, scopeApproved } from "./context.js";
import { auditActionsClosed, internalAudit, managementReviewHeld, managementReviewInputsCovered, nonconformitiesActioned } from "./evaluation.js";
import { policyApproved, rolesAssigned } from "./leadership.js";
import { criticalSuppliersReviewed, yearlyTestsDone } from "./operation.js";
import { methodologyDocumented, residualAccepted, riskAssessmentRecent, riskEntriesComplete, risksDecided, treatmentActionsOnTime } from "./risk.js";
import { implementedControlsEvidenced, noFailingChecks, soaComplete, soaOverridesExplained, soaTreatmentConsistent } from "./soa.js";
import { activitiesOnSchedule, soaAfterScopeChange } from "./surveillance.js";
import { competenceRecorded, documentsControlled, objectivesMeasurable, objectivesMonitored, policiesAcknowledged, trainingCurrent } from "./support.js";

export const readinessRules: readonly ReadinessRule[] = [
  // Stage 1: is the management system designed and documented?
  contextRecorded,
  scopeApproved,
  exclusionsJustified,
  assetOwners,
  policyApproved,
  rolesAssigned,
  methodologyDocumented,
  riskEntriesComplete,
  risksDecided,
  residualAccepted,
  soaComplete,
  soaTreatmentConsistent,
  soaOverridesExplained,
  objectivesMeasurable,
  competenceRecorded,
  documentsControlled,
  riskAssessmentRecent,
  internalAudit,
  managementReviewHeld,
  managementReviewInputsCovered,
  nonconformitiesActioned,
  // Stage 2: does it operate?
  implementedControlsEvidenced,
  noFailingChecks,
  treatmentActionsOnTime,
  objectivesMonitored,
  trainingCurrent,
  policiesAcknowledged,
  yearlyTestsDone,
  criticalSuppliersReviewed,
  auditActionsClosed,
  // Surveillance: does it keep operating?
  activitiesOnSchedule,
  soaAfterScopeChange,
];

export const readinessRuleIds: readonly string[] = readinessRules.map((r) => r.id);
