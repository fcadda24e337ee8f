// Audits (internal and certification), their findings, and the corrective actions that close them.
import { boolean, date, foreignKey, integer, jsonb, pgEnum, pgTable, text, timestamp } from "drizzle-orm/pg-core";
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
    /** The audit criteria (9.2.2 b): "ISO/IEC 27001:2022 clauses 4–10; the ISMS policies". */
    criteria: text("criteria"),
    /** The auditor when they are in the people register: the independence check reads their roles and ownerships. */
    auditorPerson: text("auditor_person"),
    /** What the audit covers: clause ids ("9.2") and Annex A control ids ("5.15"). */
    clauses: jsonb("clauses").$type<string[]>().notNull().default([]),
    controls: jsonb("controls").$type<string[]>().notNull().default([]),
    actualStart: date("actual_start", { mode: "string" }),
    actualEnd: date("actual_end", { mode: "string" }),
    /** For audits by the certification body: the certification cycle it belongs to. */
    cycleId: text("cycle_id"),
  },
  (t) => [workspaceKey(t), personReference("audits_auditor_person_fk", t, t.auditorPerson)],
);

/** One line of an audit's checklist: a clause or control, what was sampled and seen, the verdict (9.2.2). */
export const auditChecklistItems = pgTable(
  "audit_checklist_items",
  {
    ...workspaceScoped(),
    auditId: text("audit_id").notNull(),
    /** A clause ("9.2") or an Annex A control ("5.15"). */
    requirement: text("requirement").notNull(),
    sampled: text("sampled"),
    observed: text("observed"),
    /** not_checked, conforming, nonconforming, observation. */
    result: text("result").notNull().default("not_checked"),
    evidenceRefs: jsonb("evidence_refs").$type<string[]>().notNull().default([]),
  },
  (t) => [
    workspaceKey(t),
    foreignKey({ name: "audit_checklist_items_audit_fk", columns: [t.workspaceId, t.auditId], foreignColumns: [audits.workspaceId, audits.id] }).onDelete("cascade"),
  ],
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
    evidenceRefs: jsonb("evidence_refs").$type<string[]>().notNull().default([]),
    raisedOn: date("raised_on", { mode: "string" }),
    /** When it must be resolved: about 90 days after a certification audit for a minor nonconformity. */
    dueDate: date("due_date", { mode: "string" }),
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
    /** The immediate correction (10.2 a), as distinct from the action on the root cause (`description`). */
    correction: text("correction"),
    /** The review of whether the action worked (10.2 d). */
    effectivenessReviewedOn: date("effectiveness_reviewed_on", { mode: "string" }),
    effectivenessReviewedBy: text("effectiveness_reviewed_by"),
    effective: boolean("effective"),
    effectivenessNote: text("effectiveness_note"),
  },
  (t) => [
    workspaceKey(t),
    foreignKey({
      name: "corrective_actions_finding_fk",
      columns: [t.workspaceId, t.findingId],
      foreignColumns: [auditFindings.workspaceId, auditFindings.id],
    }),
    personReference("corrective_actions_owner_fk", t, t.owner),
    personReference("corrective_actions_effectiveness_by_fk", t, t.effectivenessReviewedBy),
  ],
);

/** A certification cycle (3 years): the certification body, Stage 1 and 2, the certificate, surveillance and recertification. */
export const certificationCycles = pgTable(
  "certification_cycles",
  {
    ...workspaceScoped(),
    certificationBody: text("certification_body").notNull(),
    stage1Date: date("stage1_date", { mode: "string" }),
    stage2Date: date("stage2_date", { mode: "string" }),
    certificateNumber: text("certificate_number"),
    certificateIssued: date("certificate_issued", { mode: "string" }),
    certificateExpires: date("certificate_expires", { mode: "string" }),
    /** The seed of the surveillance sampling plan, so the same seed always draws the same plan. */
    samplingSeed: text("sampling_seed"),
  },
  (t) => [workspaceKey(t)],
);

/** The surveillance sampling plan: the applicable controls assigned to each year of the cycle (1 = initial, 2, 3). */
export const surveillanceSamples = pgTable(
  "surveillance_samples",
  {
    ...workspaceScoped(),
    cycleId: text("cycle_id").notNull(),
    year: integer("year").notNull(),
    controlId: text("control_id").notNull(),
    /** Why it falls in that year: "risk R-004 scores 16", "finding NC-2 in 2026", "rotation"; or "moved by hand". */
    reason: text("reason").notNull(),
  },
  (t) => [
    workspaceKey(t),
    foreignKey({ name: "surveillance_samples_cycle_fk", columns: [t.workspaceId, t.cycleId], foreignColumns: [certificationCycles.workspaceId, certificationCycles.id] }).onDelete("cascade"),
  ],
);
