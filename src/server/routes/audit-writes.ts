// Audit writes over HTTP (9.2, 10.2): an audit is planned, starts, has its checklist lines checked and
// completes, a finding is raised in it, and a corrective action is added for a finding, closed with evidence and reviewed for effectiveness.
import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import type { Context } from "hono";
import { addCorrectiveAction, closeCorrectiveAction, reviewCorrectiveAction, type ActionFieldNames } from "../../app/audits/actions.js";
import { addAudit, completeAudit, startAudit } from "../../app/audits/audits.js";
import { generateChecklist, recordCheck } from "../../app/audits/checklist.js";
import { addFinding } from "../../app/audits/findings.js";
import { getAudit, getCorrectiveAction, getFinding } from "../../app/audits/records.js";
import { loadPersonDirectory } from "../../app/people.js";
import type { Tx } from "../../store/open.js";
import type { AppEnv } from "../env.js";
import { authorize } from "../middleware/authorize.js";
import { HttpProblem, problemResponses } from "../problem.js";
import { actionBody, auditBody, auditIdParam, checklistItemBody, findingBody } from "./audit-schemas.js";
import {
  actionAnswerSchema,
  actionIdParam,
  actionInput,
  auditAnswerSchema,
  checkAnswerSchema,
  checklistAnswerSchema,
  checkInput,
  closeInput,
  completeInput,
  findingAnswerSchema,
  findingInput,
  planAnswerSchema,
  planInput,
  reviewInput,
  startInput,
} from "./audit-write-schemas.js";
import { authorizeSomeChange, body, json, withNewId, workspaceParam } from "./route-parts.js";

const tags = ["audits"];
const actionFields: ActionFieldNames = { correction: "correction", rootCause: "rootCause", action: "action", owner: "owner", dueDate: "dueDate" };

const planRoute = createRoute({
  method: "post",
  path: "/api/w/{workspace}/audits",
  tags,
  summary: "Plan an audit: scope, criteria, dates, auditor, and the clauses and controls it covers; an auditor who owns what it covers is refused unless the override is given",
  request: { params: workspaceParam, ...body(planInput) },
  responses: { 201: json(planAnswerSchema, "The audit planned, and the independence conflicts overridden"), ...problemResponses(400, 401, 403, 404) },
});

const checklistRoute = createRoute({
  method: "post",
  path: "/api/w/{workspace}/audits/{id}/checklist",
  tags,
  summary: "Create an audit's checklist: a line for each clause and control it covers that has none yet",
  request: { params: auditIdParam },
  responses: { 200: json(checklistAnswerSchema, "The lines added, and the whole checklist"), ...problemResponses(400, 401, 403, 404) },
});

const checkRoute = createRoute({
  method: "post",
  path: "/api/w/{workspace}/audits/{id}/checks",
  tags,
  summary: "Record a line of an audit's checklist: what was sampled, what was observed, and the result",
  request: { params: auditIdParam, ...body(checkInput) },
  responses: { 200: json(checkAnswerSchema, "The checklist line"), ...problemResponses(400, 401, 403, 404) },
});

const startRoute = createRoute({
  method: "post",
  path: "/api/w/{workspace}/audits/{id}/start",
  tags,
  summary: "Start a planned audit: in progress from the day given (default today)",
  request: { params: auditIdParam, ...body(startInput) },
  responses: { 200: json(auditAnswerSchema, "The audit, in progress"), ...problemResponses(400, 401, 403, 404) },
});

const completeRoute = createRoute({
  method: "post",
  path: "/api/w/{workspace}/audits/{id}/complete",
  tags,
  summary: "Complete an audit in progress, with its report; refused while a checklist line has no result",
  request: { params: auditIdParam, ...body(completeInput) },
  responses: { 200: json(auditAnswerSchema, "The audit, completed"), ...problemResponses(400, 401, 403, 404) },
});

const findingRoute = createRoute({
  method: "post",
  path: "/api/w/{workspace}/findings",
  tags,
  summary: "Raise a finding in an audit under way or completed: a nonconformity, observation or opportunity",
  request: { params: workspaceParam, ...body(findingInput) },
  responses: { 201: json(findingAnswerSchema, "The finding raised"), ...problemResponses(400, 401, 403, 404) },
});

const actionRoute = createRoute({
  method: "post",
  path: "/api/w/{workspace}/corrective-actions",
  tags,
  summary: "Add a corrective action for a finding (10.2): correction, root cause, action, owner and due date",
  request: { params: workspaceParam, ...body(actionInput) },
  responses: { 201: json(actionAnswerSchema, "The action added"), ...problemResponses(400, 401, 403, 404) },
});

const closeRoute = createRoute({
  method: "post",
  path: "/api/w/{workspace}/corrective-actions/{id}/close",
  tags,
  summary: "Close a corrective action with the evidence that it was done; its owner may close it",
  request: { params: actionIdParam, ...body(closeInput) },
  responses: { 200: json(actionAnswerSchema, "The action, closed"), ...problemResponses(400, 401, 403, 404) },
});

const reviewRoute = createRoute({
  method: "post",
  path: "/api/w/{workspace}/corrective-actions/{id}/review",
  tags,
  summary: "Record whether a closed corrective action worked (10.2 d); an ineffective one is opened again",
  request: { params: actionIdParam, ...body(reviewInput) },
  responses: { 200: json(actionAnswerSchema, "The action, reviewed"), ...problemResponses(400, 401, 403, 404) },
});

