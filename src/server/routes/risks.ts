// The risk register over HTTP (6.1.2, 6.1.3, 8.2, 8.3): list, read, add, change and assess risks, the heat
// map and the risk treatment plan. Each route asks authorize() first and calls the services the CLI calls.
import { createRoute, z, type OpenAPIHono } from "@hono/zod-openapi";
import type { Context } from "hono";
import { loadPersonDirectory } from "../../app/people.js";
import { currentMethodology } from "../../app/risk-methodology.js";
import { addRisk, assessRisk, editRisk, getRisk, loadAssessments, type RiskInput } from "../../app/risks.js";
import type { Workspace } from "../../app/workspaces.js";
import { IsmsError } from "../../domain/errors.js";
import { riskStatuses, type Risk } from "../../domain/risk/index.js";
import type { Tx } from "../../store/open.js";
import type { AppEnv } from "../env.js";
import { authorize } from "../middleware/authorize.js";
import { problemResponses } from "../problem.js";
import { authorizeSomeChange, body, json, unfilteredListFromView, visibleTo, withNewId, workspaceParam } from "./route-parts.js";
import { actionBody, heatmap, riskFindingsView, riskList, riskRegisterView, treatmentPlan } from "./risk-views.js";
import {
  assessmentBody,
  assessmentSchema,
  heatmapSchema,
  newRiskSchema,
  riskBody,
  riskChangesSchema,
  riskDetailSchema,
  riskIdParam,
  riskListSchema,
  riskSchema,
  treatmentPlanSchema,
} from "./risk-schemas.js";

const tags = ["risks"];

const listQuery = z.object({
  status: z.enum(riskStatuses).optional(),
  owner: z.string().min(1).optional().openapi({ description: "Only this risk owner's risks (a person id)", example: "P-002" }),
  offset: z.coerce.number().int().min(0).default(0),
  limit: z.coerce.number().int().min(1).max(10_000).optional().openapi({ description: "At most this many risks from offset; all by default" }),
});

const listRoute = createRoute({
  method: "get",
  path: "/api/w/{workspace}/risks",
  tags,
  summary: "The risk register, in id order, with inherent and residual scores and bands",
  request: { params: workspaceParam, query: listQuery },
  middleware: [unfilteredListFromView("risks", async (db, ws) => (await riskRegisterView(db, ws)).listJson)],
  responses: { 200: json(riskListSchema, "The matching risks"), ...problemResponses(400, 401, 403, 404) },
});

const heatmapRoute = createRoute({
  method: "get",
  path: "/api/w/{workspace}/risks/heatmap",
  tags,
  summary: "The risk heat map: how many risks sit in each likelihood × impact cell, inherent or residual",
  request: { params: workspaceParam, query: z.object({ kind: z.enum(["inherent", "residual"]).default("inherent") }) },
  responses: { 200: json(heatmapSchema, "The matrix counts"), ...problemResponses(400, 401, 403, 404) },
});

const planRoute = createRoute({
  method: "get",
  path: "/api/w/{workspace}/risks/treatment-plan",
  tags,
  summary: "The risk treatment plan (6.1.3 e, 8.3): risks above the acceptance threshold or to be treated, with their actions",
  request: { params: workspaceParam },
  responses: { 200: json(treatmentPlanSchema, "The plan, worst risk first"), ...problemResponses(401, 403, 404) },
});

const getRoute = createRoute({
  method: "get",
  path: "/api/w/{workspace}/risks/{id}",
  tags,
  summary: "One risk with its treatment actions, assessment history and what the register's rules find",
  request: { params: riskIdParam },
  responses: { 200: json(riskDetailSchema, "The risk"), ...problemResponses(400, 401, 403, 404) },
});

const createRiskRoute = createRoute({
  method: "post",
  path: "/api/w/{workspace}/risks",
  tags,
  summary: "Add a risk; its scores follow from the ratings under the methodology in force",
  request: { params: workspaceParam, ...body(newRiskSchema) },
  responses: { 201: json(z.object({ risk: riskSchema }), "The risk as added, with its id"), ...problemResponses(400, 401, 403, 404) },
});

const editRoute = createRoute({
  method: "patch",
  path: "/api/w/{workspace}/risks/{id}",
  tags,
  summary: "Change a risk; only the fields given change, and new ratings are recorded in its history",
  request: { params: riskIdParam, ...body(riskChangesSchema) },
  responses: { 200: json(z.object({ risk: riskSchema }), "The risk as changed"), ...problemResponses(400, 401, 403, 404) },
});

const assessRoute = createRoute({
  method: "post",
  path: "/api/w/{workspace}/risks/{id}/assess",
  tags,
  summary: "(Re)assess a risk (8.2): new likelihood and impact, inherent or residual, kept in its history",
  request: { params: riskIdParam, ...body(assessmentSchema) },
  responses: { 200: json(z.object({ risk: riskSchema }), "The risk as assessed"), ...problemResponses(400, 401, 403, 404) },
});

