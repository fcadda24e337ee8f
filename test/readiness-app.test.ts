// Readiness over the store: an aws-saas workspace loads into a snapshot and is not ready; the loader
// reads what the rules need (newest records, review inputs, scope changes) and nothing of other workspaces.
import { and, eq } from "drizzle-orm";
import { expect, it } from "vitest";
import { assessReadiness, loadWorkspaceSnapshot } from "../src/app/readiness.js";
import { approveScope, setScope } from "../src/app/scope.js";
import { loadStatementOfApplicability } from "../src/app/soa.js";
import { initWorkspace, resolveWorkspace } from "../src/app/workspaces.js";
import type { Db } from "../src/store/open.js";
import { controlImplementations, documents, documentVersions, evidenceRecords, managementReviews, measurements } from "../src/store/schema/index.js";
import { uniqueSlug } from "./helpers/fixtures.js";
import { describeEachStore } from "./helpers/stores.js";

async function awsSaasWorkspace(db: Db) {
  const slug = uniqueSlug("ready");
  await initWorkspace(db, { name: "Ready", slug, template: "aws-saas" });
  return resolveWorkspace(db, slug);
}

const sha256 = "a".repeat(64);

describeEachStore("readiness", (getStore) => {
  it("loads an aws-saas workspace into a snapshot that is not ready for Stage 1", async () => {
    const { db } = getStore();
    const ws = await awsSaasWorkspace(db);

    const snapshot = await loadWorkspaceSnapshot(db, ws);
    expect(snapshot.workspace.slug).toBe(ws.slug);
    expect(snapshot.scope?.statement).toContain("Ready");
    expect(snapshot.people.length).toBeGreaterThan(0);
    expect(snapshot.risks.length).toBeGreaterThan(30);
    expect(snapshot.riskAssessments).toHaveLength(snapshot.risks.filter((r) => r.inherentScore != null).length);
    expect(snapshot.soa.filter((e) => e.theme !== "own")).toHaveLength(93);
    expect(snapshot.methodology?.version).toBe(1);

    const report = await assessReadiness(db, ws);
    expect(report.stages.map((s) => s.stage)).toEqual(["stage1", "stage2", "surveillance"]);
    const [stage1] = report.stages;
    expect(stage1?.wouldFail).toBe(true);
    expect(stage1?.score).toBeLessThan(100);
    const failing = stage1?.findings["would-fail-stage1"].map((f) => f.ruleId);
    expect(failing).toEqual(expect.arrayContaining(["S1-scope-approved", "S1-policy-approved", "S1-internal-audit", "S1-management-review-held"]));
    expect(stage1?.findings.major.map((f) => f.ruleId)).toContain("S1-documents-controlled");
  });

  it("a fix made through the app clears its finding", async () => {
    const { db } = getStore();
    const ws = await awsSaasWorkspace(db);
    await db.transaction((tx) => approveScope(tx, ws, "P-001", "test"));
    const [stage1] = (await assessReadiness(db, ws, { stage: "stage1" })).stages;
    expect(stage1?.rules.find((r) => r.id === "S1-scope-approved")?.passed).toBe(true);
  });

  it("knows when the scope last changed, from the audit log", async () => {
    const { db } = getStore();
    const ws = await awsSaasWorkspace(db);
    const before = new Date();
    await db.transaction((tx) => setScope(tx, ws, { statement: "The ISMS covers the Ready platform only." }, "test"));
    const snapshot = await loadWorkspaceSnapshot(db, ws);
    expect(snapshot.scope?.changedAt?.getTime()).toBeGreaterThanOrEqual(before.getTime() - 1000);
    const earlier = await loadWorkspaceSnapshot(db, ws, { asOf: new Date(before.getTime() - 60_000) });
    expect(earlier.scope?.changedAt).toBeNull();
  });

  it("reads documents with their versions, the newest measurement, review inputs and the newest evidence of each kind", async () => {
    const { db } = getStore();
    const ws = await awsSaasWorkspace(db);
    const workspaceId = ws.id;
    const asOf = new Date("2026-06-30T12:00:00Z");
    await db.insert(documents).values({ workspaceId, id: "DOC-001", title: "Information Security Policy", kind: "information-security-policy", owner: "P-002", nextReview: "2027-01-31" });
    await db.insert(documentVersions).values([
      { workspaceId, id: "DV-001", documentId: "DOC-001", version: "1", status: "approved", approvedBy: "P-001", approvedAt: new Date("2026-01-10T09:00:00Z") },
      { workspaceId, id: "DV-002", documentId: "DOC-001", version: "2", status: "draft" },
    ]);
    await db.insert(measurements).values([
      { workspaceId, id: "MS-001", objectiveId: "OBJ-001", measuredOn: "2026-03-31", value: 97 },
      { workspaceId, id: "MS-002", objectiveId: "OBJ-001", measuredOn: "2026-05-31", value: 99 },
      { workspaceId, id: "MS-003", objectiveId: "OBJ-001", measuredOn: "2026-08-31", value: 100 },
    ]);
    await db.insert(managementReviews).values({ workspaceId, id: "MR-001", heldOn: "2026-05-15", attendees: ["P-001"], inputs: { a: "Closed", "9.3.2 b)": "No change", c: "" } });
    const evidence = (id: string, kind: string, collectedAt: string) => ({ workspaceId, id, kind, controlIds: ["8.13"], source: { kind: "upload" }, collectedAt: new Date(collectedAt), sha256, path: `blobs/${id}` });
    await db.insert(evidenceRecords).values([
      evidence("E-001", "backup-restore-test", "2026-01-05T10:00:00Z"),
      evidence("E-002", "backup-restore-test", "2026-04-05T10:00:00Z"),
      evidence("E-003", "backup-restore-test", "2026-09-05T10:00:00Z"),
      evidence("E-004", "config-snapshot", "2026-06-01T10:00:00Z"),
    ]);

    const snapshot = await loadWorkspaceSnapshot(db, ws, { asOf });
    // The template's own drafts (POL-…) are there too; this test looks at the one it wrote.
    const written = snapshot.documents.filter((d) => d.id === "DOC-001");
    expect(written.map((d) => [d.id, d.kind, d.owner, d.nextReview])).toEqual([["DOC-001", "information-security-policy", "P-002", "2027-01-31"]]);
    expect(written[0]?.versions.map((v) => [v.id, v.status, v.approvedBy]).sort()).toEqual([
      ["DV-001", "approved", "P-001"],
      ["DV-002", "draft", null],
    ]);
    expect(snapshot.measurements).toEqual([{ id: "MS-002", objectiveId: "OBJ-001", measuredOn: "2026-05-31" }]);
    expect(snapshot.managementReviews[0]?.coveredInputs).toEqual(["9.3.2 a)", "9.3.2 b)"]);
    expect(snapshot.evidence.map((e) => [e.id, e.kind]).sort()).toEqual([
      ["E-002", "backup-restore-test"],
      ["E-004", "config-snapshot"],
    ]);
  });

  it("derives the SoA as the SoA service does, keeping each control's newest evidence", async () => {
    const { db } = getStore();
    const ws = await awsSaasWorkspace(db);
    const workspaceId = ws.id;
    const asOf = new Date("2026-06-30T12:00:00Z");
    const evidence = (id: string, controlIds: string[], collectedAt: string) => ({ workspaceId, id, kind: "aws-snapshot", controlIds, source: { kind: "upload" }, collectedAt: new Date(collectedAt), sha256, path: `blobs/${id}` });
    await db.insert(evidenceRecords).values([
      evidence("E-001", ["8.5", "8.15"], "2026-06-01T10:00:00Z"),
      evidence("E-002", ["8.5"], "2026-01-01T10:00:00Z"),
      evidence("E-003", ["8.15"], "2026-07-15T10:00:00Z"),
      evidence("E-004", [], "2026-06-20T10:00:00Z"),
      evidence("E-005", ["5.1"], "2025-06-01T10:00:00Z"),
    ]);
    await db.update(controlImplementations).set({ evidenceRefs: ["E-004"] }).where(and(eq(controlImplementations.workspaceId, workspaceId), eq(controlImplementations.controlId, "5.7")));

    const snapshot = await loadWorkspaceSnapshot(db, ws, { asOf });
    const service = await loadStatementOfApplicability(db, ws, { asOf });
    expect(snapshot.soa.map((e) => e.controlId)).toEqual(service.map((e) => e.controlId));
    for (const [i, entry] of snapshot.soa.entries()) {
      const theirs = service[i];
      expect({ ...entry, evidence: entry.evidence.slice(0, 1) }).toEqual({ ...theirs, evidence: theirs?.evidence.slice(0, 1) });
      expect(entry.evidence.some((e) => e.fresh)).toBe(theirs?.evidence.some((e) => e.fresh));
    }
    const evidenceOf = (controlId: string) => snapshot.soa.find((e) => e.controlId === controlId)?.evidence;
    expect(evidenceOf("8.5")).toEqual([{ id: "E-001", collectedAt: new Date("2026-06-01T10:00:00Z"), fresh: true }]);
    expect(evidenceOf("8.15")?.map((e) => e.id)).toEqual(["E-001"]);
    expect(evidenceOf("5.7")?.map((e) => e.id)).toEqual(["E-004"]);
    expect(evidenceOf("5.1")).toEqual([{ id: "E-005", collectedAt: new Date("2025-06-01T10:00:00Z"), fresh: false }]);
  });

  it("never reads another workspace's rows", async () => {
    const { db } = getStore();
    const mine = await awsSaasWorkspace(db);
    const theirs = await awsSaasWorkspace(db);
    await db.insert(documents).values({ workspaceId: theirs.id, id: "DOC-001", title: "Their policy", kind: "information-security-policy", owner: "P-001" });
    const snapshot = await loadWorkspaceSnapshot(db, mine);
    expect(snapshot.documents.map((d) => d.title)).not.toContain("Their policy");
    expect(snapshot.documents.every((d) => d.id !== "DOC-001")).toBe(true);
    expect(snapshot.workspace.id).toBe(mine.id);
  });
});
