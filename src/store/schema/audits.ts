// Audits (internal and certification), their findings, and the corrective actions that close them.
import { date, foreignKey, jsonb, pgEnum, pgTable, text, timestamp } from "drizzle-orm/pg-core";
import { workspaceKey, workspaceScoped } from "./columns.js";
import { personReference } from "./people.js";

/**
 * An audit: internal (9.2) or by the certification body (Stage 1, Stage 2, surveillance,
 * recertification). `auditor` is a name, since auditors are often not in the people list.
 */
export const audits = pgTable(
  "audits",
  {
    ...workspaceScoped(),
    kind: text("kind").notNull(),
    title: text("title").notNull(),
    scope: text("scope"),
    auditor: text("auditor"),
    plannedStart: date("planned_start", { mode: "string" }),
    plannedEnd: date("planned_end", { mode: "string" }),
    status: text("status").notNull(),
    reportRef: text("report_ref"),
  },
  (t) => [workspaceKey(t)],
);

export const findingKinds = ["major_nonconformity", "minor_nonconformity", "observation", "opportunity"] as const;
export const findingKind = pgEnum("finding_kind", findingKinds);

/** A finding of an audit against a clause ("9.2") or control ("5.7") (9.2.2; 10.2 nonconformity). */
export const auditFindings = pgTable(
  "audit_findings",
  {
    ...workspaceScoped(),
    auditId: text("audit_id").notNull(),
    kind: findingKind("kind").notNull(),
    requirement: text("requirement"),
    description: text("description").notNull(),
    status: text("status").notNull(),
  },
  (t) => [
    workspaceKey(t),
    foreignKey({
      name: "audit_findings_audit_fk",
      columns: [t.workspaceId, t.auditId],
      foreignColumns: [audits.workspaceId, audits.id],
    }).onDelete("cascade"),
  ],
);

/**
 * The corrective actions log (10.2): cause, action, owner, due date, closure with its evidence. A
 * corrective action may come from a finding or from elsewhere (incident, review), so `findingId` is optional.
 */
export const correctiveActions = pgTable(
  "corrective_actions",
  {
    ...workspaceScoped(),
    findingId: text("finding_id"),
    description: text("description").notNull(),
    rootCause: text("root_cause"),
    owner: text("owner"),
    dueDate: date("due_date", { mode: "string" }),
    status: text("status").notNull(),
    closedAt: timestamp("closed_at", { withTimezone: true, mode: "date" }),
    closureEvidenceRefs: jsonb("closure_evidence_refs").$type<string[]>().notNull().default([]),
  },
  (t) => [
    workspaceKey(t),
    foreignKey({
      name: "corrective_actions_finding_fk",
      columns: [t.workspaceId, t.findingId],
      foreignColumns: [auditFindings.workspaceId, auditFindings.id],
    }),
    personReference("corrective_actions_owner_fk", t, t.owner),
  ],
);
