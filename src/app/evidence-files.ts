// Files people attach as evidence (7.5.3; A.5.28 collection of evidence): a restore report, an
// offboarding ticket, a screenshot. Stored by their hash in the blob store and recorded with who
// attached them, the controls they show operating and the period they cover.
import { readFile, stat } from "node:fs/promises";
import { basename, extname } from "node:path";
import { and, eq, inArray } from "drizzle-orm";
import { findControl } from "../catalog/annex-a.js";
import { IsmsError } from "../domain/errors.js";
import type { Period } from "../domain/sample/model.js";
import type { BlobStore } from "../evidence/blobs.js";
import { recordEvidence, type EvidenceRecord } from "../evidence/records.js";
import type { Db, Tx } from "../store/open.js";
import { evidenceRecords, ownControls } from "../store/schema/index.js";
import { appendAuditLog } from "./audit-log.js";
import { loadPersonDirectory } from "./people.js";
import { compareIds } from "./registers.js";
import type { Workspace } from "./workspaces.js";

/** The kind and source kind of an attached file, unless a kind is given (backup-restore-test, policy…). */
export const uploadKind = "upload";
/** Kinds only a collection records: a file claiming one would pass for raw AWS output. */
const collectedKinds = new Set(["aws-snapshot", "check-result"]);

const mediaTypes: Readonly<Record<string, string>> = {
  ".pdf": "application/pdf",
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".jpeg": "image/jpeg",
  ".gif": "image/gif",
  ".webp": "image/webp",
  ".svg": "image/svg+xml",
  ".txt": "text/plain",
  ".log": "text/plain",
  ".md": "text/markdown",
  ".csv": "text/csv",
  ".html": "text/html",
  ".htm": "text/html",
  ".json": "application/json",
  ".yaml": "application/yaml",
  ".yml": "application/yaml",
  ".xml": "application/xml",
  ".eml": "message/rfc822",
  ".zip": "application/zip",
  ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  ".pptx": "application/vnd.openxmlformats-officedocument.presentationml.presentation",
};

/** The media type a file's extension names; application/octet-stream for one it does not. */
export function mediaTypeOf(path: string): string {
  return mediaTypes[extname(path).toLowerCase()] ?? "application/octet-stream";
}

/**
 * The workspace's control ids for what a person wrote: Annex A by id or title ("A.8.13", "8.13",
 * "Information backup") or one of the workspace's own controls by id. An unknown one is an error naming it.
 */
export async function resolveControlIds(db: Db, ws: Workspace, written: readonly string[], flag = "--control"): Promise<string[]> {
  const texts = written.map((c) => c.trim()).filter(Boolean);
  if (texts.length === 0) throw new IsmsError(`${flag}: name at least one control`, "Give Annex A ids such as A.8.13 (several separated by commas)");
  const own = await db.select({ id: ownControls.id }).from(ownControls).where(eq(ownControls.workspaceId, ws.id));
  const ownIds = new Map(own.map((c) => [c.id.toLowerCase(), c.id]));
  const ids = texts.map((text) => {
    const id = ownIds.get(text.toLowerCase()) ?? findControl(text)?.id;
    if (!id) throw new IsmsError(`${flag}: "${text}" is neither an Annex A control nor one of this workspace's own controls`, "Write an Annex A id such as A.8.13 (see isms catalog controls)");
    return id;
  });
  return [...new Set(ids)];
}

/** The evidence records with these ids; an error naming the first id the workspace does not hold. */
export async function findEvidenceRecords(db: Db, ws: Workspace, ids: readonly string[], flag = "--evidence"): Promise<EvidenceRecord[]> {
  const wanted = [...new Set(ids.map((id) => id.trim().toUpperCase()).filter(Boolean))];
  if (wanted.length === 0) return [];
  const rows = await db
    .select()
    .from(evidenceRecords)
    .where(and(eq(evidenceRecords.workspaceId, ws.id), inArray(evidenceRecords.id, wanted)));
  const missing = wanted.find((id) => !rows.some((r) => r.id === id));
  if (missing) throw new IsmsError(`${flag}: no evidence ${missing} in this workspace`, "See the evidence ids with: isms evidence list");
  return rows.sort((a, b) => compareIds(a.id, b.id));
}

/** The bytes of a file to attach; an error a person can act on when it is missing, a folder or empty. */
export async function readAttachment(path: string): Promise<Buffer> {
  const info = await stat(path).catch((error: unknown) => {
    const missing = error instanceof Error && "code" in error && error.code === "ENOENT";
    throw new IsmsError(`${path}: ${missing ? "no such file" : `cannot be read (${String(error)})`}`, "Give the path of the file to attach");
  });
  if (!info.isFile()) throw new IsmsError(`${path} is not a file`, "Give the path of one file to attach (a folder can be zipped first)");
  if (info.size === 0) throw new IsmsError(`${path} is empty`, "Attach the file that shows the control operating");
  return readFile(path);
}

export interface AttachFileInput {
  path: string;
  /** Controls as a person wrote them ("A.8.13"). */
  controls: readonly string[];
  title?: string | undefined;
  period?: Period | undefined;
  /** The person attaching it: id, name or email. */
  by: string;
  /** What the file is (backup-restore-test, policy…); "upload" when not said. */
  kind?: string | undefined;
}

/** Stores the file and records it as evidence, with an audit-log entry. Everything is checked before a byte is stored. */
export async function attachEvidenceFile(tx: Tx, ws: Workspace, blobs: BlobStore, input: AttachFileInput, context: { actor: string; now?: Date }): Promise<EvidenceRecord> {
  const kind = input.kind?.trim() || uploadKind;
  if (!/^[a-z0-9][a-z0-9-]*$/.test(kind)) throw new IsmsError(`--kind: "${kind}" is not a kind of evidence`, "Write it in lower case with dashes, e.g. backup-restore-test");
  if (collectedKinds.has(kind)) throw new IsmsError(`--kind: ${kind} is recorded only by a collection from AWS`, "Give the file a kind of its own, or leave --kind out");
  const uploader = (await loadPersonDirectory(tx, ws)).get(input.by, "--by");
  const controlIds = await resolveControlIds(tx, ws, input.controls);
  const content = await readAttachment(input.path);
  const title = input.title?.trim() || basename(input.path);
  const mediaType = mediaTypeOf(input.path);
  const { record, redactedPaths } = await recordEvidence(tx, ws, blobs, {
    kind,
    title,
    controlIds,
    source: { kind: uploadKind, uploader },
    collectedAt: context.now ?? new Date(),
    period: input.period,
    mediaType,
    content,
  });
  await appendAuditLog(tx, {
    workspaceId: ws.id,
    actor: context.actor,
    action: "evidence.add",
    entityType: "evidence_records",
    entityId: record.id,
    before: null,
    after: { kind, title, controlIds, uploader, file: basename(input.path), mediaType, sha256: record.sha256, period: input.period ?? null, redactedPaths },
  });
  return record;
}
