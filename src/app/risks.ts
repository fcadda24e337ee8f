// The risk register (6.1.2, 6.1.3, 8.2, 8.3): risks scored under the methodology in force, every
// (re)assessment kept with its date, treatment actions, the owner's plan approval and acceptance.
import { and, eq, sql } from "drizzle-orm";
import { IsmsError } from "../domain/errors.js";
import {
  checkRisks,
  isoDay,
  nextRiskId,
  nextTreatmentActionId,
  rescoreRisks,
  riskSchema,
  treatmentActionSchema,
  type Methodology,
  type Risk,
  type RiskAssessment,
  type RiskFinding,
  type TreatmentAction,
} from "../domain/risk/index.js";
import type { Db, Tx } from "../store/open.js";
import { controlImplementations, riskAssessments, risks, treatmentActions } from "../store/schema/index.js";
import { appendAuditLog } from "./audit-log.js";
import { compareIds } from "./registers.js";
import { nextId } from "./entries.js";
import { currentMethodology } from "./risk-methodology.js";
import type { Workspace } from "./workspaces.js";

export async function loadRisks(db: Db, workspace: Workspace): Promise<Risk[]> {
  const rows = await db.select().from(risks).where(eq(risks.workspaceId, workspace.id));
  return rows.map((r) => riskSchema.parse(r)).sort((a, b) => compareIds(a.id, b.id));
}

export async function loadTreatmentActions(db: Db, workspace: Workspace): Promise<TreatmentAction[]> {
  const rows = await db.select().from(treatmentActions).where(eq(treatmentActions.workspaceId, workspace.id));
  return rows.map((r) => treatmentActionSchema.parse(r)).sort((a, b) => compareIds(a.id, b.id));
}

export async function loadAssessments(db: Db, workspace: Workspace, riskId?: string): Promise<(RiskAssessment & { id: string })[]> {
  const where = riskId ? and(eq(riskAssessments.workspaceId, workspace.id), eq(riskAssessments.riskId, riskId)) : eq(riskAssessments.workspaceId, workspace.id);
  const rows = await db.select().from(riskAssessments).where(where);
  return rows.sort((a, b) => a.assessedAt.getTime() - b.assessedAt.getTime() || compareIds(a.id, b.id));
}

export async function getRisk(db: Db, workspace: Workspace, id: string): Promise<Risk> {
  const [row] = await db.select().from(risks).where(and(eq(risks.workspaceId, workspace.id), eq(risks.id, id)));
  if (!row) throw new IsmsError(`No risk ${id}`, "List the risks with: isms risk list");
  return riskSchema.parse(row);
}

function storedRisk(risk: Risk) {
  return {
    ...risk,
    description: risk.description ?? null,
    category: risk.category ?? null,
    threat: risk.threat ?? null,
    vulnerability: risk.vulnerability ?? null,
    owner: risk.owner ?? null,
    likelihood: risk.likelihood ?? null,
    impact: risk.impact ?? null,
    inherentScore: risk.inherentScore ?? null,
    decision: risk.decision ?? null,
    residualLikelihood: risk.residualLikelihood ?? null,
    residualImpact: risk.residualImpact ?? null,
    residualScore: risk.residualScore ?? null,
    planApprovedBy: risk.planApprovedBy ?? null,
    planApprovedAt: risk.planApprovedAt ?? null,
    residualAcceptedBy: risk.residualAcceptedBy ?? null,
    residualAcceptedAt: risk.residualAcceptedAt ?? null,
    lastAssessedAt: risk.lastAssessedAt ?? null,
    nextReview: risk.nextReview ?? null,
  };
}

async function writeRisk(tx: Tx, workspace: Workspace, risk: Risk, isNew: boolean): Promise<void> {
  const row = storedRisk(risk);
  if (isNew) await tx.insert(risks).values({ ...row, workspaceId: workspace.id });
  else await tx.update(risks).set(row).where(and(eq(risks.workspaceId, workspace.id), eq(risks.id, risk.id)));
}

/**
 * Taken before reading the ids a new risk, treatment action or assessment (RA-…) follows: concurrent
 * writers in one workspace wait for each other on PostgreSQL instead of taking the same next id.
 * Take it before any other write of the transaction, the audit log's included, so that every path takes
 * its locks in one order (risk ids, then rows, then the audit log) and two writers cannot deadlock.
 */
