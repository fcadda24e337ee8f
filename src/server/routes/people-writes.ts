// The people register's writes over HTTP (5.3, 7.2; A.6.1 to A.6.5): adding a joiner, changing a person
// (a leaving day marks a leaver), and removing a person added by mistake — refused while they own anything.
import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import { addEntry, editEntry, getEntry, removeEntry, type Entry } from "../../app/entries.js";
import { ownershipsOf } from "../../app/joiners-leavers.js";
import { IsmsError } from "../../domain/errors.js";
import type { AppEnv } from "../env.js";
import { authorize } from "../middleware/authorize.js";
import { HttpProblem, problemResponses } from "../problem.js";
import { body, json, withNewId, workspaceParam } from "./route-parts.js";
import { newPersonSchema, personAnswerSchema, personChangesSchema, personIdParam, storedPersonSchema, type StoredPersonBody } from "./person-schemas.js";

const tags = ["people"];

const addRoute = createRoute({
  method: "post",
  path: "/api/w/{workspace}/people",
  tags,
  summary: "Add a person (a joiner) with their job, start day and ISMS roles; the next P-nnn id is theirs",
  request: { params: workspaceParam, ...body(newPersonSchema) },
  responses: { 201: json(personAnswerSchema, "The person, added"), ...problemResponses(400, 401, 403, 404) },
});

const editRoute = createRoute({
  method: "patch",
  path: "/api/w/{workspace}/people/{id}",
  tags,
  summary: "Change a person: the fields given replace theirs, null clears one; a leaving day makes them a leaver",
  request: { params: personIdParam, ...body(personChangesSchema) },
  responses: { 200: json(personAnswerSchema, "The person, changed"), ...problemResponses(400, 401, 403, 404) },
});

const removeRoute = createRoute({
  method: "delete",
  path: "/api/w/{workspace}/people/{id}",
  tags,
  summary: "Remove a person entered by mistake; someone who owns or owned anything leaves instead (give a leaving day)",
  request: { params: personIdParam },
  responses: { 204: { description: "The person, removed" }, ...problemResponses(401, 403, 404, 409) },
});

const personBody = (entry: Entry): StoredPersonBody => storedPersonSchema.parse(entry);

export function registerPeopleWriteRoutes(app: OpenAPIHono<AppEnv>): void {
  app.openapi(addRoute, async (c) => {
    authorize(c, "create", "people");
    const fields = c.req.valid("json");
    const person = await withNewId(() =>
      c.var.db.transaction(async (tx) => {
        const added = await addEntry(tx, c.var.workspace, "people", fields, { actor: c.var.actor, idPrefix: "P" });
        // Read back: the stored row has every column, the fields not given as null.
        return getEntry(tx, c.var.workspace, "people", String(added.id));
      }),
    );
    return c.json({ person: personBody(person) }, 201);
  });

  app.openapi(editRoute, async (c) => {
    const { id } = c.req.valid("param");
    const changes = c.req.valid("json");
    const person = await c.var.db.transaction(async (tx) => {
      authorize(c, "update", "people", { id });
      const before = personBody(await getEntry(tx, c.var.workspace, "people", id));
      const startDate = changes.startDate === undefined ? before.startDate : changes.startDate;
      const endDate = changes.endDate === undefined ? before.endDate : changes.endDate;
      if (startDate && endDate && endDate < startDate) {
        throw new HttpProblem(400, `${id} would leave before starting`, { errors: [{ path: "endDate", message: `${endDate} is before the start date ${startDate}; a person leaves after they start` }] });
      }
      await editEntry(tx, c.var.workspace, "people", id, changes, { actor: c.var.actor });
      return getEntry(tx, c.var.workspace, "people", id);
    });
    return c.json({ person: personBody(person) }, 200);
  });

  app.openapi(removeRoute, async (c) => {
    const { id } = c.req.valid("param");
    const ws = c.var.workspace;
    await c.var.db.transaction(async (tx) => {
      authorize(c, "delete", "people", { id });
      const person = personBody(await getEntry(tx, ws, "people", id));
      const owns = (await ownershipsOf(tx, ws, [id])).get(id) ?? [];
      const instead = `give ${id} a leaving day instead (PATCH with endDate), and reassign what they own`;
      if (owns.length > 0) {
        const shown = owns.slice(0, 5).map((o) => `${o.id} (${o.register.replaceAll("_", " ")}${o.as === "approver" ? ", as approver" : ""})`);
        throw new HttpProblem(409, `${id} ${person.name} owns ${owns.length} open item${owns.length === 1 ? "" : "s"}: ${shown.join(", ")}${owns.length > 5 ? ", …" : ""}; ${instead}`);
      }
      try {
        await removeEntry(tx, ws, "people", id, { actor: c.var.actor });
      } catch (error) {
        // Closed risks, finished actions or training records still name them: the record of who did what stays.
        if (error instanceof IsmsError && /refer to it/.test(error.message)) throw new HttpProblem(409, `${id} ${person.name} is named in the ISMS's records (training, closed items or history); ${instead}`);
        throw error;
      }
    });
    return c.body(null, 204);
  });
}
