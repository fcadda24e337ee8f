// Publishing SoA versions and the difference between them (6.1.3 d, 7.5.2), on both stores.
import { and, eq } from "drizzle-orm";
import { expect, it } from "vitest";
import { addEntry } from "../src/app/entries.js";
import { setSoaEntry } from "../src/app/soa.js";
import { getSoaVersion, listSoaVersions, publishSoa, soaDiff } from "../src/app/soa-versions.js";
import { initWorkspace, resolveWorkspace, type Workspace } from "../src/app/workspaces.js";
import type { Db } from "../src/store/open.js";
import { auditLog } from "../src/store/schema/index.js";
import { uniqueSlug } from "./helpers/fixtures.js";
import { describeEachStore } from "./helpers/stores.js";

async function workspace(db: Db, template: "aws-saas" | "blank" = "aws-saas"): Promise<Workspace> {
  const slug = uniqueSlug("soav");
  await initWorkspace(db, { name: "SoA versions", slug, template });
  return resolveWorkspace(db, slug);
}

const publish = (db: Db, ws: Workspace, approvedBy: string, note?: string, at = new Date("2026-03-01T10:00:00Z")) =>
  db.transaction((tx) => publishSoa(tx, ws, { approvedBy, note, at }, { actor: "test" }));
const set = (db: Db, ws: Workspace, id: string, changes: Parameters<typeof setSoaEntry>[3]) => db.transaction((tx) => setSoaEntry(tx, ws, id, changes, { actor: "test" }));

describeEachStore("SoA versions", (getStore) => {
  it("publishes numbered versions with their approver, date, note and every entry", async () => {
    const { db } = getStore();
    const ws = await workspace(db);
    const first = await publish(db, ws, "Chief Executive Officer", "Before Stage 1");
    expect(first).toMatchObject({ version: 1, approvedBy: "P-001", note: "Before Stage 1", controls: 93 });
    await publish(db, ws, "P-002", undefined, new Date("2026-04-01T10:00:00Z"));
    expect((await listSoaVersions(db, ws)).map((v) => [v.version, v.approvedBy, v.approvedAt.toISOString().slice(0, 10)])).toEqual([
      [1, "P-001", "2026-03-01"],
      [2, "P-002", "2026-04-01"],
    ]);
    const stored = await getSoaVersion(db, ws, 1);
    expect(stored.entries).toHaveLength(93);
    expect(stored.entries.find((e) => e.controlId === "8.30")).toMatchObject({ applicability: "not_applicable", owner: "P-002" });
    const logged = await db.select().from(auditLog).where(and(eq(auditLog.workspaceId, ws.id), eq(auditLog.action, "soa.publish")));
    expect(logged.map((l) => l.entityId)).toEqual(["SOA-v1", "SOA-v2"]);
  });

  it("shows exactly the controls changed since the last version, field by field", async () => {
    const { db } = getStore();
    const ws = await workspace(db);
    await publish(db, ws, "P-001");
    expect(await soaDiff(db, ws, undefined, "current")).toMatchObject({ from: 1, to: "current", added: [], removed: [], changed: [] });

    await set(db, ws, "8.11", { applicability: "not_applicable", justification: "No personal data is shown outside production" });
    await set(db, ws, "5.7", { owner: "P-004", implementationStatus: "planned" });
    const diff = await soaDiff(db, ws, undefined, "current");
    expect(diff.changed.map((c) => c.controlId)).toEqual(["5.7", "8.11"]);
    expect(diff.changed[0]?.changes).toEqual([
      { field: "implementationStatus", from: null, to: "planned" },
      { field: "owner", from: "P-002", to: "P-004" },
    ]);
    expect(diff.changed[1]?.changes.map((c) => c.field)).toEqual(["applicability", "justification", "reasons"]);

    await publish(db, ws, "P-001");
    const between = await soaDiff(db, ws, 1, 2);
    expect(between.changed.map((c) => c.controlId)).toEqual(["5.7", "8.11"]);
    expect((await soaDiff(db, ws, undefined, 2)).from).toBe(1);
  });

  it("refuses to publish while a control is undecided, naming them, and writes no version", async () => {
    const { db } = getStore();
    const ws = await workspace(db, "blank");
    await db.transaction((tx) => addEntry(tx, ws, "people", { name: "Jane Doe" }, { actor: "test", idPrefix: "P" }));
    await expect(publish(db, ws, "Jane Doe")).rejects.toThrow(/93 controls have no applicability decision \(5\.1, 5\.2, .*5\.10 and 83 more\)/);
    expect(await listSoaVersions(db, ws)).toEqual([]);
    await expect(publish(db, ws, "Nobody")).rejects.toThrow(/no person "Nobody"/);
  });

  it("says when there is nothing to compare with", async () => {
    const { db } = getStore();
    const ws = await workspace(db);
    await expect(soaDiff(db, ws, undefined, "current")).rejects.toThrow(/No SoA version has been published yet/);
    await expect(soaDiff(db, ws, 4, "current")).rejects.toThrow(/No SoA version 4/);
  });
});
