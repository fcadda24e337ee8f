// The information security objectives (6.2) and their measurements (9.1) over HTTP: the list with each
// objective's latest value and trend, one objective with its measurements, add, change, remove, measure.
import { createRoute, z, type OpenAPIHono } from "@hono/zod-openapi";
import type { Context } from "hono";
import {
  addObjective,
  bindObjective,
  editObjective,
  getObjective,
  listMeasurements,
  listObjectives,
  objectiveTrend,
  personNames,
  recordMeasurement,
  removeObjective,
  unbindObjective,
  type Measurement,
  type Objective,
} from "../../app/objectives.js";
import { loadPersonDirectory } from "../../app/people.js";
import type { Workspace } from "../../app/workspaces.js";
import type { Decision, Resource } from "../../domain/access/permissions.js";
import { IsmsError } from "../../domain/errors.js";
import type { Db } from "../../store/open.js";
import type { AppEnv } from "../env.js";
import { authorize } from "../middleware/authorize.js";
import { HttpProblem, problemResponses } from "../problem.js";
import { body, json, visibleTo, workspaceParam } from "./route-parts.js";
import {
  bindInputSchema,
  measurementBody,
  measurementInputSchema,
  measurementSchema,
  newObjectiveSchema,
  objectiveBody,
  objectiveChangesSchema,
  objectiveDetailSchema,
  objectiveIdParam,
  objectiveListSchema,
  objectiveRowSchema,
  objectiveSchema,
  removedSchema,
  trendBody,
  type ObjectiveChanges,
} from "./objective-schemas.js";

const tags = ["objectives"];
/** How many of the latest values a list row carries for its small trend chart. */
const valuesInRow = 24;

/** Objectives are about 6.2 and their measurement about 9.1: an auditor sees them when their audit covers one. */
const clauses = ["6.2", "9.1"];
const objectiveResource = (o: Pick<Objective, "id">): Resource => ({ id: o.id, clauses });
/** A measurement is seen by an auditor only when it was taken within the audit's period. */
const measurementResource = (m: Pick<Measurement, "id" | "measuredOn">): Resource => ({ id: m.id, clauses, on: m.measuredOn });

const listRoute = createRoute({
  method: "get",
  path: "/api/w/{workspace}/objectives",
  tags,
  summary: "The information security objectives (6.2), each with its latest measurement, whether it meets the target, and the trend",
  request: { params: workspaceParam },
  responses: { 200: json(objectiveListSchema, "The objectives, by id"), ...problemResponses(401, 403, 404) },
});

const getRoute = createRoute({
  method: "get",
  path: "/api/w/{workspace}/objectives/{id}",
  tags,
  summary: "One objective with its measurements (9.1), oldest first, and the trend",
  request: { params: objectiveIdParam },
  responses: { 200: json(objectiveDetailSchema, "The objective"), ...problemResponses(400, 401, 403, 404) },
});

const createObjectiveRoute = createRoute({
  method: "post",
  path: "/api/w/{workspace}/objectives",
  tags,
  summary: "Add an objective (active unless a status is given); its id is the next OBJ-NNN unless given",
  request: { params: workspaceParam, ...body(newObjectiveSchema) },
  responses: { 201: json(z.object({ objective: objectiveSchema }), "The objective as added"), ...problemResponses(400, 401, 403, 404, 409) },
});

const editRoute = createRoute({
  method: "patch",
  path: "/api/w/{workspace}/objectives/{id}",
  tags,
  summary: "Change an objective; only the fields given change, and null clears one",
  request: { params: objectiveIdParam, ...body(objectiveChangesSchema) },
  responses: { 200: json(z.object({ objective: objectiveSchema }), "The objective as changed"), ...problemResponses(400, 401, 403, 404) },
});

const removeRoute = createRoute({
  method: "delete",
  path: "/api/w/{workspace}/objectives/{id}",
  tags,
  summary: "Remove an objective with its measurements",
  request: { params: objectiveIdParam },
  responses: { 200: json(removedSchema, "Removed"), ...problemResponses(400, 401, 403, 404) },
});

