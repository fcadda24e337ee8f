// What an auditor's sample is drawn from, read from the workspace: the IAM users of the latest collection,
// the days of the period with their CloudTrail evidence, the restore tests, the joiners and the leavers.
import { and, eq, gte, inArray, isNotNull, isNull, like, lte, or, sql } from "drizzle-orm";
import { z } from "zod";
import { cloudtrailLoggingActive } from "../aws/checks/cloudtrail.js";
import { iamUserUnusedCredentials } from "../aws/checks/identity-credentials.js";
import { iamAccessKeyRotation, iamUserConsoleMfa } from "../aws/checks/iam-users.js";
import { isoDay } from "../domain/risk/calendar.js";
import {
  cloudTrailDayPopulation,
  iamUserPopulation,
  joinerPopulation,
  leaverPopulation,
  restoreTestKind,
  restoreTestPopulation,
  type EvidenceSummary,
  type Period,
  type Population,
} from "../domain/sample/index.js";
import { awarenessCourseKind } from "../readiness/vocabulary.js";
import type { Db } from "../store/open.js";
import { activities, auditLog, checkResults, collectionRuns, evidenceRecords, people, trainingCourses, trainingRecords } from "../store/schema/index.js";
import { latestCollectionRun } from "./collection.js";
import { ownershipsOf } from "./joiners-leavers.js";
import type { Workspace } from "./workspaces.js";

const endOf = (day: string) => new Date(`${day}T23:59:59.999Z`);
const sourceField = (field: string) => sql<string | null>`${evidenceRecords.source}->>${field}`;

type EvidenceRow = Pick<typeof evidenceRecords.$inferSelect, "id" | "kind" | "title" | "controlIds" | "source" | "collectedAt" | "periodStart" | "periodEnd">;
const summaryColumns = {
  id: evidenceRecords.id,
  kind: evidenceRecords.kind,
  title: evidenceRecords.title,
  controlIds: evidenceRecords.controlIds,
  source: evidenceRecords.source,
  collectedAt: evidenceRecords.collectedAt,
  periodStart: evidenceRecords.periodStart,
  periodEnd: evidenceRecords.periodEnd,
};

function summary(e: EvidenceRow): EvidenceSummary {
  const { service, operation } = e.source;
  return {
    id: e.id,
    kind: e.kind,
    sourceKind: e.source.kind,
    service: typeof service === "string" ? service : undefined,
    operations: typeof operation === "string" ? operation.split(",") : undefined,
    controlIds: e.controlIds,
    periodStart: e.periodStart,
    periodEnd: e.periodEnd,
    collectedOn: isoDay(e.collectedAt),
    title: e.title,
  };
}

/** Evidence whose period (or collection day) may overlap the period; `covers` decides exactly. */
function overlapping(period: Period) {
  return and(
    or(isNull(evidenceRecords.periodEnd), gte(evidenceRecords.periodEnd, period.start)),
    or(isNull(evidenceRecords.periodStart), lte(evidenceRecords.periodStart, period.end)),
    lte(evidenceRecords.collectedAt, endOf(period.end)),
  );
}

async function usersOf(db: Db, ws: Workspace, period: Period): Promise<Population> {
  const checkIds = { consoleMfa: iamUserConsoleMfa.id, keyRotation: iamAccessKeyRotation.id, unusedCredentials: iamUserUnusedCredentials.id };
  const run = await latestCollectionRun(db, ws, endOf(period.end));
  if (!run) return iamUserPopulation({ run: null, results: [], iamSnapshots: [], checkIds });
  const results = await db
    .select({ checkId: checkResults.checkId, account: checkResults.account, resource: checkResults.resource, status: checkResults.status, detail: checkResults.detail, evidenceId: checkResults.evidenceId })
    .from(checkResults)
    .where(and(eq(checkResults.workspaceId, ws.id), eq(checkResults.runId, run.id), inArray(checkResults.checkId, Object.values(checkIds))));
  const snapshots = await db
    .select({ id: evidenceRecords.id, account: sourceField("account") })
    .from(evidenceRecords)
    .where(and(eq(evidenceRecords.workspaceId, ws.id), eq(evidenceRecords.kind, "aws-snapshot"), eq(sourceField("service"), "iam"), eq(sourceField("collector"), run.id)));
  const iamSnapshots = snapshots.flatMap((s) => (s.account ? [{ id: s.id, account: s.account }] : []));
  return iamUserPopulation({ run: { id: run.id, finishedOn: isoDay(run.finishedAt) }, results, iamSnapshots, checkIds });
}

