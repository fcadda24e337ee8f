// Changing controlled documents (7.5.2, 7.5.3): create, edit (a new version once approved), submit,
// approve or send back, publish (superseding the version in force), and acknowledge. Each change is
// one transaction with its audit-log entry.
import { createHash } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { IsmsError } from "../../domain/errors.js";
import {
  checkApprover,
  editStartsNewVersion,
  nextReviewDay,
  nextVersionNumber,
  transition,
  type DocumentAction,
} from "../../domain/documents/lifecycle.js";
import type { Tx } from "../../store/open.js";
import { documentAcknowledgements, documents, documentVersions } from "../../store/schema/index.js";
import { appendAuditLog } from "../audit-log.js";
import { loadPersonDirectory } from "../people.js";
import type { Workspace } from "../workspaces.js";
import { getDocument, latestVersion, peopleInScope, versionNamed, type DocumentRecord, type DocumentVersionRow } from "./records.js";

export const versionRowId = (documentId: string, version: string) => `${documentId}@${version}`;
const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");
const today = (at: Date) => at.toISOString().slice(0, 10);

export interface NewDocumentInput {
  id?: string | undefined;
  title: string;
  kind: string;
  /** Person ids or names. */
  owner?: string | null | undefined;
  approver?: string | null | undefined;
  author?: string | null | undefined;
  classification?: string | null | undefined;
  clauses?: readonly string[] | undefined;
  controls?: readonly string[] | undefined;
  requiresAcknowledgement?: boolean | undefined;
  reviewIntervalMonths?: number | undefined;
  template?: string | null | undefined;
  generator?: string | null | undefined;
  body: string;
  changeSummary?: string | undefined;
  dataStamp?: string | null | undefined;
}

export interface ChangeOptions {
  actor: string;
  at?: Date;
}

async function nextDocumentId(tx: Tx, workspace: Workspace): Promise<string> {
  const rows = await tx.select({ id: documents.id }).from(documents).where(eq(documents.workspaceId, workspace.id));
  const numbers = rows.map((r) => /^DOC-(\d+)$/.exec(r.id)?.[1]).filter((n) => n !== undefined).map(Number);
  return `DOC-${String(Math.max(0, ...numbers) + 1).padStart(3, "0")}`;
}

/** Creates a document with its first version as a draft. */
export async function createDocument(tx: Tx, workspace: Workspace, input: NewDocumentInput, options: ChangeOptions): Promise<DocumentRecord> {
  const at = options.at ?? new Date();
  const directory = await loadPersonDirectory(tx, workspace);
  const person = (value: string | null | undefined, field: string) => (value ? directory.get(value, field) : null);
  const id = input.id ?? (await nextDocumentId(tx, workspace));
  const [exists] = await tx.select({ id: documents.id }).from(documents).where(and(eq(documents.workspaceId, workspace.id), eq(documents.id, id)));
  if (exists) throw new IsmsError(`A document ${id} already exists`, `Edit it (isms docs edit ${id}) or choose another --id`);
  const owner = person(input.owner, "--owner");
  const row = {
    workspaceId: workspace.id,
    id,
    title: input.title,
    kind: input.kind,
    owner,
    approver: person(input.approver, "--approver"),
    classification: input.classification ?? null,
    template: input.template ?? null,
    generator: input.generator ?? null,
    clauses: [...(input.clauses ?? [])],
    controls: [...(input.controls ?? [])],
    requiresAcknowledgement: input.requiresAcknowledgement ?? false,
    reviewIntervalMonths: input.reviewIntervalMonths ?? 12,
    nextReview: null,
  };
  await tx.insert(documents).values(row);
  const version = {
    workspaceId: workspace.id,
    id: versionRowId(id, "1"),
    documentId: id,
    version: "1",
    status: "draft",
    changeSummary: input.changeSummary ?? "First version",
    body: input.body,
    author: person(input.author, "--by") ?? owner,
    createdAt: at,
    dataStamp: input.dataStamp ?? null,
  };
  await tx.insert(documentVersions).values(version);
  await appendAuditLog(tx, { workspaceId: workspace.id, actor: options.actor, action: "document.create", entityType: "document", entityId: id, before: null, after: { ...row, version: "1" } });
  return getDocument(tx, workspace, id);
}

export interface EditInput {
  title?: string | undefined;
  kind?: string | undefined;
  owner?: string | undefined;
  approver?: string | undefined;
  classification?: string | undefined;
  clauses?: readonly string[] | undefined;
  controls?: readonly string[] | undefined;
  requiresAcknowledgement?: boolean | undefined;
  reviewIntervalMonths?: number | undefined;
  nextReview?: string | undefined;
  /** A new text: written on the draft, or on a new version when the newest is approved or in force. */
  body?: string | undefined;
  changeSummary?: string | undefined;
  author?: string | undefined;
  dataStamp?: string | null | undefined;
}