/** What authorize() needs of a risk: its id, its owner (a control owner changes own risks), its controls (an auditor's scope). */
const riskResource = (risk: Pick<Risk, "id" | "owner" | "controlIds">) => ({ id: risk.id, owner: risk.owner ?? null, controlIds: risk.controlIds });

/** The request's fields as the service takes them: the owner found by id or name; one impact replaces per-criterion ones. */
async function riskInput(tx: Tx, ws: Workspace, fields: z.infer<typeof riskChangesSchema>): Promise<RiskInput> {
  const { owner, ...rest } = fields;
  const input: RiskInput = { ...rest };
  if (owner !== undefined) input.owner = owner === null ? null : (await loadPersonDirectory(tx, ws)).get(owner, "owner");
  if (fields.impact !== undefined && fields.impacts === undefined) input.impacts = {};
  if (fields.residualImpact !== undefined && fields.residualImpacts === undefined) input.residualImpacts = {};
  return input;
}

function writeContext(c: Context<AppEnv>) {
  return { actor: c.var.actor, by: c.var.principal.personId ?? null };
}

async function answered(c: Context<AppEnv>, risk: Risk) {
  return { risk: riskBody((await currentMethodology(c.var.db, c.var.workspace)).body, risk) };
}

export function registerRiskRoutes(app: OpenAPIHono<AppEnv>): void {
  app.openapi(listRoute, async (c) => {
    const decision = authorize(c, "read", "risks");
    const { status, owner, offset, limit } = c.req.valid("query");
    const register = await riskRegisterView(c.var.db, c.var.workspace);
    const matching = visibleTo(c, decision, "risks", register.rows, riskResource).filter((r) => (!status || r.status === status) && (!owner || r.owner === owner));
    return c.json(riskList(matching, offset, limit), 200);
  });

  // Declared before /risks/{id}, which would otherwise take "heatmap" for an id.
  app.openapi(heatmapRoute, async (c) => {
    const decision = authorize(c, "read", "risks");
    const register = await riskRegisterView(c.var.db, c.var.workspace);
    return c.json(heatmap(register.methodology, visibleTo(c, decision, "risks", register.risks, riskResource), c.req.valid("query").kind), 200);
  });

  app.openapi(planRoute, async (c) => {
    const decision = authorize(c, "read", "risks");
    const register = await riskRegisterView(c.var.db, c.var.workspace);
    return c.json(treatmentPlan(register, new Set(visibleTo(c, decision, "risks", register.risks, riskResource).map((r) => r.id))), 200);
  });

  app.openapi(getRoute, async (c) => {
    authorize(c, "read", "risks");
    const { id } = c.req.valid("param");
    const register = await riskRegisterView(c.var.db, c.var.workspace);
    const risk = register.risks.find((r) => r.id === id);
    if (!risk) throw new IsmsError(`No risk ${id} in this workspace`, `GET /api/w/${c.var.workspace.slug}/risks lists them`);
    authorize(c, "read", "risks", riskResource(risk));
    const [history, findings] = await Promise.all([loadAssessments(c.var.db, c.var.workspace, id), riskFindingsView(c.var.db, c.var.workspace)]);
    return c.json(
      {
        risk: riskBody(register.methodology.body, risk),
        actions: register.actions.filter((a) => a.riskId === id).map(actionBody),
        history: history.map(assessmentBody),
        findings: findings.filter((f) => f.riskId === id),
      },
      200,
    );
  });

  app.openapi(createRiskRoute, async (c) => {
    authorize(c, "create", "risks");
    const fields = c.req.valid("json");
    const ws = c.var.workspace;
    const risk = await withNewId(() => c.var.db.transaction(async (tx) => addRisk(tx, ws, await riskInput(tx, ws, fields), writeContext(c))));
    return c.json(await answered(c, risk), 201);
  });

  app.openapi(editRoute, async (c) => {
    const { id } = c.req.valid("param");
    const changes = c.req.valid("json");
    const ws = c.var.workspace;
    authorizeSomeChange(c, "risks");
    const risk = await c.var.db.transaction(async (tx) => {
      authorize(c, "update", "risks", riskResource(await getRisk(tx, ws, id)));
      return editRisk(tx, ws, id, await riskInput(tx, ws, changes), writeContext(c));
    });
    return c.json(await answered(c, risk), 200);
  });

  app.openapi(assessRoute, async (c) => {
    const { id } = c.req.valid("param");
    const ratings = c.req.valid("json");
    const ws = c.var.workspace;
    authorizeSomeChange(c, "risks");
    const risk = await c.var.db.transaction(async (tx) => {
      authorize(c, "update", "risks", riskResource(await getRisk(tx, ws, id)));
      const input = await riskInput(tx, ws, ratings);
      return assessRisk(tx, ws, id, input, writeContext(c));
    });
    return c.json(await answered(c, risk), 200);
  });
}
