// The shapes of the people and training API (7.2, 7.3; A.6.3): the people register with where each
// person stands on awareness and role training, who is overdue, and a completion to record.
import { z } from "@hono/zod-openapi";
import type { TrainingCourse, TrainingGap, TrainingRecord } from "../../app/training.js";
import { day } from "./route-parts.js";

const trainingState = z.enum(["current", "expiring", "expired", "missing"]);

export const personSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    startDate: z.string().nullable(),
    endDate: z.string().nullable(),
    ismsRoles: z.array(z.string()),
    inScope: z.boolean().openapi({ description: "Whether the person works under the ISMS today (started, not left)" }),
    awareness: trainingState.openapi({ description: "Awareness training (7.3), which everyone in scope needs" }),
    roleTraining: trainingState.nullable().openapi({ description: "Role training (7.2) for an ISMS role; null when the person holds none that needs it" }),
  })
  .openapi("Person");
export const personListSchema = z.object({ asOf: day, people: z.array(personSchema) });

export const trainingRecordSchema = z
  .object({ id: z.string(), personId: z.string(), courseId: z.string(), completedOn: day, expiresOn: day.nullable(), evidenceRef: z.string().nullable() })
  .openapi("TrainingRecord");

export const trainingCourseSchema = z
  .object({
    id: z.string(),
    title: z.string(),
    kind: z.string().openapi({ description: 'Whom it is for: "awareness" (everyone in scope, 7.3) or role training (7.2) such as "role"', example: "awareness" }),
    description: z.string().nullable(),
    validityMonths: z.number().int().nullable().openapi({ description: "How many months a completion counts; null: it does not expire" }),
  })
  .openapi("TrainingCourse");
export const courseListSchema = z.object({ courses: z.array(trainingCourseSchema) });

export const courseBody = (c: TrainingCourse): z.infer<typeof trainingCourseSchema> => ({
  id: c.id,
  title: c.title,
  kind: c.kind,
  description: c.description,
  validityMonths: c.validityMonths,
});

export const trainingGapSchema = z
  .object({
    personId: z.string(),
    name: z.string(),
    need: z.enum(["awareness", "role"]),
    state: z.enum(["expiring", "expired", "missing"]),
    roles: z.array(z.string()),
    latest: trainingRecordSchema.extend({ courseTitle: z.string() }).nullable(),
  })
  .openapi("TrainingGap");
export const trainingGapListSchema = z.object({ asOf: day, withinDays: z.number().int(), gaps: z.array(trainingGapSchema) });

export const withinQuery = z.object({
  within: z
    .string()
    .regex(/^\d{1,3}$/, "within: give a number of days from 0 to 366, such as 30")
    .transform(Number)
    .refine((n) => n <= 366, "within: give a number of days from 0 to 366, such as 30")
    .optional()
    .openapi({ type: "string", description: "Days ahead: training expiring within them counts as due (default 30)", example: "30" }),
});

export const trainingRecordInput = z
  .object({
    person: z.string().trim().min(1, "person: give the person's id, name or email").max(200),
    course: z.string().trim().min(1, "course: give the course's id or title").max(200),
    completedOn: z.iso.date("completedOn: give the day it was completed as YYYY-MM-DD"),
    evidenceRef: z.string().trim().min(1).max(500).optional(),
  })
  .strict()
  .openapi("TrainingRecordInput");
export const trainingRecordAnswerSchema = z.object({ record: trainingRecordSchema, already: z.boolean().openapi({ description: "The same completion was recorded before; nothing changed" }) });

export const recordBody = (r: TrainingRecord): z.infer<typeof trainingRecordSchema> => ({
  id: r.id,
  personId: r.personId,
  courseId: r.courseId,
  completedOn: r.completedOn,
  expiresOn: r.expiresOn,
  evidenceRef: r.evidenceRef,
});

export const gapBody = (g: TrainingGap): z.infer<typeof trainingGapSchema> => ({
  personId: g.personId,
  name: g.name,
  need: g.need,
  state: g.state,
  roles: g.roles,
  latest: g.latest ? { ...recordBody(g.latest), courseTitle: g.latest.courseTitle } : null,
});
