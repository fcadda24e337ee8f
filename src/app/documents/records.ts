// Reading controlled documents: the register with each document's versions, the version in force,
// and who is in scope to acknowledge it.
import { and, eq } from "drizzle-orm";
import { IsmsError } from "../../domain/errors.js";
import { compareVersions } from "../../domain/documents/lifecycle.js";
import type { Db } from "../../store/open.js";
import { documentAcknowledgements, documents, documentVersions, people } from "../../store/schema/index.js";
import type { Workspace } from "../workspaces.js";

export type DocumentRow = typeof documents.$inferSelect;
export type DocumentVersionRow = typeof documentVersions.$inferSelect;
export type AcknowledgementRow = typeof documentAcknowledgements.$inferSelect;

export interface DocumentRecord extends DocumentRow {
  /** Oldest first. */
  versions: DocumentVersionRow[];
}

const byVersion = (a: DocumentVersionRow, b: DocumentVersionRow) => compareVersions(a.version, b.version);

export async function listDocuments(db: Db, workspace: Workspace): Promise<DocumentRecord[]> {
  const [rows, versions] = await Promise.all([
    db.select().from(documents).where(eq(documents.workspaceId, workspace.id)),
    db.select().from(documentVersions).where(eq(documentVersions.workspaceId, workspace.id)),
  ]);
  return rows
    .sort((a, b) => a.id.localeCompare(b.id, "en", { numeric: true }))
    .map((d) => ({ ...d, versions: versions.filter((v) => v.documentId === d.id).sort(byVersion) }));
}

export async function findDocument(db: Db, workspace: Workspace, id: string): Promise<DocumentRecord | undefined> {
  const [row] = await db.select().from(documents).where(and(eq(documents.workspaceId, workspace.id), eq(documents.id, id)));
  if (!row) return undefined;
  const versions = await db.select().from(documentVersions).where(and(eq(documentVersions.workspaceId, workspace.id), eq(documentVersions.documentId, id)));
  return { ...row, versions: versions.sort(byVersion) };
}

export async function getDocument(db: Db, workspace: Workspace, id: string): Promise<DocumentRecord> {
  const found = await findDocument(db, workspace, id);
  if (!found) throw new IsmsError(`No document "${id}" in this workspace`, "See the documents with: isms docs list");
  return found;
}

/** The newest version, whatever its status. */
export const latestVersion = (doc: DocumentRecord): DocumentVersionRow | undefined => doc.versions.at(-1);

/** The version in force: the newest published one, else the newest approved one (a register may record only approvals). */
export function versionInForce(doc: DocumentRecord): DocumentVersionRow | undefined {
  return doc.versions.findLast((v) => v.status === "published") ?? doc.versions.findLast((v) => v.status === "approved");
}

export function versionNamed(doc: DocumentRecord, version: string | undefined): DocumentVersionRow {
  const wanted = version?.replace(/^v/i, "");
  const found = wanted === undefined ? latestVersion(doc) : doc.versions.find((v) => v.version === wanted);
  if (!found) {
    const known = doc.versions.map((v) => `v${v.version}`).join(", ") || "none";
    throw new IsmsError(`${doc.id} has no version ${version ?? ""}`.trim(), `Its versions: ${known}`);
  }
  return found;
}

/** People in scope on a day: started (or no start recorded) and not yet left. */
export async function peopleInScope(db: Db, workspace: Workspace, day: string): Promise<{ id: string; name: string; email: string | null }[]> {
  const rows = await db.select().from(people).where(eq(people.workspaceId, workspace.id));
  return rows
    .filter((p) => (!p.startDate || p.startDate <= day) && (!p.endDate || p.endDate >= day))
    .sort((a, b) => a.id.localeCompare(b.id, "en", { numeric: true }))
    .map((p) => ({ id: p.id, name: p.name, email: p.email }));
}

export async function acknowledgementsOf(db: Db, workspace: Workspace, documentId: string): Promise<AcknowledgementRow[]> {
  return db
    .select()
    .from(documentAcknowledgements)
    .where(and(eq(documentAcknowledgements.workspaceId, workspace.id), eq(documentAcknowledgements.documentId, documentId)));
}

export interface AcknowledgementStatus {
  documentId: string;
  /** The published version acknowledgements are asked for; null when none is published. */
  version: string | null;
  required: boolean;
  acknowledged: { personId: string; name: string; acknowledgedAt: Date }[];
  /** People in scope who have not acknowledged that version. */
  pending: { personId: string; name: string }[];
}

/** Who acknowledged the published version of a document, and who in scope has not (A.5.1, 7.3). */
export async function acknowledgementStatus(db: Db, workspace: Workspace, id: string, day: string): Promise<AcknowledgementStatus> {
  const doc = await getDocument(db, workspace, id);
  const published = doc.versions.findLast((v) => v.status === "published");
  const staff = await peopleInScope(db, workspace, day);
  const names = new Map(staff.map((p) => [p.id, p.name]));
  if (!published) return { documentId: id, version: null, required: doc.requiresAcknowledgement, acknowledged: [], pending: [] };
  const acks = (await acknowledgementsOf(db, workspace, id)).filter((a) => a.version === published.version);
  const done = new Set(acks.map((a) => a.personId));
  return {
    documentId: id,
    version: published.version,
    required: doc.requiresAcknowledgement,
    acknowledged: acks
      .sort((a, b) => a.acknowledgedAt.getTime() - b.acknowledgedAt.getTime())
      .map((a) => ({ personId: a.personId, name: names.get(a.personId) ?? a.personId, acknowledgedAt: a.acknowledgedAt })),
    pending: staff.filter((p) => !done.has(p.id)).map((p) => ({ personId: p.id, name: p.name })),
  };
}
