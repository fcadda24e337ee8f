// Register of Documented Information (7.5.1–7.5.3), generated from the documents and their versions:
// each document's version in force, its approval, next review and what it serves, and what awaits approval.
import { eq } from "drizzle-orm";
import { compareVersions, statusLabel } from "../../../domain/documents/lifecycle.js";
import { isoDay } from "../../../domain/risk/calendar.js";
import { approvedVersionStatuses } from "../../../readiness/vocabulary.js";
import type { PdfBlock } from "../../../reports/pdf.js";
import { documents, documentVersions, people } from "../../../store/schema/index.js";
import { compareIds } from "../../registers.js";
import { defineGeneratedDocument } from "./types.js";

interface RegisteredDocument {
  id: string;
  title: string;
  kind: string;
  owner: string | null;
  nextReview: string | null;
  clauses: string[];
  controls: string[];
}

interface Version {
  documentId: string;
  version: string;
  status: string;
  author: string | null;
  changeSummary: string | null;
  approvedBy: string | null;
  /** ISO 8601 instants. */
  approvedAt: string | null;
  createdAt: string | null;
}

interface DocumentRegisterData {
  asOf: string;
  people: { id: string; name: string }[];
  documents: RegisteredDocument[];
  /** Every version, by document then oldest first. */
  versions: Version[];
}

const paragraph = (text: string): PdfBlock => ({ kind: "paragraph", text });
const table = (header: string[], rows: string[][]): PdfBlock => ({ kind: "table", header, rows });
const list = (items: string[]): PdfBlock => ({ kind: "list", items });

const pendingStatuses = ["draft", "in_review"];
const day = (instant: string | null): string | null => (instant ? instant.slice(0, 10) : null);

/** The newest version approved or published, if any. */
function versionInForce(data: DocumentRegisterData, documentId: string): Version | undefined {
  return data.versions.filter((v) => v.documentId === documentId && approvedVersionStatuses.includes(v.status)).at(-1);
}

const pastReview = (data: DocumentRegisterData): RegisteredDocument[] => data.documents.filter((d) => d.nextReview !== null && d.nextReview < data.asOf);
const unapproved = (data: DocumentRegisterData): RegisteredDocument[] => data.documents.filter((d) => !versionInForce(data, d.id));

export const documentRegisterDocument = defineGeneratedDocument({
  id: "document-register",
  title: "Register of Documented Information",
  kind: "register",
  clauses: ["7.5.1", "7.5.2", "7.5.3"],
  controls: [],

  async load(db, context): Promise<DocumentRegisterData> {
    const workspaceId = context.workspace.id;
    const [documentRows, versionRows, personRows] = await Promise.all([
      db.select().from(documents).where(eq(documents.workspaceId, workspaceId)),
      db
        .select({
          documentId: documentVersions.documentId,
          version: documentVersions.version,
          status: documentVersions.status,
          author: documentVersions.author,
          changeSummary: documentVersions.changeSummary,
          approvedBy: documentVersions.approvedBy,
          approvedAt: documentVersions.approvedAt,
          createdAt: documentVersions.createdAt,
        })
        .from(documentVersions)
        .where(eq(documentVersions.workspaceId, workspaceId)),
      db.select({ id: people.id, name: people.name }).from(people).where(eq(people.workspaceId, workspaceId)),
    ]);
    return {
      asOf: isoDay(context.at),
      people: personRows.sort((a, b) => compareIds(a.id, b.id)),
      documents: documentRows
        .map((d) => ({ id: d.id, title: d.title, kind: d.kind, owner: d.owner, nextReview: d.nextReview, clauses: d.clauses, controls: d.controls }))
        .sort((a, b) => compareIds(a.id, b.id)),
      versions: versionRows
        .map((v) => ({ ...v, approvedAt: v.approvedAt?.toISOString() ?? null, createdAt: v.createdAt?.toISOString() ?? null }))
        .sort((a, b) => compareIds(a.documentId, b.documentId) || compareVersions(a.version, b.version)),
    };
  },

  gaps(data) {
    if (data.documents.length === 0) return ["The register holds no document: the ISMS's documented information is not under control (7.5)."];
    return [
      ...pastReview(data).map((d) => `${d.title} (${d.id}) was due for review on ${d.nextReview ?? ""}.`),
      ...unapproved(data).map((d) => `${d.title} (${d.id}) has no approved version (7.5.2).`),
    ];
  },

  render(data, context) {
    const names = new Map(data.people.map((p) => [p.id, p.name]));
    const person = (id: string | null): string => (id ? `${names.get(id) ?? id} (${id})` : "—");
    const titles = new Map(data.documents.map((d) => [d.id, d.title]));
    const serves = (d: RegisteredDocument): string => [...d.clauses, ...d.controls.map((c) => `A.${c}`)].join(", ") || "—";

    const rows = data.documents.map((d) => {
      const inForce = versionInForce(data, d.id);
      const approval = inForce?.approvedBy ? `${person(inForce.approvedBy)}${inForce.approvedAt ? ` on ${day(inForce.approvedAt) ?? ""}` : ""}` : "—";
      const review = d.nextReview ? `${d.nextReview}${d.nextReview < data.asOf ? " ⚠ overdue" : ""}` : "not set";
      return [`${d.title} (${d.id})`, d.kind, person(d.owner), inForce ? `v${inForce.version} (${statusLabel(inForce.status)})` : "⚠ none approved", approval, review, serves(d)];
    });
    const pending = data.versions.filter((v) => pendingStatuses.includes(v.status));
    const late = pastReview(data);
    const missing = unapproved(data);

    const registerBlocks: PdfBlock[] = data.documents.length
      ? [
          paragraph(
            `${data.documents.length} documents are under control. The version in force is the newest one approved or published; ` +
              "the last column names the clauses and Annex A controls each serves.",
          ),
          table(["Document", "Kind", "Owner", "In force", "Approved by", "Next review", "Serves"], rows),
        ]
      : [paragraph("No document has been registered yet.")];
    if (late.length) registerBlocks.push(paragraph(`⚠ Past their review date on ${data.asOf}:`), list(late.map((d) => `${d.title} (${d.id}), due ${d.nextReview ?? ""}`)));
    if (missing.length) registerBlocks.push(paragraph("⚠ No version approved yet:"), list(missing.map((d) => `${d.title} (${d.id})`)));

    return {
      title: "Register of Documented Information",
      meta: [
        ["Organization", context.workspace.companyName],
        ["As of", data.asOf],
        ["ISO/IEC 27001:2022", "7.5.1, 7.5.2, 7.5.3"],
      ],
      sections: [
        { heading: "1. Documents", blocks: registerBlocks },
        {
          heading: "2. Versions awaiting approval",
          blocks: pending.length
            ? [
                paragraph("Drafts and versions in review: changes not yet in force (7.5.3)."),
                table(
                  ["Document", "Version", "Status", "Author", "Started", "Change"],
                  pending.map((v) => [`${titles.get(v.documentId) ?? v.documentId} (${v.documentId})`, v.version, statusLabel(v.status), person(v.author), day(v.createdAt) ?? "—", v.changeSummary ?? "—"]),
                ),
              ]
            : [paragraph("No version is awaiting approval.")],
        },
      ],
    };
  },
});
