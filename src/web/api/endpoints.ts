// The API routes the screens call, one function each, named for what they return or do.
import type { SoaApplicability } from "../../domain/soa/entry.js";
import { request, requestNothing } from "./client.js";
import {
  auditDetailSchema,
  auditListSchema,
  correctiveActionListSchema,
  dashboardSchema,
  documentDetailSchema,
  documentListSchema,
  documentVersionAnswerSchema,
  evidenceListSchema,
  evidenceRequestListSchema,
  evidenceAnswerSchema,
  evidenceRequestAnswerSchema,
  findingListSchema,
  heatmapSchema,
  historySchema,
  meSchema,
  riskAnswerSchema,
  riskDetailSchema,
  riskListSchema,
  sessionSchema,
  setupNeededSchema,
  soaAnswerSchema,
  soaControlSchema,
  soaListSchema,
  treatmentPlanSchema,
} from "./schemas.js";
import {
  calendarSchema,
  personListSchema,
  runListSchema,
  runResultsSchema,
  trainingGapListSchema,
  trainingRecordAnswerSchema,
  type CheckStatus,
} from "./register-schemas.js";

const w = (workspace: string) => `/api/w/${encodeURIComponent(workspace)}`;

export const fetchMe = () => request("GET", "/api/me", meSchema);
export const fetchSetupNeeded = () => request("GET", "/api/setup", setupNeededSchema);
export const completeSetup = (input: { token: string; name: string; email: string; password: string }) => request("POST", "/api/setup", sessionSchema, input);
export const acceptInvitation = (input: { token: string; password: string }) => request("POST", "/api/invitation", sessionSchema, input);
export const signIn = (input: { email: string; password: string }) => request("POST", "/api/session", sessionSchema, input);
export const signOut = () => requestNothing("DELETE", "/api/session");

export const fetchDashboard = (ws: string) => request("GET", `${w(ws)}/dashboard`, dashboardSchema);

export const fetchRisks = (ws: string) => request("GET", `${w(ws)}/risks`, riskListSchema);
export const fetchRisk = (ws: string, id: string) => request("GET", `${w(ws)}/risks/${encodeURIComponent(id)}`, riskDetailSchema);
export const fetchHeatmap = (ws: string, kind: "inherent" | "residual") => request("GET", `${w(ws)}/risks/heatmap?kind=${kind}`, heatmapSchema);
export const fetchTreatmentPlan = (ws: string) => request("GET", `${w(ws)}/risks/treatment-plan`, treatmentPlanSchema);

/** The fields of a risk the side panel changes; scores and bands follow from the ratings on the server. */
export interface RiskChanges {
  likelihood?: number;
  impact?: number;
  impacts?: Record<string, number>;
  residualLikelihood?: number;
  residualImpact?: number;
  owner?: string | null;
  status?: "open" | "treating" | "accepted" | "closed";
  decision?: "treat" | "tolerate" | "transfer" | "terminate" | null;
}
export const changeRisk = (ws: string, id: string, changes: RiskChanges) => request("PATCH", `${w(ws)}/risks/${encodeURIComponent(id)}`, riskAnswerSchema, changes);

export const fetchSoa = (ws: string) => request("GET", `${w(ws)}/soa`, soaListSchema);
export const fetchControl = (ws: string, controlId: string) => request("GET", `${w(ws)}/soa/${encodeURIComponent(controlId)}`, soaControlSchema);
export const soaXlsxHref = (ws: string) => `${w(ws)}/soa.xlsx`;

export interface SoaChanges {
  applicability?: SoaApplicability;
  justification?: string;
}
export const changeControl = (ws: string, controlId: string, changes: SoaChanges) => request("PATCH", `${w(ws)}/soa/${encodeURIComponent(controlId)}`, soaAnswerSchema, changes);

