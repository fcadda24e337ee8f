// The risk register through the application services, on both databases: scoring under the
// methodology in force, history, owner decisions, treatment actions and methodology changes.
import { expect, it } from "vitest";
import { addEntry } from "../src/app/entries.js";
import { approveMethodology, currentMethodology, listMethodologyVersions, setMethodology } from "../src/app/risk-methodology.js";
import { acceptResidualRisk, addRisk, addTreatmentAction, approveTreatmentPlan, assessRisk, editRisk, editTreatmentAction, getRisk, loadAssessments, loadRisks, riskFindings } from "../src/app/risks.js";
import { initWorkspace, resolveWorkspace, type Workspace } from "../src/app/workspaces.js";
import { methodologyPresets } from "../src/domain/risk/index.js";
import type { Db } from "../src/store/open.js";
import { uniqueSlug } from "./helpers/fixtures.js";
import { describeEachStore } from "./helpers/stores.js";

async function workspace(db: Db, template: "blank" | "aws-saas" = "aws-saas"): Promise<Workspace> {
  const slug = uniqueSlug("risk");
  await initWorkspace(db, { name: "Risk", slug, template });
  return resolveWorkspace(db, slug);
}

const at = new Date("2026-03-01T09:00:00Z");

describeEachStore("risk register", (getStore) => {
  it("gives the aws-saas workspace 40–60 scored risks, each traced to an Annex A control", async () => {
    const { db } = getStore();
    const ws = await workspace(db);
    const risks = await loadRisks(db, ws);
    expect(risks.length).toBeGreaterThanOrEqual(40);
    expect(risks.length).toBeLessThanOrEqual(60);
    for (const risk of risks) {
      expect(risk.controlIds.length, risk.id).toBeGreaterThan(0);
      expect(risk.inherentScore, risk.id).toBe((risk.likelihood ?? 0) * (risk.impact ?? 0));
    }
    expect((await loadAssessments(db, ws)).filter((a) => a.reason === "initial")).toHaveLength(risks.length);
  });

  it("scores a new risk from its ratings and the highest impact criterion", async () => {
    const { db } = getStore();
    const ws = await workspace(db, "blank");
    const risk = await db.transaction((tx) => addRisk(tx, ws, { title: "Stolen laptop", likelihood: 3, impacts: { financial: 2, legal: 4 } }, { actor: "t", at }));
    expect(risk).toMatchObject({ id: "R-001", impact: 4, inherentScore: 12, nextReview: "2027-03-01" });
  });

  it("keeps every earlier score in the history when the ratings change", async () => {
    const { db } = getStore();
    const ws = await workspace(db, "blank");
    await db.transaction((tx) => addRisk(tx, ws, { title: "Phishing", likelihood: 4, impact: 3 }, { actor: "t", at }));
    await db.transaction((tx) => editRisk(tx, ws, "R-001", { likelihood: 2 }, { actor: "t", at }));
    await db.transaction((tx) => assessRisk(tx, ws, "R-001", { residualLikelihood: 1, residualImpact: 3 }, { actor: "t", at: new Date("2026-09-01T00:00:00Z") }));

    const history = await loadAssessments(db, ws, "R-001");
    expect(history.map((h) => [h.reason, h.score, h.residualScore])).toEqual([
      ["initial", 12, null],
      ["edit", 6, null],
      ["review", 6, 3],
    ]);
    expect((await getRisk(db, ws, "R-001")).nextReview).toBe("2027-09-01");
  });

  it("rescores every risk when the methodology changes and keeps the old version's scores", async () => {
    const { db } = getStore();
    const ws = await workspace(db);
    const before = await getRisk(db, ws, "R-031");

    const change = await db.transaction((tx) => setMethodology(tx, ws, methodologyPresets["3x3-product"](), { actor: "t" }));

    expect(change.version).toBe(2);
    expect(change.rescore.rescored).toBe((await loadRisks(db, ws)).length);
    const after = await getRisk(db, ws, "R-031");
    expect(after.inherentScore).toBeLessThanOrEqual(9);
    const history = await loadAssessments(db, ws, "R-031");
    expect(history.map((h) => [h.methodologyVersion, h.score])).toEqual([
      [1, before.inherentScore],
      [2, after.inherentScore],
    ]);
    expect((await listMethodologyVersions(db, ws)).map((v) => [v.version, v.status])).toEqual([
      [2, "draft"],
      [1, "superseded"],
    ]);
  });

  it("refuses a methodology with a gap between its bands and changes nothing", async () => {
    const { db } = getStore();
    const ws = await workspace(db);
    const broken = methodologyPresets["5x5-product"]();
    const [first] = broken.bands;
    if (first) first.max -= 1;
    await expect(db.transaction((tx) => setMethodology(tx, ws, broken, { actor: "t" }))).rejects.toThrow(/bands/);
    expect((await currentMethodology(db, ws)).version).toBe(1);
  });

  it("lets only the risk owner approve the plan and accept the residual risk", async () => {
    const { db } = getStore();
    const ws = await workspace(db);
    await expect(db.transaction((tx) => acceptResidualRisk(tx, ws, "R-031", "P-002", { actor: "t" }))).rejects.toThrow(/Only the risk owner \(P-003\)/);
    await db.transaction((tx) => approveTreatmentPlan(tx, ws, "R-031", "P-003", { actor: "t", at }));
    await db.transaction((tx) => acceptResidualRisk(tx, ws, "R-031", "P-003", { actor: "t", at }));
    expect(await getRisk(db, ws, "R-031")).toMatchObject({ planApprovedBy: "P-003", residualAcceptedBy: "P-003" });
    await db.transaction((tx) => approveMethodology(tx, ws, "P-001", { actor: "t" }));
    expect((await currentMethodology(db, ws)).status).toBe("approved");
  });

  it("clears the decision and plan findings once a treated risk has controls, an owner and dated actions", async () => {
    const { db } = getStore();
    const ws = await workspace(db, "blank");
    await db.transaction((tx) => addRisk(tx, ws, { title: "Leaked access key", likelihood: 4, impact: 4 }, { actor: "t" }));
    const rulesFor = async () => (await riskFindings(db, ws)).filter((f) => f.riskId === "R-001").map((f) => f.rule);
    expect(await rulesFor()).toContain("decision-required");

    await db.transaction((tx) => editRisk(tx, ws, "R-001", { decision: "treat" }, { actor: "t" }));
    expect(await rulesFor()).toContain("treatment-plan");

    await db.transaction(async (tx) => {
      await addEntry(tx, ws, "people", { name: "Ana" }, { actor: "t", idPrefix: "P" });
      await editRisk(tx, ws, "R-001", { owner: "P-001", controlIds: ["8.5"] }, { actor: "t" });
      const action = await addTreatmentAction(tx, ws, { riskId: "R-001", title: "Rotate keys", owner: "P-001" }, { actor: "t" });
      await editTreatmentAction(tx, ws, action.id, { dueDate: "2099-01-31" }, { actor: "t" });
    });
    const rules = await rulesFor();
    expect(rules).not.toContain("decision-required");
    expect(rules).not.toContain("treatment-plan");
  });
});
