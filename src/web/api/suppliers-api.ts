// What the web app reads from and sends to the suppliers API (A.5.19–A.5.22), as zod schemas in the
// shapes of src/server/routes/supplier-schemas.ts, and the requests the suppliers screen makes.
import { z } from "zod";
import { request, requestNothing } from "./client.js";

export const supplierCriticalities = ["critical", "high", "medium", "low"] as const;

export const certificationSchema = z.object({ name: z.string(), validUntil: z.string().optional(), reportRef: z.string().optional() });
export type Certification = z.infer<typeof certificationSchema>;

export const supplierSchema = z.object({
  id: z.string(),
  name: z.string(),
  service: z.string(),
  dataAccessed: z.string().nullable(),
  criticality: z.string().nullable(),
  location: z.string().nullable(),
  owner: z.string().nullable(),
  contractStart: z.string().nullable(),
  contractEnd: z.string().nullable(),
  dpa: z.boolean(),
  certifications: z.array(certificationSchema),
  lastReview: z.string().nullable(),
  nextReview: z.string().nullable(),
});
export type Supplier = z.infer<typeof supplierSchema>;

export const supplierDueItemSchema = z.object({
  supplierId: z.string(),
  name: z.string(),
  kind: z.enum(["review", "certification", "contract", "dpa"]),
  what: z.string(),
  due: z.string(),
  overdue: z.boolean(),
});
export type SupplierDueItem = z.infer<typeof supplierDueItemSchema>;

export const supplierListSchema = z.object({ asOf: z.string(), suppliers: z.array(supplierSchema), due: z.array(supplierDueItemSchema) });
export type SupplierList = z.infer<typeof supplierListSchema>;

export const supplierDetailSchema = z.object({
  asOf: z.string(),
  supplier: supplierSchema,
  latestReview: z.object({ on: z.string(), result: z.string().nullable(), next: z.string(), by: z.string() }).nullable(),
  due: z.array(supplierDueItemSchema),
});
export type SupplierDetail = z.infer<typeof supplierDetailSchema>;

export const supplierAnswerSchema = z.object({ supplier: supplierSchema });
export const certificationAnswerSchema = z.object({ supplier: supplierSchema, certification: certificationSchema, renewed: z.boolean() });
export const reviewAnswerSchema = z.object({ supplier: supplierSchema, review: z.object({ on: z.string(), result: z.string().nullable(), next: z.string() }) });

/** The fields a supplier is added or changed with; null clears one. */
export interface SupplierFields {
  name?: string;
  service?: string;
  dataAccessed?: string | null;
  criticality?: string | null;
  location?: string | null;
  owner?: string | null;
  contractStart?: string | null;
  contractEnd?: string | null;
  dpa?: boolean;
  nextReview?: string | null;
}

const base = (ws: string) => `/api/w/${encodeURIComponent(ws)}/suppliers`;
const one = (ws: string, id: string) => `${base(ws)}/${encodeURIComponent(id)}`;

export const fetchSuppliers = (ws: string) => request("GET", base(ws), supplierListSchema);
export const fetchSupplier = (ws: string, id: string) => request("GET", one(ws, id), supplierDetailSchema);
export const addSupplier = (ws: string, fields: SupplierFields & { name: string; service: string }) => request("POST", base(ws), supplierAnswerSchema, fields);
export const changeSupplier = (ws: string, id: string, changes: SupplierFields) => request("PATCH", one(ws, id), supplierAnswerSchema, changes);
export const removeSupplier = (ws: string, id: string) => requestNothing("DELETE", one(ws, id));
export const fileCertification = (ws: string, id: string, input: { name: string; validUntil?: string; reportRef?: string }) =>
  request("POST", `${one(ws, id)}/certifications`, certificationAnswerSchema, input);
export const withdrawCertification = (ws: string, id: string, name: string) => request("DELETE", `${one(ws, id)}/certifications/${encodeURIComponent(name)}`, supplierAnswerSchema);
export const recordSupplierReview = (ws: string, id: string, input: { result: string; on?: string; next?: string }) => request("POST", `${one(ws, id)}/reviews`, reviewAnswerSchema, input);
