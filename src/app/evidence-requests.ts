// The "provided by client" list (7.5.3; A.5.28): the auditor's requests, the evidence that answers each,
// providing evidence or a file for one, the auditor accepting it, and the list as CSV or XLSX.
import { basename } from "node:path";
import { and, eq, sql } from "drizzle-orm";
import { InvalidInputError, IsmsError } from "../domain/errors.js";
import { isoDay } from "../domain/risk/calendar.js";
import { restoreTestKind, type Period } from "../domain/sample/index.js";
import type { BlobStore } from "../evidence/blobs.js";
import type { EvidenceRecord } from "../evidence/records.js";
import type { Db, Tx } from "../store/open.js";
import { evidenceRequests } from "../store/schema/index.js";
import { appendAuditLog } from "./audit-log.js";
import { attachEvidenceFile, findEvidenceRecords, resolveControlIds } from "./evidence-files.js";
import { nextId } from "./entries.js";
import { loadPersonDirectory } from "./people.js";
import { compareIds } from "./registers.js";
import type { Workspace } from "./workspaces.js";

export type EvidenceRequest = Omit<typeof evidenceRequests.$inferSelect, "workspaceId">;

const strip = ({ workspaceId: _ws, ...request }: typeof evidenceRequests.$inferSelect): EvidenceRequest => request;

/** The workspace's requests by id; only a sample's with `sampleId`, only those still open with `open`. */
export async function listEvidenceRequests(db: Db, ws: Workspace, options: { sampleId?: string | undefined; open?: boolean | undefined } = {}): Promise<EvidenceRequest[]> {
  const rows = await db
    .select()
    .from(evidenceRequests)
    .where(
      and(
        eq(evidenceRequests.workspaceId, ws.id),
        options.sampleId ? eq(evidenceRequests.sampleId, options.sampleId.trim().toUpperCase()) : undefined,
        options.open ? eq(evidenceRequests.status, "open") : undefined,
      ),
    );
  return rows.map(strip).sort((a, b) => compareIds(a.id, b.id));
}

/** One request by id (case ignored); an error naming it when the workspace has none such. */
export async function getEvidenceRequest(db: Db, ws: Workspace, id: string): Promise<EvidenceRequest> {
  const [row] = await db
    .select()
    .from(evidenceRequests)
    .where(and(eq(evidenceRequests.workspaceId, ws.id), eq(evidenceRequests.id, id.trim().toUpperCase())));
  if (!row) throw new IsmsError(`No evidence request ${id} in this workspace`, "See the requests with: isms request list");
  return strip(row);
}

export interface ProvideInput {
  /** Evidence already recorded (E-012). */
  evidenceIds?: readonly string[] | undefined;
  /** A file to attach as new evidence for the request's controls. */
  file?: { path: string; title?: string | undefined; period?: Period | undefined } | undefined;
  /** Who provides it: a person's id, name or email. */
  by: string;
  note?: string | undefined;
}

export interface ProvidedRequest {
  request: EvidenceRequest;
  /** The evidence record the file became, when a file was given. */
  attached: EvidenceRecord | null;
}

async function saveRequest(tx: Tx, ws: Workspace, before: EvidenceRequest, after: EvidenceRequest, action: string, actor: string): Promise<void> {
  const { id: _id, ...changes } = after;
  await tx
    .update(evidenceRequests)
    .set(changes)
    .where(and(eq(evidenceRequests.workspaceId, ws.id), eq(evidenceRequests.id, before.id)));
  await appendAuditLog(tx, { workspaceId: ws.id, actor, action, entityType: "evidence_requests", entityId: before.id, before, after });
}

/**
 * Answers a request with recorded evidence and/or a file (stored as evidence for the request's controls,
 * as a restore test for a restore-test request). Everything is checked before anything is written.
 */
