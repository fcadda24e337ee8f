// The Statement of Applicability: one row per Annex A control.
import { jsonb, pgEnum, pgTable, text, unique } from "drizzle-orm/pg-core";
import { workspaceKey, workspaceScoped } from "./columns.js";
import type { ApplicabilityReason } from "./json.js";
import { personReference } from "./people.js";

export const applicabilities = ["applicable", "inherited", "not_applicable"] as const;
export const applicability = pgEnum("control_applicability", applicabilities);

/**
 * A control's SoA entry (6.1.3 d): applicability, reasons for inclusion, justification (also of an
 * exclusion), implementation status, control owner and the evidence records that show it operates.
 * `controlId` is the Annex A id as written in the standard ("5.7", "8.24").
 */
export const controlImplementations = pgTable(
  "control_implementations",
  {
    ...workspaceScoped(),
    controlId: text("control_id").notNull(),
    applicability: applicability("applicability").notNull(),
    reasons: jsonb("reasons").$type<ApplicabilityReason[]>().notNull().default([]),
    justification: text("justification").notNull().default(""),
    implementationStatus: text("implementation_status").notNull(),
    owner: text("owner"),
    evidenceRefs: jsonb("evidence_refs").$type<string[]>().notNull().default([]),
  },
  (t) => [
    workspaceKey(t),
    unique("control_implementations_control_unique").on(t.workspaceId, t.controlId),
    personReference("control_implementations_owner_fk", t, t.owner),
  ],
);
