// Recording a collection run in a workspace (9.1; A.5.28 collection of evidence): the raw snapshots
// as evidence per account, region and service; each check's results as evidence per account; the
// results as rows the SoA and readiness read; one audit log entry. All in the caller's transaction.
import { and, asc, desc, eq, lte, sql } from "drizzle-orm";
import type { CollectResult } from "../aws/collect.js";
import type { Check, CheckResult } from "../aws/checks/index.js";
import type { Problem, Snapshot } from "../aws/snapshot.js";
import { collectorVersion } from "../aws/version.js";
import type { CheckResult as SoaCheckResult } from "../domain/soa/index.js";
import { recordEvidenceBatch } from "../evidence/records.js";
import type { BlobStore, EvidenceInput } from "../evidence/index.js";
import type { Db, Tx } from "../store/open.js";
import { checkResults, collectionRuns } from "../store/schema/index.js";
import type { JsonObject } from "../store/schema/index.js";
import { appendAuditLog } from "./audit-log.js";
import { measureBoundObjectives, type BoundObjectiveMeasurement } from "./objectives.js";
import type { Workspace } from "./workspaces.js";

export type CollectionRun = typeof collectionRuns.$inferSelect;
export type StoredCheckResult = typeof checkResults.$inferSelect;

export interface CollectionOptions {
  org: boolean;
  roleName: string;
  accounts?: string[] | undefined;
  regions?: string[] | undefined;
  concurrency?: number | undefined;
  profile?: string | undefined;
}

export interface RecordCollectionInput {
  startedAt: Date;
  finishedAt: Date;
  caller: string;
  options: CollectionOptions;
  collected: CollectResult;
  checks: readonly Check[];
  results: readonly CheckResult[];
  actor: string;
}

export interface RecordedCollection {
  run: CollectionRun;
  snapshotEvidence: number;
  resultEvidence: number;
  /** Evidence whose identical content was already stored. */
  reusedBlobs: number;
  /** Controls with at least one passing or failing result. */
  controls: string[];
  /** The objectives bound to a check: the measurement each got from this run, or why none. */
  objectives: BoundObjectiveMeasurement[];
}

const day = (d: Date) => d.toISOString().slice(0, 10);
const key = (...parts: string[]) => parts.join("|");

function groupBy<T>(items: readonly T[], keyOf: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = keyOf(item);
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}

/** The controls a result bears on: its own list when a finding maps narrower, else its check's. */
export function resultControls(result: CheckResult, check: Check | undefined): readonly string[] {
  return result.controls ?? check?.controls ?? [];
}

function problemJson(p: Problem): JsonObject {
  const json: JsonObject = { account: p.account, kind: p.kind, message: p.message };
  if (p.region) json.region = p.region;
  if (p.service) json.service = p.service;
  if (p.operation) json.operation = p.operation;
  return json;
}

/** The next run id in the workspace: C-001, C-002… */
async function nextRunId(tx: Tx, ws: Workspace): Promise<string> {
  await tx.execute(sql`select pg_advisory_xact_lock(7365003, hashtext(${ws.id}))`);
  const [highest] = await tx
    .select({ n: sql<number | null>`max(substring(${collectionRuns.id} from '^C-([0-9]+)$')::integer)` })
    .from(collectionRuns)
    .where(eq(collectionRuns.workspaceId, ws.id));
  return `C-${String((highest?.n ?? 0) + 1).padStart(3, "0")}`;
}

