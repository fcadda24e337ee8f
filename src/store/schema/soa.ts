// The Statement of Applicability: one row per Annex A control.
import { integer, jsonb, pgEnum, pgTable, text, timestamp, unique } from "drizzle-orm/pg-core";
import { workspaceKey, workspaceScoped } from "./columns.js";
import type { ApplicabilityReason, JsonObject } from "./json.js";
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
    /** Set when a person overrides the status derived from evidence and checks: why. */
    statusOverrideReason: text("status_override_reason"),
    /** How the control is implemented here, in the SoA's words. */
    implementationDescription: text("implementation_description"),
    /** The policy, procedure or record the SoA row points to ("POL-001", "Access Control Policy"). */
    reference: text("reference"),
    owner: text("owner"),
    evidenceRefs: jsonb("evidence_refs").$type<string[]>().notNull().default([]),
  },
  (t) => [
    workspaceKey(t),
    unique("control_implementations_control_unique").on(t.workspaceId, t.controlId),
    personReference("control_implementations_owner_fk", t, t.owner),
  ],
);

/**
 * The workspace's own controls, beside Annex A (6.1.3 b: controls from any source). Their ids must
 * not look like Annex A ids; the SoA lists them after the 93.
 */
export const ownControls = pgTable(
  "own_controls",
  {
    ...workspaceScoped(),
    title: text("title").notNull(),
    description: text("description"),
    /** The Annex A control it refines, if any ("8.5"). */
    relatedControlId: text("related_control_id"),
  },
  (t) => [workspaceKey(t)],
);

/**
 * A published version of the SoA (6.1.3 d; 7.5.2 review and approval): the rows as they stood,
 * who approved them and when, so that the difference since the last audit can be shown.
 */
export const soaVersions = pgTable(
  "soa_versions",
  {
    ...workspaceScoped(),
    version: integer("version").notNull(),
    approvedBy: text("approved_by").notNull(),
    approvedAt: timestamp("approved_at", { withTimezone: true, mode: "date" }).notNull(),
    note: text("note"),
    entries: jsonb("entries").$type<JsonObject[]>().notNull(),
  },
  (t) => [workspaceKey(t), unique("soa_versions_version_unique").on(t.workspaceId, t.version), personReference("soa_versions_approved_by_fk", t, t.approvedBy)],
);
