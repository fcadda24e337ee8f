// Changing the supplier register over HTTP (A.5.19–A.5.22): add, change and remove suppliers, file and
// withdraw certifications, record security reviews — through the services the CLI calls, logged as the account.
import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import type { Context } from "hono";
import { addEntry, editEntry, removeEntry, type Entry } from "../../app/entries.js";
import { loadPersonDirectory } from "../../app/people.js";
import { addCertification, findSupplier, recordSupplierReview, removeCertification, sameCertification, type SupplierFieldNames } from "../../app/suppliers.js";
import type { Workspace } from "../../app/workspaces.js";
import { isoDay } from "../../domain/risk/calendar.js";
import type { Tx } from "../../store/open.js";
import type { AppEnv } from "../env.js";
import { authorize } from "../middleware/authorize.js";
import { HttpProblem, problemResponses } from "../problem.js";
import { authorizeSomeChange, body, json, withNewId, workspaceParam } from "./route-parts.js";
import {
  certificationAnswerSchema,
  certificationInput,
  certificationParam,
  newSupplierSchema,
  reviewAnswerSchema,
  reviewInput,
  supplierAnswerSchema,
  supplierChangesSchema,
  supplierIdParam,
  supplierResource,
  supplierSchema,
} from "./supplier-schemas.js";

const tags = ["suppliers"];
/** The body's fields, named in the services' errors instead of the CLI's flags. */
const bodyFields: SupplierFieldNames = { validUntil: "validUntil", on: "on", next: "next" };

const createSupplierRoute = createRoute({
  method: "post",
  path: "/api/w/{workspace}/suppliers",
  tags,
  summary: "Add a supplier to the register; its id (SUP-00n) is the next free one",
  request: { params: workspaceParam, ...body(newSupplierSchema) },
  responses: { 201: json(supplierAnswerSchema, "The supplier as added"), ...problemResponses(400, 401, 403, 404, 409) },
});

const editRoute = createRoute({
  method: "patch",
  path: "/api/w/{workspace}/suppliers/{id}",
  tags,
  summary: "Change a supplier's fields; only those given change (null clears one)",
  request: { params: supplierIdParam, ...body(supplierChangesSchema) },
  responses: { 200: json(supplierAnswerSchema, "The supplier as changed"), ...problemResponses(400, 401, 403, 404) },
});

const removeRoute = createRoute({
  method: "delete",
  path: "/api/w/{workspace}/suppliers/{id}",
  tags,
  summary: "Remove a supplier from the register; the audit log keeps what it was",
  request: { params: supplierIdParam },
  responses: { 204: { description: "Removed" }, ...problemResponses(400, 401, 403, 404) },
});

const addCertificationRoute = createRoute({
  method: "post",
  path: "/api/w/{workspace}/suppliers/{id}/certifications",
  tags,
  summary: "File a certification for a supplier (A.5.22); one of the same name on file is replaced, as a renewal",
  request: { params: supplierIdParam, ...body(certificationInput) },
  responses: {
    200: json(certificationAnswerSchema, "A certification of that name was on file and is renewed"),
    201: json(certificationAnswerSchema, "The certification, filed"),
    ...problemResponses(400, 401, 403, 404),
  },
});

const removeCertificationRoute = createRoute({
  method: "delete",
  path: "/api/w/{workspace}/suppliers/{id}/certifications/{name}",
  tags,
  summary: "Take a certification off file (its name as filed, URL-encoded: ISO%2FIEC%2027001)",
  request: { params: certificationParam },
  responses: { 200: json(supplierAnswerSchema, "The supplier with the certifications left"), ...problemResponses(400, 401, 403, 404) },
});

const reviewRoute = createRoute({
  method: "post",
  path: "/api/w/{workspace}/suppliers/{id}/reviews",
  tags,
  summary: "Record a security review of a supplier (A.5.22): its result, the day, and when the next is due",
  request: { params: supplierIdParam, ...body(reviewInput) },
  responses: { 201: json(reviewAnswerSchema, "The review, recorded; the supplier's last and next review follow it"), ...problemResponses(400, 401, 403, 404) },
});

/** The body's owner (an id or a name) as the person id the register keeps. */
async function withOwnerId<T extends { owner?: string | null | undefined }>(tx: Tx, ws: Workspace, fields: T): Promise<Entry> {
  const { owner, ...rest } = fields;
  if (owner === undefined || owner === null) return owner === undefined ? rest : { ...rest, owner: null };
  return { ...rest, owner: (await loadPersonDirectory(tx, ws)).get(owner, "owner") };
}

