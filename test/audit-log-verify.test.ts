// `verifyAuditLog` over what the application writes, on both databases: an untouched log verifies
// however jsonb and the driver return its content; an edited, rewritten or deleted entry is named.
import { and, desc, eq, sql } from "drizzle-orm";
import { expect, it } from "vitest";
import { appendAuditLog, hashAuditEntry } from "../src/app/audit-log.js";
import { auditLogHistory } from "../src/app/audit-log-history.js";
import { verifyAuditLog, type AuditLogVerification } from "../src/app/audit-log-verify.js";
import { addEntry, editEntry, removeEntry } from "../src/app/entries.js";
import { initWorkspace, resolveWorkspace, type Workspace } from "../src/app/workspaces.js";
import { databaseErrorCode } from "../src/store/database-errors.js";
import type { Db } from "../src/store/open.js";
import { auditLog } from "../src/store/schema/index.js";
import { appendChainedEntries } from "./helpers/audit-log.js";
import { uniqueSlug } from "./helpers/fixtures.js";
import { describeEachStore } from "./helpers/stores.js";

const actor = "verify-test";

/** A workspace from the blank template, with an exclusion added, edited and removed, and an entry of awkward JSON. */
async function workspaceWithWrites(db: Db): Promise<Workspace> {
  const slug = uniqueSlug("log");
  await initWorkspace(db, { name: "Log", slug, template: "blank", actor });
  const ws = await resolveWorkspace(db, slug);
  await db.transaction(async (tx) => {
    await addEntry(tx, ws, "exclusions", { id: "EX-001", subject: "Office Wi-Fi", reason: "No production access" }, { actor, idPrefix: "EX" });
    await addEntry(tx, ws, "exclusions", { id: "EX-002", subject: "Marketing site", reason: "Static, no customer data" }, { actor, idPrefix: "EX" });
  });
  await db.transaction((tx) => editEntry(tx, ws, "exclusions", "EX-001", { reason: "Guest network, isolated" }, { actor }));
  await db.transaction((tx) => removeEntry(tx, ws, "exclusions", "EX-002", { actor }));
  await db.transaction((tx) =>
    appendAuditLog(tx, {
      workspaceId: ws.id,
      actor: "Zoë Ångström",
      action: "test.shapes",
      entityType: "test",
      entityId: "shapes",
      // jsonb keeps keys shortest first and respells numbers; neither may break the hash.
      before: { zebra: 1, a: { long_key_name: [3, 2, 1], b: null }, "naïve – ✓": "\u00e9\u0301 \"quoted\" \\ \n" },
      after: { when: new Date("2026-02-03T04:05:06.789Z"), tiny: 1e-7, big: 1e21, float: 0.1 + 0.2, negativeZero: -0, huge: 2 ** 60, text: "123", nested: { y: { b: 2, a: 1 } }, empty: {}, list: [], gone: undefined },
    }),
  );
  // A string that looks like a number, and an entry of no workspace.
  await db.transaction((tx) => appendAuditLog(tx, { workspaceId: null, actor, action: "test.text", entityType: "test", entityId: "text", before: "41", after: "42" }));
  return ws;
}

async function seqOf(db: Db, ws: Workspace, action: string): Promise<number> {
  const [row] = await db.select({ seq: auditLog.seq }).from(auditLog).where(and(eq(auditLog.workspaceId, ws.id), eq(auditLog.action, action))).orderBy(desc(auditLog.seq)).limit(1);
  if (!row) throw new Error(`no ${action} entry`);
  return row.seq;
}

class Undo extends Error {}

/** Changes the log behind the trigger's back and verifies it, all in a transaction that is rolled back. */
async function verifyTampered(db: Db, change: (tx: Db) => Promise<unknown>, batches: readonly number[] = [1000]): Promise<AuditLogVerification[]> {
  const results: AuditLogVerification[] = [];
  await db
    .transaction(async (tx) => {
      await tx.execute(sql`alter table audit_log disable trigger user`);
      await change(tx);
      await tx.execute(sql`alter table audit_log enable trigger user`);
      for (const batch of batches) results.push(await verifyAuditLog(tx, { batch }));
      throw new Undo();
    })
    .catch((error: unknown) => {
      if (!(error instanceof Undo)) throw error;
    });
  return results;
}

async function verifyOne(db: Db, change: (tx: Db) => Promise<unknown>): Promise<AuditLogVerification> {
  const [result] = await verifyTampered(db, change);
  if (!result) throw new Error("no verification ran");
  return result;
}

