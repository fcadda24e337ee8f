// The append-only audit log: who changed what, when, before and after. Each entry carries the
// hash of the one before it, so an edited or deleted entry breaks the chain.
import { createHash } from "node:crypto";
import { desc, sql } from "drizzle-orm";
import type { Tx } from "../store/open.js";
import { auditLog } from "../store/schema/index.js";

export interface AuditEntry {
  workspaceId: string | null;
  actor: string;
  action: string;
  entityType: string;
  entityId: string;
  before: unknown;
  after: unknown;
}

/** JSON with object keys sorted at every depth, so the same entry always hashes the same. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v !== null && typeof v === "object" && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}

export function hashAuditEntry(entry: AuditEntry & { seq: number; at: string; prevHash: string }): string {
  return createHash("sha256").update(canonicalJson(entry)).digest("hex");
}

export async function appendAuditLog(tx: Tx, entry: AuditEntry): Promise<void> {
  // One writer at a time extends the chain, whichever process it runs in.
  await tx.execute(sql`select pg_advisory_xact_lock(7365000001)`);
  const [last] = await tx.select({ seq: auditLog.seq, hash: auditLog.hash }).from(auditLog).orderBy(desc(auditLog.seq)).limit(1);
  const seq = (last?.seq ?? 0) + 1;
  const prevHash = last?.hash ?? "0".repeat(64);
  const at = new Date().toISOString();
  const before = entry.before ?? null;
  const after = entry.after ?? null;
  const hash = hashAuditEntry({ ...entry, before, after, seq, at, prevHash });
  await tx.insert(auditLog).values({ ...entry, before, after, seq, at: new Date(at), prevHash, hash });
}
