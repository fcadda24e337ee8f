// The SoA in a workspace: the aws-saas prefill, changing an entry and its rules, own controls, evidence
// and risks feeding it, another workspace's SoA out of sight; on both stores.
import { and, eq } from "drizzle-orm";
import { expect, it } from "vitest";
import { addRisk } from "../src/app/risks.js";
import { addOwnControl, getSoaEntry, loadStatementOfApplicability, setSoaEntry } from "../src/app/soa.js";
import { initWorkspace, resolveWorkspace, type Workspace } from "../src/app/workspaces.js";
import type { Db } from "../src/store/open.js";
import { auditLog, controlImplementations, evidenceRecords } from "../src/store/schema/index.js";
import { uniqueSlug } from "./helpers/fixtures.js";
import { describeEachStore } from "./helpers/stores.js";

async function workspace(db: Db, template: "aws-saas" | "blank" = "aws-saas"): Promise<Workspace> {
  const slug = uniqueSlug("soa");
  await initWorkspace(db, { name: "SoA", slug, companyName: "Acme Cloud Ltd", template });
  return resolveWorkspace(db, slug);
}

const set = (db: Db, ws: Workspace, id: string, changes: Parameters<typeof setSoaEntry>[3]) => db.transaction((tx) => setSoaEntry(tx, ws, id, changes, { actor: "test" }));

async function addEvidence(db: Db, ws: Workspace, id: string, controlIds: string[], collectedAt = new Date()): Promise<void> {
  await db.insert(evidenceRecords).values({ workspaceId: ws.id, id, kind: "aws-config", controlIds, source: { kind: "test" }, collectedAt, sha256: "a".repeat(64), path: `blobs/${id}` });
}

