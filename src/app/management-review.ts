// Management reviews (9.3): prepare one with its 9.3.2 inputs read from the registers, hold it with
// attendees, decisions and actions (9.3.3), and follow the actions up until the next review.
import { and, asc, count, eq } from "drizzle-orm";
import { isCalendarDay, isCertificationAudit } from "../domain/cycle/model.js";
import { InvalidInputError, IsmsError } from "../domain/errors.js";
import type { RegisterChange, ReviewData } from "../domain/review/data.js";
import { prepareReviewInputs } from "../domain/review/inputs.js";
import {
  finishedReviewActionStatuses,
  parseActionSpec,
  readReviewActions,
  storedReviewAction,
  type ReviewAction,
  type ReviewActionStatus,
} from "../domain/review/model.js";
import { bandOf, isoDay } from "../domain/risk/index.js";
import type { Db, Tx } from "../store/open.js";
import {
  auditFindings,
  auditLog,
  audits,
  checkResults,
  contextIssues,
  correctiveActions,
  interestedParties,
  managementReviews,
  measurements,
  objectives,
  people,
} from "../store/schema/index.js";
import type { JsonObject } from "../store/schema/json.js";
import { appendAuditLog } from "./audit-log.js";
import { latestCollectionRun } from "./collection.js";
import { nextId } from "./entries.js";
import { loadPersonDirectory } from "./people.js";
import { compareIds } from "./registers.js";
import { currentMethodology } from "./risk-methodology.js";
import { loadRisks, loadTreatmentActions } from "./risks.js";
import type { Workspace } from "./workspaces.js";

export interface ManagementReview {
  id: string;
  heldOn: string;
  status: string;
  /** Person ids, or names of attendees who are not in the people register. */
  attendees: string[];
  inputs: JsonObject;
  decisions: JsonObject;
  actions: ReviewAction[];
  minutesRef: string | null;
}

type ReviewRow = typeof managementReviews.$inferSelect;
const toReview = (r: ReviewRow): ManagementReview => ({
  id: r.id,
  heldOn: r.heldOn,
  status: r.status,
  attendees: r.attendees,
  inputs: r.inputs,
  decisions: r.decisions,
  actions: readReviewActions(r.actions),
  minutesRef: r.minutesRef,
});

export async function listManagementReviews(db: Db, workspace: Workspace): Promise<ManagementReview[]> {
  const rows = await db.select().from(managementReviews).where(eq(managementReviews.workspaceId, workspace.id));
  return rows.map(toReview).sort((a, b) => a.heldOn.localeCompare(b.heldOn) || compareIds(a.id, b.id));
}

export async function getManagementReview(db: Db, workspace: Workspace, id: string): Promise<ManagementReview> {
  const [row] = await db.select().from(managementReviews).where(and(eq(managementReviews.workspaceId, workspace.id), eq(managementReviews.id, id)));
  if (!row) throw new IsmsError(`No management review ${id}`, "List them with: isms review list");
  return toReview(row);
}

/** Writes to a register after `since` (a day), oldest first, from the audit log. */
async function changesSince(db: Db, workspace: Workspace, register: string, since: string | null): Promise<RegisterChange[]> {
  if (since === null) return [];
  const rows = await db
    .select({ action: auditLog.action, entityId: auditLog.entityId, at: auditLog.at })
    .from(auditLog)
    .where(and(eq(auditLog.workspaceId, workspace.id), eq(auditLog.entityType, register)))
    .orderBy(asc(auditLog.seq));
  return rows.flatMap((r) => {
    const action = r.action.slice(r.action.lastIndexOf(".") + 1);
    const day = isoDay(r.at);
    if (day <= since || !r.entityId || (action !== "add" && action !== "edit" && action !== "remove")) return [];
    return [{ entityId: r.entityId, action, day }];
  });
}