export async function provideEvidence(tx: Tx, ws: Workspace, blobs: BlobStore | null, id: string, input: ProvideInput, context: { actor: string; today?: string; now?: Date }): Promise<ProvidedRequest> {
  const request = await getEvidenceRequest(tx, ws, id);
  if (request.status === "accepted") throw new IsmsError(`${request.id} was already accepted`, "Nothing more is needed for it; raise a new request if the auditor asks again");
  if (!input.evidenceIds?.length && !input.file) throw new IsmsError(`Nothing to provide for ${request.id}`, "Give --evidence E-012[,E-013] (see isms evidence list) or --file PATH");
  const providedBy = (await loadPersonDirectory(tx, ws)).get(input.by, "--by");
  const found = await findEvidenceRecords(tx, ws, input.evidenceIds ?? []);
  let attached: EvidenceRecord | null = null;
  if (input.file) {
    if (!blobs) throw new Error("a blob store is needed to attach a file");
    if (request.controlIds.length === 0) throw new IsmsError(`${request.id} names no control to attach a file to`, "Attach it with isms evidence add FILE --control … --by …, then provide it with --evidence");
    attached = await attachEvidenceFile(
      tx,
      ws,
      blobs,
      {
        path: input.file.path,
        controls: request.controlIds,
        title: input.file.title ?? `${request.id} ${request.item} (${basename(input.file.path)})`,
        period: input.file.period,
        by: providedBy,
        kind: request.topic === "backup-restore-tests" ? restoreTestKind : undefined,
      },
      context,
    );
  }
  const added = [...found.map((e) => e.id), ...(attached ? [attached.id] : [])];
  const after: EvidenceRequest = {
    ...request,
    status: "provided",
    evidenceIds: [...new Set([...request.evidenceIds, ...added])],
    note: input.note?.trim() || request.note,
    providedOn: context.today ?? isoDay(context.now ?? new Date()),
    providedBy,
  };
  await saveRequest(tx, ws, request, after, "evidence_requests.provide", context.actor);
  return { request: after, attached };
}

/** The auditor accepts what was provided: the request is closed. A request still open cannot be accepted. */
export async function acceptEvidenceRequest(tx: Tx, ws: Workspace, id: string, input: { note?: string | undefined }, context: { actor: string }): Promise<EvidenceRequest> {
  const request = await getEvidenceRequest(tx, ws, id);
  if (request.status === "accepted") return request;
  if (request.status !== "provided") throw new IsmsError(`${request.id} is still open: nothing was provided for it yet`, `Provide evidence first: isms request provide ${request.id} --evidence E-… --by P-…`);
  const after: EvidenceRequest = { ...request, status: "accepted", note: input.note?.trim() || request.note };
  await saveRequest(tx, ws, request, after, "evidence_requests.accept", context.actor);
  return after;
}

/** The answer a request has: its evidence ids, then the register rows ("E-012, E-013; TR-004"). */
export function answerOf(request: Pick<EvidenceRequest, "evidenceIds" | "records">): string {
  return [request.evidenceIds.join(", "), request.records.map((r) => r.id).join(", ")].filter(Boolean).join("; ");
}

export interface RaiseRequestInput {
  /** What the request is about: free text for a request raised by hand ("access-reviews"). */
  topic: string;
  question: string;
  /** The thing asked about: "the Q1 access review of the production AWS account". */
  item: string;
  /** Annex A ids ("A.8.2", "8.2") or own controls; may be empty. */
  controls?: readonly string[] | undefined;
}

/**
 * Records a request an auditor raises by hand (no sample): open, numbered after the workspace's other
 * requests (REQ-00n), dated today. Raised while a sample is saved, it waits for it and numbers after it.
 */
export async function raiseEvidenceRequest(tx: Tx, ws: Workspace, input: RaiseRequestInput, context: { actor: string; today?: string; now?: Date }): Promise<EvidenceRequest> {
  const fields = { topic: input.topic.trim(), question: input.question.trim(), item: input.item.trim() };
  const empty = Object.entries(fields).filter(([, value]) => value === "").map(([path]) => ({ path, message: "write what the request is about" }));
  if (empty.length > 0) throw new InvalidInputError("the evidence request", empty);
  const controlIds = input.controls?.length ? await resolveControlIds(tx, ws, input.controls, "controls") : [];
  // The lock saveAuditSample takes: request ids are numbered by one writer per workspace at a time.
  await tx.execute(sql`select pg_advisory_xact_lock(7365009, hashtext(${ws.id}))`);
  const used = await tx.select({ id: evidenceRequests.id }).from(evidenceRequests).where(eq(evidenceRequests.workspaceId, ws.id));
  const request: EvidenceRequest = {
    id: nextId("REQ", used.map((r) => r.id)),
    sampleId: null,
    ...fields,
    controlIds,
    status: "open",
    evidenceIds: [],
    records: [],
    note: null,
    requestedOn: context.today ?? isoDay(context.now ?? new Date()),
    providedOn: null,
    providedBy: null,
  };
  await tx.insert(evidenceRequests).values({ ...request, workspaceId: ws.id });
  await appendAuditLog(tx, { workspaceId: ws.id, actor: context.actor, action: "evidence_requests.raise", entityType: "evidence_requests", entityId: request.id, before: null, after: request });
  return request;
}