describeEachStore("verifying the audit log", (getStore) => {
  it("a log of ordinary writes verifies, whatever order jsonb keeps keys in and however the driver reads instants", async () => {
    const { db } = getStore();
    await workspaceWithWrites(db);
    const [newest] = await db.select().from(auditLog).orderBy(desc(auditLog.seq)).limit(1);
    const result = await verifyAuditLog(db);
    expect(result.problems).toEqual([]);
    expect(result.ok).toBe(true);
    expect(result.entries).toBe(newest?.seq);
    expect(result.last).toEqual({ seq: newest?.seq, hash: newest?.hash });
    expect(result.first).toBeUndefined();
  });

  it("the database itself refuses to change an entry while its trigger is on", async () => {
    const { db } = getStore();
    await workspaceWithWrites(db);
    const refused: unknown = await db.execute(sql`update audit_log set actor = 'mallory' where seq = (select max(seq) from audit_log)`).catch((e: unknown) => e);
    expect(databaseErrorCode(refused)).toBe("42501");
  });

  it("names an entry whose `after` was changed in the database as edited, with when, who, what and which entity", async () => {
    const { db } = getStore();
    const ws = await workspaceWithWrites(db);
    const seq = await seqOf(db, ws, "exclusions.edit");
    const result = await verifyOne(db, (tx) => tx.execute(sql`update audit_log set after = jsonb_set(after, '{reason}', '"No reason at all"') where seq = ${seq}`));
    expect(result.ok).toBe(false);
    expect(result.problems.map((p) => [p.seq, p.kind])).toEqual([[seq, "edited"]]);
    expect(result.first).toMatchObject({ seq, actor, action: "exclusions.edit", entityType: "exclusions", entityId: "EX-001" });
    expect(result.first?.at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    expect(result.problems[0]?.message).toContain(`seq ${seq} (${result.first?.at}, by ${actor}: exclusions.edit on exclusions EX-001) was changed after it was written`);
  });

  it("notices an instant moved by a microsecond and a change to the awkward JSON entry", async () => {
    const { db } = getStore();
    const ws = await workspaceWithWrites(db);
    const shapes = await seqOf(db, ws, "test.shapes");
    const result = await verifyOne(db, async (tx) => {
      await tx.execute(sql`update audit_log set at = at + interval '1 microsecond' where seq = ${shapes - 1}`);
      await tx.execute(sql`update audit_log set after = jsonb_set(after, '{float}', '0.3') where seq = ${shapes}`);
    });
    expect(result.problems.map((p) => [p.seq, p.kind])).toEqual([
      [shapes - 1, "edited"],
      [shapes, "edited"],
    ]);
  });

  it("names a deleted entry as a gap, and the entry after it as no longer following its predecessor", async () => {
    const { db } = getStore();
    const ws = await workspaceWithWrites(db);
    const seq = await seqOf(db, ws, "exclusions.edit");
    const result = await verifyOne(db, (tx) => tx.execute(sql`delete from audit_log where seq = ${seq}`));
    expect(result.ok).toBe(false);
    expect(result.problems.map((p) => [p.seq, p.kind])).toEqual([
      [seq, "missing"],
      [seq + 1, "chain-broken"],
    ]);
    expect(result.problems[0]?.message).toBe(`seq ${seq} is missing: the log jumps from seq ${seq - 1} to seq ${seq + 1}, so entries were deleted`);
    expect(result.problems[1]?.message).toContain(`does not follow seq ${seq - 1}: its prev_hash is not the hash of seq ${seq - 1}, seq ${seq} is missing between them`);
    expect(result.first).toMatchObject({ seq: seq + 1, action: "exclusions.remove" });
  });

  it("names the whole range when several entries in a row are deleted", async () => {
    const { db } = getStore();
    const ws = await workspaceWithWrites(db);
    const seq = await seqOf(db, ws, "exclusions.edit");
    const result = await verifyOne(db, (tx) => tx.execute(sql`delete from audit_log where seq between ${seq - 1} and ${seq + 1}`));
    expect(result.problems.map((p) => [p.seq, p.kind])).toEqual([
      [seq - 1, "missing"],
      [seq + 2, "chain-broken"],
    ]);
    expect(result.problems[0]?.message).toContain(`seq ${seq - 1}–${seq + 1} (3 entries) are missing`);
  });

  it("an entry rewritten with a freshly computed hash still breaks the chain at the entry after it", async () => {
    const { db } = getStore();
    const ws = await workspaceWithWrites(db);
    const seq = await seqOf(db, ws, "exclusions.edit");
    const result = await verifyOne(db, async (tx) => {
      const [row] = await tx.select().from(auditLog).where(eq(auditLog.seq, seq));
      if (!row?.entityId || !row.prevHash) throw new Error("the edit entry has no entity id or prev_hash");
      const { workspaceId, action, entityType, entityId, before, after, prevHash } = row;
      const forged = hashAuditEntry({ workspaceId, actor: "mallory", action, entityType, entityId, before, after, seq, at: row.at.toISOString(), prevHash });
      await tx.update(auditLog).set({ actor: "mallory", hash: forged }).where(eq(auditLog.seq, seq));
    });
    expect(result.problems.map((p) => [p.seq, p.kind])).toEqual([[seq + 1, "chain-broken"]]);
    expect(result.problems[0]?.message).toContain(`or seq ${seq} was rewritten`);
  });

  it("reads the log in batches of any size and finds the same problems across batch boundaries", async () => {
    const { db } = getStore();
    const ws = await workspaceWithWrites(db);
    const edited = await seqOf(db, ws, "exclusions.add");
    const deleted = await seqOf(db, ws, "exclusions.remove");
    const results = await verifyTampered(
      db,
      async (tx) => {
        await tx.execute(sql`update audit_log set actor = 'mallory' where seq = ${edited}`);
        await tx.execute(sql`delete from audit_log where seq = ${deleted}`);
      },
      [1, 2, 3, 1000],
    );
    const [whole, ...batched] = [results.at(-1), ...results.slice(0, -1)];
    expect(whole?.problems.map((p) => [p.seq, p.kind])).toEqual([
      [edited, "edited"],
      [deleted, "missing"],
      [deleted + 1, "chain-broken"],
    ]);
    for (const result of batched) expect(result).toEqual(whole);
  });

  it("refuses a batch size that is not a positive whole number", async () => {
    const { db } = getStore();
    await expect(verifyAuditLog(db, { batch: 0 })).rejects.toThrow(/audit log verification at batch/);
    await expect(verifyAuditLog(db, { batch: 2.5 })).rejects.toThrow(/audit log verification at batch/);
  });

  it("reads an entity's history with the fields each change touched, oldest first", async () => {
    const { db } = getStore();
    const ws = await workspaceWithWrites(db);
    const history = await auditLogHistory(db, ws, { entityType: "exclusions", entityId: "EX-001" });
    expect(history.total).toBe(2);
    expect(history.entries.map((e) => e.action)).toEqual(["exclusions.add", "exclusions.edit"]);
    expect(history.entries[1]?.changes).toEqual([{ field: "reason", before: "No production access", after: "Guest network, isolated" }]);
    const newest = await auditLogHistory(db, ws, { entityType: "exclusions", limit: 1 });
    expect(newest).toMatchObject({ total: 4, entries: [{ action: "exclusions.remove", entityId: "EX-002" }] });
    expect(await auditLogHistory(db, ws, { since: "2999-01-01" })).toEqual({ entries: [], total: 0 });
    await expect(auditLogHistory(db, ws, { entityId: "EX-001" })).rejects.toThrow(/give the entity type too/);
    await db.transaction((tx) => appendAuditLog(tx, { workspaceId: ws.id, actor, action: "test.text", entityType: "test", entityId: "text", before: "41", after: "42" }));
    const text = await auditLogHistory(db, ws, { entityType: "test", entityId: "text" });
    expect(text.entries.map((e) => e.changes)).toEqual([[{ field: "", before: "41", after: "42" }]]);
  });
});

describeEachStore("verifying a long audit log", (getStore) => {
  // Twenty batches of the default thousand; \`npm run bench:audit-log\` times a log of 100,000 and more.
  it("walks 20,000 entries in batches and names the one entry deleted near their end, and only it", async () => {
    const { db } = getStore();
    await appendChainedEntries(db, 20_000);
    const result = await verifyOne(db, (tx) => tx.execute(sql`delete from audit_log where seq = 19990`));
    expect(result.entries).toBe(19_999);
    expect(result.problems.map((p) => [p.seq, p.kind])).toEqual([
      [19_990, "missing"],
      [19_991, "chain-broken"],
    ]);
  });
});