/** Everything the inputs of a review on `on` are prepared from; `excluding` is the review being prepared. */
export async function loadReviewData(db: Db, workspace: Workspace, on: string, excluding?: string): Promise<ReviewData> {
  const ws = workspace.id;
  const held = (await listManagementReviews(db, workspace)).filter((r) => r.status === "held" && r.heldOn <= on && r.id !== excluding);
  const previous = held.at(-1) ?? null;
  const since = previous?.heldOn ?? null;
  const [issueRows, partyRows, auditRows, findingRows, actionRows, objectiveRows, measurementRows] = await Promise.all([
    db.select().from(contextIssues).where(eq(contextIssues.workspaceId, ws)),
    db.select().from(interestedParties).where(eq(interestedParties.workspaceId, ws)),
    db.select().from(audits).where(eq(audits.workspaceId, ws)),
    db.select().from(auditFindings).where(eq(auditFindings.workspaceId, ws)),
    db.select().from(correctiveActions).where(eq(correctiveActions.workspaceId, ws)),
    db.select().from(objectives).where(eq(objectives.workspaceId, ws)),
    db.select().from(measurements).where(eq(measurements.workspaceId, ws)),
  ]);
  const run = await latestCollectionRun(db, workspace, new Date(`${on}T23:59:59.999Z`));
  let latestRun: ReviewData["latestRun"] = null;
  if (run) {
    const tallies = await db
      .select({ status: checkResults.status, n: count() })
      .from(checkResults)
      .where(and(eq(checkResults.workspaceId, ws), eq(checkResults.runId, run.id)))
      .groupBy(checkResults.status);
    const of = (status: string) => tallies.filter((t) => t.status === status).reduce((sum, t) => sum + t.n, 0);
    const all = tallies.reduce((sum, t) => sum + t.n, 0);
    latestRun = { id: run.id, finishedOn: isoDay(run.finishedAt), passed: of("pass"), failed: of("fail"), other: all - of("pass") - of("fail") };
  }
  const methodology = await currentMethodology(db, workspace).catch(() => null);
  const band = (score: number | null) => {
    if (score === null || !methodology) return null;
    try {
      return bandOf(methodology.body, score).label;
    } catch {
      return null; // a score no band holds: the risk rules report it; here it is simply not banded
    }
  };
  const latest = (objectiveId: string) =>
    measurementRows
      .filter((m) => m.objectiveId === objectiveId && m.measuredOn <= on)
      .sort((a, b) => b.measuredOn.localeCompare(a.measuredOn) || compareIds(b.id, a.id))[0];
  const byId = <T extends { id: string }>(rows: T[]) => rows.sort((a, b) => compareIds(a.id, b.id));
  return {
    on,
    previous: previous ? { id: previous.id, heldOn: previous.heldOn } : null,
    previousReviews: held.map((r) => ({ id: r.id, heldOn: r.heldOn, actions: r.actions })),
    contextIssues: byId(issueRows).map((r) => ({ id: r.id, kind: r.kind, description: r.description })),
    contextIssueChanges: await changesSince(db, workspace, "context_issues", since),
    interestedParties: byId(partyRows).map((r) => ({ id: r.id, name: r.name, requirements: r.requirements, addressedByIsms: r.addressedByIsms })),
    interestedPartyChanges: await changesSince(db, workspace, "interested_parties", since),
    audits: byId(auditRows).map((a) => ({
      id: a.id,
      kind: a.kind,
      title: a.title,
      status: a.status,
      day: a.actualEnd ?? a.actualStart ?? a.plannedEnd ?? a.plannedStart,
      external: isCertificationAudit(a.kind),
    })),
    findings: byId(findingRows).map((f) => ({ id: f.id, auditId: f.auditId, kind: f.kind, requirement: f.requirement, description: f.description, status: f.status, raisedOn: f.raisedOn })),
    correctiveActions: byId(actionRows).map((a) => ({ id: a.id, findingId: a.findingId, status: a.status, dueDate: a.dueDate, effective: a.effective })),
    objectives: byId(objectiveRows).map((o) => {
      const m = latest(o.id);
      return { id: o.id, title: o.title, status: o.status, target: o.target, targetValue: o.targetValue, unit: o.unit, dueDate: o.dueDate, latest: m ? { measuredOn: m.measuredOn, value: m.value } : null };
    }),
    latestRun,
    bands: methodology?.body.bands.map((b) => b.label) ?? [],
    risks: (await loadRisks(db, workspace)).map((r) => {
      const score = r.residualScore ?? r.inherentScore ?? null;
      return { id: r.id, status: r.status, decision: r.decision ?? null, score, band: band(score), planApproved: Boolean(r.planApprovedBy) };
    }),
    treatmentActions: (await loadTreatmentActions(db, workspace)).map((a) => ({ id: a.id, riskId: a.riskId, status: a.status, dueDate: a.dueDate ?? null })),
  };
}

/** How each face names the input fields in its errors: the CLI's flags by default, an API body's fields. */
export interface ReviewFieldNames {
  on: string;
  chair: string;
  attendees: string;
  decisions: string;
  actions: string;
  /** Where in `actions` the action at index `i` is: "action 1" for the CLI, "actions.0" for a body. */
  action: (i: number) => string;
}
const flagNames: ReviewFieldNames = { on: "--on", chair: "--chair", attendees: "--attendees", decisions: "--decision", actions: "--action", action: (i) => `action ${i + 1}` };

