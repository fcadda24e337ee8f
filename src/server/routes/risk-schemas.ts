// The shapes of the risk register's API (6.1.2, 6.1.3, 8.2, 8.3): a risk with its bands, the fields a
// request may set, ratings for an assessment, the heat map and the risk treatment plan.
import { z } from "@hono/zod-openapi";
import { bandOf, riskDecisionSchema, riskStatuses, treatmentActionStatuses, type Methodology, type Risk, type RiskAssessment } from "../../domain/risk/index.js";
import { day, instant, isoInstant } from "./route-parts.js";

const level = z.number().int("a level is a whole number").min(1, "levels start at 1");
const levels = z.record(z.string(), level).openapi({ description: "Impact per criterion of the methodology; the highest is the impact", example: { financial: 4, legal: 3 } });
const text = z.string().trim().min(1, "write something, or leave the field out");

export const riskIdParam = z.object({
  workspace: z.string().openapi({ description: "The workspace's slug", example: "acme" }),
  id: z.string().regex(/^R-\d{3,}$/, "a risk id looks like R-001").openapi({ example: "R-001" }),
});

export const riskSchema = z
  .object({
    id: z.string(),
    title: z.string(),
    description: z.string().nullable(),
    category: z.string().nullable(),
    assetIds: z.array(z.string()),
    threat: z.string().nullable(),
    vulnerability: z.string().nullable(),
    owner: z.string().nullable().openapi({ description: "The risk owner's person id" }),
    confidentiality: z.boolean(),
    integrity: z.boolean(),
    availability: z.boolean(),
    likelihood: z.number().nullable(),
    impacts: z.record(z.string(), z.number()),
    impact: z.number().nullable(),
    inherentScore: z.number().nullable(),
    inherentBand: z.string().nullable().openapi({ description: "The methodology's band of the inherent score" }),
    decision: riskDecisionSchema.nullable(),
    controlIds: z.array(z.string()),
    awsServices: z.array(z.string()),
    residualLikelihood: z.number().nullable(),
    residualImpacts: z.record(z.string(), z.number()),
    residualImpact: z.number().nullable(),
    residualScore: z.number().nullable(),
    residualBand: z.string().nullable(),
    status: z.enum(riskStatuses),
    planApprovedBy: z.string().nullable(),
    planApprovedAt: instant.nullable(),
    residualAcceptedBy: z.string().nullable(),
    residualAcceptedAt: instant.nullable(),
    lastAssessedAt: instant.nullable(),
    nextReview: day.nullable(),
  })
  .openapi("Risk");
export type RiskBody = z.infer<typeof riskSchema>;

/** A risk as the API answers it: every field, its bands under the methodology in force, times as ISO text. */
export function riskBody(methodology: Methodology, risk: Risk): RiskBody {
  const band = (score: number | null | undefined) => (score != null ? bandOf(methodology, score).id : null);
  return {
    id: risk.id,
    title: risk.title,
    description: risk.description ?? null,
    category: risk.category ?? null,
    assetIds: risk.assetIds,
    threat: risk.threat ?? null,
    vulnerability: risk.vulnerability ?? null,
    owner: risk.owner ?? null,
    confidentiality: risk.confidentiality,
    integrity: risk.integrity,
    availability: risk.availability,
    likelihood: risk.likelihood ?? null,
    impacts: risk.impacts,
    impact: risk.impact ?? null,
    inherentScore: risk.inherentScore ?? null,
    inherentBand: band(risk.inherentScore),
    decision: risk.decision ?? null,
    controlIds: risk.controlIds,
    awsServices: risk.awsServices,
    residualLikelihood: risk.residualLikelihood ?? null,
    residualImpacts: risk.residualImpacts,
    residualImpact: risk.residualImpact ?? null,
    residualScore: risk.residualScore ?? null,
    residualBand: band(risk.residualScore),
    status: risk.status,
    planApprovedBy: risk.planApprovedBy ?? null,
    planApprovedAt: isoInstant(risk.planApprovedAt),
    residualAcceptedBy: risk.residualAcceptedBy ?? null,
    residualAcceptedAt: isoInstant(risk.residualAcceptedAt),
    lastAssessedAt: isoInstant(risk.lastAssessedAt),
    nextReview: risk.nextReview ?? null,
  };
}

/** A risk as the register's table shows it: the list answers these, thousands at a time; GET one for every field. */
export const riskRowSchema = riskSchema
  .pick({
    id: true,
    title: true,
    category: true,
    owner: true,
    likelihood: true,
    impact: true,
    inherentScore: true,
    inherentBand: true,
    decision: true,
    controlIds: true,
    residualLikelihood: true,
    residualImpact: true,
    residualScore: true,
    residualBand: true,
    status: true,
    lastAssessedAt: true,
    nextReview: true,
  })
  .openapi("RiskRow");
export type RiskRow = z.infer<typeof riskRowSchema>;

export function riskRow(body: RiskBody): RiskRow {
  return {
    id: body.id,
    title: body.title,
    category: body.category,
    owner: body.owner,
    likelihood: body.likelihood,
    impact: body.impact,
    inherentScore: body.inherentScore,
    inherentBand: body.inherentBand,
    decision: body.decision,
    controlIds: body.controlIds,
    residualLikelihood: body.residualLikelihood,
    residualImpact: body.residualImpact,
    residualScore: body.residualScore,
    residualBand: body.residualBand,
    status: body.status,
    lastAssessedAt: body.lastAssessedAt,
    nextReview: body.nextReview,
  };
}

