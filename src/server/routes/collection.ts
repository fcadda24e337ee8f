// Automated collection over HTTP: the runs that collected evidence from AWS, and one run's check results,
// read as evidence (an auditor sees runs within their audit's period, results within its controls). Read-only.
import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import { listCollectionRuns, loadRunResults, type CollectionRun } from "../../app/collection.js";
import type { Resource } from "../../domain/access/permissions.js";
import { isoDay } from "../../domain/risk/calendar.js";
import type { AppEnv } from "../env.js";
import { authorize } from "../middleware/authorize.js";
import { HttpProblem, problemResponses } from "../problem.js";
import { json, visibleTo, workspaceParam } from "./route-parts.js";
import { resultBody, resultQuery, runBody, runIdParam, runListSchema, runResultsSchema } from "./collection-schemas.js";

const tags = ["collection"];
const runResource = (run: CollectionRun): Resource => ({ id: run.id, on: isoDay(run.startedAt) });

const runsRoute = createRoute({
  method: "get",
  path: "/api/w/{workspace}/collection/runs",
  tags,
  summary: "The runs of automated evidence collection, oldest first, with their statistics and problems",
  request: { params: workspaceParam },
  responses: { 200: json(runListSchema, "The runs"), ...problemResponses(401, 403, 404) },
});

const resultsRoute = createRoute({
  method: "get",
  path: "/api/w/{workspace}/collection/runs/{id}/results",
  tags,
  summary: "One run with its check results: each check's verdict on each resource, and the controls it bears on",
  request: { params: runIdParam, query: resultQuery },
  responses: { 200: json(runResultsSchema, "The run and its results"), ...problemResponses(400, 401, 403, 404) },
});

export function registerCollectionRoutes(app: OpenAPIHono<AppEnv>): void {
  app.openapi(runsRoute, async (c) => {
    const decision = authorize(c, "read", "evidence");
    const runs = visibleTo(c, decision, "evidence", await listCollectionRuns(c.var.db, c.var.workspace), runResource);
    return c.json({ runs: runs.map(runBody) }, 200);
  });

  app.openapi(resultsRoute, async (c) => {
    const decision = authorize(c, "read", "evidence");
    const { id } = c.req.valid("param");
    const { status } = c.req.valid("query");
    const ws = c.var.workspace;
    const run = (await listCollectionRuns(c.var.db, ws)).find((r) => r.id === id);
    if (!run) throw new HttpProblem(404, `No collection run ${id} in this workspace; GET /api/w/${ws.slug}/collection/runs lists them`);
    authorize(c, "read", "evidence", runResource(run));
    const results = (await loadRunResults(c.var.db, ws, run.id)).filter((r) => status === undefined || r.status === status);
    const on = isoDay(run.startedAt);
    const visible = visibleTo(c, decision, "evidence", results, (r) => ({ id: r.id, controlIds: r.controlIds, on }));
    return c.json({ run: runBody(run), results: visible.map(resultBody) }, 200);
  });
}
