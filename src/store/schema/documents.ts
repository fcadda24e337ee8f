// Documented information (7.5): documents with owner and review date, and their versions.
import { date, foreignKey, pgTable, text, timestamp, unique } from "drizzle-orm/pg-core";
import { workspaceKey, workspaceScoped } from "./columns.js";
import { personReference } from "./people.js";

/** A controlled document: policy, procedure, methodology, report (7.5.1, 7.5.2; A.5.1, A.5.37). */
export const documents = pgTable(
  "documents",
  {
    ...workspaceScoped(),
    title: text("title").notNull(),
    kind: text("kind").notNull(),
    owner: text("owner"),
    classification: text("classification"),
    nextReview: date("next_review", { mode: "string" }),
  },
  (t) => [workspaceKey(t), personReference("documents_owner_fk", t, t.owner)],
);

/** One version of a document, its approval and content hash (7.5.2 review and approval, 7.5.3 change control). */
export const documentVersions = pgTable(
  "document_versions",
  {
    ...workspaceScoped(),
    documentId: text("document_id").notNull(),
    version: text("version").notNull(),
    status: text("status").notNull(),
    changeSummary: text("change_summary"),
    sha256: text("sha256"),
    path: text("path"),
    approvedBy: text("approved_by"),
    approvedAt: timestamp("approved_at", { withTimezone: true, mode: "date" }),
  },
  (t) => [
    workspaceKey(t),
    unique("document_versions_version_unique").on(t.workspaceId, t.documentId, t.version),
    foreignKey({
      name: "document_versions_document_fk",
      columns: [t.workspaceId, t.documentId],
      foreignColumns: [documents.workspaceId, documents.id],
    }).onDelete("cascade"),
    personReference("document_versions_approved_by_fk", t, t.approvedBy),
  ],
);