/** Evidence for the raw snapshots: one record per (account, region, service), every request in it. */
function snapshotEvidence(snapshots: readonly Snapshot[], checks: readonly Check[], runId: string): EvidenceInput[] {
  return [...groupBy(snapshots, (s) => key(s.account, s.region, s.service)).values()].flatMap((group) => {
    const first = group[0];
    if (!first) return [];
    const times = group.map((s) => Date.parse(s.collectedAt));
    const controlIds = [...new Set(checks.filter((c) => c.services.includes(first.service)).flatMap((c) => c.controls))].sort();
    return [
      {
        kind: "aws-snapshot",
        title: `${first.service} in ${first.account} ${first.region}: ${group.length} request${group.length === 1 ? "" : "s"}`,
        controlIds,
        source: { kind: "aws", account: first.account, region: first.region, service: first.service, operation: [...new Set(group.map((s) => s.operation))].sort().join(","), collector: runId, version: collectorVersion },
        collectedAt: new Date(Math.min(...times)),
        period: { start: day(new Date(Math.min(...times))), end: day(new Date(Math.max(...times))) },
        content: { account: first.account, region: first.region, service: first.service, requests: group },
      },
    ];
  });
}

/** Evidence for the check results: one record per (check, account), with the check's definition. */
function resultEvidence(results: readonly CheckResult[], checks: ReadonlyMap<string, Check>, runId: string, at: Date): { input: EvidenceInput; results: CheckResult[] }[] {
  return [...groupBy(results, (r) => key(r.checkId, r.account)).values()].flatMap((group) => {
    const first = group[0];
    if (!first) return [];
    const check = checks.get(first.checkId);
    const counts = (status: string) => group.filter((r) => r.status === status).length;
    const definition = check
      ? { id: check.id, title: check.title, controls: [...check.controls], soc2: [...check.soc2], severity: check.severity, rationale: check.rationale, remediation: check.remediation }
      : { id: first.checkId };
    return [
      {
        results: group,
        input: {
          kind: "check-result",
          title: `${first.checkId} in ${first.account}: ${counts("pass")} pass, ${counts("fail")} fail${counts("unknown") ? `, ${counts("unknown")} unknown` : ""}`,
          controlIds: [...new Set(group.flatMap((r) => resultControls(r, check)))].sort(),
          source: { kind: "aws-check", account: first.account, collector: runId, version: collectorVersion },
          collectedAt: at,
          period: { start: day(at), end: day(at) },
          content: { check: definition, account: first.account, results: group },
        },
      },
    ];
  });
}

const rowChunk = 1_000;

