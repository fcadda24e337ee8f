// People in the ISMS and their competence: the workforce list, training courses and training records.
import { date, foreignKey, integer, jsonb, pgTable, text } from "drizzle-orm/pg-core";
import type { PgColumn } from "drizzle-orm/pg-core";
import { workspaceKey, workspaceScoped } from "./columns.js";

/** The people doing work under the ISMS and their ISMS roles (5.3, 7.2 competence; A.6.1–A.6.5). */
export const people = pgTable(
  "people",
  {
    ...workspaceScoped(),
    name: text("name").notNull(),
    email: text("email"),
    role: text("role"),
    startDate: date("start_date", { mode: "string" }),
    endDate: date("end_date", { mode: "string" }),
    ismsRoles: jsonb("isms_roles").$type<string[]>().notNull().default([]),
  },
  (t) => [workspaceKey(t)],
);

/**
 * A reference from `column` to a person (people.id) of the same workspace. The composite key makes a
 * reference to another workspace's person impossible; deleting a person who still owns something fails.
 */
export function personReference(name: string, t: { workspaceId: PgColumn }, column: PgColumn) {
  return foreignKey({ name, columns: [t.workspaceId, column], foreignColumns: [people.workspaceId, people.id] });
}

/** Awareness and role training on offer (7.2 competence, 7.3 awareness; A.6.3). */
export const trainingCourses = pgTable(
  "training_courses",
  {
    ...workspaceScoped(),
    title: text("title").notNull(),
    kind: text("kind").notNull(),
    description: text("description"),
    validityMonths: integer("validity_months"),
  },
  (t) => [workspaceKey(t)],
);

/** Who completed which course when: the evidence of competence 7.2 d) asks to retain (A.6.3). */
export const trainingRecords = pgTable(
  "training_records",
  {
    ...workspaceScoped(),
    courseId: text("course_id").notNull(),
    personId: text("person_id").notNull(),
    completedOn: date("completed_on", { mode: "string" }).notNull(),
    expiresOn: date("expires_on", { mode: "string" }),
    evidenceRef: text("evidence_ref"),
  },
  (t) => [
    workspaceKey(t),
    foreignKey({
      name: "training_records_course_fk",
      columns: [t.workspaceId, t.courseId],
      foreignColumns: [trainingCourses.workspaceId, trainingCourses.id],
    }),
    personReference("training_records_person_fk", t, t.personId),
  ],
);
