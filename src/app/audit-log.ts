// The append-only audit log: who changed what, when, before and after. Each entry carries the
// hash of the one before it, so an edited or deleted entry breaks the chain.
import { createHash } from "node:crypto";
import { canonicalJson } from "../domain/canonical-json.js";
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