/** The person a body's field names, by id, name or email; an unknown one is that field's problem. */
async function personOf(c: Context<AppEnv>, tx: Tx, field: string, idOrName: string): Promise<string> {
  const person = (await loadPersonDirectory(tx, c.var.workspace)).find(idOrName);
  if (person) return person;
  throw new HttpProblem(400, `${field}: no person "${idOrName}" in this workspace`, {
    errors: [{ path: field, message: `no person "${idOrName}" in this workspace; GET /api/w/${c.var.workspace.slug}/people lists them` }],
  });
}

export function registerAuditWriteRoutes(app: OpenAPIHono<AppEnv>): void {
  app.openapi(planRoute, async (c) => {
    const { overrideIndependence, ...input } = c.req.valid("json");
    authorize(c, "create", "audits");
    const context = { actor: c.var.actor, ...(overrideIndependence ? { overrideIndependence } : {}) };
    const { audit, independence } = await withNewId(() => c.var.db.transaction((tx) => addAudit(tx, c.var.workspace, input, context)));
    return c.json({ audit: auditBody(audit), independence: { conflicts: independence.conflicts.map((x) => x.reason), overridden: independence.overridden } }, 201);
  });

  app.openapi(checklistRoute, async (c) => {
    const { id } = c.req.valid("param");
    authorize(c, "update", "audits");
    const { added, checklist } = await c.var.db.transaction(async (tx) => {
      authorize(c, "update", "audits", { id: (await getAudit(tx, c.var.workspace, id)).id });
      return generateChecklist(tx, c.var.workspace, id, { actor: c.var.actor });
    });
    return c.json({ added, checklist: checklist.map(checklistItemBody) }, 200);
  });

  app.openapi(checkRoute, async (c) => {
    const { id } = c.req.valid("param");
    const { requirement, ...check } = c.req.valid("json");
    authorize(c, "update", "audits");
    const line = await c.var.db.transaction(async (tx) => {
      authorize(c, "update", "audits", { id: (await getAudit(tx, c.var.workspace, id)).id });
      return recordCheck(tx, c.var.workspace, id, requirement, check, { actor: c.var.actor });
    });
    return c.json({ check: checklistItemBody(line) }, 200);
  });

  app.openapi(startRoute, async (c) => {
    const { id } = c.req.valid("param");
    authorize(c, "update", "audits");
    const audit = await c.var.db.transaction(async (tx) => {
      authorize(c, "update", "audits", { id: (await getAudit(tx, c.var.workspace, id)).id });
      return startAudit(tx, c.var.workspace, id, c.req.valid("json"), { actor: c.var.actor });
    });
    return c.json({ audit: auditBody(audit) }, 200);
  });

  app.openapi(completeRoute, async (c) => {
    const { id } = c.req.valid("param");
    authorize(c, "update", "audits");
    const audit = await c.var.db.transaction(async (tx) => {
      authorize(c, "update", "audits", { id: (await getAudit(tx, c.var.workspace, id)).id });
      return completeAudit(tx, c.var.workspace, id, c.req.valid("json"), { actor: c.var.actor });
    });
    return c.json({ audit: auditBody(audit) }, 200);
  });

  app.openapi(findingRoute, async (c) => {
    const input = c.req.valid("json");
    authorize(c, "create", "findings");
    const finding = await withNewId(() =>
      c.var.db.transaction(async (tx) => {
        authorize(c, "create", "findings", { auditId: (await getAudit(tx, c.var.workspace, input.auditId)).id });
        return addFinding(tx, c.var.workspace, input, { actor: c.var.actor });
      }),
    );
    return c.json({ finding: findingBody(finding) }, 201);
  });

  app.openapi(actionRoute, async (c) => {
    const input = c.req.valid("json");
    authorize(c, "create", "actions");
    const action = await withNewId(() =>
      c.var.db.transaction(async (tx) => {
        const finding = await getFinding(tx, c.var.workspace, input.findingId);
        const owner = await personOf(c, tx, "owner", input.owner);
        return addCorrectiveAction(tx, c.var.workspace, { ...input, findingId: finding.id, owner }, { actor: c.var.actor, fields: actionFields });
      }),
    );
    return c.json({ action: actionBody(action) }, 201);
  });

  app.openapi(closeRoute, async (c) => {
    const { id } = c.req.valid("param");
    const { evidenceRefs, on } = c.req.valid("json");
    authorizeSomeChange(c, "actions");
    const action = await c.var.db.transaction(async (tx) => {
      const before = await getCorrectiveAction(tx, c.var.workspace, id);
      authorize(c, "update", "actions", { id: before.id, owner: before.owner });
      return closeCorrectiveAction(tx, c.var.workspace, id, { evidenceRefs, ...(on ? { on } : {}) }, { actor: c.var.actor });
    });
    return c.json({ action: actionBody(action) }, 200);
  });

  // Whether an action worked is the closure's approval: not for its owner to give.
  app.openapi(reviewRoute, async (c) => {
    const { id } = c.req.valid("param");
    const { effective, note, by, on } = c.req.valid("json");
    authorize(c, "approve", "actions");
    const action = await c.var.db.transaction(async (tx) => {
      const before = await getCorrectiveAction(tx, c.var.workspace, id);
      authorize(c, "approve", "actions", { id: before.id, owner: before.owner });
      const reviewer = by ?? c.var.principal.personId;
      if (!reviewer) throw new HttpProblem(400, "by: say who reviewed it", { errors: [{ path: "by", message: "this account is linked to no person in the people register; name the reviewer" }] });
      const person = await personOf(c, tx, "by", reviewer);
      return reviewCorrectiveAction(tx, c.var.workspace, id, { effective, note, by: person, ...(on ? { on } : {}) }, { actor: c.var.actor });
    });
    return c.json({ action: actionBody(action) }, 200);
  });
}
