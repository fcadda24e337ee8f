// The shapes of the scope API (4.1–4.3): the scope statement and boundaries with their approval, the
// context around it (interfaces, interested parties, issues) and the exclusions; a change and an approval.
import { z } from "@hono/zod-openapi";
import type { ScopeView } from "../../app/scope.js";
import { contextIssueKinds } from "../../store/schema/index.js";
import { instant } from "./route-parts.js";

export const scopeInterfaceSchema = z
  .object({ id: z.string(), kind: z.string(), name: z.string(), counterparty: z.string().nullable(), description: z.string().nullable() })
  .openapi("ScopeInterface");
export const interestedPartySchema = z
  .object({ id: z.string(), name: z.string(), requirements: z.string(), addressedByIsms: z.boolean() })
  .openapi("InterestedParty");
export const contextIssueSchema = z.object({ id: z.string(), kind: z.enum(contextIssueKinds), description: z.string() }).openapi("ContextIssue");
export const exclusionSchema = z.object({ id: z.string(), subject: z.string(), reason: z.string() }).openapi("ScopeExclusion");

export const scopeSchema = z
  .object({
    statement: z.string().nullable().openapi({ description: "The scope statement (4.3); null until one is written" }),
    boundaries: z.string(),
    approval: z
      .object({ by: z.string().openapi({ description: "The approver's person id", example: "P-001" }), at: instant })
      .nullable()
      .openapi({ description: "Top management's approval; null when not approved, or changed since" }),
    interfaces: z.array(scopeInterfaceSchema).openapi({ description: "Interfaces and dependencies (4.3 c)" }),
    interestedParties: z.array(interestedPartySchema).openapi({ description: "Interested parties and their requirements (4.2)" }),
    issues: z.array(contextIssueSchema).openapi({ description: "Internal and external issues (4.1)" }),
    exclusions: z.array(exclusionSchema).openapi({ description: "What the scope leaves out, and why" }),
  })
  .openapi("Scope");
export type ScopeBody = z.infer<typeof scopeSchema>;

const statement = z.string().trim().min(1, "statement: write the scope statement, or leave the field out").max(20_000, "statement: keep it under 20,000 characters");
const boundaries = z.string().trim().max(20_000, "boundaries: keep them under 20,000 characters");

export const scopeChangesSchema = z
  .object({ statement: statement.optional(), boundaries: boundaries.optional() })
  .strict()
  .refine((c) => c.statement !== undefined || c.boundaries !== undefined, { message: "give statement, boundaries or both", path: ["statement"] })
  .openapi("ScopeChanges");

export const scopeApprovalSchema = z
  .object({
    person: z
      .string()
      .trim()
      .min(1, "person: give the approver's person id or name")
      .max(200)
      .optional()
      .openapi({ description: "Who approves (a person's id or name); default: the signed-in account's person", example: "P-001" }),
  })
  .strict()
  .openapi("ScopeApproval");

export function scopeBody(view: ScopeView): ScopeBody {
  return {
    statement: view.statement,
    boundaries: view.boundaries,
    approval: view.approvedBy && view.approvedAt ? { by: view.approvedBy, at: view.approvedAt.toISOString() } : null,
    interfaces: view.interfaces.map((e) => scopeInterfaceSchema.parse(e)),
    interestedParties: view.interestedParties.map((e) => interestedPartySchema.parse(e)),
    issues: view.issues.map((e) => contextIssueSchema.parse(e)),
    exclusions: view.exclusions.map((e) => exclusionSchema.parse(e)),
  };
}
