// Ids of new risks and treatment actions under concurrent writers, on both databases: each create
// takes the next id under a per-workspace lock, so none fails on a taken id.
import { expect, it } from "vitest";
import { describeEachStore } from "../../test/helpers/stores.js";
import { uniqueSlug } from "../../test/helpers/fixtures.js";
import { addRisk, addTreatmentAction, loadRisks, loadTreatmentActions } from "./risks.js";
import { initWorkspace, resolveWorkspace, type Workspace } from "./workspaces.js";
import type { Db } from "../store/open.js";

async function blankWorkspace(db: Db): Promise<Workspace> {
  const slug = uniqueSlug("ids");
  await initWorkspace(db, { name: "Ids", slug, template: "blank" });
  return resolveWorkspace(db, slug);
}

/** The messages of the creates that failed. */
const failures = (results: PromiseSettledResult<unknown>[]) => results.flatMap((r) => (r.status === "rejected" ? [r.reason instanceof Error ? r.reason.message : String(r.reason)] : []));

const concurrently = <T>(n: number, create: (i: number) => Promise<T>) => Promise.allSettled(Array.from({ length: n }, (_, i) => create(i)));

describeEachStore("risk and treatment action ids", (getStore) => {
  it("ten risks added at once in separate transactions all succeed with distinct ids", async () => {
    const { db } = getStore();
    const ws = await blankWorkspace(db);
    const results = await concurrently(10, (i) => db.transaction((tx) => addRisk(tx, ws, { title: `Risk ${i}`, likelihood: 2, impact: 3 }, { actor: "test" })));
    expect(failures(results)).toEqual([]);
    const ids = results.flatMap((r) => (r.status === "fulfilled" ? [r.value.id] : []));
    expect(new Set(ids).size).toBe(10);
    expect((await loadRisks(db, ws)).map((r) => r.id)).toEqual(Array.from({ length: 10 }, (_, i) => `R-${String(i + 1).padStart(3, "0")}`));
  });

  it("ten treatment actions added at once to one risk all succeed with distinct ids", async () => {
    const { db } = getStore();
    const ws = await blankWorkspace(db);
    const risk = await db.transaction((tx) => addRisk(tx, ws, { title: "Phishing" }, { actor: "test" }));
    const results = await concurrently(10, (i) => db.transaction((tx) => addTreatmentAction(tx, ws, { riskId: risk.id, title: `Action ${i}` }, { actor: "test" })));
    expect(failures(results)).toEqual([]);
    const actions = await loadTreatmentActions(db, ws);
    expect(new Set(actions.map((a) => a.id)).size).toBe(10);
  });

  it("still refuses a risk whose given id is taken", async () => {
    const { db } = getStore();
    const ws = await blankWorkspace(db);
    await db.transaction((tx) => addRisk(tx, ws, { title: "First", id: "R-007" }, { actor: "test" }));
    await expect(db.transaction((tx) => addRisk(tx, ws, { title: "Second", id: "R-007" }, { actor: "test" }))).rejects.toThrow("Risk R-007 already exists");
  });
});
