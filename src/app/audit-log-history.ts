// A workspace's audit log read back as history: who changed what and when, with the fields each
// entry changed (before → after), for one entity, one kind of entity or everything.
import { and, count, desc, eq, gte, sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import { canonicalJson } from "../domain/canonical-json.js";
import { InvalidInputError } from "../domain/errors.js";
import { isCalendarDay } from "../domain/risk/calendar.js";
import type { Db } from "../store/open.js";
import { auditLog } from "../store/schema/index.js";
import type { Workspace } from "./workspaces.js";

export const auditHistoryQuery = z.object({
  /** The entity type as logged ("risk", "suppliers", "control_implementation"). */
  entityType: z.string().min(1).optional(),
  /** With entityType: one entity's history. */
  entityId: z.string().min(1).optional(),
  /** Entries on or after this day (UTC), YYYY-MM-DD. */
  since: z.string().refine(isCalendarDay, "write the day as YYYY-MM-DD (e.g. 2026-06-30)").optional(),
  /** The newest entries, at most this many. */
  limit: z.number().int().min(1).max(10_000).default(50),
});

export type AuditHistoryQuery = z.input<typeof auditHistoryQuery>;

/** One field that differs: a dotted path into the entity ("body.scales") and its values (undefined: absent). */
export interface FieldChange {
  field: string;
  before: unknown;
  after: unknown;
}

export interface AuditHistoryEntry {
  seq: number;
  at: Date;
  actor: string;
  action: string;
  entityType: string;
  entityId: string | null;
  before: unknown;
  after: unknown;
  changes: FieldChange[];
}

export interface AuditHistory {
  /** Oldest first. */
  entries: AuditHistoryEntry[];
  /** How many entries match, of which `entries` are the newest. */
  total: number;
}

// before/after as jsonb text: the drivers' own decoding turns a stored string such as "42" into a number.
const listedColumns = {
  seq: auditLog.seq,
  at: auditLog.at,
  actor: auditLog.actor,
  action: auditLog.action,
  entityType: auditLog.entityType,
  entityId: auditLog.entityId,
  before: sql<string | null>`${auditLog.before}::text`,
  after: sql<string | null>`${auditLog.after}::text`,
};

const parseJsonb = (text: string | null): unknown => (text === null ? null : JSON.parse(text));

/** The newest entries of the workspace that match the query, oldest first. */
export async function auditLogHistory(db: Db, workspace: Workspace, query: AuditHistoryQuery = {}): Promise<AuditHistory> {
  const parsed = auditHistoryQuery.safeParse(query);
  if (!parsed.success) throw new InvalidInputError("audit log query", parsed.error.issues.map((i) => ({ path: i.path.join("."), message: i.message })));
  const { entityType, entityId, since, limit } = parsed.data;
  if (entityId !== undefined && entityType === undefined) throw new InvalidInputError("audit log query", [{ path: "entityId", message: "give the entity type too, e.g. risk:R-001" }]);
  const conditions: SQL[] = [eq(auditLog.workspaceId, workspace.id)];
  if (entityType !== undefined) conditions.push(eq(auditLog.entityType, entityType));
  if (entityId !== undefined) conditions.push(eq(auditLog.entityId, entityId));
  if (since !== undefined) conditions.push(gte(auditLog.at, new Date(`${since}T00:00:00Z`)));
  const where = and(...conditions);
  const [rows, [counted]] = await Promise.all([
    db.select(listedColumns).from(auditLog).where(where).orderBy(desc(auditLog.seq)).limit(limit),
    db.select({ n: count() }).from(auditLog).where(where),
  ]);
  const entries = rows.reverse().map((row) => {
    const before = parseJsonb(row.before);
    const after = parseJsonb(row.after);
    return { ...row, before, after, changes: entityChanges(before, after) };
  });
  return { entries, total: counted?.n ?? 0 };
}

/** A creation (before null) lists every field given a value; a removal every field that had one. */
export function entityChanges(before: unknown, after: unknown): FieldChange[] {
  if (before === null && isRecord(after)) return changedFields({}, after).filter((c) => c.after !== null);
  if (after === null && isRecord(before)) return changedFields(before, {}).filter((c) => c.before !== null);
  return changedFields(before, after);
}

const isRecord = (value: unknown): value is Record<string, unknown> => value !== null && typeof value === "object" && !Array.isArray(value);

/** Fields nested deeper than this are compared whole: "body.scales" rather than "body.scales.likelihood.3.label". */
const maxDepth = 2;

/**
 * The fields that differ between two snapshots of an entity, in the order they appear (after's keys,
 * then those only before had). An object against an object is compared field by field; anything
 * else is one change of the whole value (field ""). Key order never counts as a change.
 */
export function changedFields(before: unknown, after: unknown, path = "", depth = 0): FieldChange[] {
  if (canonicalJson(before) === canonicalJson(after)) return [];
  if (!isRecord(before) || !isRecord(after) || depth >= maxDepth) return [{ field: path, before, after }];
  const keys = [...new Set([...Object.keys(after), ...Object.keys(before)])];
  return keys.flatMap((key) => changedFields(before[key], after[key], path ? `${path}.${key}` : key, depth + 1));
}