/** The audit log of one entity ("risk:R-001"), oldest first. */
export const fetchHistory = (ws: string, entity: string) => request("GET", `${w(ws)}/history?entity=${encodeURIComponent(entity)}&limit=50`, historySchema);

export const fetchDocuments = (ws: string) => request("GET", `${w(ws)}/documents`, documentListSchema);
export const fetchDocument = (ws: string, id: string) => request("GET", `${w(ws)}/documents/${encodeURIComponent(id)}`, documentDetailSchema);
export const documentExportHref = (ws: string, id: string, format: "pdf" | "docx", version?: string) =>
  `${w(ws)}/documents/${encodeURIComponent(id)}/export?format=${format}${version ? `&version=${encodeURIComponent(version)}` : ""}`;
/** Submit, approve or publish the newest version; `by` names the approver (a person's id, name or email). */
export const moveDocument = (ws: string, id: string, step: "submit" | "approve" | "publish", by?: string) =>
  request("POST", `${w(ws)}/documents/${encodeURIComponent(id)}/${step}`, documentVersionAnswerSchema, by ? { by } : {});

export interface EvidenceFilters {
  control?: string;
  kind?: string;
  /** YYYY-MM-DD */
  since?: string;
}
export function fetchEvidence(ws: string, filters: EvidenceFilters) {
  const query = new URLSearchParams(Object.entries(filters).filter((e): e is [string, string] => typeof e[1] === "string" && e[1] !== ""));
  const search = query.size > 0 ? `?${query.toString()}` : "";
  return request("GET", `${w(ws)}/evidence${search}`, evidenceListSchema);
}
export const fetchOneEvidence = (ws: string, id: string) => request("GET", `${w(ws)}/evidence/${encodeURIComponent(id)}`, evidenceAnswerSchema);
export const evidenceContentHref = (ws: string, id: string) => `${w(ws)}/evidence/${encodeURIComponent(id)}/content`;
export const fetchEvidenceRequests = (ws: string) => request("GET", `${w(ws)}/evidence/requests`, evidenceRequestListSchema);
export const raiseEvidenceRequest = (ws: string, input: { topic: string; question: string; item: string; controls: string[] }) =>
  request("POST", `${w(ws)}/evidence/requests`, evidenceRequestAnswerSchema, input);

export const fetchAudits = (ws: string) => request("GET", `${w(ws)}/audits`, auditListSchema);
/** One audit with its checklist and its findings. */
export const fetchAudit = (ws: string, id: string) => request("GET", `${w(ws)}/audits/${encodeURIComponent(id)}`, auditDetailSchema);
export const fetchFindings = (ws: string) => request("GET", `${w(ws)}/findings`, findingListSchema);
export const fetchCorrectiveActions = (ws: string) => request("GET", `${w(ws)}/corrective-actions`, correctiveActionListSchema);

export const fetchPeople = (ws: string, withinDays: number) => request("GET", `${w(ws)}/people?within=${withinDays}`, personListSchema);
export const fetchTrainingOverdue = (ws: string, withinDays: number) => request("GET", `${w(ws)}/training/overdue?within=${withinDays}`, trainingGapListSchema);
/** Records that a person (id, name or email) completed a course (id or title) on a day (YYYY-MM-DD). */
export const recordTrainingCompletion = (ws: string, input: { person: string; course: string; completedOn: string }) =>
  request("POST", `${w(ws)}/training/records`, trainingRecordAnswerSchema, input);

export const fetchCalendar = (ws: string, withinDays: number) => request("GET", `${w(ws)}/calendar?within=${withinDays}`, calendarSchema);

export const fetchCollectionRuns = (ws: string) => request("GET", `${w(ws)}/collection/runs`, runListSchema);
export const fetchRunResults = (ws: string, runId: string, status: CheckStatus | null) =>
  request("GET", `${w(ws)}/collection/runs/${encodeURIComponent(runId)}/results${status ? `?status=${status}` : ""}`, runResultsSchema);
