// Evidence over HTTP (7.5.3, 9.1; A.5.28): the records filtered by control, kind and day, one record's
// metadata, its bytes read back from the blob store and checked against their hash, and the auditor's
// evidence requests: listed, raised, and answered with recorded evidence.
import { createRoute, z, type OpenAPIHono } from "@hono/zod-openapi";
import type { Context } from "hono";
import { findEvidenceRecords, resolveControlIds } from "../../app/evidence-files.js";
import { getEvidenceRequest, listEvidenceRequests, provideEvidence, raiseEvidenceRequest, type EvidenceRequest } from "../../app/evidence-requests.js";
import { loadStoredSoaRows } from "../../app/soa.js";
import type { Resource } from "../../domain/access/permissions.js";
import { IsmsError } from "../../domain/errors.js";
import { EvidenceTamperedError } from "../../evidence/blobs.js";
import { listEvidence, readEvidence, type EvidenceRecord } from "../../evidence/records.js";
import type { Tx } from "../../store/open.js";
import type { AppEnv } from "../env.js";
import { authorize } from "../middleware/authorize.js";
import { HttpProblem, problemResponses } from "../problem.js";
import { authorizeSomeChange, body, json, visibleTo, workspaceParam } from "./route-parts.js";
import {
  evidenceBody,
  evidenceIdParam,
  evidenceListQuery,
  evidenceListSchema,
  evidenceRequestSchema,
  evidenceSchema,
  provideSchema,
  raiseRequestSchema,
  requestBody,
  requestIdParam,
  requestListQuery,
  requestListSchema,
} from "./evidence-schemas.js";

const tags = ["evidence"];

const listRoute = createRoute({
  method: "get",
  path: "/api/w/{workspace}/evidence",
  tags,
  summary: "The evidence records, oldest first; an auditor sees those of their audit's controls and period",
  request: { params: workspaceParam, query: evidenceListQuery },
  responses: { 200: json(evidenceListSchema, "The matching records"), ...problemResponses(400, 401, 403, 404) },
});

const requestsRoute = createRoute({
  method: "get",
  path: "/api/w/{workspace}/evidence/requests",
  tags,
  summary: "The auditor's evidence requests (the \"provided by client\" list), by id",
  request: { params: workspaceParam, query: requestListQuery },
  responses: { 200: json(requestListSchema, "The requests"), ...problemResponses(400, 401, 403, 404) },
});

const raiseRoute = createRoute({
  method: "post",
  path: "/api/w/{workspace}/evidence/requests",
  tags,
  summary: "Raise an evidence request by hand, as an auditor does: what is asked, about which item and controls",
  request: { params: workspaceParam, ...body(raiseRequestSchema) },
  responses: { 201: json(z.object({ request: evidenceRequestSchema }), "The request as raised, open"), ...problemResponses(400, 401, 403, 404) },
});

const provideRoute = createRoute({
  method: "post",
  path: "/api/w/{workspace}/evidence/requests/{id}/provide",
  tags,
  summary: "Answer a request with recorded evidence",
  request: { params: requestIdParam, ...body(provideSchema) },
  responses: { 200: json(z.object({ request: evidenceRequestSchema }), "The request as provided"), ...problemResponses(400, 401, 403, 404) },
});

const getRoute = createRoute({
  method: "get",
  path: "/api/w/{workspace}/evidence/{id}",
  tags,
  summary: "One evidence record: its controls, source, collection time, period and hash",
  request: { params: evidenceIdParam },
  responses: { 200: json(z.object({ evidence: evidenceSchema }), "The record"), ...problemResponses(401, 403, 404) },
});

const contentRoute = createRoute({
  method: "get",
  path: "/api/w/{workspace}/evidence/{id}/content",
  tags,
  summary: "The evidence's bytes as stored, verified against the SHA-256 recorded when it was stored",
  request: { params: evidenceIdParam },
  responses: {
    200: { description: "The content, in its media type; X-Content-SHA256 gives its verified hash", content: { "application/octet-stream": { schema: z.string().openapi({ format: "binary" }) } } },
    ...problemResponses(401, 403, 404),
  },
});

/** What authorize() needs of evidence: its controls and the day it was collected (an auditor's scope and period). */
const evidenceResource = (record: Pick<EvidenceRecord, "id" | "controlIds" | "collectedAt">): Resource => ({ id: record.id, controlIds: record.controlIds, on: record.collectedAt.toISOString().slice(0, 10) });

/** What authorize() needs of a request: its controls, and as its owner the account's person when they own one of those controls. */
async function requestResource(tx: Tx, c: Context<AppEnv>, request: EvidenceRequest): Promise<Resource> {
  const owners = new Map((await loadStoredSoaRows(tx, c.var.workspace)).map((row) => [row.controlId, row.owner]));
  const controlOwners = request.controlIds.map((id) => owners.get(id) ?? null);
  const mine = c.var.principal.personId ?? undefined;
  const owner = controlOwners.find((o) => o !== null && o === mine) ?? controlOwners.find((o) => o !== null) ?? null;
  return { id: request.id, controlIds: request.controlIds, owner };
}

