// The deployment's append-only, hash-chained audit log of every write.
import { bigint, index, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";

/**
 * Who changed what and when (A.8.15 logging, A.5.28 collection of evidence, 7.5.3 change control).
 * `seq` is assigned by the writer as the previous seq + 1, so two concurrent writers collide on the
 * primary key instead of forking the chain; `hash` covers the row and `prev_hash`. `workspace_id` has
 * no foreign key: the log outlives a deleted workspace. A trigger (migration 0001) refuses UPDATE,
 * DELETE and TRUNCATE.
 */
export const auditLog = pgTable(
  "audit_log",
  {
    seq: bigint("seq", { mode: "number" }).primaryKey(),
    workspaceId: uuid("workspace_id"),
    actor: text("actor").notNull(),
    action: text("action").notNull(),
    entityType: text("entity_type").notNull(),
    entityId: text("entity_id"),
    // Snapshots of the entity: any JSON-serializable value (Dates are stored as ISO text).
    before: jsonb("before").$type<unknown>(),
    after: jsonb("after").$type<unknown>(),
    at: timestamp("at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
    prevHash: text("prev_hash"),
    hash: text("hash").notNull().unique(),
  },
  (t) => [index("audit_log_workspace_seq_idx").on(t.workspaceId, t.seq)],
);
