// What the web app reads from and sends to the objectives API (6.2, 9.1), as zod schemas in the shapes
// of src/server/routes/objective-schemas.ts, and the requests the Objectives screen makes.
import { z } from "zod";
import { request } from "./client.js";

/** As src/app/objectives.ts lists them (the web app does not import the server's modules). */
export const objectiveStatuses = ["planned", "active", "achieved", "not-achieved", "cancelled", "retired", "closed"] as const;
export type ObjectiveStatus = (typeof objectiveStatuses)[number];

export const objectiveSchema = z.object({
  id: z.string(),
  title: z.string(),
  description: z.string().nullable(),
  measure: z.string().nullable(),
  target: z.string().nullable(),
  owner: z.string().nullable(),
  ownerName: z.string().nullable(),
  dueDate: z.string().nullable(),
  status: z.enum(objectiveStatuses),
  method: z.string().nullable(),
  frequency: z.string().nullable(),
  checkId: z.string().nullable(),
  targetValue: z.number().nullable(),
  unit: z.string().nullable(),
});
export type Objective = z.infer<typeof objectiveSchema>;

export const measurementSchema = z.object({
  id: z.string(),
  objectiveId: z.string(),
  measuredOn: z.string(),
  value: z.number(),
  note: z.string().nullable(),
  source: z.string(),
  runId: z.string().nullable(),
  met: z.boolean().nullable(),
});
export type Measurement = z.infer<typeof measurementSchema>;

const trendFields = {
  direction: z.enum(["at-least", "at-most"]),
  met: z.boolean().nullable(),
  change: z.number().nullable(),
  sparkline: z.string(),
};

export const objectiveRowSchema = objectiveSchema.extend({
  latest: measurementSchema.nullable(),
  ...trendFields,
  values: z.array(z.number()),
  measurementCount: z.number(),
});
export type ObjectiveRow = z.infer<typeof objectiveRowSchema>;

export const objectiveListSchema = z.object({ objectives: z.array(objectiveRowSchema) });
export const objectiveDetailSchema = z.object({ objective: objectiveSchema, measurements: z.array(measurementSchema), trend: z.object(trendFields) });
export type ObjectiveDetail = z.infer<typeof objectiveDetailSchema>;
export const objectiveAnswerSchema = z.object({ objective: objectiveSchema });
export const measuredSchema = z.object({ measurement: measurementSchema, objective: objectiveRowSchema });
export const removedSchema = z.object({ removed: z.string(), measurements: z.number() });

/** The fields a person sets; null clears one. */
export interface ObjectiveFields {
  title?: string;
  description?: string | null;
  measure?: string | null;
  target?: string | null;
  owner?: string | null;
  dueDate?: string | null;
  status?: ObjectiveStatus;
  method?: string | null;
  frequency?: string | null;
  targetValue?: number | null;
  unit?: string | null;
}

export interface MeasurementFields {
  value: number;
  measuredOn?: string;
  note?: string | null;
}

const objectivesPath = (ws: string) => `/api/w/${encodeURIComponent(ws)}/objectives`;
const objectivePath = (ws: string, id: string) => `${objectivesPath(ws)}/${encodeURIComponent(id)}`;

export const fetchObjectives = (ws: string) => request("GET", objectivesPath(ws), objectiveListSchema);
export const fetchObjective = (ws: string, id: string) => request("GET", objectivePath(ws, id), objectiveDetailSchema);
export const addObjective = (ws: string, fields: ObjectiveFields & { title: string }) => request("POST", objectivesPath(ws), objectiveAnswerSchema, fields);
export const changeObjective = (ws: string, id: string, changes: ObjectiveFields) => request("PATCH", objectivePath(ws, id), objectiveAnswerSchema, changes);
export const removeObjective = (ws: string, id: string) => request("DELETE", objectivePath(ws, id), removedSchema);
export const recordMeasurement = (ws: string, id: string, fields: MeasurementFields) => request("POST", `${objectivePath(ws, id)}/measurements`, measuredSchema, fields);
export const bindObjectiveCheck = (ws: string, id: string, checkId: string) => request("PUT", `${objectivePath(ws, id)}/check`, objectiveAnswerSchema, { checkId });
export const unbindObjectiveCheck = (ws: string, id: string) => request("DELETE", `${objectivePath(ws, id)}/check`, objectiveAnswerSchema);