const measureRoute = createRoute({
  method: "post",
  path: "/api/w/{workspace}/objectives/{id}/measurements",
  tags,
  summary: "Record a measurement taken by hand (9.1): the value, the day (today by default) and a note",
  request: { params: objectiveIdParam, ...body(measurementInputSchema) },
  responses: {
    201: json(z.object({ measurement: measurementSchema, objective: objectiveRowSchema }), "The measurement, and the objective's row as the list now shows it"),
    ...problemResponses(400, 401, 403, 404),
  },
});

const bindRoute = createRoute({
  method: "put",
  path: "/api/w/{workspace}/objectives/{id}/check",
  tags,
  summary: "Bind the objective to an automated check: its pass rate becomes a measurement at each AWS collection",
  request: { params: objectiveIdParam, ...body(bindInputSchema) },
  responses: { 200: json(z.object({ objective: objectiveSchema }), "The objective, bound"), ...problemResponses(400, 401, 403, 404) },
});

const unbindRoute = createRoute({
  method: "delete",
  path: "/api/w/{workspace}/objectives/{id}/check",
  tags,
  summary: "Unbind the objective from its automated check; its measurements stay",
  request: { params: objectiveIdParam },
  responses: { 200: json(z.object({ objective: objectiveSchema }), "The objective, no longer bound"), ...problemResponses(401, 403, 404, 409) },
});

/** The objective, or a 404 that says where the objectives are listed. */
async function objectiveOr404(db: Db, ws: Workspace, id: string): Promise<Objective> {
  try {
    return await getObjective(db, ws, id);
  } catch (error) {
    if (error instanceof IsmsError && error.message.startsWith("No objective")) throw new HttpProblem(404, `No objective ${id} in this workspace; GET /api/w/${ws.slug}/objectives lists them`);
    throw error;
  }
}

/** The owner as a person id, found by id, name or email; an unknown one is a 400 naming the field. */
async function withOwnerFound<T extends ObjectiveChanges>(db: Db, ws: Workspace, fields: T): Promise<T> {
  if (fields.owner === undefined || fields.owner === null) return fields;
  const id = (await loadPersonDirectory(db, ws)).find(fields.owner);
  if (id) return { ...fields, owner: id };
  const message = `no person "${fields.owner}" in this workspace; give a person's id, name or email from the people register`;
  throw new HttpProblem(400, `owner: ${message}`, { errors: [{ path: "owner", message }] });
}

/** The measurements the principal may see: all, or for an auditor those within the audit's period. */
function visibleMeasurements(c: Context<AppEnv>, decision: Decision, measured: readonly Measurement[]): Measurement[] {
  return visibleTo(c, decision, "objectives", measured, measurementResource);
}

function rowBody(objective: Objective, measured: readonly Measurement[], names: Map<string, string>): z.infer<typeof objectiveRowSchema> {
  const trend = objectiveTrend(objective, measured);
  return {
    ...objectiveBody(objective, objective.owner ? (names.get(objective.owner) ?? null) : null),
    latest: trend.latest ? measurementBody(trend.latest) : null,
    ...trendBody(trend),
    values: trend.points.slice(-valuesInRow).map((p) => p.value),
    measurementCount: trend.points.length,
  };
}

async function answered(c: Context<AppEnv>, objective: Objective) {
  const names = await personNames(c.var.db, c.var.workspace);
  return { objective: objectiveBody(objective, objective.owner ? (names.get(objective.owner) ?? null) : null) };
}

