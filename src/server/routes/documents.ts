// Controlled documents over HTTP (7.5): the mandatory-documents checklist and the register, one document
// with its versions, its export as PDF, DOCX or Markdown, and the lifecycle: submit, approve, publish.
import { createRoute, z, type OpenAPIHono } from "@hono/zod-openapi";
import type { Context } from "hono";
import { approveDocument, publishDocument, submitDocument } from "../../app/documents/lifecycle.js";
import { documentChecklist, type ChecklistEntry } from "../../app/documents/mandatory.js";
import { findDocument, getDocument, listDocuments, versionInForce, type DocumentRecord, type DocumentVersionRow } from "../../app/documents/records.js";
import { documentBytes, renderDocument } from "../../app/documents/render.js";
import type { Resource } from "../../domain/access/permissions.js";
import type { Tx } from "../../store/open.js";
import type { AppEnv } from "../env.js";
import { authorize } from "../middleware/authorize.js";
import { problemResponses } from "../problem.js";
import { authorizeSomeChange, json, visibleTo, workspaceParam } from "./route-parts.js";
import {
  approveSchema,
  documentBody,
  documentDetailSchema,
  documentIdParam,
  documentListSchema,
  exportQuery,
  publishSchema,
  submitSchema,
  versionAnswerSchema,
  versionBody,
} from "./document-schemas.js";
import type { checklistEntrySchema } from "./document-schemas.js";

