// The auditor's sample in a package: the latest sample drawn for the audit (isms sample), its
// request list as CSV, and the evidence records that answer each request, wherever they fall.
import type { EvidenceRecord } from "../../evidence/records.js";
import { requestListCsv } from "../../reports/request-list.js";
import type { IndexedRequest, PackageEntryInput } from "../../reports/package/types.js";
import type { AuditKind } from "../../reports/package/types.js";
import type { Db } from "../../store/open.js";
import { findEvidenceRecords } from "../evidence-files.js";
import { listEvidenceRequests, type EvidenceRequest } from "../evidence-requests.js";
import { kindSummaries, latestSample, type AuditSample } from "../sample.js";
import type { Workspace } from "../workspaces.js";

export interface SamplePart {
  sample?: AuditSample;
  requests: EvidenceRequest[];
  /** The evidence records the requests name. */
  records: EvidenceRecord[];
}

export const requestListPath = "requests/requests.csv";

export async function loadPackageSample(db: Db, workspace: Workspace, audit: AuditKind): Promise<SamplePart> {
  if (audit === "stage1") return { requests: [], records: [] };
  const sample = await latestSample(db, workspace, audit);
  if (!sample) return { requests: [], records: [] };
  const requests = await listEvidenceRequests(db, workspace, { sampleId: sample.id });
  const ids = [...new Set(requests.flatMap((r) => r.evidenceIds))];
  return { sample, requests, records: ids.length > 0 ? await findEvidenceRecords(db, workspace, ids) : [] };
}

/** The requests as the index shows them, each with the package paths of the files that answer it. */
export function indexedRequests(part: SamplePart, pathOfRecord: (id: string) => string | undefined): IndexedRequest[] {
  return part.requests.map((r) => ({
    id: r.id,
    topic: r.topic,
    question: r.question,
    item: r.item,
    status: r.status,
    files: [...new Set(r.evidenceIds.map(pathOfRecord).filter((p) => p !== undefined))],
  }));
}

export function requestListEntry(part: SamplePart, at: Date): PackageEntryInput | undefined {
  if (!part.sample) return undefined;
  return {
    path: requestListPath,
    mediaType: "text/csv",
    source: { kind: "generated", generator: `request list of sample ${part.sample.id} (seed ${part.sample.seed})` },
    collectedAt: at.toISOString(),
    period: { start: part.sample.periodStart, end: part.sample.periodEnd },
    content: Buffer.from(requestListCsv(part.requests, kindSummaries(part.sample)), "utf8"),
  };
}
