// Audits over HTTP (9.2 internal audit, certification audits, 10.2): the audits, one audit with its
// checklist and findings, the findings, and the corrective actions log. An auditor sees their own audit.
import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import { getAudit, listAudits, listCorrectiveActions, listFindings, loadChecklist } from "../../app/audits/records.js";
import type { AppEnv } from "../env.js";
import { authorize } from "../middleware/authorize.js";
import { problemResponses } from "../problem.js";
import { json, visibleTo, workspaceParam } from "./route-parts.js";
import {
  actionBody,
  actionListQuery,
  actionListSchema,
  auditBody,
  auditDetailSchema,
  auditIdParam,
  auditListSchema,
  checklistItemBody,
  findingBody,
  findingListQuery,
  findingListSchema,
} from "./audit-schemas.js";

const tags = ["audits"];

const listRoute = createRoute({
  method: "get",
  path: "/api/w/{workspace}/audits",
  tags,
  summary: "The audits, internal and by the certification body, by id",
  request: { params: workspaceParam },
  responses: { 200: json(auditListSchema, "The audits"), ...problemResponses(401, 403, 404) },
});

const getRoute = createRoute({
  method: "get",
  path: "/api/w/{workspace}/audits/{id}",
  tags,
  summary: "One audit with its checklist and its findings",
  request: { params: auditIdParam },
  responses: { 200: json(auditDetailSchema, "The audit"), ...problemResponses(401, 403, 404) },
});

const findingsRoute = createRoute({
  method: "get",
  path: "/api/w/{workspace}/findings",
  tags,
  summary: "The audit findings: nonconformities, observations and opportunities, by id",
  request: { params: workspaceParam, query: findingListQuery },
  responses: { 200: json(findingListSchema, "The matching findings"), ...problemResponses(400, 401, 403, 404) },
});

const actionsRoute = createRoute({
  method: "get",
  path: "/api/w/{workspace}/corrective-actions",
  tags,
  summary: "The corrective actions log (10.2): cause, action, owner, due date and closure",
  request: { params: workspaceParam, query: actionListQuery },
  responses: { 200: json(actionListSchema, "The matching actions"), ...problemResponses(400, 401, 403, 404) },
});

export function registerAuditRoutes(app: OpenAPIHono<AppEnv>): void {
  app.openapi(listRoute, async (c) => {
    const decision = authorize(c, "read", "audits");
    const audits = visibleTo(c, decision, "audits", await listAudits(c.var.db, c.var.workspace), (a) => ({ id: a.id }));
    return c.json({ audits: audits.map(auditBody) }, 200);
  });

  app.openapi(getRoute, async (c) => {
    authorize(c, "read", "audits");
    const { id } = c.req.valid("param");
    const ws = c.var.workspace;
    const audit = await getAudit(c.var.db, ws, id);
    authorize(c, "read", "audits", { id: audit.id });
    const [checklist, findings] = await Promise.all([loadChecklist(c.var.db, ws, audit.id), listFindings(c.var.db, ws, { auditId: audit.id })]);
    return c.json({ audit: auditBody(audit), checklist: checklist.map(checklistItemBody), findings: findings.map(findingBody) }, 200);
  });

  app.openapi(findingsRoute, async (c) => {
    const decision = authorize(c, "read", "findings");
    const { audit, open } = c.req.valid("query");
    const findings = await listFindings(c.var.db, c.var.workspace, { auditId: audit, open: open === "true" });
    const visible = visibleTo(c, decision, "findings", findings, (f) => ({ id: f.id, auditId: f.auditId }));
    return c.json({ findings: visible.map(findingBody) }, 200);
  });

  app.openapi(actionsRoute, async (c) => {
    const decision = authorize(c, "read", "actions");
    const ws = c.var.workspace;
    const [actions, findings] = await Promise.all([listCorrectiveActions(c.var.db, ws, c.req.valid("query").finding), listFindings(c.var.db, ws)]);
    const auditOf = new Map(findings.map((f) => [f.id, f.auditId]));
    // An auditor sees the actions of their audit's findings, and those raised outside any audit (incidents, reviews).
    const visible = visibleTo(c, decision, "actions", actions, (a) => ({ id: a.id, owner: a.owner, auditId: a.findingId ? (auditOf.get(a.findingId) ?? null) : null }));
    return c.json({ actions: visible.map(actionBody) }, 200);
  });
}