const tags = ["documents"];
const mediaTypes = { pdf: "application/pdf", docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document", md: "text/markdown; charset=utf-8" } as const;

/** A body a request may leave out: `{}` then. */
const optionalBody = <T extends z.ZodType>(schema: T) => ({ body: { required: false, content: { "application/json": { schema } } } });

const listRoute = createRoute({
  method: "get",
  path: "/api/w/{workspace}/documents",
  tags,
  summary: "The mandatory-documents checklist (what each requirement needs and lacks) and the document register",
  request: { params: workspaceParam },
  responses: { 200: json(documentListSchema, "The checklist and the documents"), ...problemResponses(401, 403, 404) },
});

const getRoute = createRoute({
  method: "get",
  path: "/api/w/{workspace}/documents/{id}",
  tags,
  summary: "One controlled document with its versions, its status and its newest text",
  request: { params: documentIdParam },
  responses: { 200: json(documentDetailSchema, "The document"), ...problemResponses(401, 403, 404) },
});

const exportRoute = createRoute({
  method: "get",
  path: "/api/w/{workspace}/documents/{id}/export",
  tags,
  summary: "A document as PDF, DOCX or Markdown: title page facts, change history, then the text",
  request: { params: documentIdParam, query: exportQuery },
  responses: {
    200: { description: "The document, as an attachment", content: Object.fromEntries(Object.values(mediaTypes).map((type) => [type, { schema: z.string().openapi({ format: "binary" }) }])) },
    ...problemResponses(400, 401, 403, 404),
  },
});

const lifecycleRoute = <T extends z.ZodType>(action: "submit" | "approve" | "publish", summary: string, schema: T) =>
  createRoute({
    method: "post",
    path: `/api/w/{workspace}/documents/{id}/${action}`,
    tags,
    summary,
    request: { params: documentIdParam, ...optionalBody(schema) },
    responses: { 200: json(versionAnswerSchema, "The version as it now stands"), ...problemResponses(400, 401, 403, 404, 409) },
  });

const submitRoute = lifecycleRoute("submit", "Submit a draft for review (7.5.2)", submitSchema);
const approveRoute = lifecycleRoute("approve", "Approve the version in review, by someone other than its author when anyone else could (7.5.2)", approveSchema);
const publishRoute = lifecycleRoute("publish", "Put the approved version in force; the one in force before is superseded (7.5.3)", publishSchema);

/** What authorize() needs of a document: its owner (a control owner changes own documents), its clauses and controls (an auditor's scope). */
const documentResource = (doc: Pick<DocumentRecord, "id" | "owner" | "clauses" | "controls">): Resource => ({ id: doc.id, owner: doc.owner, clauses: doc.clauses, controlIds: doc.controls });

/** The checklist narrowed to the documents the principal may read (an auditor's, within their audit). */
function checklistFor(entries: readonly ChecklistEntry[], visible: ReadonlySet<string>): z.infer<typeof checklistEntrySchema>[] {
  return entries.map(({ dataStamp, ...entry }) => ({ ...entry, refs: [...entry.refs], documents: entry.documents.filter((d) => visible.has(d.id)), ...(dataStamp === undefined ? {} : { dataStamp }) }));
}

async function moved(c: Context<AppEnv>, id: string, action: "update" | "approve", change: (tx: Tx) => Promise<DocumentVersionRow>) {
  // Refused before the document is looked up when no document could be: approving is no one's own.
  if (action === "update") authorizeSomeChange(c, "documents");
  else authorize(c, action, "documents");
  const version = await c.var.db.transaction(async (tx) => {
    authorize(c, action, "documents", documentResource(await getDocument(tx, c.var.workspace, id)));
    return change(tx);
  });
  return c.json({ documentId: id, version: versionBody(version) }, 200);
}

export function registerDocumentRoutes(app: OpenAPIHono<AppEnv>): void {
  app.openapi(listRoute, async (c) => {
    const decision = authorize(c, "read", "documents");
    const [checklist, docs] = await Promise.all([documentChecklist(c.var.db, c.var.workspace), listDocuments(c.var.db, c.var.workspace)]);
    const visible = visibleTo(c, decision, "documents", docs, documentResource);
    const ids = new Set(visible.map((d) => d.id));
    const other = decision.within ? checklist.other.filter((entry) => ids.has(entry.id)) : checklist.other;
    return c.json(
      {
        asOf: checklist.asOf,
        required: checklistFor(checklist.required, ids),
        other: checklistFor(other, ids),
        counts: checklist.counts,
        documents: visible.map((d) => documentBody(d, versionInForce(d))),
      },
      200,
    );
  });

  app.openapi(getRoute, async (c) => {
    authorize(c, "read", "documents");
    const { id } = c.req.valid("param");
    const doc = await getDocument(c.var.db, c.var.workspace, id);
    authorize(c, "read", "documents", documentResource(doc));
    return c.json({ document: documentBody(doc, versionInForce(doc)), versions: doc.versions.map(versionBody), body: doc.versions.at(-1)?.body ?? null }, 200);
  });

  app.openapi(exportRoute, async (c) => {
    authorize(c, "export", "documents");
    const { id } = c.req.valid("param");
    const { format, version } = c.req.valid("query");
    const ws = c.var.workspace;
    // A generated document (the SoA, the risk treatment plan) has no record until a version is kept.
    const doc = await findDocument(c.var.db, ws, id);
    authorize(c, "export", "documents", doc ? documentResource(doc) : { id });
    const rendered = await renderDocument(c.var.db, ws, id, { version });
    const bytes = await documentBytes(rendered, format);
    const name = `${rendered.id}${rendered.version ? `-v${rendered.version}` : ""}.${format}`;
    return c.body(new Uint8Array(bytes), 200, { "content-type": mediaTypes[format], "content-disposition": `attachment; filename="${name}"` });
  });

  app.openapi(submitRoute, async (c) => {
    const { id } = c.req.valid("param");
    const { version } = c.req.valid("json");
    return moved(c, id, "update", (tx) => submitDocument(tx, c.var.workspace, id, { actor: c.var.actor, version }));
  });

  app.openapi(approveRoute, async (c) => {
    const { id } = c.req.valid("param");
    const { by, version } = c.req.valid("json");
    const approver = by ?? c.var.principal.personId ?? undefined;
    return moved(c, id, "approve", (tx) => approveDocument(tx, c.var.workspace, id, approver, { actor: c.var.actor, version }));
  });

  app.openapi(publishRoute, async (c) => {
    const { id } = c.req.valid("param");
    const { version } = c.req.valid("json");
    return moved(c, id, "approve", (tx) => publishDocument(tx, c.var.workspace, id, { actor: c.var.actor, version }));
  });
}
