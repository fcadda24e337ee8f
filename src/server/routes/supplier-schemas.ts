// The shapes of the suppliers API (A.5.19–A.5.22): the supplier register with its certifications, one
// supplier with its latest review, and what falls due (reviews, certifications, contracts, DPAs).
import { z } from "@hono/zod-openapi";
import type { SupplierDueItem } from "../../app/suppliers.js";
import { day } from "./route-parts.js";

const id = z.string().min(1).max(64);
export const supplierIdParam = z.object({ workspace: z.string().openapi({ description: "The workspace's slug", example: "acme" }), id: id.openapi({ example: "SUP-001" }) });

export const certificationSchema = z.object({ name: z.string(), validUntil: day.optional(), reportRef: z.string().optional() }).openapi("SupplierCertification");

/** A supplier as the register holds it; also parses the register's rows (dates as YYYY-MM-DD). */
export const supplierSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    service: z.string(),
    dataAccessed: z.string().nullable(),
    criticality: z.string().nullable(),
    location: z.string().nullable(),
    owner: z.string().nullable(),
    contractStart: day.nullable(),
    contractEnd: day.nullable(),
    dpa: z.boolean(),
    certifications: z.array(certificationSchema),
    lastReview: day.nullable(),
    nextReview: day.nullable(),
  })
  .openapi("Supplier");
export type SupplierBody = z.infer<typeof supplierSchema>;

export const supplierDueItemSchema = z
  .object({ supplierId: z.string(), name: z.string(), kind: z.enum(["review", "certification", "contract", "dpa"]), what: z.string(), due: day, overdue: z.boolean() })
  .openapi("SupplierDueItem");

export const supplierListSchema = z.object({ asOf: day, suppliers: z.array(supplierSchema), due: z.array(supplierDueItemSchema) });
export const supplierDetailSchema = z.object({
  asOf: day,
  supplier: supplierSchema,
  latestReview: z.object({ on: day, result: z.string().nullable(), next: day, by: z.string() }).nullable(),
  due: z.array(supplierDueItemSchema),
});

export const dueBody = (item: SupplierDueItem, asOf: string): z.infer<typeof supplierDueItemSchema> => ({ ...item, overdue: item.due < asOf });