/** Stores a finished collection run: its evidence, its results and an audit log entry. */
export async function recordCollectionRun(tx: Tx, ws: Workspace, blobs: BlobStore, input: RecordCollectionInput): Promise<RecordedCollection> {
  const runId = await nextRunId(tx, ws);
  const checksById = new Map(input.checks.map((c) => [c.id, c]));
  const { collected, results } = input;
  const passed = results.filter((r) => r.status === "pass").length;
  const failed = results.filter((r) => r.status === "fail").length;
  const controls = [...new Set(results.filter((r) => r.status === "pass" || r.status === "fail").flatMap((r) => resultControls(r, checksById.get(r.checkId))))].sort();
  const stats: JsonObject = {
    accounts: collected.stats.accounts,
    regions: collected.stats.regions,
    calls: collected.stats.calls,
    retries: collected.stats.retries,
    snapshots: collected.snapshots.length,
    checks: input.checks.length,
    results: results.length,
    passed,
    failed,
    unknown: results.filter((r) => r.status === "unknown").length,
    controls: controls.length,
  };
  const measured = await measureBoundObjectives(tx, ws, runId, results, { measuredOn: day(input.finishedAt), actor: input.actor });
  if (measured.length > 0) stats.objectives = measured.map((m) => ({ objectiveId: m.objectiveId, checkId: m.checkId, value: m.measurement?.value ?? null, summary: m.summary }));
  const options: JsonObject = { org: input.options.org, roleName: input.options.roleName };
  if (input.options.accounts) options.accounts = input.options.accounts;
  if (input.options.regions) options.regions = input.options.regions;
  if (input.options.concurrency !== undefined) options.concurrency = input.options.concurrency;
  if (input.options.profile) options.profile = input.options.profile;
  const [run] = await tx
    .insert(collectionRuns)
    .values({
      workspaceId: ws.id,
      id: runId,
      source: "aws",
      startedAt: input.startedAt,
      finishedAt: input.finishedAt,
      caller: input.caller,
      collectorVersion,
      options,
      stats,
      problems: collected.problems.map(problemJson),
    })
    .returning();
  if (!run) throw new Error(`collection run ${runId} was not inserted`);

  const snapshots = snapshotEvidence(collected.snapshots, input.checks, runId);
  const resultGroups = resultEvidence(results, checksById, runId, input.finishedAt);
  const recorded = await recordEvidenceBatch(tx, ws, blobs, [...snapshots, ...resultGroups.map((g) => g.input)]);
  const resultRecords = recorded.slice(snapshots.length);

  const rows = resultGroups.flatMap((group, g) =>
    group.results.map((r) => ({ r, evidenceId: resultRecords[g]?.record.id ?? null })),
  ).map(({ r, evidenceId }, n) => ({
    workspaceId: ws.id,
    id: `${runId}.${n + 1}`,
    runId,
    n: n + 1,
    checkId: r.checkId,
    account: r.account,
    region: r.region,
    resource: r.resource,
    status: r.status,
    detail: r.detail,
    severity: checksById.get(r.checkId)?.severity ?? "medium",
    controlIds: [...resultControls(r, checksById.get(r.checkId))],
    evidenceId,
  }));
  for (let i = 0; i < rows.length; i += rowChunk) await tx.insert(checkResults).values(rows.slice(i, i + rowChunk));

  await appendAuditLog(tx, { workspaceId: ws.id, actor: input.actor, action: "collection.aws", entityType: "collection_run", entityId: runId, before: null, after: { ...stats, problems: collected.problems.length } });
  return { run, snapshotEvidence: snapshots.length, resultEvidence: resultGroups.length, reusedBlobs: recorded.filter((r) => r.reused).length, controls, objectives: measured };
}

/** The newest collection run finished by `asOf` (default: the newest), or undefined. */
export async function latestCollectionRun(db: Db, ws: Workspace, asOf?: Date): Promise<CollectionRun | undefined> {
  const conditions = [eq(collectionRuns.workspaceId, ws.id)];
  if (asOf) conditions.push(lte(collectionRuns.finishedAt, asOf));
  const [run] = await db.select().from(collectionRuns).where(and(...conditions)).orderBy(desc(collectionRuns.finishedAt), desc(collectionRuns.id)).limit(1);
  return run;
}

export async function listCollectionRuns(db: Db, ws: Workspace): Promise<CollectionRun[]> {
  return db.select().from(collectionRuns).where(eq(collectionRuns.workspaceId, ws.id)).orderBy(asc(collectionRuns.startedAt), asc(collectionRuns.id));
}

export async function loadRunResults(db: Db, ws: Workspace, runId: string): Promise<StoredCheckResult[]> {
  return db.select().from(checkResults).where(and(eq(checkResults.workspaceId, ws.id), eq(checkResults.runId, runId))).orderBy(asc(checkResults.n));
}

/**
 * The latest run's verdicts as the SoA and readiness read them: one per (result, control), passes and
 * failures only (an unknown says nothing about the control). Empty when nothing was ever collected.
 */
export async function latestControlCheckResults(db: Db, ws: Workspace, asOf?: Date): Promise<SoaCheckResult[]> {
  const run = await latestCollectionRun(db, ws, asOf);
  if (!run) return [];
  const rows = await loadRunResults(db, ws, run.id);
  return rows
    .filter((r) => r.status === "pass" || r.status === "fail")
    .flatMap((r) =>
      r.controlIds.map((controlId) => ({
        controlId,
        passed: r.status === "pass",
        checkId: r.checkId,
        account: r.account,
        region: r.region,
        resource: r.resource,
        detail: r.detail,
        collectedAt: run.finishedAt,
      })),
    );
}
