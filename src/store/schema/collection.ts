// Collection runs and the results of the automated checks they fed (9.1 monitoring and measurement;
// A.5.36 compliance with policies and standards; A.8.16 monitoring). The raw snapshots and the
// results themselves are also kept as evidence records (evidence.ts); these rows make them queryable.
import { foreignKey, index, integer, jsonb, pgTable, text, timestamp } from "drizzle-orm/pg-core";
import { workspaceKey, workspaceScoped } from "./columns.js";
import type { JsonObject } from "./json.js";

/** One run of a collector (`isms collect aws`): when, from which identity, what it reached and missed. */
export const collectionRuns = pgTable(
  "collection_runs",
  {
    ...workspaceScoped(),
    /** "aws". */
    source: text("source").notNull(),
    startedAt: timestamp("started_at", { withTimezone: true, mode: "date" }).notNull(),
    finishedAt: timestamp("finished_at", { withTimezone: true, mode: "date" }).notNull(),
    /** The account the run's credentials belong to. */
    caller: text("caller").notNull(),
    collectorVersion: text("collector_version").notNull(),
    /** The options as given (org, role name, accounts, regions, concurrency). */
    options: jsonb("options").$type<JsonObject>().notNull(),
    /** Accounts, regions, calls, retries, snapshots, checks passed and failed. */
    stats: jsonb("stats").$type<JsonObject>().notNull(),
    /** What could not be collected, per account and region (access denied, region disabled…). */
    problems: jsonb("problems").$type<JsonObject[]>().notNull().default([]),
  },
  (t) => [workspaceKey(t)],
);

/**
 * One automated check's verdict on one resource in one run. `id` is "<run id>.<n>". `controlIds`
 * are the Annex A controls the result bears on (the check's, or narrower for mapped findings).
 */
export const checkResults = pgTable(
  "check_results",
  {
    ...workspaceScoped(),
    runId: text("run_id").notNull(),
    n: integer("n").notNull(),
    checkId: text("check_id").notNull(),
    account: text("account").notNull(),
    region: text("region").notNull(),
    resource: text("resource").notNull(),
    /** pass, fail, not-applicable or unknown. */
    status: text("status").notNull(),
    detail: text("detail").notNull(),
    severity: text("severity").notNull(),
    controlIds: jsonb("control_ids").$type<string[]>().notNull(),
    /** The evidence record holding this result with the others of its check and account. */
    evidenceId: text("evidence_id"),
  },
  (t) => [
    workspaceKey(t),
    foreignKey({ name: "check_results_run_fk", columns: [t.workspaceId, t.runId], foreignColumns: [collectionRuns.workspaceId, collectionRuns.id] }).onDelete("cascade"),
    index("check_results_run_idx").on(t.workspaceId, t.runId),
  ],
);
