// Documented information (7.5): documents with owner, approver and review date, their versions with
// the text and the lifecycle of each, and who acknowledged which version.
import { boolean, date, foreignKey, integer, jsonb, pgTable, text, timestamp, unique } from "drizzle-orm/pg-core";
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
    /** Who approves its versions by default (a person id); 5.2 wants top management for the policy. */
    approver: text("approver"),
    /** The template it was written from ("policy-access-control"), or null. */
    template: text("template"),
    /** The generated document it is a controlled snapshot of ("risk-treatment-plan"), or null. */
    generator: text("generator"),
    /** The clauses of ISO/IEC 27001 and the Annex A controls it serves. */
    clauses: jsonb("clauses").$type<string[]>().notNull().default([]),
    controls: jsonb("controls").$type<string[]>().notNull().default([]),
    /** Whether people in scope must acknowledge each published version (A.5.1, A.6.3). */
    requiresAcknowledgement: boolean("requires_acknowledgement").notNull().default(false),
    /** Months from a publication to the next review. */
    reviewIntervalMonths: integer("review_interval_months").notNull().default(12),
  },
  (t) => [workspaceKey(t), personReference("documents_owner_fk", t, t.owner), personReference("documents_approver_fk", t, t.approver)],
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
    /** The text, Markdown; null for a version recorded without its text (a file kept elsewhere, `path`). */
    body: text("body"),
    author: text("author"),
    createdAt: timestamp("created_at", { withTimezone: true, mode: "date" }),
    submittedAt: timestamp("submitted_at", { withTimezone: true, mode: "date" }),
    publishedAt: timestamp("published_at", { withTimezone: true, mode: "date" }),
    supersededAt: timestamp("superseded_at", { withTimezone: true, mode: "date" }),
    /** For a snapshot of a generated document: the stamp of the data it shows. */
    dataStamp: text("data_stamp"),
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
    personReference("document_versions_author_fk", t, t.author),
  ],
);

/** A person's acknowledgement that they read and accept one version of a document (A.5.1, A.6.3, 7.3). */
export const documentAcknowledgements = pgTable(
  "document_acknowledgements",
  {
    ...workspaceScoped(),
    documentId: text("document_id").notNull(),
    version: text("version").notNull(),
    personId: text("person_id").notNull(),
    acknowledgedAt: timestamp("acknowledged_at", { withTimezone: true, mode: "date" }).notNull(),
  },
  (t) => [
    workspaceKey(t),
    unique("document_acknowledgements_unique").on(t.workspaceId, t.documentId, t.version, t.personId),
    foreignKey({
      name: "document_acknowledgements_version_fk",
      columns: [t.workspaceId, t.documentId, t.version],
      foreignColumns: [documentVersions.workspaceId, documentVersions.documentId, documentVersions.version],
    }).onDelete("cascade"),
    personReference("document_acknowledgements_person_fk", t, t.personId),
  ],
);
