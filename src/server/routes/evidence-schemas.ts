// The shapes of the evidence API (7.5.3, 9.1; A.5.28): evidence records and their metadata, the
// auditor's evidence requests, and the bodies that raise and answer a request.
import { z } from "@hono/zod-openapi";
import type { EvidenceRequest } from "../../app/evidence-requests.js";
import type { EvidenceRecord } from "../../evidence/records.js";
import { instant } from "./route-parts.js";

const text = z.string().trim().min(1, "write something");

export const evidenceIdParam = z.object({
  workspace: z.string().openapi({ description: "The workspace's slug", example: "acme" }),
  id: z.string().min(1).max(64).openapi({ description: "An evidence record's id", example: "E-012" }),
});

export const requestIdParam = z.object({
  workspace: z.string().openapi({ description: "The workspace's slug", example: "acme" }),
  id: z.string().min(1).max(64).openapi({ description: "An evidence request's id", example: "REQ-004" }),
});

export const evidenceListQuery = z.object({
  control: text.optional().openapi({ description: "Only evidence for this control", example: "A.8.13" }),
  kind: text.optional().openapi({ description: "Only this kind: upload, aws-snapshot, check-result…", example: "upload" }),
  since: z.iso.date("write the day as YYYY-MM-DD").optional().openapi({ description: "Only evidence collected on or after this day", example: "2026-01-01" }),
});

export const evidenceSchema = z
  .object({
    id: z.string(),
    kind: z.string(),
    title: z.string().nullable(),
    controlIds: z.array(z.string()),
    collectedAt: instant,
    periodStart: z.string().nullable(),
    periodEnd: z.string().nullable(),
    source: z.record(z.string(), z.unknown()).openapi({ description: "Where it came from: kind, account, region, service, operation, uploader, mediaType" }),
    sha256: z.string(),
  })
  .openapi("Evidence");

export const evidenceListSchema = z.object({ evidence: z.array(evidenceSchema), total: z.number().int() });

export const evidenceRequestSchema = z
  .object({
    id: z.string(),
    sampleId: z.string().nullable(),
    topic: z.string(),
    question: z.string(),
    item: z.string(),
    controlIds: z.array(z.string()),
    status: z.string().openapi({ description: "open, provided or accepted" }),
    evidenceIds: z.array(z.string()),
    records: z.array(z.object({ register: z.string(), id: z.string() })),
    note: z.string().nullable(),
    requestedOn: z.string(),
    providedOn: z.string().nullable(),
    providedBy: z.string().nullable(),
  })
  .openapi("EvidenceRequest");

export const requestListQuery = z.object({ open: z.enum(["true", "false"]).optional().openapi({ description: "true: only the requests still open" }) });
export const requestListSchema = z.object({ requests: z.array(evidenceRequestSchema) });

export const raiseRequestSchema = z
  .object({
    topic: text.max(200).openapi({ example: "access-reviews" }),
    question: text.max(4000).openapi({ example: "Show the last quarterly access review of the production account" }),
    item: text.max(1000).openapi({ example: "Q1 2026 access review" }),
    controls: z.array(text).max(93).default([]).openapi({ description: "Annex A ids (A.5.18) or own controls", example: ["A.5.18"] }),
  })
  .strict();

export const provideSchema = z
  .object({
    evidenceIds: z.array(text).min(1, "name at least one evidence record (E-012)").max(500),
    by: text.optional().openapi({ description: "Who provides it: a person's id, name or email; default the account's person" }),
    note: text.max(4000).optional(),
  })
  .strict();

export function evidenceBody(record: EvidenceRecord): z.infer<typeof evidenceSchema> {
  return {
    id: record.id,
    kind: record.kind,
    title: record.title,
    controlIds: record.controlIds,
    collectedAt: record.collectedAt.toISOString(),
    periodStart: record.periodStart,
    periodEnd: record.periodEnd,
    source: { ...record.source },
    sha256: record.sha256,
  };
}

export const requestBody = (request: EvidenceRequest): z.infer<typeof evidenceRequestSchema> => ({ ...request });
