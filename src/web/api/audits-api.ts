// The audit writes as the web app calls them (9.2, 10.2): start and complete an audit, raise a finding,
// close a corrective action and review whether it worked. Answers restate the server's shapes.
import { z } from "zod";
import { request } from "./client.js";
import { auditSchema, correctiveActionSchema, findingSchema } from "./schemas.js";

export const auditAnswerSchema = z.object({ audit: auditSchema });
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