/** Changes a document's details and, with `body`, its text; returns the document and the version written, if any. */
export async function editDocument(tx: Tx, workspace: Workspace, id: string, input: EditInput, options: ChangeOptions): Promise<{ document: DocumentRecord; version: string | null }> {
  const at = options.at ?? new Date();
  const before = await getDocument(tx, workspace, id);
  const directory = await loadPersonDirectory(tx, workspace);
  const details = {
    ...(input.title !== undefined && { title: input.title }),
    ...(input.kind !== undefined && { kind: input.kind }),
    ...(input.owner !== undefined && { owner: directory.get(input.owner, "--owner") }),
    ...(input.approver !== undefined && { approver: directory.get(input.approver, "--approver") }),
    ...(input.classification !== undefined && { classification: input.classification }),
    ...(input.clauses !== undefined && { clauses: [...input.clauses] }),
    ...(input.controls !== undefined && { controls: [...input.controls] }),
    ...(input.requiresAcknowledgement !== undefined && { requiresAcknowledgement: input.requiresAcknowledgement }),
    ...(input.reviewIntervalMonths !== undefined && { reviewIntervalMonths: input.reviewIntervalMonths }),
    ...(input.nextReview !== undefined && { nextReview: input.nextReview }),
  };
  if (Object.keys(details).length > 0) {
    await tx.update(documents).set(details).where(and(eq(documents.workspaceId, workspace.id), eq(documents.id, id)));
  }
  let written: string | null = null;
  if (input.body !== undefined) {
    const author = input.author !== undefined ? directory.get(input.author, "--by") : before.owner;
    const latest = latestVersion(before);
    if (!latest || editStartsNewVersion(latest.status)) {
      written = nextVersionNumber(before.versions.map((v) => v.version));
      await tx.insert(documentVersions).values({
        workspaceId: workspace.id,
        id: versionRowId(id, written),
        documentId: id,
        version: written,
        status: "draft",
        changeSummary: input.changeSummary ?? null,
        body: input.body,
        author,
        createdAt: at,
        dataStamp: input.dataStamp ?? null,
      });
    } else {
      transition(id, latest.version, latest.status, "edit");
      written = latest.version;
      await tx
        .update(documentVersions)
        .set({ body: input.body, author, dataStamp: input.dataStamp ?? null, ...(input.changeSummary !== undefined && { changeSummary: input.changeSummary }) })
        .where(and(eq(documentVersions.workspaceId, workspace.id), eq(documentVersions.id, latest.id)));
    }
  }
  if (Object.keys(details).length === 0 && written === null) {
    throw new IsmsError(`Nothing to change in ${id}`, "Give a new text (--file) or a detail to change (--title, --owner, …)");
  }
  const after = await getDocument(tx, workspace, id);
  await appendAuditLog(tx, {
    workspaceId: workspace.id,
    actor: options.actor,
    action: "document.edit",
    entityType: "document",
    entityId: id,
    before: { ...withoutVersions(before), version: latestVersion(before)?.version ?? null },
    after: { ...withoutVersions(after), version: written, bodySha256: input.body === undefined ? undefined : sha256(input.body) },
  });
  return { document: after, version: written };
}

const withoutVersions = ({ versions: _versions, ...rest }: DocumentRecord) => rest;

async function moveVersion(
  tx: Tx,
  workspace: Workspace,
  id: string,
  action: DocumentAction,
  changes: (version: DocumentVersionRow, doc: DocumentRecord) => Promise<Partial<DocumentVersionRow>> | Partial<DocumentVersionRow>,
  options: ChangeOptions & { version?: string | undefined },
): Promise<DocumentVersionRow> {
  const doc = await getDocument(tx, workspace, id);
  const version = versionNamed(doc, options.version);
  const status = transition(id, version.version, version.status, action);
  const set = { ...(await changes(version, doc)), status };
  await tx.update(documentVersions).set(set).where(and(eq(documentVersions.workspaceId, workspace.id), eq(documentVersions.id, version.id)));
  const after = { ...version, ...set };
  await appendAuditLog(tx, {
    workspaceId: workspace.id,
    actor: options.actor,
    action: `document.${action}`,
    entityType: "document_version",
    entityId: version.id,
    before: { status: version.status },
    after: { ...set, body: undefined },
  });
  return after;
}

export function submitDocument(tx: Tx, workspace: Workspace, id: string, options: ChangeOptions & { version?: string | undefined }): Promise<DocumentVersionRow> {
  return moveVersion(tx, workspace, id, "submit", () => ({ submittedAt: options.at ?? new Date() }), options);
}

