// A long audit log, fast: entries chained after the log's end and inserted in bulk, each hashed as
// appendAuditLog would have hashed it. Used by the verification tests and `npm run bench:audit-log`.
import { desc } from "drizzle-orm";
import { hashAuditEntry } from "../../src/app/audit-log.js";
import type { Db } from "../../src/store/open.js";
import { auditLog } from "../../src/store/schema/index.js";

/** Appends `count` risk edits of no workspace after the last entry, 2,000 rows per insert. */
export async function appendChainedEntries(db: Db, count: number): Promise<void> {
  const [last] = await db.select({ seq: auditLog.seq, hash: auditLog.hash }).from(auditLog).orderBy(desc(auditLog.seq)).limit(1);
  let seq = last?.seq ?? 0;
  let prevHash = last?.hash ?? "0".repeat(64);
  const start = Date.parse("2026-01-01T00:00:00Z");
  for (let written = 0; written < count; ) {
    const rows = [];
    for (const end = Math.min(count, written + 2000); written < end; written++) {
      seq += 1;
      const at = new Date(start + seq * 1000).toISOString();
      const entry = { workspaceId: null, actor: `user-${seq % 7}`, action: "risk.edit", entityType: "risk", entityId: `R-${seq % 500}`, before: { score: seq % 25 }, after: { score: (seq + 1) % 25, note: `change ${seq}` }, seq, at, prevHash };
      const hash = hashAuditEntry(entry);
      rows.push({ ...entry, at: new Date(at), hash });
      prevHash = hash;
    }
    await db.insert(auditLog).values(rows);
  }
}