export function registerObjectiveRoutes(app: OpenAPIHono<AppEnv>): void {
  app.openapi(listRoute, async (c) => {
    const decision = authorize(c, "read", "objectives");
    const [all, measured, names] = await Promise.all([listObjectives(c.var.db, c.var.workspace), listMeasurements(c.var.db, c.var.workspace), personNames(c.var.db, c.var.workspace)]);
    const byObjective = new Map<string, Measurement[]>();
    for (const m of visibleMeasurements(c, decision, measured)) {
      const ofObjective = byObjective.get(m.objectiveId);
      if (ofObjective) ofObjective.push(m);
      else byObjective.set(m.objectiveId, [m]);
    }
    const rows = visibleTo(c, decision, "objectives", all, objectiveResource).map((o) => rowBody(o, byObjective.get(o.id) ?? [], names));
    return c.json({ objectives: rows }, 200);
  });

  app.openapi(getRoute, async (c) => {
    const decision = authorize(c, "read", "objectives");
    const { id } = c.req.valid("param");
    const objective = await objectiveOr404(c.var.db, c.var.workspace, id);
    authorize(c, "read", "objectives", objectiveResource(objective));
    const trend = objectiveTrend(objective, visibleMeasurements(c, decision, await listMeasurements(c.var.db, c.var.workspace, id)));
    const names = await personNames(c.var.db, c.var.workspace);
    return c.json(
      {
        objective: objectiveBody(objective, objective.owner ? (names.get(objective.owner) ?? null) : null),
        measurements: trend.points.map(measurementBody),
        trend: trendBody(trend),
      },
      200,
    );
  });

  app.openapi(createObjectiveRoute, async (c) => {
    authorize(c, "create", "objectives");
    const ws = c.var.workspace;
    const objective = await c.var.db.transaction(async (tx) => addObjective(tx, ws, await withOwnerFound(tx, ws, c.req.valid("json")), { actor: c.var.actor }));
    return c.json(await answered(c, objective), 201);
  });

  app.openapi(editRoute, async (c) => {
    const { id } = c.req.valid("param");
    const ws = c.var.workspace;
    authorize(c, "update", "objectives");
    const objective = await c.var.db.transaction(async (tx) => {
      authorize(c, "update", "objectives", objectiveResource(await objectiveOr404(tx, ws, id)));
      return editObjective(tx, ws, id, await withOwnerFound(tx, ws, c.req.valid("json")), { actor: c.var.actor });
    });
    return c.json(await answered(c, objective), 200);
  });

  app.openapi(removeRoute, async (c) => {
    const { id } = c.req.valid("param");
    const ws = c.var.workspace;
    authorize(c, "delete", "objectives");
    const { measurements } = await c.var.db.transaction(async (tx) => {
      authorize(c, "delete", "objectives", objectiveResource(await objectiveOr404(tx, ws, id)));
      return removeObjective(tx, ws, id, { actor: c.var.actor });
    });
    return c.json({ removed: id, measurements }, 200);
  });

  app.openapi(measureRoute, async (c) => {
    const { id } = c.req.valid("param");
    const ws = c.var.workspace;
    // Recording a measurement changes what the objective shows: those who may update it may measure it.
    authorize(c, "update", "objectives");
    const { objective, measurement } = await c.var.db.transaction(async (tx) => {
      const found = await objectiveOr404(tx, ws, id);
      authorize(c, "update", "objectives", objectiveResource(found));
      return { objective: found, measurement: await recordMeasurement(tx, ws, id, c.req.valid("json"), { actor: c.var.actor }) };
    });
    const [measured, names] = await Promise.all([listMeasurements(c.var.db, ws, id), personNames(c.var.db, ws)]);
    const row = rowBody(objective, measured, names);
    const met = objectiveTrend(objective, [measurement]).met;
    return c.json({ measurement: measurementBody({ ...measurement, met }), objective: row }, 201);
  });

  app.openapi(bindRoute, async (c) => {
    const { id } = c.req.valid("param");
    const ws = c.var.workspace;
    authorize(c, "update", "objectives");
    const objective = await c.var.db.transaction(async (tx) => {
      authorize(c, "update", "objectives", objectiveResource(await objectiveOr404(tx, ws, id)));
      try {
        return await bindObjective(tx, ws, id, c.req.valid("json"), { actor: c.var.actor });
      } catch (error) {
        // The service's "No automated check …" is bad input here, not a missing objective.
        if (error instanceof IsmsError && error.message.startsWith("No automated check")) {
          throw new HttpProblem(400, `checkId: ${error.message}`, { errors: [{ path: "checkId", message: error.message }] });
        }
        throw error;
      }
    });
    return c.json(await answered(c, objective), 200);
  });

  app.openapi(unbindRoute, async (c) => {
    const { id } = c.req.valid("param");
    const ws = c.var.workspace;
    authorize(c, "update", "objectives");
    const objective = await c.var.db.transaction(async (tx) => {
      const found = await objectiveOr404(tx, ws, id);
      authorize(c, "update", "objectives", objectiveResource(found));
      if (!found.checkId) throw new HttpProblem(409, `${id} is not bound to a check; PUT /api/w/${ws.slug}/objectives/${id}/check binds it`);
      return unbindObjective(tx, ws, id, { actor: c.var.actor });
    });
    return c.json(await answered(c, objective), 200);
  });
}
