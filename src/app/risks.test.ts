// Ids of new risks, treatment actions and assessments under concurrent writers, on both databases: each
// takes the next id under a per-workspace lock, so none fails on a taken id, and no two writers deadlock.
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { describeEachStore } from "../../test/helpers/stores.js";
import { uniqueSlug } from "../../test/helpers/fixtures.js";
import { importRiskRegister } from "./risk-import.js";
import { addRisk, addTreatmentAction, assessRisk, editRisk, loadAssessments, loadRisks, loadTreatmentActions } from "./risks.js";
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

let scratch: string;
beforeAll(async () => {
  scratch = await mkdtemp(join(tmpdir(), "isms-risk-ids-"));
});
afterAll(async () => {
  await rm(scratch, { recursive: true, force: true });
});

const registerHeader =
  "ID,Risk Title,Owner,Likelihood (1-5),Impact Financial,Impact Operational,Impact Reputational,Impact Legal/Regulatory,Impact Health/Safety,Max Impact,Inherent Score,Treatment Decision,Status";

/** A register file: R-001 under `title`, then `unnumbered` new risks owned by people not yet in the workspace. */
async function registerFile(name: string, title: string, unnumbered: number): Promise<string> {
  const rows = Array.from({ length: unnumbered }, (_, i) => `,Imported risk ${i},Owner ${i},2,1,1,2,1,1,2,4,Accept,Open`);
  const file = join(scratch, name);
  await writeFile(file, [registerHeader, `R-001,${title},Ops Lead,2,1,1,2,1,1,2,4,Accept,Open`, ...rows].join("\n"));
  return file;
}

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

  it("ten risks assessed at once in separate transactions all succeed with distinct RA- ids", async () => {
    const { db } = getStore();
    const ws = await blankWorkspace(db);
    await db.transaction(async (tx) => {
      for (let i = 0; i < 10; i++) await addRisk(tx, ws, { title: `Risk ${i}` }, { actor: "test" });
    });

    const results = await concurrently(10, (i) => db.transaction((tx) => assessRisk(tx, ws, `R-${String(i + 1).padStart(3, "0")}`, { likelihood: (i % 5) + 1, impact: 3 }, { actor: "test" })));

    expect(failures(results)).toEqual([]);
    const ids = (await loadAssessments(db, ws)).map((a) => a.id);
    expect(ids).toHaveLength(10);
    expect(new Set(ids).size).toBe(10);
    expect(ids.every((id) => /^RA-\d{3}$/.test(id))).toBe(true);
  });

  it("assessments and re-ratings of several risks at once take distinct RA- ids, and one that fails takes none", async () => {
    const { db } = getStore();
    const ws = await blankWorkspace(db);
    await db.transaction(async (tx) => {
      for (const title of ["Phishing", "Stolen laptop"]) await addRisk(tx, ws, { title, likelihood: 2, impact: 2 }, { actor: "test" });
    });

    const results = await concurrently(9, (i) =>
      db.transaction((tx) =>
        i === 8
          ? assessRisk(tx, ws, "R-404", { likelihood: 1 }, { actor: "test" })
          : i % 2 === 0
            ? assessRisk(tx, ws, "R-001", { likelihood: (i % 5) + 1 }, { actor: "test" })
            : editRisk(tx, ws, "R-002", { impact: (i % 5) + 1 }, { actor: "test" }),
      ),
    );

    expect(failures(results)).toEqual([expect.stringContaining("No risk R-404")]);
    const ids = (await loadAssessments(db, ws)).map((a) => a.id);
    expect(ids).toHaveLength(2 + 8);
    expect(new Set(ids).size).toBe(10);
  });

  it("a register import running while risks are added completes, with nobody's id taken twice", async () => {
    const { db } = getStore();
    const seed = await registerFile("seed.csv", "Lost backups", 0);
    // The first row changes only R-001's title: the import writes the audit log before it adds a risk.
    const update = await registerFile("update.csv", "Lost backups (reviewed)", 3);
    for (let round = 0; round < 5; round++) {
      const ws = await blankWorkspace(db);
      await importRiskRegister(db, ws, seed, { actor: "test" });

      const [imported, ...added] = await Promise.allSettled([
        importRiskRegister(db, ws, update, { actor: "test" }),
        ...Array.from({ length: 5 }, (_, i) => db.transaction((tx) => addRisk(tx, ws, { title: `Added ${round}.${i}`, likelihood: 2, impact: 2 }, { actor: "test" }))),
      ]);

      expect(failures([imported, ...added]), `round ${round}`).toEqual([]);
      expect(imported.status === "fulfilled" ? imported.value.updated : [], `round ${round}`).toEqual(["R-001"]);
      const ids = (await loadRisks(db, ws)).map((r) => r.id);
      expect(ids, `round ${round}`).toHaveLength(1 + 3 + 5);
      expect(new Set(ids).size, `round ${round}`).toBe(9);
    }
  });
});
