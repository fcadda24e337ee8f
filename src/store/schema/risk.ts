// Risk assessment and treatment (6.1.2, 6.1.3, 8.2, 8.3): methodology, register, score history, plan.
import { boolean, date, foreignKey, integer, jsonb, pgEnum, pgTable, text, timestamp, unique } from "drizzle-orm/pg-core";
import { workspaceKey, workspaceScoped } from "./columns.js";
import type { JsonObject } from "./json.js";
import { personReference } from "./people.js";

/**
 * The documented risk assessment methodology (6.1.2 a–b, 8.2): scales, scoring bands and acceptance
 * criteria live in `body`, whose shape the domain defines. Versions are numbered 1, 2, ... per workspace.
 */
export const riskMethodologies = pgTable(
  "risk_methodologies",
  {
    ...workspaceScoped(),
    version: integer("version").notNull(),
    status: text("status").notNull(),
    body: jsonb("body").$type<JsonObject>().notNull(),
    approvedBy: text("approved_by"),
    approvedAt: timestamp("approved_at", { withTimezone: true, mode: "date" }),
  },
  (t) => [
    workspaceKey(t),
    unique("risk_methodologies_version_unique").on(t.workspaceId, t.version),
    personReference("risk_methodologies_approved_by_fk", t, t.approvedBy),
  ],
);

export const riskTreatments = ["treat", "tolerate", "transfer", "terminate"] as const;
export const riskTreatment = pgEnum("risk_treatment", riskTreatments);

/**
 * The risk register (6.1.2 c–e): ids like R-001, the risk owner, the assets, threat and vulnerability,
 * inherent and residual scores (derived from likelihood and impact under the current methodology),
 * the decision, the controls that treat it, the owner's approval of the treatment plan (6.1.3 f) and
 * acceptance of the residual risk, and the next review (8.2). `impacts`/`residualImpacts` hold the
 * per-criterion impact levels when the methodology has several criteria; `impact` is their maximum.
 */
export const risks = pgTable(
  "risks",
  {
    ...workspaceScoped(),
    title: text("title").notNull(),
    description: text("description"),
    category: text("category"),
    assetIds: jsonb("asset_ids").$type<string[]>().notNull().default([]),
    threat: text("threat"),
    vulnerability: text("vulnerability"),
    owner: text("owner"),
    confidentiality: boolean("confidentiality").notNull().default(false),
    integrity: boolean("integrity").notNull().default(false),
    availability: boolean("availability").notNull().default(false),
    likelihood: integer("likelihood"),
    impacts: jsonb("impacts").$type<Record<string, number>>().notNull().default({}),
    impact: integer("impact"),
    inherentScore: integer("inherent_score"),
    decision: riskTreatment("decision"),
    controlIds: jsonb("control_ids").$type<string[]>().notNull().default([]),
    awsServices: jsonb("aws_services").$type<string[]>().notNull().default([]),
    residualLikelihood: integer("residual_likelihood"),
    residualImpacts: jsonb("residual_impacts").$type<Record<string, number>>().notNull().default({}),
    residualImpact: integer("residual_impact"),
    residualScore: integer("residual_score"),
    status: text("status").notNull(),
    planApprovedBy: text("plan_approved_by"),
    planApprovedAt: timestamp("plan_approved_at", { withTimezone: true, mode: "date" }),
    residualAcceptedBy: text("residual_accepted_by"),
    residualAcceptedAt: timestamp("residual_accepted_at", { withTimezone: true, mode: "date" }),
    lastAssessedAt: timestamp("last_assessed_at", { withTimezone: true, mode: "date" }),
    nextReview: date("next_review", { mode: "string" }),
  },
  (t) => [
    workspaceKey(t),
    personReference("risks_owner_fk", t, t.owner),
    personReference("risks_plan_approved_by_fk", t, t.planApprovedBy),
    personReference("risks_residual_accepted_by_fk", t, t.residualAcceptedBy),
  ],
);

/** Each scoring of a risk under a methodology version: the retained results of 8.2 at planned intervals. */
export const riskAssessments = pgTable(
  "risk_assessments",
  {
    ...workspaceScoped(),
    riskId: text("risk_id").notNull(),
    methodologyVersion: integer("methodology_version").notNull(),
    likelihood: integer("likelihood").notNull(),
    impacts: jsonb("impacts").$type<Record<string, number>>().notNull().default({}),
    impact: integer("impact").notNull(),
    score: integer("score").notNull(),
    residualLikelihood: integer("residual_likelihood"),
    residualImpacts: jsonb("residual_impacts").$type<Record<string, number>>().notNull().default({}),
    residualImpact: integer("residual_impact"),
    residualScore: integer("residual_score"),
    assessedAt: timestamp("assessed_at", { withTimezone: true, mode: "date" }).notNull(),
    assessedBy: text("assessed_by"),
    /** Why this assessment was made: "initial", "review", "methodology v2", "treatment completed". */
    reason: text("reason").notNull(),
  },
  (t) => [
    workspaceKey(t),
    foreignKey({
      name: "risk_assessments_risk_fk",
      columns: [t.workspaceId, t.riskId],
      foreignColumns: [risks.workspaceId, risks.id],
    }).onDelete("cascade"),
    foreignKey({
      name: "risk_assessments_methodology_fk",
      columns: [t.workspaceId, t.methodologyVersion],
      foreignColumns: [riskMethodologies.workspaceId, riskMethodologies.version],
    }),
    personReference("risk_assessments_assessed_by_fk", t, t.assessedBy),
  ],
);

/** The risk treatment plan (6.1.3 e, 8.3): actions per risk, the Annex A controls they implement. */
export const treatmentActions = pgTable(
  "treatment_actions",
  {
    ...workspaceScoped(),
    riskId: text("risk_id").notNull(),
    title: text("title").notNull(),
    controlIds: jsonb("control_ids").$type<string[]>().notNull().default([]),
    owner: text("owner"),
    dueDate: date("due_date", { mode: "string" }),
    status: text("status").notNull(),
    /** The evidence that will show the control operating once the action is done. */
    evidence: text("evidence"),
    completedOn: date("completed_on", { mode: "string" }),
  },
  (t) => [
    workspaceKey(t),
    foreignKey({
      name: "treatment_actions_risk_fk",
      columns: [t.workspaceId, t.riskId],
      foreignColumns: [risks.workspaceId, risks.id],
    }).onDelete("cascade"),
    personReference("treatment_actions_owner_fk", t, t.owner),
  ],
);
