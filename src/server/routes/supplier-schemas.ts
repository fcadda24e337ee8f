// The shapes of the suppliers API (A.5.19–A.5.22): the supplier register with its certifications, one
// supplier with its latest review, and what falls due (reviews, certifications, contracts, DPAs).
import { z } from "@hono/zod-openapi";
import { supplierCriticalities, type SupplierDueItem } from "../../app/suppliers.js";
import type { Resource } from "../../domain/access/permissions.js";
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

/** The supplier controls of Annex A: an auditor sees suppliers when their audit covers one of them. */
const supplierControls = ["5.19", "5.20", "5.21", "5.22"];
/** What authorize() needs of a supplier: its id, its owner, the controls it is about (an auditor's scope). */
export const supplierResource = (s: Pick<SupplierBody, "id" | "owner">): Resource => ({ id: s.id, owner: s.owner, controlIds: supplierControls });

export const dueBody = (item: SupplierDueItem, asOf: string): z.infer<typeof supplierDueItemSchema> => ({ ...item, overdue: item.due < asOf });

// ---- What the writes take and answer ----------------------------------------------------------

const text = (field: string, max: number) => z.string().trim().min(1, `${field}: write something, or leave it out`).max(max, `${field}: keep it under ${max} characters`);
const isoDay = (field: string) => z.iso.date(`${field}: give a day as YYYY-MM-DD`).openapi({ example: "2026-03-31" });

const supplierFields = {
  name: text("name", 200).openapi({ example: "Stripe" }),
  service: text("service", 500).openapi({ example: "Payments" }),
  dataAccessed: text("dataAccessed", 500).nullable().openapi({ example: "Customer billing details" }),
  criticality: z.enum(supplierCriticalities, `criticality: choose one of ${supplierCriticalities.join(", ")}`).nullable(),
  location: text("location", 200).nullable(),
  owner: text("owner", 200).nullable().openapi({ description: "Who manages the relationship: a person's id or name", example: "P-002" }),
  contractStart: isoDay("contractStart").nullable(),
  contractEnd: isoDay("contractEnd").nullable().openapi({ description: "null for a rolling contract" }),
  dpa: z.boolean("dpa: true or false: is a data processing agreement signed?"),
  lastReview: isoDay("lastReview").nullable().openapi({ description: "To record a review with its result, POST …/reviews" }),
  nextReview: isoDay("nextReview").nullable(),
};

export const newSupplierSchema = z
  .object(supplierFields)
  .partial()
  .required({ name: true, service: true })
  .strict()
  .openapi("NewSupplier");
export type NewSupplierBody = z.infer<typeof newSupplierSchema>;

export const supplierChangesSchema = z
  .object(supplierFields)
  .partial()
  .strict()
  .refine((changes) => Object.keys(changes).length > 0, "give at least one field to change")
  .openapi("SupplierChanges");

export const certificationInput = z
  .object({
    name: text("name", 100).openapi({ example: "ISO/IEC 27001" }),
    validUntil: isoDay("validUntil").optional().openapi({ description: "The last day it is valid" }),
    reportRef: text("reportRef", 500).optional().openapi({ description: "Where the certificate or report is kept", example: "AWS Artifact" }),
  })
  .strict()
  .openapi("SupplierCertificationInput");

export const reviewInput = z
  .object({
    result: text("result", 2000).openapi({ description: "What the review found", example: "Satisfactory; SOC 2 report read, no exceptions" }),
    on: isoDay("on").optional().openapi({ description: "The day of the review (default: today)" }),
    next: isoDay("next").optional().openapi({ description: "The next review (default: 12 months later for critical and high suppliers, else 24)" }),
  })
  .strict()
  .openapi("SupplierReviewInput");

export const certificationParam = supplierIdParam.extend({ name: z.string().min(1).max(100).openapi({ example: "ISO/IEC 27001" }) });

export const supplierAnswerSchema = z.object({ supplier: supplierSchema });
export const certificationAnswerSchema = z.object({
  supplier: supplierSchema,
  certification: certificationSchema,
  renewed: z.boolean().openapi({ description: "One of the same name was on file and is replaced" }),
});
export const reviewAnswerSchema = z.object({
  supplier: supplierSchema,
  review: z.object({ on: day, result: z.string().nullable(), next: day }).openapi("SupplierReview"),
});
