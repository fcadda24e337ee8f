// The scope's life cycle and the register entries every simple register shares.
import { expect, it } from "vitest";
import { addEntry, editEntry, listEntries, nextId, removeEntry } from "../src/app/entries.js";
import { approveScope, setScope, showScope } from "../src/app/scope.js";
import { initWorkspace, resolveWorkspace } from "../src/app/workspaces.js";
import type { Db } from "../src/store/open.js";
import { uniqueSlug } from "./helpers/fixtures.js";
import { describeEachStore } from "./helpers/stores.js";

async function workspace(db: Db, template: "blank" | "aws-saas" = "aws-saas") {
  const slug = uniqueSlug("scope");
  await initWorkspace(db, { name: "Scope", slug, template });
  return resolveWorkspace(db, slug);
}

it("numbers new entries after the highest id in use", () => {
  expect(nextId("R", [])).toBe("R-001");
  expect(nextId("R", ["R-009", "R-002", "X-100", "R-abc"])).toBe("R-010");
  expect(nextId("EX", ["EX-999"])).toBe("EX-1000");
});

describeEachStore("scope and register entries", (getStore) => {
  it("needs the scope approving again after its statement changes", async () => {
    const { db } = getStore();
    const ws = await workspace(db);
    await db.transaction((tx) => approveScope(tx, ws, "P-001", "test"));
    expect((await showScope(db, ws)).approvedBy).toBe("P-001");

    await db.transaction((tx) => setScope(tx, ws, { statement: "The ISMS covers the Acme platform." }, "test"));

    const view = await showScope(db, ws);
    expect(view.statement).toBe("The ISMS covers the Acme platform.");
    expect(view.approvedBy).toBeNull();
    expect(view.boundaries).toContain("inherited");
  });

  it("refuses to approve a scope that has no statement", async () => {
    const { db } = getStore();
    const ws = await workspace(db, "blank");
    await expect(db.transaction((tx) => approveScope(tx, ws, "P-001", "test"))).rejects.toThrow(/no scope statement/);
  });

  it("adds, edits and removes an exclusion, validating each value", async () => {
    const { db } = getStore();
    const ws = await workspace(db);
    const added = await db.transaction((tx) => addEntry(tx, ws, "exclusions", { subject: "Office Wi-Fi guest network", reason: "No access to production" }, { actor: "t", idPrefix: "EX" }));
    expect(added.id).toBe("EX-003");

    await db.transaction((tx) => editEntry(tx, ws, "exclusions", "EX-003", { reason: "Isolated from all company systems" }, { actor: "t" }));
    expect((await listEntries(db, ws, "exclusions")).find((e) => e.id === "EX-003")).toMatchObject({ reason: "Isolated from all company systems" });

    await expect(db.transaction((tx) => editEntry(tx, ws, "exclusions", "EX-003", { reason: 42 }, { actor: "t" }))).rejects.toThrow(/exclusions EX-003 at reason/);
    await db.transaction((tx) => removeEntry(tx, ws, "exclusions", "EX-003", { actor: "t" }));
    expect(await listEntries(db, ws, "exclusions")).toHaveLength(2);

    // The removed EX-003 keeps its history to itself: the next exclusion is EX-004.
    const next = await db.transaction((tx) => addEntry(tx, ws, "exclusions", { subject: "Printers", reason: "None in scope" }, { actor: "t", idPrefix: "EX" }));
    expect(next.id).toBe("EX-004");
  });

  it("keeps each workspace's entries to itself", async () => {
    const { db } = getStore();
    const a = await workspace(db);
    const b = await workspace(db, "blank");
    await db.transaction((tx) => addEntry(tx, b, "exclusions", { subject: "B only", reason: "test" }, { actor: "t", idPrefix: "EX" }));

    expect((await listEntries(db, a, "exclusions")).map((e) => e.subject)).not.toContain("B only");
    expect(await listEntries(db, b, "exclusions")).toHaveLength(1);
    await expect(db.transaction((tx) => removeEntry(tx, a, "exclusions", "EX-001x", { actor: "t" }))).rejects.toThrow(/No entry EX-001x/);
  });
});