/** Approves the version in review: by someone other than its author when there is anyone else; records the text's hash. */
export async function approveDocument(tx: Tx, workspace: Workspace, id: string, by: string | undefined, options: ChangeOptions & { version?: string | undefined }): Promise<DocumentVersionRow> {
  const at = options.at ?? new Date();
  const directory = await loadPersonDirectory(tx, workspace);
  const staff = await peopleInScope(tx, workspace, today(at));
  return moveVersion(
    tx,
    workspace,
    id,
    "approve",
    (version, doc) => {
      const approver = by !== undefined ? directory.get(by, "--by") : doc.approver;
      if (!approver) throw new IsmsError(`Who approves ${id}? It has no approver named`, `Say who does: isms docs approve ${id} --by <person>`);
      checkApprover({ documentId: id, version: version.version, author: version.author, approver, people: staff.length });
      return { approvedBy: approver, approvedAt: at, sha256: version.body === null ? version.sha256 : sha256(version.body) };
    },
    options,
  );
}

/** Sends a version in review back to draft, with the reviewer's reason as its change note. */
export function rejectDocument(tx: Tx, workspace: Workspace, id: string, reason: string | undefined, options: ChangeOptions & { version?: string | undefined }): Promise<DocumentVersionRow> {
  return moveVersion(tx, workspace, id, "reject", (v) => ({ submittedAt: null, changeSummary: reason ? `${v.changeSummary ?? ""}${v.changeSummary ? " — " : ""}returned: ${reason}` : v.changeSummary }), options);
}

/**
 * Puts the approved version in force: the version in force before it is superseded (it stays
 * readable), and the next review falls `reviewIntervalMonths` after today.
 */
export async function publishDocument(tx: Tx, workspace: Workspace, id: string, options: ChangeOptions & { version?: string | undefined }): Promise<DocumentVersionRow> {
  const at = options.at ?? new Date();
  const published = await moveVersion(tx, workspace, id, "publish", () => ({ publishedAt: at }), options);
  const doc = await getDocument(tx, workspace, id);
  for (const older of doc.versions.filter((v) => v.id !== published.id && (v.status === "published" || v.status === "approved"))) {
    await tx.update(documentVersions).set({ status: "superseded", supersededAt: at }).where(and(eq(documentVersions.workspaceId, workspace.id), eq(documentVersions.id, older.id)));
    await appendAuditLog(tx, { workspaceId: workspace.id, actor: options.actor, action: "document.supersede", entityType: "document_version", entityId: older.id, before: { status: older.status }, after: { status: "superseded", by: published.version } });
  }
  await tx.update(documents).set({ nextReview: nextReviewDay(at, doc.reviewIntervalMonths) }).where(and(eq(documents.workspaceId, workspace.id), eq(documents.id, id)));
  return published;
}

/** Records that a person read and accepts the version in force (or a named one). Acknowledging twice is one record. */
export async function acknowledgeDocument(
  tx: Tx,
  workspace: Workspace,
  id: string,
  person: string,
  options: ChangeOptions & { version?: string | undefined },
): Promise<{ personId: string; version: string; acknowledgedAt: Date; already: boolean }> {
  const at = options.at ?? new Date();
  const doc = await getDocument(tx, workspace, id);
  const directory = await loadPersonDirectory(tx, workspace);
  const personId = directory.get(person, "--person");
  const version = options.version === undefined ? doc.versions.findLast((v) => v.status === "published") : versionNamed(doc, options.version);
  if (!version || version.status !== "published") {
    throw new IsmsError(`${id} has no published version to acknowledge${version ? ` (v${version.version} is ${version.status})` : ""}`, `Publish it first: isms docs publish ${id}`);
  }
  const rowId = `${versionRowId(id, version.version)}/${personId}`;
  const [existing] = await tx.select().from(documentAcknowledgements).where(and(eq(documentAcknowledgements.workspaceId, workspace.id), eq(documentAcknowledgements.id, rowId)));
  if (existing) return { personId, version: version.version, acknowledgedAt: existing.acknowledgedAt, already: true };
  await tx.insert(documentAcknowledgements).values({ workspaceId: workspace.id, id: rowId, documentId: id, version: version.version, personId, acknowledgedAt: at });
  await appendAuditLog(tx, { workspaceId: workspace.id, actor: options.actor, action: "document.acknowledge", entityType: "document_version", entityId: version.id, before: null, after: { personId, acknowledgedAt: at.toISOString() } });
  return { personId, version: version.version, acknowledgedAt: at, already: false };
}

