// The scope (4.3) with its context (4.1, 4.2) and the asset inventory (A.5.9) over HTTP: read the scope,
// change its statement or boundaries (which asks for approval again), and record top management's approval.
import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import { loadPersonDirectory } from "../../app/people.js";
import { approveScope, setScope, showScope } from "../../app/scope.js";
import type { Resource } from "../../domain/access/permissions.js";
import { InvalidInputError } from "../../domain/errors.js";
import type { AppEnv } from "../env.js";
import { authorize } from "../middleware/authorize.js";
import { HttpProblem, problemResponses } from "../problem.js";
import { registerAssetRoutes } from "./assets.js";
import { body, json, workspaceParam } from "./route-parts.js";
import { scopeApprovalSchema, scopeBody, scopeChangesSchema, scopeSchema } from "./scope-schemas.js";

const tags = ["scope"];
/** The scope is clause 4.3: an auditor reads it when their audit covers that clause. */
const scopeResource: Resource = { id: "the scope", clauses: ["4.3"] };

const getRoute = createRoute({
  method: "get",
  path: "/api/w/{workspace}/scope",
  tags,
  summary: "The scope statement and boundaries with their approval, interfaces, interested parties, issues and exclusions",
  request: { params: workspaceParam },
  responses: { 200: json(scopeSchema, "The scope"), ...problemResponses(401, 403, 404) },
});

const changeRoute = createRoute({
  method: "patch",
  path: "/api/w/{workspace}/scope",
  tags,
  summary: "Change the scope statement or boundaries; a changed scope needs approving again",
  request: { params: workspaceParam, ...body(scopeChangesSchema) },
  responses: { 200: json(scopeSchema, "The scope as changed, not approved"), ...problemResponses(400, 401, 403, 404) },
});

const approveRoute = createRoute({
  method: "post",
  path: "/api/w/{workspace}/scope/approve",
  tags,
  summary: "Record top management's approval of the scope as it stands",
  request: { params: workspaceParam, ...body(scopeApprovalSchema) },
  responses: { 200: json(scopeSchema, "The scope, approved"), ...problemResponses(400, 401, 403, 404, 409) },
});

export function registerScopeRoutes(app: OpenAPIHono<AppEnv>): void {
  app.openapi(getRoute, async (c) => {
    authorize(c, "read", "scope", scopeResource);
    return c.json(scopeBody(await showScope(c.var.db, c.var.workspace)), 200);
  });

  app.openapi(changeRoute, async (c) => {
    authorize(c, "update", "scope", scopeResource);
    const changes = c.req.valid("json");
    await c.var.db.transaction((tx) => setScope(tx, c.var.workspace, changes, c.var.actor, { fields: { statement: "statement" } }));
    return c.json(scopeBody(await showScope(c.var.db, c.var.workspace)), 200);
  });

  app.openapi(approveRoute, async (c) => {
    authorize(c, "approve", "scope", scopeResource);
    const named = c.req.valid("json").person;
    const ws = c.var.workspace;
    await c.var.db.transaction(async (tx) => {
      const directory = await loadPersonDirectory(tx, ws);
      const person = named === undefined ? c.var.principal.personId : directory.find(named);
      if (!person) {
        const message = named === undefined ? "this account is linked to no person: name the person who approves" : `no person "${named}" in this workspace; give a person's id or name`;
        throw new InvalidInputError("The approval", [{ path: "person", message }]);
      }
      if ((await showScope(tx, ws)).statement === null) {
        throw new HttpProblem(409, `There is no scope statement to approve; write it first with PATCH /api/w/${ws.slug}/scope`);
      }
      await approveScope(tx, ws, person, c.var.actor);
    });
    return c.json(scopeBody(await showScope(c.var.db, ws)), 200);
  });

  registerAssetRoutes(app);
}
