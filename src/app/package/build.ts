// `isms package`: assembles an auditor's evidence package for a Stage 1, Stage 2 or surveillance audit
// and writes it as a signed, reproducible ZIP. Its time is the time of the data (the workspace's last
// audit-log entry), so the same data always gives the same bytes.
import { eq, max } from "drizzle-orm";
import { addDays, isCalendarDay, isoDay } from "../../domain/risk/calendar.js";
import { InvalidInputError } from "../../domain/errors.js";
import { sha256Of, type BlobStore } from "../../evidence/blobs.js";
import { renderControlSummary } from "../../reports/package/html-control.js";
import { renderPackageIndex } from "../../reports/package/html-index.js";
import type { SigningKey } from "../../reports/package/signing.js";
import type { AuditKind, IndexedFile, PackageEntryInput, PackageHeader, PackageIndexModel, PackagePeriod, WrittenPackage } from "../../reports/package/types.js";
import { writePackage } from "../../reports/package/zip-writer.js";
import type { Db } from "../../store/open.js";
import { auditLog } from "../../store/schema/index.js";
import { loadStatementOfApplicability } from "../soa.js";
import type { Workspace } from "../workspaces.js";
import { controlLabel, controlScope, indexedControls, type ControlEvidence } from "./controls.js";
import { collectGarbage } from "./collect-garbage.js";
import { planPackageDocuments } from "./documents.js";
import { checkResultsCsv, evidenceEntry, evidenceFiles, indexedEvidenceFile, loadPeriodCheckResults, loadPeriodEvidence, type EvidenceFile } from "./evidence.js";
import { packageReadme } from "./readme.js";
import { indexedRequests, loadPackageSample, requestListEntry } from "./requests.js";

export const packageGenerator = { name: "openisms", version: "0.1.0" } as const;

export interface PackageRequest {
  audit: AuditKind;
  /** Default: Stage 2, the 90 days up to the data's time; Stage 1 and surveillance, the 365 days. */
  period?: PackagePeriod | undefined;
  /** Surveillance: the year of the cycle whose sample to package (2 or 3; default 2). */
  year?: number | undefined;
}

export interface BuiltPackage extends WrittenPackage {
  auditLabel: string;
  counts: { documents: number; controls: number; evidenceFiles: number; evidenceRecords: number; checkResults: number; requests: number };
  /** Required documents that exist nowhere. */
  missingDocuments: string[];
}

const periodDays: Record<AuditKind, number> = { stage1: 365, stage2: 90, surveillance: 365 };

/** The time of the data: the workspace's last audit-log entry (every write appends one). */
export async function dataTime(db: Db, workspace: Workspace): Promise<Date> {
  const [row] = await db.select({ at: max(auditLog.at) }).from(auditLog).where(eq(auditLog.workspaceId, workspace.id));
  return row?.at ?? new Date(0);
}

/** The period the package covers, checked: whole days, start not after end. */
export function packagePeriod(audit: AuditKind, at: Date, period: PackagePeriod | undefined): PackagePeriod {
  if (period === undefined) {
    const end = isoDay(at);
    return { start: addDays(end, -(periodDays[audit] - 1)), end };
  }
  const issues = [
    ...(isCalendarDay(period.start) ? [] : [{ path: "from", message: `"${period.start}" is not a day; give YYYY-MM-DD` }]),
    ...(isCalendarDay(period.end) ? [] : [{ path: "to", message: `"${period.end}" is not a day; give YYYY-MM-DD` }]),
  ];
  if (issues.length === 0 && period.start > period.end) issues.push({ path: "to", message: `the period ends (${period.end}) before it starts (${period.start})` });
  if (issues.length > 0) throw new InvalidInputError("--period", issues);
  return period;
}