async function daysOf(db: Db, ws: Workspace, period: Period, today: string): Promise<Population> {
  const loggingResults = await db
    .select({ evidenceId: checkResults.evidenceId, status: checkResults.status })
    .from(checkResults)
    .innerJoin(collectionRuns, and(eq(collectionRuns.workspaceId, checkResults.workspaceId), eq(collectionRuns.id, checkResults.runId)))
    .where(
      and(
        eq(checkResults.workspaceId, ws.id),
        eq(checkResults.checkId, cloudtrailLoggingActive.id),
        isNotNull(checkResults.evidenceId),
        gte(collectionRuns.finishedAt, new Date(`${period.start}T00:00:00Z`)),
        lte(collectionRuns.finishedAt, endOf(period.end)),
      ),
    );
  const loggingEvidence = [...new Set(loggingResults.flatMap((r) => (r.evidenceId ? [r.evidenceId] : [])))];
  const evidence = await db
    .select(summaryColumns)
    .from(evidenceRecords)
    .where(
      and(
        eq(evidenceRecords.workspaceId, ws.id),
        overlapping(period),
        or(
          and(eq(evidenceRecords.kind, "aws-snapshot"), eq(sourceField("service"), "cloudtrail"), like(sourceField("operation"), "%GetTrailStatus%")),
          and(eq(sourceField("kind"), "upload"), withControl("8.15")),
          loggingEvidence.length ? inArray(evidenceRecords.id, loggingEvidence) : undefined,
        ),
      ),
    );
  return cloudTrailDayPopulation({ period, today, evidence: evidence.map(summary), loggingResults });
}

function withControl(controlId: string) {
  return sql`${evidenceRecords.controlIds} @> ${JSON.stringify([controlId])}::jsonb`;
}

const completion = z.object({ evidenceRefs: z.array(z.string()).default([]) });

async function restoresOf(db: Db, ws: Workspace, period: Period): Promise<Population> {
  const done = await db
    .select({ id: activities.id, title: activities.title, doneAt: activities.doneAt })
    .from(activities)
    .where(and(eq(activities.workspaceId, ws.id), eq(activities.kind, restoreTestKind), isNotNull(activities.doneAt)));
  // A completion keeps the evidence it names in its audit-log entry (activities have no column for it).
  const entries = done.length
    ? await db
        .select({ entityId: auditLog.entityId, after: auditLog.after, seq: auditLog.seq })
        .from(auditLog)
        .where(and(eq(auditLog.workspaceId, ws.id), eq(auditLog.action, "activities.done"), inArray(auditLog.entityId, done.map((a) => a.id))))
        .orderBy(auditLog.seq)
    : [];
  const refs = new Map<string, string[]>();
  for (const e of entries) {
    const parsed = completion.safeParse(e.after);
    if (parsed.success && e.entityId) refs.set(e.entityId, parsed.data.evidenceRefs);
  }
  const named = [...new Set([...refs.values()].flat())];
  const evidence = await db
    .select(summaryColumns)
    .from(evidenceRecords)
    .where(
      and(
        eq(evidenceRecords.workspaceId, ws.id),
        or(eq(evidenceRecords.kind, restoreTestKind), and(eq(sourceField("kind"), "upload"), withControl("8.13")), named.length ? inArray(evidenceRecords.id, named) : undefined),
      ),
    );
  return restoreTestPopulation({
    period,
    activities: done.flatMap((a) => (a.doneAt ? [{ id: a.id, title: a.title, doneOn: isoDay(a.doneAt), evidenceRefs: refs.get(a.id) ?? [] }] : [])),
    evidence: evidence.map(summary),
  });
}

async function peopleOf(db: Db, ws: Workspace, period: Period): Promise<Population[]> {
  const staff = await db.select({ id: people.id, name: people.name, startDate: people.startDate, endDate: people.endDate }).from(people).where(eq(people.workspaceId, ws.id));
  const awareness = await db
    .select({ id: trainingRecords.id, personId: trainingRecords.personId, courseId: trainingRecords.courseId, completedOn: trainingRecords.completedOn, evidenceRef: trainingRecords.evidenceRef })
    .from(trainingRecords)
    .innerJoin(trainingCourses, and(eq(trainingCourses.workspaceId, trainingRecords.workspaceId), eq(trainingCourses.id, trainingRecords.courseId)))
    .where(and(eq(trainingRecords.workspaceId, ws.id), eq(trainingCourses.kind, awarenessCourseKind)));
  const refs = [...new Set(awareness.flatMap((r) => (r.evidenceRef ? [r.evidenceRef.trim()] : [])))];
  const known = refs.length
    ? await db.select({ id: evidenceRecords.id }).from(evidenceRecords).where(and(eq(evidenceRecords.workspaceId, ws.id), inArray(evidenceRecords.id, refs)))
    : [];
  const leaving = staff.filter((p) => p.endDate !== null && period.start <= p.endDate && p.endDate <= period.end).map((p) => p.id);
  const owned = await ownershipsOf(db, ws, leaving);
  const stillOwns = new Map([...owned].map(([id, items]) => [id, items.map((o) => o.id)]));
  return [
    joinerPopulation({ period, people: staff, awareness: awareness.map((r) => ({ ...r, evidenceRef: r.evidenceRef?.trim() ?? null })), evidenceIds: new Set(known.map((e) => e.id)) }),
    leaverPopulation({ period, people: staff, stillOwns }),
  ];
}

/**
 * Every kind's population over the period, as of `today`. The queries run one after another: inside a
 * transaction node-postgres has one connection to run them on.
 */
export async function loadSamplePopulations(db: Db, ws: Workspace, period: Period, today: string): Promise<Population[]> {
  const users = await usersOf(db, ws, period);
  const days = await daysOf(db, ws, period, today);
  const restores = await restoresOf(db, ws, period);
  return [users, days, restores, ...(await peopleOf(db, ws, period))];
}
