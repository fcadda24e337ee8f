// The bodies of the audit writes (9.2, 10.2): starting and completing an audit, raising a finding, and a
// corrective action's creation, closure with evidence and effectiveness review.
import { z } from "@hono/zod-openapi";
import { auditKinds, checklistResults, findingKinds, parseRequirement } from "../../domain/audit/audit.js";
import { auditSchema, checklistItemSchema, correctiveActionSchema, findingSchema } from "./audit-schemas.js";

const date = (what: string) => z.iso.date(`write ${what} as YYYY-MM-DD`);
const text = (max: number) => z.string().trim().min(1, "is empty").max(max);
const refs = z.array(text(200)).max(50);
const id = z.string().trim().min(1, "is empty").max(64);

export const actionIdParam = z.object({ workspace: z.string().openapi({ description: "The workspace's slug", example: "acme" }), id: id.openapi({ example: "CA-001" }) });

export const startInput = z.strictObject({ on: date("the day it started").optional().openapi({ description: "Default today", example: "2027-03-01" }) }).openapi("AuditStart");

export const completeInput = z
  .strictObject({
    on: date("the day it ended").optional().openapi({ description: "Default today", example: "2027-03-05" }),
    reportRef: text(200).optional().openapi({ description: "Where the audit report is (a document id, a link)", example: "DOC-031" }),
  })
  .openapi("AuditCompletion");

export const findingInput = z
  .strictObject({
    auditId: id.openapi({ example: "AUD-001" }),
    kind: z.enum(findingKinds, `use one of ${findingKinds.join(", ")}`),
    requirement: z
      .string()
      .trim()
      .min(1, "is empty")
      .max(40)
      .superRefine((value, ctx) => {
        const parsed = parseRequirement(value);
        if ("problem" in parsed) ctx.addIssue({ code: "custom", message: parsed.problem });
      })
      .openapi({ description: 'A clause ("9.2", "clause 5.2") or an Annex A control ("A.5.15")', example: "A.5.18" }),
    description: text(4000).openapi({ example: "Two leavers kept their VPN access for 40 days" }),
    evidenceRefs: refs.optional().openapi({ example: ["E-042"] }),
    raisedOn: date("the day it was raised").optional().openapi({ description: "Default today" }),
    dueDate: date("the due date").optional().openapi({ description: "Default: 90 days for a minor nonconformity of the certification body, else none" }),
  })
  .openapi("FindingInput");

export const actionInput = z
  .strictObject({
    findingId: id.openapi({ example: "F-001" }),
    correction: text(4000).optional().openapi({ description: "What was done at once (10.2 a); required for a nonconformity" }),
    rootCause: text(4000).optional().openapi({ description: "Why it happened (10.2 b); required for a nonconformity" }),
    action: text(4000).openapi({ description: "What removes the cause (10.2 c)" }),
    owner: text(200).openapi({ description: "A person's id or name", example: "P-001" }),
    dueDate: date("the due date").openapi({ example: "2027-04-30" }),
  })
  .openapi("CorrectiveActionInput");

export const closeInput = z
  .strictObject({
    evidenceRefs: refs.min(1, "name what shows it was done: evidence ids, documents or tickets").openapi({ example: ["E-042", "JIRA-7"] }),
    on: date("the day it was closed").optional().openapi({ description: "Default today" }),
  })
  .openapi("CorrectiveActionClosure");

export const reviewInput = z
  .strictObject({
    effective: z.boolean("say whether it worked: true or false"),
    note: text(4000).openapi({ description: "What the review looked at" }),
    by: text(200).optional().openapi({ description: "Who reviewed it, a person's id or name; default the signed-in account's person" }),
    on: date("the day of the review").optional().openapi({ description: "Default today" }),
  })
  .openapi("EffectivenessReview");

export const planInput = z
  .strictObject({
    title: text(200).openapi({ example: "Access control, spring 2027" }),
    kind: z.enum(auditKinds, `use one of ${auditKinds.join(", ")}`).optional().openapi({ description: "Default internal" }),
    scope: text(4000).optional(),
    criteria: text(4000).optional(),
    auditor: text(200).optional().openapi({ description: "The auditor's name, or a person's id or name in the register", example: "Ivy Independent" }),
    plannedStart: date("the planned start").optional(),
    plannedEnd: date("the planned end").optional(),
    clauses: z.array(z.string()).max(60).optional().openapi({ description: "Clauses of ISO/IEC 27001 it covers", example: ["9.2"] }),
    controls: z.array(z.string()).max(93).optional().openapi({ description: "Annex A controls it covers", example: ["5.18"] }),
    overrideIndependence: text(1000).optional().openapi({ description: "Why the auditor stays although they own something the audit covers; kept in the audit log" }),
  })
  .openapi("AuditPlan");

const checkResults = checklistResults.filter((r) => r !== "not_checked");
export const checkInput = z
  .strictObject({
    requirement: text(40).openapi({ description: "The checklist line: a clause or a control", example: "A.5.18" }),
    sampled: text(4000).openapi({ example: "10 leavers of the last quarter" }),
    observed: text(4000).openapi({ example: "All accounts disabled within a day" }),
    result: z.enum(checkResults, `use one of ${checkResults.join(", ")}`),
    evidenceRefs: refs.optional(),
  })
  .openapi("ChecklistCheck");

export const planAnswerSchema = z.object({ audit: auditSchema, independence: z.object({ conflicts: z.array(z.string()), overridden: z.string().nullable() }) });
export const checkAnswerSchema = z.object({ check: checklistItemSchema });
export const checklistAnswerSchema = z.object({ added: z.number().int(), checklist: z.array(checklistItemSchema) });
export const auditAnswerSchema = z.object({ audit: auditSchema });
export const findingAnswerSchema = z.object({ finding: findingSchema });
export const actionAnswerSchema = z.object({ action: correctiveActionSchema });
