// The certification cycle on both stores: the body and dates, the timeline with the certification
// body's audits and the deadlines of its findings, and the surveillance sampling plan drawn from the SoA.
import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import {
  draftSurveillanceSampling,
  listCertificationCycles,
  loadCycleOverview,
  loadSamplingControls,
  loadSurveillanceSamples,
  moveSurveillanceSample,
  setCertificationCycle,
  writeSurveillanceSampling,
} from "../src/app/cycle.js";
import { initWorkspace, resolveWorkspace, type Workspace } from "../src/app/workspaces.js";
import { InvalidInputError } from "../src/domain/errors.js";
import { auditFindings, audits, controlImplementations, risks } from "../src/store/schema/index.js";
import { uniqueSlug } from "./helpers/fixtures.js";
import { describeEachStore } from "./helpers/stores.js";

const test = { actor: "test" };

describeEachStore("certification cycle", (getStore) => {
  let ws: Workspace;
  beforeAll(async () => {
    const { db } = getStore();
    const slug = uniqueSlug("cc");
    await initWorkspace(db, { name: "Acme ISMS", slug, companyName: "Acme Cloud Ltd", template: "aws-saas" });
    ws = await resolveWorkspace(db, slug);
  });

  it("needs the certification body to start a cycle, and refuses dates out of order without writing", async () => {
    const { db } = getStore();
    await expect(db.transaction((tx) => setCertificationCycle(tx, ws, { stage1: "2026-01-10" }, test))).rejects.toThrow("--body: name the certification body");
    const outOfOrder = db.transaction((tx) => setCertificationCycle(tx, ws, { body: "BSI", stage1: "2026-03-10", stage2: "2026-01-02" }, test));
    await expect(outOfOrder).rejects.toThrow(InvalidInputError);
    await expect(outOfOrder).rejects.toThrow("certification cycle CC-001 at --stage2: 2026-01-02 is not after --stage1 2026-03-10");
    await expect(db.transaction((tx) => setCertificationCycle(tx, ws, { body: "BSI", issued: "2027-02-30" }, test))).rejects.toThrow('at --issued: "2027-02-30" is not a date');
    expect(await listCertificationCycles(db, ws)).toEqual([]);
  });

  it("shows the timeline: surveillance due within 12 and 24 months of issue, recertification before expiry, minor findings given 90 days", async () => {
    const { db } = getStore();
    await db.transaction((tx) => setCertificationCycle(tx, ws, { body: "BSI", stage1: "2026-01-10", stage2: "2026-03-02" }, test));
    const cycle = await db.transaction((tx) => setCertificationCycle(tx, ws, { issued: "2026-04-15", number: "IS 801234" }, test));
    expect(cycle).toMatchObject({ id: "CC-001", certificationBody: "BSI", stage1Date: "2026-01-10", certificateIssued: "2026-04-15", certificateExpires: null });
    const audit = { workspaceId: ws.id, auditor: "BSI", status: "completed", cycleId: "CC-001" };
    await db.insert(audits).values([
      { ...audit, id: "EA-1", kind: "stage1", title: "Stage 1", plannedStart: "2026-01-10", plannedEnd: "2026-01-11" },
      { ...audit, id: "EA-2", kind: "stage2", title: "Stage 2", plannedStart: "2026-03-02", plannedEnd: "2026-03-04" },
      { ...audit, id: "EA-3", kind: "surveillance", title: "Surveillance 1", status: "planned", plannedStart: "2027-03-01", plannedEnd: "2027-03-02" },
      { ...audit, id: "EA-9", kind: "surveillance", title: "Not linked", status: "planned", cycleId: null },
    ]);
    const finding = { workspaceId: ws.id, auditId: "EA-2", status: "open", raisedOn: "2026-03-04" };
    await db.insert(auditFindings).values([
      { ...finding, id: "F-1", kind: "minor_nonconformity", requirement: "A.5.9", description: "Laptops missing from the inventory" },
      { ...finding, id: "F-2", kind: "major_nonconformity", requirement: "9.2", description: "No internal audit", dueDate: "2026-04-01", status: "closed" },
      { ...finding, id: "F-3", kind: "observation", requirement: "8.16", description: "Alerts go to one person" },
    ]);

    const { timeline, unlinkedAudits } = await loadCycleOverview(db, ws, "2026-07-01");
    expect(timeline.decision).toBe("2026-04-15");
    expect(timeline.expires).toBe("2029-04-15");
    expect(timeline.milestones.map((m) => [m.key, m.date, m.deadline, m.state, m.auditId])).toEqual([
      ["stage1", "2026-01-10", null, "done", "EA-1"],
      ["stage2", "2026-03-02", null, "done", "EA-2"],
      ["certificate", "2026-04-15", null, "done", null],
      ["surveillance1", "2027-03-01", "2027-04-15", "scheduled", "EA-3"],
      ["surveillance2", null, "2028-04-15", "due", null],
      ["recertification", null, "2029-04-15", "due", null],
    ]);
    expect(timeline.milestones[2]?.note).toBe("number IS 801234");
    expect(timeline.findings.map((f) => [f.id, f.deadline, f.deadlineSource, f.overdue])).toEqual([
      ["F-2", "2026-04-01", "recorded", false],
      ["F-1", "2026-06-02", "usual", true],
      ["F-3", null, null, false],
    ]);
    expect(timeline.audits.map((a) => [a.id, a.kind, a.start, a.end, a.findings, a.open])).toEqual([
      ["EA-1", "stage1", "2026-01-10", "2026-01-11", 0, 0],
      ["EA-2", "stage2", "2026-03-02", "2026-03-04", 3, 2],
      ["EA-3", "surveillance", "2027-03-01", "2027-03-02", 0, 0],
    ]);
    expect(unlinkedAudits.map((a) => a.id)).toEqual(["EA-9"]);

    const later = await loadCycleOverview(db, ws, "2027-05-01");
    expect(later.timeline.milestones.find((m) => m.key === "surveillance1")).toMatchObject({ state: "overdue", note: "audit EA-3 is not recorded as completed" });
  });

  it("draws a sampling plan over every applicable control, findings and the highest risks first, and stores it with its seed", async () => {
    const { db } = getStore();
    const soa = await db.select().from(controlImplementations).where(eq(controlImplementations.workspaceId, ws.id));
    const applicable = soa.filter((r) => r.applicability !== "not_applicable").map((r) => r.controlId);
    expect(soa.some((r) => r.applicability === "inherited")).toBe(true);

    await expect(db.transaction((tx) => moveSurveillanceSample(tx, ws, "5.9", 2, test))).rejects.toThrow("CC-001 has no stored sampling plan");
    const { plan } = await draftSurveillanceSampling(db, ws);
    expect(plan.seed).toBe("CC-001");
    expect(plan.assignments.map((a) => a.controlId).sort()).toEqual([...applicable].sort());
    const sizes = [1, 2, 3].map((y) => plan.assignments.filter((a) => a.year === y).length);
    expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
    const withFinding = plan.assignments.find((a) => a.controlId === "5.9");
    expect(withFinding?.year).toBe(1);
    expect(withFinding?.reason).toContain("earlier finding F-1 (minor nonconformity)");

    const riskRows = await db.select().from(risks).where(eq(risks.workspaceId, ws.id));
    const worst = riskRows.reduce((a, b) => ((b.inherentScore ?? 0) > (a.inherentScore ?? 0) ? b : a));
    const controls = await loadSamplingControls(db, ws);
    const topControl = controls.filter((c) => c.findings.length === 0).sort((a, b) => (b.riskScore ?? 0) - (a.riskScore ?? 0))[0];
    expect(topControl?.riskScore).toBe(worst.inherentScore);
    const highest = plan.assignments.find((a) => a.controlId === topControl?.controlId);
    expect(highest?.year).toBe(1);
    expect(highest?.reason).toMatch(/^risk R-\d+ scores \d+$/);

    const written = await db.transaction((tx) => writeSurveillanceSampling(tx, ws, undefined, test));
    expect(written.plan).toEqual(plan);
    expect((await listCertificationCycles(db, ws))[0]?.samplingSeed).toBe("CC-001");
    expect(await loadSurveillanceSamples(db, ws, "CC-001")).toEqual(plan.assignments);
    const reseeded = await draftSurveillanceSampling(db, ws, "another seed");
    expect(reseeded.plan.assignments.map((a) => a.controlId).sort()).toEqual([...applicable].sort());
  });

  it("moves a control to another year by hand, and refuses a control outside the plan or a fourth year", async () => {
    const { db } = getStore();
    const moved = await db.transaction((tx) => moveSurveillanceSample(tx, ws, "A.5.9", 3, test));
    expect(moved).toEqual({ controlId: "5.9", year: 3, reason: "moved by hand", from: 1 });
    expect((await loadSurveillanceSamples(db, ws, "CC-001")).find((s) => s.controlId === "5.9")).toEqual({ controlId: "5.9", year: 3, reason: "moved by hand" });
    const notApplicable = (await db.select().from(controlImplementations).where(and(eq(controlImplementations.workspaceId, ws.id), eq(controlImplementations.applicability, "not_applicable"))))[0];
    await expect(db.transaction((tx) => moveSurveillanceSample(tx, ws, notApplicable?.controlId ?? "7.4", 2, test))).rejects.toThrow("is not in the sampling plan of CC-001");
    await expect(db.transaction((tx) => moveSurveillanceSample(tx, ws, "5.9", 4, test))).rejects.toThrow("--year: 4 is not a year of the cycle");
  });

  describe("a new cycle", () => {
    it("starts after the current one with its own number, leaving the first as it was", async () => {
      const { db } = getStore();
      const next = await db.transaction((tx) => setCertificationCycle(tx, ws, { body: "BSI", startNew: true, stage2: "2029-03-01" }, test));
      expect(next.id).toBe("CC-002");
      expect((await listCertificationCycles(db, ws)).map((c) => [c.id, c.certificateIssued])).toEqual([
        ["CC-001", "2026-04-15"],
        ["CC-002", null],
      ]);
      expect((await loadCycleOverview(db, ws, "2029-04-01")).timeline.milestones.find((m) => m.key === "surveillance1")?.deadline).toBe("2030-03-01");
    });
  });
});
