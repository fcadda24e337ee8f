// A risk in the register (6.1.2 c–e, 8.2), its treatment actions (6.1.3 e, 8.3) and its assessment
// history, as the domain sees them; the fields match the store's columns one to one.
import { z } from "zod";
import { riskDecisionSchema } from "./methodology.js";

/** Categories offered by default; a workspace may use its own as well. */
export const riskCategories = [
  "identity and access",
  "data protection",
  "availability",
  "application security",
  "personnel",
  "third party",
] as const;

export const riskStatuses = ["open", "treating", "accepted", "closed"] as const;
export const treatmentActionStatuses = ["planned", "in_progress", "done", "cancelled"] as const;

export const riskIdSchema = z.string().regex(/^R-\d{3,}$/, "a risk id looks like R-001");
export const treatmentActionIdSchema = z.string().regex(/^T-\d{3,}$/, "a treatment action id looks like T-001");

const level = z.number().int("a level is a whole number").min(1, "levels start at 1");
const score = z.number().int("a score is a whole number").min(1, "scores start at 1");
const levelsByCriterion = z.record(z.string(), level);
const day = z.iso.date("write the date as YYYY-MM-DD");
const personId = z.string().trim().min(1);

export const riskSchema = z.object({
  id: riskIdSchema,
  title: z.string().trim().min(1, "give the risk a title"),
  description: z.string().nullish(),
  category: z.string().trim().min(1).nullish(),
  assetIds: z.array(z.string()).default([]),
  threat: z.string().nullish(),
  vulnerability: z.string().nullish(),
  /** The risk owner (a person id): accountable for the risk, approves its plan, accepts its residual. */
  owner: personId.nullish(),
  confidentiality: z.boolean().default(false),
  integrity: z.boolean().default(false),
  availability: z.boolean().default(false),
  likelihood: level.nullish(),
  impacts: levelsByCriterion.default({}),
  impact: level.nullish(),
  inherentScore: score.nullish(),
  decision: riskDecisionSchema.nullish(),
  controlIds: z.array(z.string()).default([]),
  awsServices: z.array(z.string()).default([]),
  residualLikelihood: level.nullish(),
  residualImpacts: levelsByCriterion.default({}),
  residualImpact: level.nullish(),
  residualScore: score.nullish(),
  status: z.enum(riskStatuses).default("open"),
  planApprovedBy: personId.nullish(),
  planApprovedAt: z.coerce.date().nullish(),
  residualAcceptedBy: personId.nullish(),
  residualAcceptedAt: z.coerce.date().nullish(),
  lastAssessedAt: z.coerce.date().nullish(),
  nextReview: day.nullish(),
});
export type Risk = z.infer<typeof riskSchema>;

export const treatmentActionSchema = z.object({
  id: treatmentActionIdSchema,
  riskId: riskIdSchema,
  title: z.string().trim().min(1, "say what the action does"),
  controlIds: z.array(z.string()).default([]),
  owner: personId.nullish(),
  dueDate: day.nullish(),
  status: z.enum(treatmentActionStatuses).default("planned"),
  /** The evidence that will show the control operating once the action is done. */
  evidence: z.string().nullish(),
  completedOn: day.nullish(),
});
export type TreatmentAction = z.infer<typeof treatmentActionSchema>;

/** One scoring of a risk under one methodology version, kept as the record of 8.2. */
export const riskAssessmentSchema = z.object({
  riskId: riskIdSchema,
  methodologyVersion: z.number().int().min(1),
  likelihood: level,
  impacts: levelsByCriterion,
  impact: level,
  score,
  residualLikelihood: level.nullable(),
  residualImpacts: levelsByCriterion,
  residualImpact: level.nullable(),
  residualScore: score.nullable(),
  assessedAt: z.coerce.date(),
  assessedBy: personId.nullable(),
  /** Why: "initial", "review", "methodology v2", "treatment completed". */
  reason: z.string().trim().min(1),
});
export type RiskAssessment = z.infer<typeof riskAssessmentSchema>;

function nextSequentialId(prefix: string, existingIds: Iterable<string>): string {
  const pattern = new RegExp(`^${prefix}-(\\d+)$`);
  let highest = 0;
  for (const id of existingIds) {
    const match = pattern.exec(id);
    if (match) highest = Math.max(highest, Number(match[1]));
  }
  return `${prefix}-${String(highest + 1).padStart(3, "0")}`;
}

/** The id after the highest R-nnn among `existingIds` ("R-001" for none); other ids are ignored. */
export function nextRiskId(existingIds: Iterable<string>): string {
  return nextSequentialId("R", existingIds);
}

/** The id after the highest T-nnn among `existingIds` ("T-001" for none). */
export function nextTreatmentActionId(existingIds: Iterable<string>): string {
  return nextSequentialId("T", existingIds);
}