/** Builds the package and writes it to `out`. */
export async function buildEvidencePackage(db: Db, workspace: Workspace, blobs: BlobStore, key: SigningKey, out: string, request: PackageRequest): Promise<BuiltPackage> {
  const at = await dataTime(db, workspace);
  const period = packagePeriod(request.audit, at, request.period);
  const header: PackageHeader = {
    workspace: { id: workspace.id, name: workspace.name, company: workspace.companyName },
    audit: request.audit,
    period,
    generatedAt: at.toISOString(),
    generator: { ...packageGenerator },
  };

  const docs = await planPackageDocuments(db, workspace, at);
  const soa = await loadStatementOfApplicability(db, workspace, { asOf: at });
  const scope = await controlScope(db, workspace, request.audit, soa, request.year);
  const records = scope.ids.size > 0 ? await loadPeriodEvidence(db, workspace, period) : [];
  const results = scope.ids.size > 0 ? await loadPeriodCheckResults(db, workspace, period) : [];
  const sample = await loadPackageSample(db, workspace, request.audit);
  const inPeriod = new Set(records.map((r) => r.id));
  const files = evidenceFiles([...records, ...sample.records.filter((r) => !inPeriod.has(r.id))]);
  const fileOfRecord = new Map(files.flatMap((f) => f.records.map((r) => [r.id, f] as const)));
  const used = new Set<EvidenceFile>();
  const controlEntries: PackageEntryInput[] = [];

  const evidenceOf = (controlId: string): ControlEvidence => {
    const own = files.filter((f) => f.controlIds.has(controlId));
    own.forEach((f) => used.add(f));
    const ownResults = results.filter((r) => r.controlIds.includes(controlId));
    if (ownResults.length === 0) return { files: own.map(indexedEvidenceFile), results: ownResults };
    const csv = checkResultsCsv(ownResults, (id) => (id ? (fileOfRecord.get(id)?.path ?? "") : ""));
    const path = `controls/${controlLabel(controlId)}/check-results.csv`;
    controlEntries.push({ path, mediaType: "text/csv", source: { kind: "generated", generator: `check results of ${controlLabel(controlId)}` }, collectedAt: at.toISOString(), period, content: csv });
    const checkResultsFile: IndexedFile = { path, title: `Check results of ${controlLabel(controlId)} in the period`, kind: "check-results", size: csv.length, sha256: sha256Of(csv), period };
    return { files: own.map(indexedEvidenceFile), results: ownResults, checkResultsFile };
  };
  const controls = await indexedControls(db, workspace, soa, scope, evidenceOf);

  const requests = indexedRequests(sample, (id) => fileOfRecord.get(id)?.path);
  for (const id of sample.requests.flatMap((r) => r.evidenceIds)) {
    const file = fileOfRecord.get(id);
    if (file) used.add(file);
  }
  const requestList = requestListEntry(sample, at);
  const model: PackageIndexModel = { header, auditLabel: scope.label, keyFingerprint: key.fingerprint, documents: docs.jobs.map((j) => j.document), controls, requests };
  for (const control of controls.filter((c) => c.folder !== undefined)) {
    controlEntries.push({ path: `${control.folder}summary.html`, mediaType: "text/html", source: { kind: "generated", generator: `summary of ${control.id}` }, collectedAt: at.toISOString(), content: Buffer.from(renderControlSummary(control, model), "utf8") });
  }
  const packaged = files.filter((f) => used.has(f)).sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));

  async function* entries(): AsyncGenerator<PackageEntryInput> {
    for (const job of docs.jobs) {
      yield await job.entry();
      collectGarbage();
    }
    for (const file of packaged) yield evidenceEntry(file, blobs);
    yield* controlEntries;
    if (requestList) yield requestList;
    yield { path: "index.html", mediaType: "text/html", source: { kind: "generated", generator: "package index" }, collectedAt: at.toISOString(), content: Buffer.from(renderPackageIndex(model), "utf8") };
    yield { path: "README.txt", mediaType: "text/plain", source: { kind: "generated", generator: "package readme" }, collectedAt: at.toISOString(), content: Buffer.from(packageReadme(model, docs.missing), "utf8") };
  }
  const written = await writePackage(out, header, entries(), key);
  return {
    ...written,
    auditLabel: scope.label,
    counts: {
      documents: docs.jobs.length,
      controls: scope.ids.size,
      evidenceFiles: packaged.length,
      evidenceRecords: packaged.reduce((n, f) => n + f.records.length, 0),
      checkResults: results.filter((r) => r.controlIds.some((c) => scope.ids.has(c))).length,
      requests: sample.requests.length,
    },
    missingDocuments: docs.missing,
  };
}
