// The evidence of a package: the evidence records of the period (raw AWS snapshots, check results,
// attached files), each distinct content written once under evidence/, and per control the check
// results of the period as CSV.
import { createReadStream } from "node:fs";
import { join } from "node:path";
import { stringify } from "csv-stringify/sync";
import { and, asc, eq, gte, isNull, lte, or } from "drizzle-orm";
import { slugOf } from "../../domain/workspace.js";
import type { BlobStore } from "../../evidence/blobs.js";
import type { IndexedFile, PackageEntryInput, PackagePeriod, PackageSource } from "../../reports/package/types.js";
import type { Db } from "../../store/open.js";
import { checkResults, collectionRuns, evidenceRecords } from "../../store/schema/index.js";
import type { Workspace } from "../workspaces.js";

type EvidenceRow = typeof evidenceRecords.$inferSelect;

/** One file under evidence/: the records that share its content. */
export interface EvidenceFile {
  path: string;
  sha256: string;
  size: number;
  mediaType: string;
  title: string;
  kind: string;
  records: EvidenceRow[];
  controlIds: Set<string>;
}

const extensions: Record<string, string> = {
  "application/json": "json",
  "text/csv": "csv",
  "text/plain": "txt",
  "text/markdown": "md",
  "application/pdf": "pdf",
  "image/png": "png",
  "image/jpeg": "jpg",
  "application/zip": "zip",
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": "xlsx",
  "application/vnd.openxmlformats-officedocument.wordprocessingml.document": "docx",
};

const text = (value: unknown): string | undefined => (typeof value === "string" && value !== "" ? value : undefined);

/** The evidence records that cover any day of the period (or, without a period, were collected in it), oldest id first. */
export async function loadPeriodEvidence(db: Db, workspace: Workspace, period: PackagePeriod): Promise<EvidenceRow[]> {
  const start = new Date(`${period.start}T00:00:00.000Z`);
  const end = new Date(`${period.end}T23:59:59.999Z`);
  const rows = await db
    .select()
    .from(evidenceRecords)
    .where(
      and(
        eq(evidenceRecords.workspaceId, workspace.id),
        or(
          and(lte(evidenceRecords.periodStart, period.end), gte(evidenceRecords.periodEnd, period.start)),
          and(isNull(evidenceRecords.periodStart), gte(evidenceRecords.collectedAt, start), lte(evidenceRecords.collectedAt, end)),
        ),
      ),
    );
  return rows.sort((a, b) => evidenceNumber(a.id) - evidenceNumber(b.id) || a.id.localeCompare(b.id));
}

const evidenceNumber = (id: string) => Number(/^E-(\d+)$/.exec(id)?.[1] ?? Number.MAX_SAFE_INTEGER);

/** Groups records by content: the first record of each content names its file. */
export function evidenceFiles(records: readonly EvidenceRow[]): EvidenceFile[] {
  const bySha = new Map<string, EvidenceFile>();
  for (const record of records) {
    const known = bySha.get(record.sha256);
    if (known) {
      known.records.push(record);
      for (const c of record.controlIds) known.controlIds.add(c);
      continue;
    }
    const mediaType = text(record.source.mediaType) ?? "application/octet-stream";
    const size = typeof record.source.size === "number" ? record.source.size : 0;
    const where = [record.kind, text(record.source.service), text(record.source.account), text(record.source.region)].filter((p) => p !== undefined).join(" ");
    const name = slugOf(where, 60) || "evidence";
    bySha.set(record.sha256, {
      path: `evidence/${record.id}-${name}.${extensions[mediaType.split(";")[0]?.trim() ?? ""] ?? "bin"}`,
      sha256: record.sha256,
      size,
      mediaType,
      title: record.title ?? `${record.kind} ${record.id}`,
      kind: record.kind,
      records: [record],
      controlIds: new Set(record.controlIds),
    });
  }
  return [...bySha.values()];
}

/** Where the file's content came from, as the manifest records it. */
function sourceOf(file: EvidenceFile): PackageSource {
  const first = file.records[0]?.source ?? { kind: "unknown" };
  const source: PackageSource = { kind: first.kind, evidenceIds: file.records.map((r) => r.id) };
  for (const field of ["account", "region", "service", "operation", "uploader"] as const) {
    const value = text(first[field]);
    if (value !== undefined) source[field] = value;
  }
  return source;
}

