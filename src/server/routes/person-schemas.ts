// The bodies of the people register's writes (5.3 roles, 7.2, A.6.1 screening to A.6.5 leaving): a
// person as stored, a new person, and changes to one.
import { z } from "@hono/zod-openapi";
import { ismsRoles } from "../../readiness/vocabulary.js";
import { day } from "./route-parts.js";

const knownRoles = Object.values(ismsRoles);
const isoDay = z.iso.date("write the day as YYYY-MM-DD");
const optionalText = (max: number) => z.string().trim().max(max).nullable().optional();

export const personIdParam = z.object({
  workspace: z.string().openapi({ description: "The workspace's slug", example: "acme" }),
  id: z.string().regex(/^P-\d{3,}$/, "a person's id looks like P-001").openapi({ example: "P-001" }),
});

export const storedPersonSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    email: z.string().nullable(),
    role: z.string().nullable().openapi({ description: "Job title or function" }),
    startDate: day.nullable(),
    endDate: day.nullable().openapi({ description: "The leaving day (A.6.5); null while they stay" }),
    ismsRoles: z.array(z.string()),
  })
  .openapi("StoredPerson");
export type StoredPersonBody = z.infer<typeof storedPersonSchema>;

const personFields = {
  name: z.string().trim().min(1, "is empty; a person needs a name").max(200),
  email: z.email("is not an email address").max(320).nullable().optional(),
  role: optionalText(200),
  startDate: isoDay.nullable().optional(),
  endDate: isoDay.nullable().optional(),
  ismsRoles: z
    .array(z.enum(knownRoles, `is not an ISMS role; the roles are ${knownRoles.join(", ")}`))
    .max(knownRoles.length)
    .optional()
    .openapi({ description: `The person's roles in the ISMS (5.3): ${knownRoles.join(", ")}` }),
};

const leavesAfterStarting = (person: { startDate?: string | null | undefined; endDate?: string | null | undefined }) =>
  !person.startDate || !person.endDate || person.endDate >= person.startDate;
const leavingDayIssue = { message: "is before the start date; a person leaves after they start", path: ["endDate"] };

export const newPersonSchema = z.strictObject(personFields).refine(leavesAfterStarting, leavingDayIssue).openapi("NewPerson");
export const personChangesSchema = z
  .strictObject({ ...personFields, name: personFields.name.optional() })
  .refine((changes) => Object.keys(changes).length > 0, "names nothing to change; give at least one field")
  .refine(leavesAfterStarting, leavingDayIssue)
  .openapi("PersonChanges");
export const personAnswerSchema = z.object({ person: storedPersonSchema }).openapi("PersonAnswer");
