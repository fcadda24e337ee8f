// The auditor's samples and evidence requests: what a certification auditor drew from the workspace's
// data (Stage 2, surveillance) and the "provided by client" list that tracks each request to its evidence.
import { date, foreignKey, jsonb, pgTable, text, timestamp } from "drizzle-orm/pg-core";
import { workspaceKey, workspaceScoped } from "./columns.js";
import { personReference } from "./people.js";

/** How many items of one kind were asked for, how many the data held and how many were drawn; `from` says where they came from. */
export type SampleSize = { asked: number; population: number; drawn: number; from?: string };
export type SampleSizes = { [kind: string]: SampleSize };
/** A row of another register that answers a request: `{ register: "training_records", id: "TR-003" }`. */
export type RecordRef = { register: string; id: string };

/**
 * A sample drawn as an auditor would (9.1 evaluation; the certification body's sampling at Stage 2 and
 * surveillance): reproducible from its seed over the same data. `drawnBy` is a name: auditors are often outsiders.
 */
export const auditSamples = pgTable(
  "audit_samples",
  {
    ...workspaceScoped(),
    /** stage1, stage2 or surveillance. */
    audit: text("audit").notNull(),
    seed: text("seed").notNull(),
    periodStart: date("period_start", { mode: "string" }).notNull(),
    periodEnd: date("period_end", { mode: "string" }).notNull(),
    drawnAt: timestamp("drawn_at", { withTimezone: true, mode: "date" }).notNull(),
    drawnBy: text("drawn_by").notNull(),
    /** Per kind of item (users, days, restores, joiners, leavers): how many were asked for, found and drawn. */
    sizes: jsonb("sizes").$type<SampleSizes>().notNull(),
  },
  (t) => [workspaceKey(t)],
);

/**
 * One request of the auditor (7.5.3 documented information made available; A.5.28 collection of
 * evidence): the sampled item, the question, and the evidence records and register rows that answer it.
 * `sampleId` is null for a request raised by hand.
 */
export const evidenceRequests = pgTable(
  "evidence_requests",
  {
    ...workspaceScoped(),
    sampleId: text("sample_id"),
    /** iam-users, cloudtrail-days, backup-restore-tests, joiners, leavers; free text for a request raised by hand. */
    topic: text("topic").notNull(),
    question: text("question").notNull(),
    /** The sampled thing: "IAM user alice in 111111111111", "CloudTrail delivery on 2026-09-14". */
    item: text("item").notNull(),
    controlIds: jsonb("control_ids").$type<string[]>().notNull().default([]),
    /** open, provided or accepted. */
    status: text("status").notNull(),
    /** Evidence records (E-012) that answer the request. */
    evidenceIds: jsonb("evidence_ids").$type<string[]>().notNull().default([]),
    /** Register rows that answer it beside evidence records: a training record, a done activity, a person's leaving date. */
    records: jsonb("records").$type<RecordRef[]>().notNull().default([]),
    note: text("note"),
    requestedOn: date("requested_on", { mode: "string" }).notNull(),
    providedOn: date("provided_on", { mode: "string" }),
    providedBy: text("provided_by"),
  },
  (t) => [
    workspaceKey(t),
    foreignKey({ name: "evidence_requests_sample_fk", columns: [t.workspaceId, t.sampleId], foreignColumns: [auditSamples.workspaceId, auditSamples.id] }).onDelete("cascade"),
    personReference("evidence_requests_provided_by_fk", t, t.providedBy),
  ],
);
