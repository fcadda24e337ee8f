// What the web app reads from the registers' API (people and training, the calendar, collection runs),
// as zod schemas in the shapes of src/server/routes/{people,calendar,collection}-schemas.ts.
import { z } from "zod";

export const trainingStates = ["current", "expiring", "expired", "missing"] as const;
const trainingState = z.enum(trainingStates);

export const personSchema = z.object({
  id: z.string(),
  name: z.string(),
  startDate: z.string().nullable(),
  endDate: z.string().nullable(),
  ismsRoles: z.array(z.string()),
  inScope: z.boolean(),
  awareness: trainingState,
  roleTraining: trainingState.nullable(),
});
export type Person = z.infer<typeof personSchema>;
export const personListSchema = z.object({ asOf: z.string(), people: z.array(personSchema) });

export const trainingRecordSchema = z.object({
  id: z.string(),
  personId: z.string(),
  courseId: z.string(),
  completedOn: z.string(),
  expiresOn: z.string().nullable(),
  evidenceRef: z.string().nullable(),
});
export const trainingRecordAnswerSchema = z.object({ record: trainingRecordSchema, already: z.boolean() });

export const trainingGapSchema = z.object({
  personId: z.string(),
  name: z.string(),
  need: z.enum(["awareness", "role"]),
  state: z.enum(["expiring", "expired", "missing"]),
  roles: z.array(z.string()),
  latest: trainingRecordSchema.extend({ courseTitle: z.string() }).nullable(),
});
export type TrainingGap = z.infer<typeof trainingGapSchema>;
export const trainingGapListSchema = z.object({ asOf: z.string(), withinDays: z.number(), gaps: z.array(trainingGapSchema) });

export const calendarItemSchema = z.object({
  id: z.string(),
  title: z.string(),
  kind: z.string(),
  owner: z.string().nullable(),
  due: z.string(),
  lastDone: z.string().nullable(),
  overdue: z.boolean(),
  basis: z.string(),
  recurrenceMonths: z.number().nullable(),
});
export type CalendarItem = z.infer<typeof calendarItemSchema>;
export const calendarSchema = z.object({ asOf: z.string(), withinDays: z.number().nullable(), items: z.array(calendarItemSchema) });

export const checkStatuses = ["pass", "fail", "not-applicable", "unknown"] as const;
export type CheckStatus = (typeof checkStatuses)[number];

export const collectionRunSchema = z.object({
  id: z.string(),
  source: z.string(),
  startedAt: z.string(),
  finishedAt: z.string(),
  caller: z.string(),
  collectorVersion: z.string(),
  options: z.record(z.string(), z.unknown()),
  stats: z.record(z.string(), z.unknown()),
  problems: z.array(z.record(z.string(), z.unknown())),
});
export type CollectionRun = z.infer<typeof collectionRunSchema>;
export const runListSchema = z.object({ runs: z.array(collectionRunSchema) });

export const checkResultSchema = z.object({
  id: z.string(),
  checkId: z.string(),
  account: z.string(),
  region: z.string(),
  resource: z.string(),
  status: z.string(),
  detail: z.string(),
  severity: z.string(),
  controlIds: z.array(z.string()),
  evidenceId: z.string().nullable(),
});
export type CheckResult = z.infer<typeof checkResultSchema>;
export const runResultsSchema = z.object({ run: collectionRunSchema, results: z.array(checkResultSchema) });
