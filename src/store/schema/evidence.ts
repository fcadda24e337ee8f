// Evidence records: what was collected, from where, for which period, and its content hash.
import { check, date, jsonb, pgTable, text, timestamp } from "drizzle-orm/pg-core";
import { sql } from "drizzle-orm";
import { workspaceKey, workspaceScoped } from "./columns.js";
import type { EvidenceSource } from "./json.js";

/**
 * A piece of evidence (7.5.3 control of documented information, 9.1 results of monitoring): the blob
 * at `path` is content-addressed by `sha256`; the period is what the evidence covers.
 */
export const evidenceRecords = pgTable(
  "evidence_records",
  {
    ...workspaceScoped(),
    kind: text("kind").notNull(),
    title: text("title"),
    /** The controls (Annex A or own) this evidence shows operating. */
    controlIds: jsonb("control_ids").$type<string[]>().notNull().default([]),
    source: jsonb("source").$type<EvidenceSource>().notNull(),
    collectedAt: timestamp("collected_at", { withTimezone: true, mode: "date" }).notNull(),
    periodStart: date("period_start", { mode: "string" }),
    periodEnd: date("period_end", { mode: "string" }),
    sha256: text("sha256").notNull(),
    path: text("path").notNull(),
  },
  (t) => [workspaceKey(t), check("evidence_records_sha256_format", sql`${t.sha256} ~ '^[0-9a-f]{64}$'`)],
);