export async function lockRiskIds(tx: Tx, workspace: Workspace): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(7365010, hashtext(${workspace.id}))`);
}

/** Records assessments under new RA- ids; the caller holds lockRiskIds since before its first write. */
async function recordAssessments(tx: Tx, workspace: Workspace, entries: readonly RiskAssessment[]): Promise<void> {
  if (!entries.length) return;
  const ids = (await tx.select({ id: riskAssessments.id }).from(riskAssessments).where(eq(riskAssessments.workspaceId, workspace.id))).map((r) => r.id);
  const rows = entries.map((entry) => {
    const id = nextId("RA", ids);
    ids.push(id);
    return { ...entry, id, workspaceId: workspace.id };
  });
  await tx.insert(riskAssessments).values(rows);
}

export interface RescoreSummary {
  rescored: number;
  issues: { riskId: string; severity: "error" | "warning"; path: string; message: string }[];
}

/** Rescores every risk of the workspace under `methodology` and records the new assessments. */
export async function rescoreWorkspaceRisks(
  tx: Tx,
  workspace: Workspace,
  options: { methodology: Methodology; version: number; previous?: Methodology | undefined; reason: string; at: Date; by: string | null; countsAsReview?: boolean },
): Promise<RescoreSummary> {
  await lockRiskIds(tx, workspace);
  const current = await loadRisks(tx, workspace);
  const result = rescoreRisks(options.methodology, options.version, current, {
    at: options.at,
    by: options.by,
    reason: options.reason,
    countsAsReview: options.countsAsReview ?? false,
    ...(options.previous ? { previous: options.previous } : {}),
  });
  for (const risk of result.risks) await writeRisk(tx, workspace, risk, false);
  await recordAssessments(tx, workspace, result.assessments);
  return { rescored: result.assessments.length, issues: result.issues };
}

/** Scores one risk under the methodology in force; `reason` set records an assessment. */
async function scoreAndSave(
  tx: Tx,
  workspace: Workspace,
  risk: Risk,
  options: { isNew: boolean; reason: string | null; at: Date; by: string | null; countsAsReview?: boolean },
): Promise<Risk> {
  const methodology = await currentMethodology(tx, workspace);
  const result = rescoreRisks(methodology.body, methodology.version, [risk], { at: options.at, by: options.by, reason: options.reason ?? "edit", countsAsReview: options.countsAsReview ?? false });
  const error = result.issues.find((i) => i.severity === "error");
  if (error) throw new IsmsError(`${risk.id} ${error.path}: ${error.message}`);
  const scored = result.risks[0] ?? risk;
  await writeRisk(tx, workspace, scored, options.isNew);
  if (options.reason) await recordAssessments(tx, workspace, result.assessments);
  return scored;
}

export type RiskInput = Partial<Omit<Risk, "id" | "inherentScore" | "residualScore">>;

const ratingFields = ["likelihood", "impacts", "impact", "residualLikelihood", "residualImpacts", "residualImpact"] as const;

export async function addRisk(tx: Tx, workspace: Workspace, input: RiskInput & { id?: string }, context: { actor: string; at?: Date; by?: string | null }): Promise<Risk> {
  await lockRiskIds(tx, workspace);
  const ids = (await tx.select({ id: risks.id }).from(risks).where(eq(risks.workspaceId, workspace.id))).map((r) => r.id);
  const id = input.id ?? nextRiskId(ids);
  if (ids.includes(id)) throw new IsmsError(`Risk ${id} already exists`, "Edit it with: isms risk edit " + id);
  const risk = riskSchema.parse({ status: "open", ...input, id });
  const at = context.at ?? new Date();
  const rated = risk.likelihood != null;
  const saved = await scoreAndSave(tx, workspace, risk, { isNew: true, reason: rated ? "initial" : null, at, by: context.by ?? null, countsAsReview: rated });
  await appendAuditLog(tx, { workspaceId: workspace.id, actor: context.actor, action: "risk.add", entityType: "risk", entityId: id, before: null, after: saved });
  return saved;
}

export async function editRisk(tx: Tx, workspace: Workspace, id: string, changes: RiskInput, context: { actor: string; at?: Date; by?: string | null }): Promise<Risk> {
  const reRated = ratingFields.some((f) => f in changes);
  // New ratings are recorded as an assessment with a new id.
  if (reRated) await lockRiskIds(tx, workspace);
  const before = await getRisk(tx, workspace, id);
  const risk = riskSchema.parse({ ...before, ...changes, id });
  const saved = await scoreAndSave(tx, workspace, risk, { isNew: false, reason: reRated ? "edit" : null, at: context.at ?? new Date(), by: context.by ?? null });
  await appendAuditLog(tx, { workspaceId: workspace.id, actor: context.actor, action: "risk.edit", entityType: "risk", entityId: id, before, after: saved });
  return saved;
}

/** A (re)assessment of one risk (8.2): new ratings, kept in the history, and the next review scheduled. */
export async function assessRisk(
  tx: Tx,
  workspace: Workspace,
  id: string,
  ratings: Pick<RiskInput, (typeof ratingFields)[number]>,
  context: { actor: string; at?: Date; by?: string | null },
): Promise<Risk> {
  await lockRiskIds(tx, workspace);
  const before = await getRisk(tx, workspace, id);
  const risk = riskSchema.parse({ ...before, ...ratings, id });
  if (risk.likelihood == null) throw new IsmsError(`${id} has no likelihood`, "Give one with --likelihood N");
  const saved = await scoreAndSave(tx, workspace, risk, { isNew: false, reason: "review", at: context.at ?? new Date(), by: context.by ?? null, countsAsReview: true });
  await appendAuditLog(tx, { workspaceId: workspace.id, actor: context.actor, action: "risk.assess", entityType: "risk", entityId: id, before, after: saved });
  return saved;
}

async function ownerAct(
  tx: Tx,
  workspace: Workspace,
  id: string,
  personId: string,
  what: "plan" | "residual",
  context: { actor: string; at?: Date },
): Promise<Risk> {
  const before = await getRisk(tx, workspace, id);
  if (!before.owner) throw new IsmsError(`${id} has no risk owner`, `Name one first: isms risk edit ${id} --owner <person>`);
  if (before.owner !== personId) throw new IsmsError(`Only the risk owner (${before.owner}) may ${what === "plan" ? "approve the treatment plan" : "accept the residual risk"} of ${id}, not ${personId}`);
  const at = context.at ?? new Date();
  let after: Risk;
  if (what === "plan") after = { ...before, planApprovedBy: personId, planApprovedAt: at };
  else {
    if (before.residualScore == null && before.inherentScore == null) throw new IsmsError(`${id} has not been assessed`, `Assess it first: isms risk assess ${id} --likelihood N --impact N`);
    after = { ...before, residualAcceptedBy: personId, residualAcceptedAt: at, status: before.decision === "treat" ? before.status : "accepted" };
  }
  await writeRisk(tx, workspace, after, false);
  await appendAuditLog(tx, { workspaceId: workspace.id, actor: context.actor, action: what === "plan" ? "risk.approve_plan" : "risk.accept", entityType: "risk", entityId: id, before, after });
  return after;
}

/** The risk owner approves the risk treatment plan of their risk (6.1.3 f). */
export const approveTreatmentPlan = (tx: Tx, workspace: Workspace, id: string, personId: string, context: { actor: string; at?: Date }) =>
  ownerAct(tx, workspace, id, personId, "plan", context);

/** The risk owner accepts the residual risk (6.1.3 f). */
export const acceptResidualRisk = (tx: Tx, workspace: Workspace, id: string, personId: string, context: { actor: string; at?: Date }) =>
  ownerAct(tx, workspace, id, personId, "residual", context);

export async function addTreatmentAction(tx: Tx, workspace: Workspace, input: Omit<Partial<TreatmentAction>, "id"> & { riskId: string; title: string }, context: { actor: string }): Promise<TreatmentAction> {
  await getRisk(tx, workspace, input.riskId);
  await lockRiskIds(tx, workspace);
  const ids = (await tx.select({ id: treatmentActions.id }).from(treatmentActions).where(eq(treatmentActions.workspaceId, workspace.id))).map((r) => r.id);
  const action = treatmentActionSchema.parse({ ...input, id: nextTreatmentActionId(ids) });
  await tx.insert(treatmentActions).values({ ...action, owner: action.owner ?? null, dueDate: action.dueDate ?? null, evidence: action.evidence ?? null, completedOn: action.completedOn ?? null, workspaceId: workspace.id });
  await appendAuditLog(tx, { workspaceId: workspace.id, actor: context.actor, action: "treatment_action.add", entityType: "treatment_action", entityId: action.id, before: null, after: action });
  return action;
}

export async function editTreatmentAction(tx: Tx, workspace: Workspace, id: string, changes: Partial<Omit<TreatmentAction, "id" | "riskId">>, context: { actor: string; today?: Date }): Promise<TreatmentAction> {
  const [row] = await tx.select().from(treatmentActions).where(and(eq(treatmentActions.workspaceId, workspace.id), eq(treatmentActions.id, id)));
  if (!row) throw new IsmsError(`No treatment action ${id}`, "List them with: isms risk actions list");
  const before = treatmentActionSchema.parse(row);
  const completedOn = changes.status === "done" && !before.completedOn ? isoDay(context.today ?? new Date()) : before.completedOn;
  const after = treatmentActionSchema.parse({ completedOn, ...before, ...changes, id, riskId: before.riskId });
  await tx
    .update(treatmentActions)
    .set({ ...after, owner: after.owner ?? null, dueDate: after.dueDate ?? null, evidence: after.evidence ?? null, completedOn: after.completedOn ?? null })
    .where(and(eq(treatmentActions.workspaceId, workspace.id), eq(treatmentActions.id, id)));
  await appendAuditLog(tx, { workspaceId: workspace.id, actor: context.actor, action: "treatment_action.edit", entityType: "treatment_action", entityId: id, before, after });
  return after;
}

/** What the rules say about the register today (needs a decision, plan, acceptance, review…). */
export async function riskFindings(db: Db, workspace: Workspace, today = new Date()): Promise<RiskFinding[]> {
  const methodology = await currentMethodology(db, workspace);
  const own = await db.select({ controlId: controlImplementations.controlId }).from(controlImplementations).where(eq(controlImplementations.workspaceId, workspace.id));
  return checkRisks(methodology.body, await loadRisks(db, workspace), await loadTreatmentActions(db, workspace), { today, ownControlIds: own.map((c) => c.controlId) });
}
