// The shapes of the objectives API (6.2, 9.1): an objective with its latest measurement and trend, one
// objective with its measurements, the fields a request may set, and a measurement to record.
import { z } from "@hono/zod-openapi";
import { objectiveStatuses, type Measurement, type Objective, type ObjectiveTrend } from "../../app/objectives.js";
import { day } from "./route-parts.js";

export const objectiveIdParam = z.object({
  workspace: z.string().openapi({ description: "The workspace's slug", example: "acme" }),
  id: z.string().min(1).max(100).openapi({ example: "OBJ-001" }),
});

export const objectiveSchema = z
  .object({
    id: z.string(),
    title: z.string(),
    description: z.string().nullable(),
    measure: z.string().nullable().openapi({ description: "What is measured (6.2 b)" }),
    target: z.string().nullable().openapi({ description: "The target in words; \"at most\", \"within\" or \"≤\" make lower values better" }),
    owner: z.string().nullable().openapi({ description: "The owner's person id" }),
    ownerName: z.string().nullable().openapi({ description: "The owner's name in the people register" }),
    dueDate: day.nullable(),
    status: z.enum(objectiveStatuses),
    method: z.string().nullable().openapi({ description: "How it is measured and evaluated (9.1 b)" }),
    frequency: z.string().nullable(),
    checkId: z.string().nullable().openapi({ description: "The automated check whose pass rate is measured at each collection" }),
    targetValue: z.number().nullable().openapi({ description: "The numeric target measurements are compared with" }),
    unit: z.string().nullable(),
  })
  .openapi("Objective");
export type ObjectiveBody = z.infer<typeof objectiveSchema>;

export const measurementSchema = z
  .object({
    id: z.string(),
    objectiveId: z.string(),
    measuredOn: day,
    value: z.number(),
    note: z.string().nullable(),
    source: z.string().openapi({ description: "\"manual\", or \"check\" for a pass rate taken at a collection run" }),
    runId: z.string().nullable(),
    met: z.boolean().nullable().openapi({ description: "Whether the value meets the numeric target; null without one" }),
  })
  .openapi("Measurement");

const trendFields = {
  direction: z.enum(["at-least", "at-most"]).openapi({ description: "Whether higher (at-least) or lower (at-most) values are better" }),
  met: z.boolean().nullable().openapi({ description: "Whether the latest value meets the numeric target; null without a target or a measurement" }),
  change: z.number().nullable().openapi({ description: "The latest value minus the one before it" }),
  sparkline: z.string().openapi({ description: "The values as a line of bars, for a terminal" }),
};

export const objectiveRowSchema = objectiveSchema
  .extend({
    latest: measurementSchema.nullable(),
    ...trendFields,
    values: z.array(z.number()).openapi({ description: "The values measured, oldest first (at most the last 24), for a small trend chart" }),
    measurementCount: z.number().int(),
  })
  .openapi("ObjectiveRow");
export const objectiveListSchema = z.object({ objectives: z.array(objectiveRowSchema) });

export const objectiveDetailSchema = z.object({
  objective: objectiveSchema,
  measurements: z.array(measurementSchema).openapi({ description: "Oldest first" }),
  trend: z.object(trendFields),
});

const text = (max: number, field: string) => z.string().trim().max(max, `${field}: write at most ${max} characters`).nullable();
const objectiveFields = {
  title: z.string().trim().min(1, "title: an objective needs a title").max(300, "title: write at most 300 characters"),
  description: text(4000, "description"),
  measure: text(1000, "measure"),
  target: text(300, "target"),
  owner: z.string().trim().min(1, "owner: give a person's id, name or email, or null for none").max(200).nullable(),
  dueDate: z.iso.date("dueDate: give the day as YYYY-MM-DD").nullable(),
  status: z.enum(objectiveStatuses, `status: one of ${objectiveStatuses.join(", ")}`),
  method: text(1000, "method"),
  frequency: text(100, "frequency"),
  targetValue: z.number("targetValue: give a number, such as 95").finite().nullable(),
  unit: text(20, "unit"),
};

export const newObjectiveSchema = z
  .strictObject(objectiveFields)
  .partial()
  .extend({ title: objectiveFields.title, id: z.string().trim().regex(/^[A-Za-z0-9][\w.-]{0,39}$/, "id: letters, digits, dots and dashes, such as OBJ-010").optional() })
  .openapi("NewObjective");
export const objectiveChangesSchema = z
  .strictObject(objectiveFields)
  .partial()
  .refine((changes) => Object.keys(changes).length > 0, 'say what to change, e.g. {"targetValue": 95} or {"status": "achieved"}')
  .openapi("ObjectiveChanges");
export type ObjectiveChanges = z.infer<typeof objectiveChangesSchema>;

export const measurementInputSchema = z
  .strictObject({
    value: z.number("value: give the measured value as a number, such as 97.5").finite("value: give a finite number"),
    measuredOn: z.iso.date("measuredOn: give the day as YYYY-MM-DD").optional().openapi({ description: "The day it was measured; today by default" }),
    note: z.string().trim().max(1000, "note: write at most 1000 characters").nullable().optional(),
  })
  .openapi("MeasurementInput");

export const bindInputSchema = z
  .strictObject({
    checkId: z.string().trim().min(1, "checkId: give an automated check's id, such as iam-user-console-mfa").max(100),
    targetValue: z.number("targetValue: give a number, such as 100").finite().optional().openapi({ description: "The numeric target; the objective's, else 100" }),
    unit: z.string().trim().min(1).max(20).optional().openapi({ description: "The unit; the objective's, else %" }),
  })
  .openapi("ObjectiveCheckBinding");

export const removedSchema = z.object({ removed: z.string(), measurements: z.number().int().openapi({ description: "How many measurements went with it" }) });

/** The store keeps the status as text; one written outside the vocabulary reads as active. */
const statusOf = (status: string) => objectiveStatuses.find((s) => s === status) ?? "active";

export function objectiveBody(o: Objective, ownerName: string | null): ObjectiveBody {
  return {
    id: o.id,
    title: o.title,
    description: o.description,
    measure: o.measure,
    target: o.target,
    owner: o.owner,
    ownerName,
    dueDate: o.dueDate,
    status: statusOf(o.status),
    method: o.method,
    frequency: o.frequency,
    checkId: o.checkId,
    targetValue: o.targetValue,
    unit: o.unit,
  };
}

export const measurementBody = (m: Measurement & { met: boolean | null }): z.infer<typeof measurementSchema> => ({
  id: m.id,
  objectiveId: m.objectiveId,
  measuredOn: m.measuredOn,
  value: m.value,
  note: m.note,
  source: m.source,
  runId: m.runId,
  met: m.met,
});

export const trendBody = (t: ObjectiveTrend) => ({ direction: t.direction, met: t.met, change: t.change, sparkline: t.sparkline });