function periodOf(file: EvidenceFile): PackagePeriod | undefined {
  const starts = file.records.map((r) => r.periodStart).filter((d): d is string => d !== null);
  const ends = file.records.map((r) => r.periodEnd).filter((d): d is string => d !== null);
  if (starts.length === 0 || ends.length === 0) return undefined;
  return { start: starts.sort()[0] ?? "", end: ends.sort().at(-1) ?? "" };
}

const earliest = (file: EvidenceFile) => new Date(Math.min(...file.records.map((r) => r.collectedAt.getTime()))).toISOString();

/** The package entry of an evidence file: streamed from the blob store, its hash checked as it is written. */
export function evidenceEntry(file: EvidenceFile, blobs: BlobStore): PackageEntryInput {
  const period = periodOf(file);
  return {
    path: file.path,
    mediaType: file.mediaType,
    source: sourceOf(file),
    collectedAt: earliest(file),
    ...(period ? { period } : {}),
    content: () => createReadStream(join(blobs.root, blobs.pathOf(file.sha256))),
    sha256: file.sha256,
  };
}

export function indexedEvidenceFile(file: EvidenceFile): IndexedFile {
  const period = periodOf(file);
  return { path: file.path, title: file.title, kind: file.kind, size: file.size, sha256: file.sha256, collectedAt: earliest(file), ...(period ? { period } : {}) };
}

export type CheckResultRow = typeof checkResults.$inferSelect & { collectedAt: Date };

/** The check results of the runs that started within the period, in run and result order. */
export async function loadPeriodCheckResults(db: Db, workspace: Workspace, period: PackagePeriod): Promise<CheckResultRow[]> {
  const rows = await db
    .select({ result: checkResults, collectedAt: collectionRuns.startedAt })
    .from(checkResults)
    .innerJoin(collectionRuns, and(eq(collectionRuns.workspaceId, checkResults.workspaceId), eq(collectionRuns.id, checkResults.runId)))
    .where(
      and(
        eq(checkResults.workspaceId, workspace.id),
        gte(collectionRuns.startedAt, new Date(`${period.start}T00:00:00.000Z`)),
        lte(collectionRuns.startedAt, new Date(`${period.end}T23:59:59.999Z`)),
      ),
    )
    .orderBy(asc(collectionRuns.startedAt), asc(checkResults.runId), asc(checkResults.n));
  return rows.map(({ result, collectedAt }) => ({ ...result, collectedAt }));
}

/** A control's check results as CSV, one row per verdict on a resource. */
export function checkResultsCsv(rows: readonly CheckResultRow[], evidencePath: (evidenceId: string | null) => string): Buffer {
  const header = ["run", "collected_at", "check", "account", "region", "resource", "status", "severity", "detail", "controls", "evidence_file"];
  const body = rows.map((r) => [r.runId, r.collectedAt.toISOString(), r.checkId, r.account, r.region, r.resource, r.status, r.severity, r.detail, r.controlIds.map((c) => `A.${c}`).join(" "), evidencePath(r.evidenceId)]);
  return Buffer.from(stringify([header, ...body]), "utf8");
}

/** Per check, the verdicts of its latest run in the period. */
export function latestCheckCounts(rows: readonly CheckResultRow[], titleOf: (checkId: string) => string): { id: string; title: string; pass: number; fail: number; other: number }[] {
  const latestRun = new Map<string, string>();
  for (const r of rows) latestRun.set(r.checkId, r.runId);
  const counts = new Map<string, { id: string; title: string; pass: number; fail: number; other: number }>();
  for (const r of rows) {
    if (latestRun.get(r.checkId) !== r.runId) continue;
    const c = counts.get(r.checkId) ?? { id: r.checkId, title: titleOf(r.checkId), pass: 0, fail: 0, other: 0 };
    if (r.status === "pass") c.pass += 1;
    else if (r.status === "fail") c.fail += 1;
    else c.other += 1;
    counts.set(r.checkId, c);
  }
  return [...counts.values()].sort((a, b) => a.id.localeCompare(b.id));
}