describeEachStore("the Statement of Applicability", (getStore) => {
  it("is prefilled for an aws-saas workspace: 93 controls decided, justified and owned", async () => {
    const { db } = getStore();
    const ws = await workspace(db);
    const soa = await loadStatementOfApplicability(db, ws);
    expect(soa).toHaveLength(93);
    expect(soa.filter((e) => e.applicability === "applicable")).toHaveLength(86);
    expect(soa.filter((e) => e.applicability === "inherited").map((e) => e.controlId)).toEqual(["7.8", "7.11", "7.12", "7.13"]);
    expect(soa.filter((e) => e.applicability === "not_applicable").map((e) => e.controlId)).toEqual(["7.4", "7.6", "8.30"]);
    expect(soa.every((e) => e.justification !== "" && e.owner !== null && e.implementationStatus === null)).toBe(true);
    expect(soa.find((e) => e.controlId === "6.1")?.owner).toBe("P-005");
    const [logged] = await db.select().from(auditLog).where(and(eq(auditLog.workspaceId, ws.id), eq(auditLog.action, "soa.prefill")));
    expect(logged?.after).toMatchObject({ controls: 93, applicable: 86, inherited: 4, not_applicable: 3 });
  });

  it("leaves a blank workspace's controls undecided", async () => {
    const { db } = getStore();
    const soa = await loadStatementOfApplicability(db, await workspace(db, "blank"));
    expect(soa.every((e) => e.applicability === null)).toBe(true);
  });

  it("refuses to exclude or inherit a control without a justification, and writes nothing", async () => {
    const { db } = getStore();
    const ws = await workspace(db, "blank");
    await expect(set(db, ws, "8.30", { applicability: "not_applicable" })).rejects.toThrow(/excluding a control needs a justification/);
    await expect(set(db, ws, "7.8", { applicability: "inherited", justification: "  " })).rejects.toThrow(/inheriting a control needs a justification/);
    expect((await loadStatementOfApplicability(db, ws)).find((e) => e.controlId === "8.30")?.applicability).toBeNull();

    const saved = await set(db, ws, "8.30", { applicability: "not_applicable", justification: "No development is outsourced" });
    expect(saved).toMatchObject({ applicability: "not_applicable", justification: "No development is outsourced" });
  });

  it("does not let an exclusion reuse the justification that said why the control applies", async () => {
    const { db } = getStore();
    const ws = await workspace(db);
    await expect(set(db, ws, "8.11", { applicability: "not_applicable" })).rejects.toThrow(/excluding a control needs a justification/);
    const excluded = await set(db, ws, "8.11", { applicability: "not_applicable", justification: "No personal data is shown outside production" });
    expect(excluded.reasons).toEqual([]);
    await expect(set(db, ws, "8.11", { owner: "P-003" })).resolves.toMatchObject({ justification: "No personal data is shown outside production" });
  });

  it("needs a reason to override a status derived from checks and evidence, and then shows the override", async () => {
    const { db } = getStore();
    const ws = await workspace(db);
    await addEvidence(db, ws, "E-001", ["8.15"]);
    const checkResults = [{ controlId: "8.15", passed: true }];
    const setWithChecks = (changes: Parameters<typeof setSoaEntry>[3]) => db.transaction((tx) => setSoaEntry(tx, ws, "8.15", changes, { actor: "test", checkResults }));
    expect((await loadStatementOfApplicability(db, ws, { checkResults })).find((e) => e.controlId === "8.15")).toMatchObject({ implementationStatus: "implemented", statusSource: "derived" });

    await expect(setWithChecks({ implementationStatus: "partially_implemented" })).rejects.toThrow(/derived as implemented.*--override-reason/);
    await expect(setWithChecks({ implementationStatus: "implemented" })).resolves.toMatchObject({ implementationStatus: "implemented", statusSource: "derived" });
    const overridden = await setWithChecks({ implementationStatus: "partially_implemented", overrideReason: "Application logs are not yet centralized" });
    expect(overridden).toMatchObject({ implementationStatus: "partially_implemented", statusSource: "override", statusOverrideReason: "Application logs are not yet centralized" });
    await expect(setWithChecks({ overrideReason: "Only CloudTrail is centralized" })).resolves.toMatchObject({ statusOverrideReason: "Only CloudTrail is centralized" });

    const cleared = await setWithChecks({ implementationStatus: null });
    expect(cleared).toMatchObject({ implementationStatus: "implemented", statusSource: "derived", statusOverrideReason: null });
  });

  it("derives implemented from fresh evidence until a person states a status", async () => {
    const { db } = getStore();
    const ws = await workspace(db);
    await addEvidence(db, ws, "E-001", ["8.13"]);
    await addEvidence(db, ws, "E-002", ["8.14"], new Date(Date.now() - 200 * 24 * 60 * 60 * 1000));
    const soa = await loadStatementOfApplicability(db, ws);
    expect(soa.find((e) => e.controlId === "8.13")).toMatchObject({ implementationStatus: "implemented", statusSource: "derived" });
    expect(soa.find((e) => e.controlId === "8.14")).toMatchObject({ implementationStatus: null, evidence: [expect.objectContaining({ id: "E-002", fresh: false })] });
    await expect(set(db, ws, "8.13", { implementationStatus: "partially_implemented" })).resolves.toMatchObject({ implementationStatus: "partially_implemented", statusSource: "manual" });
    await expect(set(db, ws, "8.13", { overrideReason: "no status given" })).rejects.toThrow(/goes with a status/);
  });

  it("checks every automated result against a stated status", async () => {
    const { db } = getStore();
    const ws = await workspace(db);
    await addEvidence(db, ws, "E-001", ["8.24"]);
    const checkResults = [{ controlId: "8.24", passed: false }];
    const soa = await loadStatementOfApplicability(db, ws, { checkResults });
    expect(soa.find((e) => e.controlId === "8.24")).toMatchObject({ implementationStatus: "not_implemented", statusSource: "derived" });
    await expect(db.transaction((tx) => setSoaEntry(tx, ws, "8.24", { implementationStatus: "implemented" }, { actor: "test", checkResults }))).rejects.toThrow(/override-reason/);
  });

  it("takes risk reasons from the register only and refuses to exclude a control that treats a risk", async () => {
    const { db } = getStore();
    const ws = await workspace(db, "blank");
    await db.transaction((tx) => addRisk(tx, ws, { title: "Leaked keys", decision: "treat", controlIds: ["8.5", "5.17"] }, { actor: "test" }));
    await expect(set(db, ws, "8.5", { applicability: "applicable", reasons: [{ kind: "risk", ref: "R-009" }] })).rejects.toThrow(/come from the risk register/);
    const saved = await set(db, ws, "8.5", { applicability: "applicable", reasons: [{ kind: "legal", ref: "GDPR" }], owner: null });
    expect(saved.reasons).toEqual([{ kind: "risk", ref: "R-001" }, { kind: "legal", ref: "GDPR" }]);
    expect(saved.treatedRiskIds).toEqual(["R-001"]);
    await expect(set(db, ws, "5.17", { applicability: "not_applicable", justification: "No passwords" })).rejects.toThrow(/cannot be excluded: it treats R-001/);
  });

  it("resolves the owner by name and records every change in the audit log", async () => {
    const { db } = getStore();
    const ws = await workspace(db);
    const saved = await set(db, ws, "5.7", { owner: "Head of Security", implementationDescription: " GuardDuty findings reviewed weekly ", reference: "PROC-004" });
    expect(saved).toMatchObject({ owner: "P-002", implementationDescription: "GuardDuty findings reviewed weekly", reference: "PROC-004" });
    await expect(set(db, ws, "5.7", { owner: "Nobody Known" })).rejects.toThrow(/no person "Nobody Known"/);
    const entries = await db.select().from(auditLog).where(and(eq(auditLog.workspaceId, ws.id), eq(auditLog.action, "soa.set")));
    expect(entries.map((e) => e.entityId)).toEqual(["5.7"]);
  });

  it("adds own controls after Annex A, refusing ids that read as Annex A ids", async () => {
    const { db } = getStore();
    const ws = await workspace(db);
    const add = (id: string) => db.transaction((tx) => addOwnControl(tx, ws, { id, title: "Customer-managed keys", relatedControlId: "8.24" }, { actor: "test" }));
    for (const bad of ["5.1", "A.5.1", "A 8.24", "12.4.1", "A5", "Keys", "has space"]) await expect(add(bad), bad).rejects.toThrow(/cannot be an own control's id/);
    const entry = await add("ACME-01");
    expect(entry).toMatchObject({ controlId: "ACME-01", theme: "own", applicability: "applicable", title: "Customer-managed keys" });
    await expect(add("acme-01")).rejects.toThrow(/already exists/);
    const soa = await loadStatementOfApplicability(db, ws);
    expect(soa.at(-1)?.controlId).toBe("ACME-01");
    expect(soa).toHaveLength(94);
  });

  it("reads one control's entry exactly as the whole SoA derives it, from that control's rows only", async () => {
    const { db } = getStore();
    const ws = await workspace(db);
    const other = await workspace(db);
    const day = 24 * 60 * 60 * 1000;
    const [treated, tolerated] = await db.transaction(async (tx) => {
      const added = [
        await addRisk(tx, ws, { title: "Leaked keys", decision: "treat", controlIds: ["8.5", "5.17"] }, { actor: "test" }),
        await addRisk(tx, ws, { title: "Tolerated", decision: "tolerate", controlIds: ["8.5"] }, { actor: "test" }),
      ];
      await addRisk(tx, other, { title: "Theirs", decision: "treat", controlIds: ["8.13"] }, { actor: "test" });
      await addOwnControl(tx, ws, { id: "ACME-01", title: "Customer-managed keys" }, { actor: "test" });
      return added.map((risk) => risk.id);
    });
    await addEvidence(db, ws, "E-001", ["8.13", "8.14"]);
    await addEvidence(db, ws, "E-002", ["8.14"], new Date(Date.now() - 200 * day));
    await addEvidence(db, ws, "E-003", ["5.1"], new Date(Date.now() + 30 * day));
    await addEvidence(db, ws, "E-004", []);
    await addEvidence(db, other, "E-005", ["8.13"]);
    // A record tied to a control by the SoA row's references rather than by its own control list.
    await db.update(controlImplementations).set({ evidenceRefs: ["E-004", "E-404"] }).where(and(eq(controlImplementations.workspaceId, ws.id), eq(controlImplementations.controlId, "5.15")));
    const checkResults = [{ controlId: "8.24", passed: false }, { controlId: "8.13", passed: true }];
    const whole = await loadStatementOfApplicability(db, ws, { checkResults });
    expect(whole.find((e) => e.controlId === "5.15")?.evidence.map((e) => e.id)).toEqual(["E-004"]);
    expect(whole.find((e) => e.controlId === "8.5")?.treatedRiskIds).toContain(treated);
    expect(whole.find((e) => e.controlId === "8.5")?.treatedRiskIds).not.toContain(tolerated);
    for (const entry of whole) await expect(getSoaEntry(db, ws, entry.controlId, { checkResults }), entry.controlId).resolves.toEqual(entry);
    await expect(getSoaEntry(db, ws, "9.9")).rejects.toThrow(/No control 9.9 in this SoA/);
  });

  it("keeps one workspace's SoA out of another's sight", async () => {
    const { db } = getStore();
    const mine = await workspace(db, "blank");
    const theirs = await workspace(db, "blank");
    await set(db, mine, "5.1", { applicability: "applicable", justification: "Ours" });
    await addEvidence(db, mine, "E-001", ["5.1"]);
    await db.transaction((tx) => addOwnControl(tx, mine, { id: "ACME-01", title: "Ours" }, { actor: "test" }));
    const other = await loadStatementOfApplicability(db, theirs);
    expect(other).toHaveLength(93);
    expect(other.find((e) => e.controlId === "5.1")).toMatchObject({ applicability: null, justification: "", evidence: [] });
  });
});