export const riskListSchema = z.object({ risks: z.array(riskRowSchema), total: z.number().openapi({ description: "Matching risks before offset and limit" }) }).openapi("RiskList");

/** The ratings of an assessment (8.2): inherent, residual, or both. */
export const ratingFields = {
  likelihood: level,
  impact: level.openapi({ description: "The impact on a methodology with one impact scale" }),
  impacts: levels,
  residualLikelihood: level,
  residualImpact: level,
  residualImpacts: levels,
};

/** What a person sets on a risk; scores and bands follow from the ratings under the methodology in force. */
const riskFields = z.strictObject({
  title: text,
  description: z.string().nullable(),
  category: text.nullable(),
  assetIds: z.array(text),
  threat: z.string().nullable(),
  vulnerability: z.string().nullable(),
  owner: text.nullable().openapi({ description: "The risk owner: a person's id or name from the people register" }),
  confidentiality: z.boolean(),
  integrity: z.boolean(),
  availability: z.boolean(),
  ...ratingFields,
  decision: riskDecisionSchema.nullable(),
  controlIds: z.array(text).openapi({ description: "The controls that treat it: Annex A ids (8.24) or own controls", example: ["8.5", "5.17"] }),
  awsServices: z.array(text),
  status: z.enum(riskStatuses),
  nextReview: z.iso.date("write the date as YYYY-MM-DD").nullable(),
});

export const newRiskSchema = riskFields.partial().extend({ title: text }).openapi("NewRisk");
export const riskChangesSchema = riskFields
  .partial()
  .refine((changes) => Object.keys(changes).length > 0, "say what to change, e.g. {\"decision\": \"treat\", \"controlIds\": [\"8.5\"]}")
  .openapi("RiskChanges");
export const assessmentSchema = z
  .strictObject(ratingFields)
  .partial()
  .refine((ratings) => Object.keys(ratings).length > 0, "give the ratings of the assessment, e.g. {\"likelihood\": 3, \"impact\": 4}")
  .openapi("RiskAssessmentInput");

export const treatmentActionSchema = z
  .object({
    id: z.string(),
    riskId: z.string(),
    title: z.string(),
    controlIds: z.array(z.string()),
    owner: z.string().nullable(),
    dueDate: day.nullable(),
    status: z.enum(treatmentActionStatuses),
    evidence: z.string().nullable(),
    completedOn: day.nullable(),
  })
  .openapi("TreatmentAction");

export const assessmentRecordSchema = z
  .object({
    methodologyVersion: z.number(),
    likelihood: z.number(),
    impact: z.number(),
    score: z.number(),
    residualLikelihood: z.number().nullable(),
    residualImpact: z.number().nullable(),
    residualScore: z.number().nullable(),
    assessedAt: instant,
    assessedBy: z.string().nullable(),
    reason: z.string(),
  })
  .openapi("RiskAssessment");

/** One (re)assessment of the risk's history (8.2), as the API answers it. */
export function assessmentBody(assessment: RiskAssessment): z.infer<typeof assessmentRecordSchema> {
  return {
    methodologyVersion: assessment.methodologyVersion,
    likelihood: assessment.likelihood,
    impact: assessment.impact,
    score: assessment.score,
    residualLikelihood: assessment.residualLikelihood,
    residualImpact: assessment.residualImpact,
    residualScore: assessment.residualScore,
    assessedAt: assessment.assessedAt.toISOString(),
    assessedBy: assessment.assessedBy,
    reason: assessment.reason,
  };
}

export const riskFindingSchema = z
  .object({ rule: z.string(), riskId: z.string(), severity: z.enum(["error", "warning"]), message: z.string() })
  .openapi("RiskFinding");

export const riskDetailSchema = z
  .object({ risk: riskSchema, actions: z.array(treatmentActionSchema), history: z.array(assessmentRecordSchema), findings: z.array(riskFindingSchema) })
  .openapi("RiskDetail");

export const heatmapSchema = z
  .object({
    kind: z.enum(["inherent", "residual"]),
    methodologyVersion: z.number(),
    likelihoodLevels: z.array(z.object({ value: z.number(), label: z.string() })),
    impactLevels: z.array(z.object({ value: z.number(), label: z.string() })),
    bands: z.array(z.object({ id: z.string(), label: z.string(), colour: z.string(), min: z.number(), max: z.number() })),
    cells: z
      .array(z.object({ likelihood: z.number(), impact: z.number(), score: z.number(), band: z.string(), count: z.number(), riskIds: z.array(z.string()) }))
      .openapi({ description: "One cell per likelihood × impact, lowest likelihood first" }),
    unrated: z.array(z.string()).openapi({ description: "Risks not yet rated on this side" }),
  })
  .openapi("RiskHeatmap");

export const treatmentPlanSchema = z
  .object({
    methodologyVersion: z.number(),
    acceptanceThreshold: z.number(),
    risks: z.array(
      z.object({
        risk: riskSchema,
        actions: z.array(treatmentActionSchema),
        actionsDone: z.number(),
        planApproved: z.boolean(),
        residualAccepted: z.boolean(),
        missing: z.string().nullable().openapi({ description: "Why the risk has no plan yet; null when it has one" }),
      }),
    ),
  })
  .openapi("RiskTreatmentPlan");