/** The supplier found by id or name, once the principal may change it. */
async function supplierToChange(c: Context<AppEnv>, tx: Tx, idOrName: string, action: "update" | "delete") {
  const supplier = supplierSchema.parse(await findSupplier(tx, c.var.workspace, idOrName));
  authorize(c, action, "suppliers", supplierResource(supplier));
  return supplier;
}

const reread = async (tx: Tx, ws: Workspace, id: string) => supplierSchema.parse(await findSupplier(tx, ws, id));

export function registerSupplierWrites(app: OpenAPIHono<AppEnv>): void {
  app.openapi(createSupplierRoute, async (c) => {
    authorize(c, "create", "suppliers");
    const fields = c.req.valid("json");
    const ws = c.var.workspace;
    const supplier = await withNewId(() =>
      c.var.db.transaction(async (tx) => {
        const added = await addEntry(tx, ws, "suppliers", await withOwnerId(tx, ws, fields), { actor: c.var.actor, idPrefix: "SUP" });
        return reread(tx, ws, String(added.id));
      }),
    );
    return c.json({ supplier }, 201);
  });

  app.openapi(editRoute, async (c) => {
    const { id } = c.req.valid("param");
    const changes = c.req.valid("json");
    const ws = c.var.workspace;
    authorizeSomeChange(c, "suppliers");
    const supplier = await c.var.db.transaction(async (tx) => {
      const { id: supplierId } = await supplierToChange(c, tx, id, "update");
      await editEntry(tx, ws, "suppliers", supplierId, await withOwnerId(tx, ws, changes), { actor: c.var.actor });
      return reread(tx, ws, supplierId);
    });
    return c.json({ supplier }, 200);
  });

  app.openapi(removeRoute, async (c) => {
    const { id } = c.req.valid("param");
    authorize(c, "delete", "suppliers");
    await c.var.db.transaction(async (tx) => {
      const supplier = await supplierToChange(c, tx, id, "delete");
      await removeEntry(tx, c.var.workspace, "suppliers", supplier.id, { actor: c.var.actor });
    });
    return c.body(null, 204);
  });

  app.openapi(addCertificationRoute, async (c) => {
    const { id } = c.req.valid("param");
    const input = c.req.valid("json");
    const ws = c.var.workspace;
    authorizeSomeChange(c, "suppliers");
    const filed = await c.var.db.transaction(async (tx) => {
      const supplier = await supplierToChange(c, tx, id, "update");
      return addCertification(tx, ws, supplier.id, input, { actor: c.var.actor, fields: bodyFields });
    });
    return c.json({ supplier: supplierSchema.parse(filed.supplier), certification: filed.certification, renewed: filed.renewed }, filed.renewed ? 200 : 201);
  });

  app.openapi(removeCertificationRoute, async (c) => {
    const { id, name } = c.req.valid("param");
    const ws = c.var.workspace;
    authorizeSomeChange(c, "suppliers");
    const supplier = await c.var.db.transaction(async (tx) => {
      const found = await supplierToChange(c, tx, id, "update");
      if (!found.certifications.some((cert) => sameCertification(cert.name, name))) {
        const onFile = found.certifications.map((cert) => cert.name).join(", ") || "none";
        throw new HttpProblem(404, `${found.id} has no certification "${name}" on file; on file: ${onFile}`);
      }
      return supplierSchema.parse(await removeCertification(tx, ws, found.id, name, { actor: c.var.actor }));
    });
    return c.json({ supplier }, 200);
  });

  app.openapi(reviewRoute, async (c) => {
    const { id } = c.req.valid("param");
    const { result, on, next } = c.req.valid("json");
    const ws = c.var.workspace;
    authorizeSomeChange(c, "suppliers");
    const answer = await c.var.db.transaction(async (tx) => {
      const supplier = await supplierToChange(c, tx, id, "update");
      const review = await recordSupplierReview(tx, ws, supplier.id, { result, on: on ?? isoDay(new Date()), next }, { actor: c.var.actor, fields: bodyFields });
      return { supplier: await reread(tx, ws, supplier.id), review: { on: review.on, result: review.result, next: review.next } };
    });
    return c.json(answer, 201);
  });
}
