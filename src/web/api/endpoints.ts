// The API routes the screens call, one function each, named for what they return or do.
import type { SoaApplicability } from "../../domain/soa/entry.js";
import { request, requestNothing } from "./client.js";
import {
  dashboardSchema,
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