async function oneRecord(c: Context<AppEnv>, id: string): Promise<EvidenceRecord> {
  authorize(c, "read", "evidence");
  // findEvidenceRecords refuses an unknown id with an IsmsError naming it: here that is a 404.
  const [record] = await findEvidenceRecords(c.var.db, c.var.workspace, [id], "evidence").catch((error: unknown) => {
    if (error instanceof IsmsError) return [];
    throw error;
  });
  if (!record) throw new HttpProblem(404, `No evidence ${id} in this workspace; GET /api/w/${c.var.workspace.slug}/evidence lists it`);
  authorize(c, "read", "evidence", evidenceResource(record));
  return record;
}

export function registerEvidenceRoutes(app: OpenAPIHono<AppEnv>): void {
  app.openapi(listRoute, async (c) => {
    const decision = authorize(c, "read", "evidence");
    const { control, kind, since } = c.req.valid("query");
    const ws = c.var.workspace;
    const controlId = control === undefined ? undefined : (await resolveControlIds(c.var.db, ws, [control], "control"))[0];
    const records = await listEvidence(c.var.db, ws, { controlId, kind, since: since === undefined ? undefined : new Date(`${since}T00:00:00Z`) });
    const visible = visibleTo(c, decision, "evidence", records, evidenceResource);
    return c.json({ evidence: visible.map(evidenceBody), total: visible.length }, 200);
  });

  // Declared before /evidence/{id}, which would otherwise take "requests" for an id.
  app.openapi(requestsRoute, async (c) => {
    const decision = authorize(c, "read", "evidence-requests");
    const requests = await listEvidenceRequests(c.var.db, c.var.workspace, { open: c.req.valid("query").open === "true" });
    const visible = visibleTo(c, decision, "evidence-requests", requests, (r) => ({ id: r.id, controlIds: r.controlIds }));
    return c.json({ requests: visible.map(requestBody) }, 200);
  });

  app.openapi(raiseRoute, async (c) => {
    authorize(c, "create", "evidence-requests");
    const fields = c.req.valid("json");
    const ws = c.var.workspace;
    const request = await c.var.db.transaction(async (tx) => {
      const controlIds = fields.controls.length > 0 ? await resolveControlIds(tx, ws, fields.controls, "controls") : [];
      // An auditor raises requests about their audit's controls only.
      authorize(c, "create", "evidence-requests", { id: "This request", controlIds });
      return raiseEvidenceRequest(tx, ws, { ...fields, controls: controlIds }, { actor: c.var.actor });
    });
    return c.json({ request: requestBody(request) }, 201);
  });

  app.openapi(provideRoute, async (c) => {
    const { id } = c.req.valid("param");
    const { evidenceIds, by, note } = c.req.valid("json");
    const ws = c.var.workspace;
    authorizeSomeChange(c, "evidence-requests");
    const provider = by ?? c.var.principal.personId;
    if (!provider) throw new HttpProblem(400, "Say who provides the evidence: this account is linked to no person, so give by (a person's id, name or email)", { errors: [{ path: "by", message: "give the person who provides it" }] });
    const provided = await c.var.db.transaction(async (tx) => {
      authorize(c, "update", "evidence-requests", await requestResource(tx, c, await getEvidenceRequest(tx, ws, id)));
      return provideEvidence(tx, ws, c.var.blobs, id, { evidenceIds, by: provider, note }, { actor: c.var.actor });
    });
    return c.json({ request: requestBody(provided.request) }, 200);
  });

  app.openapi(getRoute, async (c) => {
    const record = await oneRecord(c, c.req.valid("param").id);
    return c.json({ evidence: evidenceBody(record) }, 200);
  });

  app.openapi(contentRoute, async (c) => {
    const record = await oneRecord(c, c.req.valid("param").id);
    const blobs = c.var.blobs;
    if (!blobs) throw new HttpProblem(503, "This server has no evidence folder, so evidence content cannot be read; start it with ISMS_EVIDENCE_DIR set");
    const content = await readEvidence(c.var.db, c.var.workspace, blobs, record.id).catch((error: unknown) => {
      // Served as a server fault with its words: the bytes no longer match the hash the record keeps.
      if (error instanceof EvidenceTamperedError) throw new HttpProblem(500, error.message, { type: "urn:openisms:problem:evidence-tampered" });
      throw error;
    });
    const mediaType = typeof record.source.mediaType === "string" ? record.source.mediaType : "application/octet-stream";
    return c.body(new Uint8Array(content.bytes), 200, { "content-type": mediaType, "x-content-sha256": record.sha256 });
  });
}
