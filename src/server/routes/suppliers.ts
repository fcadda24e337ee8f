// Suppliers over HTTP (A.5.19–A.5.22): the supplier register with certifications and what falls due
// within 90 days, and one supplier with its latest security review; the writes are in supplier-writes.ts.
import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import { findSupplier, latestSupplierReview, listSuppliers, supplierDueItems } from "../../app/suppliers.js";
import { isoDay } from "../../domain/risk/calendar.js";
import type { AppEnv } from "../env.js";
import { authorize } from "../middleware/authorize.js";
import { problemResponses } from "../problem.js";
import { json, visibleTo, workspaceParam } from "./route-parts.js";
import { dueBody, supplierDetailSchema, supplierIdParam, supplierListSchema, supplierResource, supplierSchema } from "./supplier-schemas.js";
import { registerSupplierWrites } from "./supplier-writes.js";

const tags = ["suppliers"];
/** How far ahead "due" looks: a quarter, long enough to renew a certificate or a contract. */
const dueWithinDays = 90;

const listRoute = createRoute({
  method: "get",
  path: "/api/w/{workspace}/suppliers",
  tags,
  summary: "The supplier register with certifications, and what falls due within 90 days or is overdue",
  request: { params: workspaceParam },
  responses: { 200: json(supplierListSchema, "The suppliers, by id, and their due items, by day"), ...problemResponses(401, 403, 404) },
});

const getRoute = createRoute({
  method: "get",
  path: "/api/w/{workspace}/suppliers/{id}",
  tags,
  summary: "One supplier (by id or name) with its latest security review and what falls due",
  request: { params: supplierIdParam },
  responses: { 200: json(supplierDetailSchema, "The supplier"), ...problemResponses(400, 401, 403, 404) },
});

export function registerSupplierRoutes(app: OpenAPIHono<AppEnv>): void {
  app.openapi(listRoute, async (c) => {
    const decision = authorize(c, "read", "suppliers");
    const ws = c.var.workspace;
    const asOf = isoDay(new Date());
    const [rows, due] = await Promise.all([listSuppliers(c.var.db, ws), supplierDueItems(c.var.db, ws, asOf, dueWithinDays)]);
    const suppliers = visibleTo(c, decision, "suppliers", rows.map((row) => supplierSchema.parse(row)), supplierResource);
    const shown = new Set(suppliers.map((s) => s.id));
    return c.json({ asOf, suppliers, due: due.filter((item) => shown.has(item.supplierId)).map((item) => dueBody(item, asOf)) }, 200);
  });

  app.openapi(getRoute, async (c) => {
    authorize(c, "read", "suppliers");
    const ws = c.var.workspace;
    const asOf = isoDay(new Date());
    const supplier = supplierSchema.parse(await findSupplier(c.var.db, ws, c.req.valid("param").id));
    authorize(c, "read", "suppliers", supplierResource(supplier));
    const [review, due] = await Promise.all([latestSupplierReview(c.var.db, ws, supplier.id), supplierDueItems(c.var.db, ws, asOf, dueWithinDays)]);
    const latestReview = review ? { on: review.on, result: review.result, next: review.next, by: review.by } : null;
    return c.json({ asOf, supplier, latestReview, due: due.filter((item) => item.supplierId === supplier.id).map((item) => dueBody(item, asOf)) }, 200);
  });

  registerSupplierWrites(app);
}
