// `npm run bench:audit-log`: how fast `isms audit-log verify` walks a long log. Appends BENCH_ENTRIES
// chained entries (default 100,000) on the embedded database, and on PostgreSQL when one answers, then
// times verification at two batch sizes, and again with one entry deleted near the end (named, and only it).
import { sql } from "drizzle-orm";
import { performance } from "node:perf_hooks";
import { verifyAuditLog, type AuditLogVerification } from "../src/app/audit-log-verify.js";
import type { Store } from "../src/store/open.js";
import { onEachDatabase } from "./databases.js";
import { appendChainedEntries } from "../test/helpers/audit-log.js";

const entries = Number(process.env.BENCH_ENTRIES ?? 100_000);

async function timed(label: string, work: () => Promise<AuditLogVerification>): Promise<AuditLogVerification> {
  const start = performance.now();
  const result = await work();
  const seconds = (performance.now() - start) / 1000;
  const problems = result.problems.map((p) => `${p.kind} at ${p.seq}`).join(", ") || "none";
  console.log(`  ${label.padEnd(34)} ${seconds.toFixed(2).padStart(6)} s   ${Math.round(result.entries / seconds).toLocaleString("en").padStart(9)} entries/s   problems: ${problems}`);
  return result;
}

class Undo extends Error {}

async function benchmark(label: string, store: Store): Promise<void> {
  const start = performance.now();
  await appendChainedEntries(store.db, entries);
  console.log(`${label}: appended ${entries.toLocaleString("en")} entries in ${((performance.now() - start) / 1000).toFixed(1)} s`);
  await timed("verify, batches of 1,000", () => verifyAuditLog(store.db, { batch: 1000 }));
  await timed("verify, batches of 10,000", () => verifyAuditLog(store.db, { batch: 10_000 }));
  const gone = Math.max(1, entries - 10);
  // Deleted behind the trigger's back inside a transaction that is rolled back, as an attacker with the database would.
  await store.db
    .transaction(async (tx) => {
      await tx.execute(sql`alter table audit_log disable trigger user`);
      await tx.execute(sql`delete from audit_log where seq = ${gone}`);
      await timed(`verify with entry ${gone} deleted`, () => verifyAuditLog(tx, { batch: 1000 }));
      throw new Undo();
    })
    .catch((error: unknown) => {
      if (!(error instanceof Undo)) throw error;
    });
}

await onEachDatabase(benchmark);
