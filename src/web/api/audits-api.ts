// The audit writes as the web app calls them (9.2, 10.2): plan, start and complete an audit and record its
// checklist lines, raise a finding, close a corrective action and review whether it worked. Answers and the
// word lists restate the server's (src/domain/audit/audit.ts would bring the whole catalogue into the bundle).
import { z } from "zod";
import { request } from "./client.js";
import { auditSchema, checklistItemSchema, correctiveActionSchema, findingSchema } from "./schemas.js";

export const auditAnswerSchema = z.object({ audit: auditSchema });
export const planAnswerSchema = z.object({ audit: auditSchema, independence: z.object({ conflicts: z.array(z.string()), overridden: z.string().nullable() }) });
export const checkAnswerSchema = z.object({ check: checklistItemSchema });
export const checklistAnswerSchema = z.object({ added: z.number(), checklist: z.array(checklistItemSchema) });

export const auditKinds = ["internal", "stage1", "stage2", "surveillance", "recertification"] as const;
/** The verdicts a recorded line may take (a line starts as "not checked"). */
export const checkResults = ["conforming", "nonconforming", "observation"] as const;

export interface PlanInput {
  title: string;
  kind: (typeof auditKinds)[number];
  auditor?: string;
  plannedStart?: string;
  plannedEnd?: string;
  clauses?: string[];
  controls?: string[];
  scope?: string;
  criteria?: string;
}

export interface CheckInput {
  requirement: string;
  sampled: string;
  observed: string;
  result: (typeof checkResults)[number];
  evidenceRefs?: string[];
}
export const findingAnswerSchema = z.object({ finding: findingSchema });
export const actionAnswerSchema = z.object({ action: correctiveActionSchema });

export const findingKinds = ["major_nonconformity", "minor_nonconformity", "observation", "opportunity"] as const;

export interface FindingInput {
  auditId: string;
  kind: (typeof findingKinds)[number];
  requirement: string;
  description: string;
  evidenceRefs?: string[];
}

export interface ReviewInput {
  effective: boolean;
  note: string;
  by?: string;
}

const ws = (workspace: string) => `/api/w/${encodeURIComponent(workspace)}`;

export const planAudit = (workspace: string, input: PlanInput) => request("POST", `${ws(workspace)}/audits`, planAnswerSchema, input);

export const createChecklist = (workspace: string, id: string) => request("POST", `${ws(workspace)}/audits/${encodeURIComponent(id)}/checklist`, checklistAnswerSchema);

export const recordCheck = (workspace: string, id: string, input: CheckInput) => request("POST", `${ws(workspace)}/audits/${encodeURIComponent(id)}/checks`, checkAnswerSchema, input);

export const startAudit = (workspace: string, id: string) => request("POST", `${ws(workspace)}/audits/${encodeURIComponent(id)}/start`, auditAnswerSchema, {});

export const completeAudit = (workspace: string, id: string, input: { reportRef?: string }) =>
  request("POST", `${ws(workspace)}/audits/${encodeURIComponent(id)}/complete`, auditAnswerSchema, input);

export const raiseFinding = (workspace: string, input: FindingInput) => request("POST", `${ws(workspace)}/findings`, findingAnswerSchema, input);

export const closeCorrectiveAction = (workspace: string, id: string, input: { evidenceRefs: string[] }) =>
  request("POST", `${ws(workspace)}/corrective-actions/${encodeURIComponent(id)}/close`, actionAnswerSchema, input);

export const reviewCorrectiveAction = (workspace: string, id: string, input: ReviewInput) =>
  request("POST", `${ws(workspace)}/corrective-actions/${encodeURIComponent(id)}/review`, actionAnswerSchema, input);

export interface ActionInput {
  findingId: string;
  correction?: string;
  rootCause?: string;
  action: string;
  owner: string;
  dueDate: string;
}

export const addCorrectiveAction = (workspace: string, input: ActionInput) => request("POST", `${ws(workspace)}/corrective-actions`, actionAnswerSchema, input);