/** Who changes a review, when, and how their errors name the fields. */
export interface ReviewContext {
  actor: string;
  at?: Date;
  fields?: ReviewFieldNames;
}

/** Creates a planned review on `on` (default today) with every 9.3.2 input prepared from the data. */
export async function prepareManagementReview(tx: Tx, workspace: Workspace, input: { on?: string | undefined; chair?: string | undefined }, context: ReviewContext): Promise<ManagementReview> {
  const fields = context.fields ?? flagNames;
  const on = input.on ?? isoDay(context.at ?? new Date());
  if (!isCalendarDay(on)) throw new InvalidInputError(fields.on, [{ path: "", message: `"${on}" is not a date; write it as YYYY-MM-DD` }]);
  const chair = input.chair ? (await loadPersonDirectory(tx, workspace)).get(input.chair, fields.chair) : null;
  const inputs = prepareReviewInputs(await loadReviewData(tx, workspace, on), chair);
  const ids = await tx.select({ id: managementReviews.id }).from(managementReviews).where(eq(managementReviews.workspaceId, workspace.id));
  const id = nextId("MR", ids.map((r) => r.id));
  const row = { id, heldOn: on, status: "planned", attendees: chair ? [chair] : [], inputs, decisions: {}, actions: [], minutesRef: null };
  await tx.insert(managementReviews).values({ ...row, workspaceId: workspace.id });
  await appendAuditLog(tx, { workspaceId: workspace.id, actor: context.actor, action: "management_review.prepare", entityType: "management_review", entityId: id, before: null, after: row });
  return { ...row, actions: [] };
}

export interface ReviewActionInput {
  description: string;
  owner: string;
  dueDate: string;
}

/** An action as given: parsed from "description;owner;due date", or its parts checked. */
function readActionInput(action: string | ReviewActionInput): ReviewActionInput | { problem: string } {
  if (typeof action === "string") return parseActionSpec(action);
  const description = action.description.trim();
  const owner = action.owner.trim();
  if (!description) return { problem: "it has no text; say what is to be done" };
  if (!owner) return { problem: "it names no owner; give a person's id or name" };
  if (!isCalendarDay(action.dueDate)) return { problem: `it has the due date "${action.dueDate}"; write it as YYYY-MM-DD` };
  return { description, owner, dueDate: action.dueDate };
}

export interface HoldReviewInput {
  /** People by id or name; names not in the register are kept as written (an outside adviser). */
  attendees: readonly string[];
  decisions: readonly string[];
  /** "description;owner;due date" as the CLI takes it, or its parts; the owner by id or name. */
  actions: readonly (string | ReviewActionInput)[];
  minutesRef?: string | undefined;
  /** The day it was held, when not the planned day. */
  on?: string | undefined;
}

