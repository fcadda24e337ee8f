// The shapes of the audits API (9.2, 10.2): audits, an audit with its checklist and findings, findings,
// and the corrective actions log.
import { z } from "@hono/zod-openapi";
import type { Audit, ChecklistItem, CorrectiveAction, Finding } from "../../app/audits/records.js";
import { instant, isoInstant } from "./route-parts.js";

const id = z.string().min(1).max(64);
export const auditIdParam = z.object({ workspace: z.string().openapi({ description: "The workspace's slug", example: "acme" }), id: id.openapi({ example: "AUD-001" }) });

export const auditSchema = z
  .object({
    id: z.string(),
    kind: z.string(),
    title: z.string(),
    status: z.string(),
    scope: z.string().nullable(),
    auditor: z.string().nullable(),
    criteria: z.string().nullable(),
    clauses: z.array(z.string()),
    controls: z.array(z.string()),
    plannedStart: z.string().nullable(),
    plannedEnd: z.string().nullable(),
    actualStart: z.string().nullable(),
    actualEnd: z.string().nullable(),
    reportRef: z.string().nullable(),
  })
  .openapi("Audit");

export const findingSchema = z
  .object({
    id: z.string(),
    auditId: z.string(),
    kind: z.string(),
    requirement: z.string().nullable(),
    description: z.string(),
    status: z.string(),
    evidenceRefs: z.array(z.string()),
    raisedOn: z.string().nullable(),
    dueDate: z.string().nullable(),
  })
  .openapi("Finding");

export const checklistItemSchema = z.object({ requirement: z.string(), sampled: z.string().nullable(), observed: z.string().nullable(), result: z.string(), evidenceRefs: z.array(z.string()) });

export const correctiveActionSchema = z
  .object({
    id: z.string(),
    findingId: z.string().nullable(),
    description: z.string(),
    correction: z.string().nullable(),
    rootCause: z.string().nullable(),
    owner: z.string().nullable(),
    dueDate: z.string().nullable(),
    status: z.string(),
    closedAt: instant.nullable(),
    closureEvidenceRefs: z.array(z.string()),
    effective: z.boolean().nullable(),
    effectivenessReviewedOn: z.string().nullable(),
  })
  .openapi("CorrectiveAction");

export const auditListSchema = z.object({ audits: z.array(auditSchema) });
export const auditDetailSchema = z.object({ audit: auditSchema, checklist: z.array(checklistItemSchema), findings: z.array(findingSchema) });
export const findingListSchema = z.object({ findings: z.array(findingSchema) });
export const actionListSchema = z.object({ actions: z.array(correctiveActionSchema) });

export const findingListQuery = z.object({
  audit: id.optional().openapi({ description: "Only this audit's findings", example: "AUD-001" }),
  open: z.enum(["true", "false"]).optional().openapi({ description: "true: only findings still open" }),
});
export const actionListQuery = z.object({ finding: id.optional().openapi({ description: "Only the actions of this finding", example: "F-001" }) });

export function auditBody(a: Audit): z.infer<typeof auditSchema> {
  return {
    id: a.id,
    kind: a.kind,
    title: a.title,
    status: a.status,
    scope: a.scope,
    auditor: a.auditor,
    criteria: a.criteria,
    clauses: a.clauses,
    controls: a.controls,
    plannedStart: a.plannedStart,
    plannedEnd: a.plannedEnd,
    actualStart: a.actualStart,
    actualEnd: a.actualEnd,
    reportRef: a.reportRef,
  };
}

export function findingBody(f: Finding): z.infer<typeof findingSchema> {
  return { id: f.id, auditId: f.auditId, kind: f.kind, requirement: f.requirement, description: f.description, status: f.status, evidenceRefs: f.evidenceRefs, raisedOn: f.raisedOn, dueDate: f.dueDate };
}

export const checklistItemBody = (i: ChecklistItem): z.infer<typeof checklistItemSchema> => ({ requirement: i.requirement, sampled: i.sampled, observed: i.observed, result: i.result, evidenceRefs: i.evidenceRefs });

export function actionBody(a: CorrectiveAction): z.infer<typeof correctiveActionSchema> {
  return {
    id: a.id,
    findingId: a.findingId,
    description: a.description,
    correction: a.correction,
    rootCause: a.rootCause,
    owner: a.owner,
    dueDate: a.dueDate,
    status: a.status,
    closedAt: isoInstant(a.closedAt),
    closureEvidenceRefs: a.closureEvidenceRefs,
    effective: a.effective,
    effectivenessReviewedOn: a.effectivenessReviewedOn,
  };
}
