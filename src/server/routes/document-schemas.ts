// The shapes of the documents API (7.5): the mandatory-documents checklist, a controlled document with
// its versions, and the bodies of the lifecycle requests (submit, approve, publish).
import { z } from "@hono/zod-openapi";
import { exportFormats } from "../../app/documents/render.js";
import { instant, isoInstant } from "./route-parts.js";
import type { DocumentRecord, DocumentVersionRow } from "../../app/documents/records.js";

const text = z.string().trim().min(1, "write something, or leave the field out");

export const documentIdParam = z.object({
  workspace: z.string().openapi({ description: "The workspace's slug", example: "acme" }),
  id: z.string().min(1).max(128).openapi({ description: "A document's id (DOC-001) or a generated document's (statement-of-applicability)", example: "DOC-001" }),
});

const checklistDocument = z.object({ id: z.string(), title: z.string(), version: z.string().nullable(), status: z.string() });
export const checklistEntrySchema = z.object({
  id: z.string(),
  name: z.string(),
  refs: z.array(z.string()),
  state: z.enum(["missing", "draft", "in_review", "approved", "published", "superseded", "generated"]),
  documents: z.array(checklistDocument),
  missing: z.array(z.string()).openapi({ description: "What keeps it from being audit-ready; empty when nothing does" }),
  dataStamp: z.string().optional(),
});

export const versionSchema = z
  .object({
    version: z.string(),
    status: z.string(),
    changeSummary: z.string().nullable(),
    author: z.string().nullable(),
    createdAt: instant.nullable(),
    submittedAt: instant.nullable(),
    approvedBy: z.string().nullable(),
    approvedAt: instant.nullable(),
    publishedAt: instant.nullable(),
    supersededAt: instant.nullable(),
    sha256: z.string().nullable().openapi({ description: "SHA-256 of the approved text" }),
  })
  .openapi("DocumentVersion");

export const documentSchema = z
  .object({
    id: z.string(),
    title: z.string(),
    kind: z.string(),
    owner: z.string().nullable(),
    approver: z.string().nullable(),
    classification: z.string().nullable(),
    clauses: z.array(z.string()),
    controls: z.array(z.string()),
    nextReview: z.string().nullable(),
    status: z.string().openapi({ description: "The status of the version in force, else of the newest version" }),
    versionInForce: z.string().nullable(),
  })
  .openapi("Document");

export const documentListSchema = z.object({
  asOf: z.string(),
  required: z.array(checklistEntrySchema).openapi({ description: "The documents ISO/IEC 27001 requires, each with its state and what is missing" }),
  other: z.array(checklistEntrySchema),
  counts: z.record(z.string(), z.number()),
  documents: z.array(documentSchema),
});

export const documentDetailSchema = z.object({ document: documentSchema, versions: z.array(versionSchema), body: z.string().nullable().openapi({ description: "The newest version's text" }) });

export const exportQuery = z.object({
  format: z.enum(exportFormats).default("pdf"),
  version: text.optional().openapi({ description: "A version (2 or v2); the newest by default" }),
});

const versionField = text.optional().openapi({ description: "The version acted on (2 or v2); the newest by default" });
export const submitSchema = z.object({ version: versionField }).strict();
export const approveSchema = z.object({ by: text.optional().openapi({ description: "Who approves: a person's id, name or email; default the account's person, else the document's approver" }), version: versionField }).strict();
export const publishSchema = submitSchema;
export const versionAnswerSchema = z.object({ documentId: z.string(), version: versionSchema });

export function versionBody(v: DocumentVersionRow): z.infer<typeof versionSchema> {
  return {
    version: v.version,
    status: v.status,
    changeSummary: v.changeSummary,
    author: v.author,
    createdAt: isoInstant(v.createdAt),
    submittedAt: isoInstant(v.submittedAt),
    approvedBy: v.approvedBy,
    approvedAt: isoInstant(v.approvedAt),
    publishedAt: isoInstant(v.publishedAt),
    supersededAt: isoInstant(v.supersededAt),
    sha256: v.sha256,
  };
}

export function documentBody(doc: DocumentRecord, inForce: DocumentVersionRow | undefined): z.infer<typeof documentSchema> {
  const shown = inForce ?? doc.versions.at(-1);
  return {
    id: doc.id,
    title: doc.title,
    kind: doc.kind,
    owner: doc.owner,
    approver: doc.approver,
    classification: doc.classification,
    clauses: doc.clauses,
    controls: doc.controls,
    nextReview: doc.nextReview,
    status: shown?.status ?? "no version",
    versionInForce: inForce?.version ?? null,
  };
}
