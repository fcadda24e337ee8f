// The calendar as a use case: read the registers that record when recurring activities were last done,
// build the calendar from them, and record a completion (the activity done, its next occurrence planned).
import { and, desc, eq, inArray, lte, max } from "drizzle-orm";
import {
  buildCalendar,
  completeActivity,
  dueWithin,
  perEntityKinds,
  recordUnplannedActivity,
  recurringKind,
  recurringKinds,
  type ActivityRecord,
  type CalendarItem,
  type Completion,
} from "../domain/calendar/index.js";
import { IsmsError } from "../domain/errors.js";
import { defaultMethodology, isoDay, methodologySchema } from "../domain/risk/index.js";
import type { Db, Tx } from "../store/open.js";
import {
  activities,
  audits,
  documents,
  documentVersions,
  evidenceRecords,
  managementReviews,
  people,
  riskAssessments,
  riskMethodologies,
  suppliers,
  trainingCourses,
  trainingRecords,
} from "../store/schema/index.js";
import { appendAuditLog } from "./audit-log.js";
import { nextId } from "./entries.js";
import { supplierDueItems } from "./suppliers.js";
import type { Workspace } from "./workspaces.js";

const day = (at: Date | null) => (at ? isoDay(at) : null);
const endOf = (asOf: string) => new Date(`${asOf}T23:59:59.999Z`);

/** The workspace's calendar on `asOf` (a day), optionally only what falls due within `withinDays`. */
export async function loadCalendar(db: Db, ws: Workspace, options: { asOf: string; withinDays?: number }): Promise<CalendarItem[]> {
  const items = buildCalendar(await loadCalendarInput(db, ws, options.asOf, options.withinDays ?? wholeCalendarDays));
  return options.withinDays === undefined ? items : dueWithin(items, options.asOf, options.withinDays);
}

/** How far ahead the whole calendar looks for the supplier register's due items: ten years. */
const wholeCalendarDays = 3653;

async function loadCalendarInput(db: Db, ws: Workspace, asOf: string, withinDays: number) {
  const id = ws.id;
  const until = endOf(asOf);
  const [methodologyRows, assessed, auditRows, reviewRows, personRows, courseRows, recordRows, supplierRows, supplierDue, documentRows, publishedRows, activityRows, evidenceRows] = await Promise.all([
    db.select({ body: riskMethodologies.body }).from(riskMethodologies).where(eq(riskMethodologies.workspaceId, id)).orderBy(desc(riskMethodologies.version)).limit(1),
    db.select({ at: max(riskAssessments.assessedAt) }).from(riskAssessments).where(and(eq(riskAssessments.workspaceId, id), lte(riskAssessments.assessedAt, until))),
    db
      .select({ kind: audits.kind, status: audits.status, plannedStart: audits.plannedStart, plannedEnd: audits.plannedEnd, actualStart: audits.actualStart, actualEnd: audits.actualEnd })
      .from(audits)
      .where(eq(audits.workspaceId, id)),
    db.select({ heldOn: managementReviews.heldOn, status: managementReviews.status }).from(managementReviews).where(eq(managementReviews.workspaceId, id)),
    db.select({ id: people.id, name: people.name, startDate: people.startDate, endDate: people.endDate, ismsRoles: people.ismsRoles }).from(people).where(eq(people.workspaceId, id)),
    db.select({ id: trainingCourses.id, kind: trainingCourses.kind, validityMonths: trainingCourses.validityMonths }).from(trainingCourses).where(eq(trainingCourses.workspaceId, id)),
    db
      .select({ courseId: trainingRecords.courseId, personId: trainingRecords.personId, completedOn: trainingRecords.completedOn, expiresOn: trainingRecords.expiresOn })
      .from(trainingRecords)
      .where(eq(trainingRecords.workspaceId, id)),
    db.select({ id: suppliers.id, owner: suppliers.owner, lastReview: suppliers.lastReview, certifications: suppliers.certifications }).from(suppliers).where(eq(suppliers.workspaceId, id)),
    supplierDueItems(db, ws, asOf, withinDays),
    db
      .select({ id: documents.id, title: documents.title, owner: documents.owner, nextReview: documents.nextReview, reviewIntervalMonths: documents.reviewIntervalMonths })
      .from(documents)
      .where(eq(documents.workspaceId, id)),
    db
      .select({ documentId: documentVersions.documentId, at: max(documentVersions.publishedAt) })
      .from(documentVersions)
      .where(and(eq(documentVersions.workspaceId, id), lte(documentVersions.publishedAt, until)))
      .groupBy(documentVersions.documentId),
    loadActivities(db, ws),
    // The newest evidence of each recurring kind up to the day is all the calendar needs.
    db
      .selectDistinctOn([evidenceRecords.kind], { kind: evidenceRecords.kind, at: evidenceRecords.collectedAt })
      .from(evidenceRecords)
      .where(and(eq(evidenceRecords.workspaceId, id), inArray(evidenceRecords.kind, recurringKinds.map((k) => k.kind)), lte(evidenceRecords.collectedAt, until)))
      .orderBy(evidenceRecords.kind, desc(evidenceRecords.collectedAt)),
  ]);
  const methodology = methodologySchema.safeParse(methodologyRows[0]?.body);
  const supplierById = new Map(supplierRows.map((r) => [r.id, r]));
  const published = new Map(publishedRows.map((r) => [r.documentId, day(r.at)]));
  return {
    asOf,
    riskReviewMonths: (methodology.success ? methodology.data : defaultMethodology()).reviewFrequencyMonths,
    riskAssessedOn: assessed.flatMap((r) => (r.at ? [isoDay(r.at)] : [])),
    audits: auditRows,
    managementReviews: reviewRows,
    people: personRows,
    trainingCourses: courseRows,
    trainingRecords: recordRows,
    supplierDue: supplierDue.map((d) => {
      const supplier = supplierById.get(d.supplierId);
      const certification = d.kind === "certification" ? supplier?.certifications.find((c) => c.validUntil === d.due && d.what.startsWith(c.name))?.name : undefined;
      return { ...d, owner: supplier?.owner ?? null, lastReview: supplier?.lastReview ?? null, certification: certification ?? null };
    }),
    documents: documentRows.map((d) => ({ ...d, lastPublished: published.get(d.id) ?? null })),
    activities: activityRows,
    evidence: evidenceRows.map((e) => ({ kind: e.kind, collectedOn: isoDay(e.at) })),
  };
}

