// `isms audit-log …` as a user runs it (in-process, embedded database): verify passes, then fails
// naming the entry once a row is altered in the database; list shows an entity's history.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { openStore } from "../src/store/open.js";
import { auditLog } from "../src/store/schema/index.js";
import { ismsInProcess } from "./helpers/cli-in-process.js";

let dir: string;
const dataDir = () => join(dir, "data");
const isms = (...args: string[]) => ismsInProcess(["--data-dir", dataDir(), ...args]);

const verification = z.object({
  ok: z.boolean(),
  entries: z.number(),
  first: z.object({ seq: z.number(), actor: z.string(), action: z.string(), entityType: z.string(), entityId: z.string() }).optional(),
  problems: z.array(z.object({ seq: z.number(), kind: z.string(), message: z.string() })),
});

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "isms-audit-log-"));
  for (const args of [
    ["init", "--name", "Acme ISMS", "--template", "blank"],
    ["exclusions", "add", "--subject", "Office Wi-Fi", "--reason", "No production access"],
    ["exclusions", "edit", "EX-001", "--reason", "Guest network, isolated"],
  ]) {
    const result = await isms(...args);
    expect(result.status, result.stderr).toBe(0);
  }
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** Changes one entry's `after` behind the append-only trigger's back, as someone with database access could; returns its seq. */
async function alterTheEdit(): Promise<number> {
  const store = await openStore({ dataDir: dataDir() });
  try {
    const [entry] = await store.db.select({ seq: auditLog.seq }).from(auditLog).where(and(eq(auditLog.action, "exclusions.edit"), eq(auditLog.entityId, "EX-001")));
    if (!entry) throw new Error("no exclusions.edit entry in the log");
    await store.db.transaction(async (tx) => {
      await tx.execute(sql`alter table audit_log disable trigger user`);
      await tx.execute(sql`update audit_log set after = jsonb_set(after, '{reason}', '"Nothing to see"') where seq = ${entry.seq}`);
      await tx.execute(sql`alter table audit_log enable trigger user`);
    });
    return entry.seq;
  } finally {
    await store.close();
  }
}

describe("isms audit-log", () => {
  it("lists an entity's history with the field each change touched", async () => {
    const result = await isms("audit-log", "list", "--entity", "exclusions:EX-001");
    expect(result.status, result.stderr).toBe(0);
    const lines = result.stdout.trim().split("\n");
    expect(lines[0]).toMatch(/^seq\s+when \(UTC\)\s+who\s+what\s+entity\s+changes$/);
    expect(lines[1]).toMatch(/exclusions\.add\s+exclusions EX-001\s+created: id="EX-001", reason="No production access", subject="Office Wi-Fi"$/);
    expect(lines[2]).toMatch(/^\d+\s+\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\s+cli\s+exclusions\.edit\s+exclusions EX-001\s+reason: "No production access" → "Guest network, isolated"$/);
    expect(lines).toHaveLength(3);
  });

  it("says when the newest entries are only some of those that match", async () => {
    const result = await isms("audit-log", "list", "--limit", "1");
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/exclusions\.edit/);
    expect(result.stdout).toMatch(/The newest 1 of \d+ entries; --limit shows more\./);
  });

  it("refuses flags it cannot read, naming the flag (exit 2)", async () => {
    for (const [args, message] of [
      [["--limit", "0"], '--limit: "0" is not a whole number from 1 to 10000'],
      [["--since", "last week"], '--since: "last week" is not a date'],
      [["--entity", "risk:"], '--entity: "risk:" names no entity'],
    ] as const) {
      const result = await isms("audit-log", "list", ...args);
      expect(result.status).toBe(2);
      expect(result.stderr).toContain(message);
    }
  });

  it("verify passes on the untouched log, then fails naming the entry altered in the database", async () => {
    const intact = await isms("audit-log", "verify");
    expect(intact.status, intact.stderr).toBe(0);
    const [, entries, last] = /^OK: (\d+) entries, chain intact from seq 1 to (\d+) \(last hash [0-9a-f]{64}\)$/.exec(intact.stdout.trim()) ?? [];
    expect(Number(entries)).toBeGreaterThan(2);
    expect(last).toBe(entries);

    const seq = await alterTheEdit();
    const broken = await isms("audit-log", "verify");
    expect(broken.status).toBe(1);
    expect(broken.stdout).toContain(`The audit log's hash chain is broken: 1 problem in ${entries} entries.`);
    expect(broken.stdout).toMatch(new RegExp(`edited\\s+seq ${seq} \\(\\d{4}-\\d\\d-\\d\\dT[\\d:.]+Z, by cli: exclusions\\.edit on exclusions EX-001\\) was changed after it was written`));
    expect(broken.stderr).toContain(`The audit log fails verification: 1 broken entry in ${entries}. The first broken entry is seq ${seq}`);

    const json = await isms("--json", "audit-log", "verify");
    expect(json.status).toBe(1);
    const result = verification.parse(JSON.parse(json.stdout));
    expect(result).toMatchObject({ ok: false, first: { seq, actor: "cli", action: "exclusions.edit", entityType: "exclusions", entityId: "EX-001" } });
    expect(result.problems.map((p) => [p.seq, p.kind])).toEqual([[seq, "edited"]]);
  });
});
