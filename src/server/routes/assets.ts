// The asset inventory over HTTP (A.5.9): list (filtered by kind, owner, classification), read, add,
// change and remove assets through the register services the CLI uses. An auditor sees assets only
// when their audit covers A.5.9.
import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import type { Context } from "hono";
import { findAsset } from "../../app/assets.js";
import { addEntry, editEntry, listEntries, removeEntry, type Entry } from "../../app/entries.js";
import { loadPersonDirectory } from "../../app/people.js";
import type { Workspace } from "../../app/workspaces.js";
import type { Resource } from "../../domain/access/permissions.js";
import { InvalidInputError, IsmsError } from "../../domain/errors.js";
import type { Db, Tx } from "../../store/open.js";
import type { AppEnv } from "../env.js";
import { authorize } from "../middleware/authorize.js";
import { HttpProblem, problemResponses } from "../problem.js";
import { authorizeSomeChange, body, json, visibleTo, withNewId, workspaceParam } from "./route-parts.js";
import {
  assetAnswerSchema,
  assetChangesSchema,
  assetIdParam,
  assetListQuery,
  assetListSchema,
  assetSchema,
  newAssetSchema,
  type AssetBody,
  type AssetChangesInput,
} from "./asset-schemas.js";

const tags = ["assets"];
const register = "assets";
const idPrefix = "A";
/** A.5.9, the inventory: an auditor sees assets when their audit covers it. */
const assetResource = (a: Pick<AssetBody, "id" | "owner">): Resource => ({ id: a.id, owner: a.owner, controlIds: ["5.9"] });

const listRoute = createRoute({
  method: "get",
  path: "/api/w/{workspace}/assets",
  tags,
  summary: "The asset inventory, by id, optionally only one kind, owner or classification",
  request: { params: workspaceParam, query: assetListQuery },
  responses: { 200: json(assetListSchema, "The matching assets"), ...problemResponses(400, 401, 403, 404) },
});

const getRoute = createRoute({
  method: "get",
  path: "/api/w/{workspace}/assets/{id}",
  tags,
  summary: "One asset",
  request: { params: assetIdParam },
  responses: { 200: json(assetAnswerSchema, "The asset"), ...problemResponses(400, 401, 403, 404) },
});

const createAssetRoute = createRoute({
  method: "post",
  path: "/api/w/{workspace}/assets",
  tags,
  summary: "Add an asset; its id is the next A-NNN unless one is given",
  request: { params: workspaceParam, ...body(newAssetSchema) },
  responses: { 201: json(assetAnswerSchema, "The asset as added, with its id"), ...problemResponses(400, 401, 403, 404, 409) },
});

const editRoute = createRoute({
  method: "patch",
  path: "/api/w/{workspace}/assets/{id}",
  tags,
  summary: "Change an asset; only the fields given change (null clears one)",
  request: { params: assetIdParam, ...body(assetChangesSchema) },
  responses: { 200: json(assetAnswerSchema, "The asset as changed"), ...problemResponses(400, 401, 403, 404, 409) },
});

const removeRoute = createRoute({
  method: "delete",
  path: "/api/w/{workspace}/assets/{id}",
  tags,
  summary: "Remove an asset from the inventory",
  request: { params: assetIdParam },
  responses: { 204: { description: "Removed" }, ...problemResponses(400, 401, 403, 404, 409) },
});

async function existingAsset(c: Context<AppEnv>, db: Db, id: string): Promise<AssetBody> {
  const found = await findAsset(db, c.var.workspace, id);
  if (!found) throw new IsmsError(`No asset ${id} in this workspace`, `GET /api/w/${c.var.workspace.slug}/assets lists them`);
  return assetSchema.parse(found);
}

/** The body's fields as the register takes them: the owner found by id or name, named by field when unknown. */
async function registerValues(tx: Tx, ws: Workspace, fields: AssetChangesInput): Promise<Entry> {
  const { owner, ...rest } = fields;
  const values: Entry = Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== undefined));
  if (owner === null || owner === "") values.owner = null;
  else if (owner !== undefined) {
    const person = (await loadPersonDirectory(tx, ws)).find(owner);
    if (!person) throw new InvalidInputError("The asset", [{ path: "owner", message: `no person "${owner}" in this workspace; give a person's id or name` }]);
    values.owner = person;
  }
  return values;
}

export function registerAssetRoutes(app: OpenAPIHono<AppEnv>): void {
  app.openapi(listRoute, async (c) => {
    const decision = authorize(c, "read", "assets");
    const { kind, owner, classification } = c.req.valid("query");
    const rows = (await listEntries(c.var.db, c.var.workspace, register)).map((row) => assetSchema.parse(row));
    const matching = visibleTo(c, decision, "assets", rows, assetResource).filter(
      (a) => (!kind || a.kind === kind) && (!owner || a.owner === owner) && (!classification || a.classification === classification),
    );
    return c.json({ assets: matching }, 200);
  });

  app.openapi(getRoute, async (c) => {
    authorize(c, "read", "assets");
    const asset = await existingAsset(c, c.var.db, c.req.valid("param").id);
    authorize(c, "read", "assets", assetResource(asset));
    return c.json({ asset }, 200);
  });

  app.openapi(createAssetRoute, async (c) => {
    authorize(c, "create", "assets");
    const { id, ...fields } = c.req.valid("json");
    const ws = c.var.workspace;
    const asset = await withNewId(() =>
      c.var.db.transaction(async (tx) => {
        if (id !== undefined && (await findAsset(tx, ws, id))) {
          throw new HttpProblem(409, `${id} already exists in the asset inventory; choose another id, or change ${id}`, { errors: [{ path: "id", message: `${id} is taken` }] });
        }
        const values = { ...(await registerValues(tx, ws, fields)), ...(id === undefined ? {} : { id }) };
        const added = await addEntry(tx, ws, register, values, { actor: c.var.actor, idPrefix });
        // Read back: the register's defaults (in scope, no attributes) are the database's.
        return existingAsset(c, tx, String(added.id));
      }),
    );
    return c.json({ asset }, 201);
  });

  app.openapi(editRoute, async (c) => {
    const { id } = c.req.valid("param");
    const changes = c.req.valid("json");
    const ws = c.var.workspace;
    authorizeSomeChange(c, "assets");
    const asset = await c.var.db.transaction(async (tx) => {
      authorize(c, "update", "assets", assetResource(await existingAsset(c, tx, id)));
      return editEntry(tx, ws, register, id, await registerValues(tx, ws, changes), { actor: c.var.actor });
    });
    return c.json({ asset: assetSchema.parse(asset) }, 200);
  });

  app.openapi(removeRoute, async (c) => {
    const { id } = c.req.valid("param");
    authorize(c, "delete", "assets");
    await c.var.db.transaction(async (tx) => {
      authorize(c, "delete", "assets", assetResource(await existingAsset(c, tx, id)));
      await removeEntry(tx, c.var.workspace, register, id, { actor: c.var.actor });
    });
    return c.body(null, 204);
  });
}