async function loadActivities(db: Db, ws: Workspace): Promise<ActivityRecord[]> {
  const rows = await db.select().from(activities).where(eq(activities.workspaceId, ws.id));
  return rows.map((r) => ({ id: r.id, kind: r.kind, title: r.title, owner: r.owner, due: r.due, doneOn: day(r.doneAt), recurrenceMonths: r.recurrenceMonths }));
}

export interface CompletionInput {
  /** An activity's id, or a kind: its earliest planned activity, or a new done one when none is planned. */
  target: string;
  /** The day it was done. */
  on: string;
  /** What shows it was done: evidence ids, documents, tickets. */
  evidence?: readonly string[];
}

/**
 * Records that an activity was done on a day and plans its next occurrence when it recurs. Activities
 * have no column for evidence, so the evidence named is kept in the audit-log entry of the completion.
 */
export async function recordActivityDone(tx: Tx, ws: Workspace, input: CompletionInput, context: { actor: string; today?: Date }): Promise<Completion> {
  const rows = await loadActivities(tx, ws);
  const target = input.target.trim();
  const ids = rows.map((r) => r.id);
  const options = { on: input.on, today: isoDay(context.today ?? new Date()), nextId: nextId("ACT", ids) };
  const planned = rows.find((r) => r.id.toLowerCase() === target.toLowerCase()) ?? rows.filter((r) => r.kind === target && r.doneOn === null).sort((a, b) => a.due.localeCompare(b.due))[0];
  const completion = planned
    ? completeActivity(planned, options)
    : recordUnplannedActivity(await unplannedActivity(tx, ws, target, rows, options.nextId), { ...options, nextId: nextId("ACT", [...ids, options.nextId]) });

  const { done, next } = completion;
  const evidenceRefs = [...new Set((input.evidence ?? []).map((e) => e.trim()).filter(Boolean))];
  const doneAt = new Date(`${input.on}T00:00:00Z`);
  if (planned) {
    await tx.update(activities).set({ doneAt }).where(and(eq(activities.workspaceId, ws.id), eq(activities.id, done.id)));
  } else {
    await tx.insert(activities).values({ ...storedRow(done), workspaceId: ws.id });
  }
  await appendAuditLog(tx, { workspaceId: ws.id, actor: context.actor, action: "activities.done", entityType: "activities", entityId: done.id, before: planned ?? null, after: { ...done, evidenceRefs } });
  if (next) {
    await tx.insert(activities).values({ ...storedRow(next), workspaceId: ws.id });
    await appendAuditLog(tx, { workspaceId: ws.id, actor: context.actor, action: "activities.add", entityType: "activities", entityId: next.id, before: null, after: next });
  }
  return completion;
}

function storedRow(r: ActivityRecord) {
  return { id: r.id, kind: r.kind, title: r.title, owner: r.owner, due: r.due, doneAt: r.doneOn ? new Date(`${r.doneOn}T00:00:00Z`) : null, recurrenceMonths: r.recurrenceMonths };
}

/**
 * The done row for a kind nobody planned: like its newest activity when there is one, else as the
 * recurring kind is defined. Kinds recorded in their own registers are recorded there.
 */
async function unplannedActivity(tx: Tx, ws: Workspace, kind: string, rows: readonly ActivityRecord[], id: string): Promise<Omit<ActivityRecord, "due" | "doneOn">> {
  const known = recurringKind(kind);
  const kept = known ?? perEntityKinds.find((k) => k.kind === kind);
  if (kept?.recordedWith) throw new IsmsError(`${kept.title}: a completion is recorded in its own register, not as an activity`, `Record it with: ${kept.recordedWith}`);
  const newest = rows.filter((r) => r.kind === kind).sort((a, b) => a.due.localeCompare(b.due)).at(-1);
  if (newest) return { id, kind, title: newest.title, owner: newest.owner, recurrenceMonths: newest.recurrenceMonths };
  if (!known) {
    const kinds = [...new Set([...recurringKinds.filter((k) => !k.recordedWith).map((k) => k.kind), ...rows.map((r) => r.kind)])].sort();
    throw new IsmsError(`No activity or activity kind "${kind}" in this workspace`, `Give an activity id from: isms calendar; or one of the kinds ${kinds.join(", ")}`);
  }
  const holders = await tx.select({ id: people.id, ismsRoles: people.ismsRoles }).from(people).where(eq(people.workspaceId, ws.id)).orderBy(people.id);
  const owner = holders.find((p) => p.ismsRoles.includes(known.ownerRole))?.id ?? null;
  return { id, kind, title: known.title, owner, recurrenceMonths: known.months };
}