/** Records a planned review as held (9.3.3): who attended, what was decided, the actions. `warnings` are for the person recording it. */
export async function holdManagementReview(
  tx: Tx,
  workspace: Workspace,
  id: string,
  input: HoldReviewInput,
  context: ReviewContext,
): Promise<{ review: ManagementReview; warnings: string[] }> {
  const fields = context.fields ?? flagNames;
  const before = await getManagementReview(tx, workspace, id);
  if (before.status !== "planned") throw new IsmsError(`Management review ${id} was already held on ${before.heldOn}`, `Prepare the next one with: isms review prepare`);
  const today = isoDay(context.at ?? new Date());
  const heldOn = input.on ?? before.heldOn;
  if (!isCalendarDay(heldOn)) throw new InvalidInputError(fields.on, [{ path: "", message: `"${heldOn}" is not a date; write it as YYYY-MM-DD` }]);
  if (heldOn > today) throw new IsmsError(`Management review ${id} is planned for ${heldOn}, which is still to come`, `Record it once it has taken place, or give the day it was held with ${fields === flagNames ? "--on YYYY-MM-DD" : `${fields.on} (YYYY-MM-DD)`}`);
  const directory = await loadPersonDirectory(tx, workspace);
  const warnings: string[] = [];
  const attendees = [...new Set(input.attendees.map((a) => a.trim()).filter(Boolean))].map((a) => {
    const personId = directory.find(a);
    if (personId) return personId;
    if (/^P-\d+$/i.test(a)) throw new IsmsError(`${fields.attendees}: no person ${a} in this workspace`, "Use ids or names from: isms people list");
    warnings.push(`${a} is not in the people register and is recorded by name`);
    return a;
  });
  if (attendees.length === 0) throw new IsmsError(`${fields.attendees}: name who attended the review`, fields === flagNames ? "Give ids or names, comma-separated: --attendees P-001,P-002" : "Give people's ids or names");
  const decisions = input.decisions.map((d) => d.trim()).filter(Boolean);
  if (decisions.length === 0) {
    throw new IsmsError(`${fields.decisions}: record at least one decision of the review (9.3.3)`, fields === flagNames ? 'Give one --decision per decision: --decision "Keep the scope unchanged"' : "Write each decision as its own entry");
  }
  const issues: { path: string; message: string }[] = [];
  const actions: ReviewAction[] = [];
  for (const [i, given] of input.actions.entries()) {
    const parsed = readActionInput(given);
    const path = fields.action(i);
    const owner = "problem" in parsed ? undefined : directory.find(parsed.owner);
    if ("problem" in parsed) issues.push({ path, message: parsed.problem });
    else if (!owner) issues.push({ path, message: `no person "${parsed.owner}" in this workspace to own it (see isms people list)` });
    else if (parsed.dueDate < heldOn) issues.push({ path, message: `it is due on ${parsed.dueDate}, before the review on ${heldOn}` });
    else actions.push({ id: `${id}-A${i + 1}`, description: parsed.description, owner, dueDate: parsed.dueDate, status: "open", closedOn: null, note: null });
  }
  if (issues.length) throw new InvalidInputError(fields.actions, issues);
  const roles = await tx.select({ id: people.id, ismsRoles: people.ismsRoles }).from(people).where(eq(people.workspaceId, workspace.id));
  if (!roles.some((p) => attendees.includes(p.id) && p.ismsRoles.includes("top-management"))) {
    warnings.push("no attendee holds the top-management role, and top management is who reviews the ISMS (9.3.1)");
  }
  const chair = typeof before.inputs.prepared === "object" && before.inputs.prepared !== null && !Array.isArray(before.inputs.prepared) ? before.inputs.prepared.chair : null;
  if (typeof chair === "string" && !attendees.includes(chair)) warnings.push(`the chair named when it was prepared (${chair}) is not among the attendees`);
  const after = { heldOn, status: "held", attendees, decisions: Object.fromEntries(decisions.map((d, i) => [String(i + 1), d])), actions: actions.map(storedReviewAction), minutesRef: input.minutesRef ?? null };
  await tx.update(managementReviews).set(after).where(and(eq(managementReviews.workspaceId, workspace.id), eq(managementReviews.id, id)));
  await appendAuditLog(tx, { workspaceId: workspace.id, actor: context.actor, action: "management_review.hold", entityType: "management_review", entityId: id, before, after });
  return { review: { ...before, ...after, actions }, warnings };
}

/** Follows up an action of a review: in progress, done or cancelled (the day is recorded), or open again. */
export async function updateReviewAction(
  tx: Tx,
  workspace: Workspace,
  actionId: string,
  change: { status: ReviewActionStatus; note?: string | undefined; on?: string | undefined },
  context: ReviewContext,
): Promise<ManagementReview> {
  const fields = context.fields ?? flagNames;
  const reviewId = /^(.+)-A\d+$/.exec(actionId)?.[1];
  const review = reviewId ? await getManagementReview(tx, workspace, reviewId).catch(() => null) : null;
  const action = review?.actions.find((a) => a.id === actionId);
  if (!review || !action) throw new IsmsError(`No review action ${actionId}`, "Actions are numbered after their review (MR-002-A1); see them with: isms review show MR-002");
  const on = change.on ?? isoDay(context.at ?? new Date());
  if (!isCalendarDay(on)) throw new InvalidInputError(fields.on, [{ path: "", message: `"${on}" is not a date; write it as YYYY-MM-DD` }]);
  const updated: ReviewAction = {
    ...action,
    status: change.status,
    closedOn: finishedReviewActionStatuses.includes(change.status) ? on : null,
    note: change.note ?? action.note,
  };
  const actions = review.actions.map((a) => (a.id === actionId ? updated : a));
  await tx
    .update(managementReviews)
    .set({ actions: actions.map(storedReviewAction) })
    .where(and(eq(managementReviews.workspaceId, workspace.id), eq(managementReviews.id, review.id)));
  await appendAuditLog(tx, { workspaceId: workspace.id, actor: context.actor, action: "management_review.action", entityType: "management_review", entityId: review.id, before: action, after: updated });
  return { ...review, actions };
}
