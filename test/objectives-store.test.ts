// Objectives and their measurement on both stores: the template's objectives, the register's changes,
// measurements by hand and from a bound check's results, binding, the trend, and workspace isolation.
import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import {
  addObjective,
  bindObjective,
  editObjective,
  getObjective,
  listMeasurements,
  listObjectives,
  loadObjectiveTrend,
  measureBoundObjectives,
  nearestCheckIds,
  objectiveTrend,
  recordMeasurement,
  removeObjective,
  sparkline,
  targetDirection,
  unbindObjective,
  type Objective,
} from "../src/app/objectives.js";
import { initWorkspace, resolveWorkspace, type Workspace } from "../src/app/workspaces.js";
import { InvalidInputError } from "../src/domain/errors.js";
import { isoDay } from "../src/domain/risk/calendar.js";
import type { Db } from "../src/store/open.js";
import { auditLog } from "../src/store/schema/index.js";
import { uniqueSlug } from "./helpers/fixtures.js";
import { describeEachStore } from "./helpers/stores.js";

const cli = { actor: "test" };

async function workspace(db: Db, template: "aws-saas" | "blank"): Promise<Workspace> {
  const slug = uniqueSlug("obj");
  await initWorkspace(db, { name: "Acme ISMS", slug, template });
  return resolveWorkspace(db, slug);
}

const results = (checkId: string, counts: Record<string, number>) => Object.entries(counts).flatMap(([status, n]) => Array.from({ length: n }, () => ({ checkId, status })));

describe("the trend of an objective", () => {
  const objective: Objective = { id: "OBJ-9", title: "t", description: null, measure: null, target: "100%", owner: null, dueDate: null, status: "active", method: null, frequency: null, checkId: null, targetValue: 100, unit: "%" };
  const measured = (value: number, measuredOn: string, id: string) => ({ id, objectiveId: "OBJ-9", measuredOn, value, note: null, source: "manual", runId: null });

  it("orders measurements by day and says whether the latest meets the target", () => {
    const trend = objectiveTrend(objective, [measured(100, "2026-03-01", "MS-2"), measured(50, "2026-01-01", "MS-1")]);
    expect(trend.points.map((p) => [p.id, p.met])).toEqual([["MS-1", false], ["MS-2", true]]);
    expect(trend.met).toBe(true);
    expect(trend.change).toBe(50);
    expect(trend.sparkline).toBe("▁█");
  });

  it("reads a target that says at most as lower is better", () => {
    expect(targetDirection("within 14 days")).toBe("at-most");
    expect(targetDirection("at least 95%")).toBe("at-least");
    const trend = objectiveTrend({ ...objective, target: "at most 5 days", targetValue: 5, unit: "days" }, [measured(7, "2026-01-01", "MS-1")]);
    expect(trend.met).toBe(false);
  });

  it("has no verdict without a numeric target or a measurement", () => {
    expect(objectiveTrend({ ...objective, targetValue: null }, [measured(10, "2026-01-01", "MS-1")]).met).toBeNull();
    expect(objectiveTrend(objective, []).met).toBeNull();
    expect(sparkline([])).toBe("");
  });

  it("suggests the check ids that share a word or are a few letters away", () => {
    const ids = ["iam-user-console-mfa", "iam-root-mfa", "kms-key-rotation", "s3-bucket-public-access-block"];
    expect(nearestCheckIds("iam-users-mfa", ids).slice(0, 2).sort()).toEqual(["iam-root-mfa", "iam-user-console-mfa"]);
    expect(nearestCheckIds("kms-key-rotaton", ids)[0]).toBe("kms-key-rotation");
    expect(nearestCheckIds("zzz", ids)).toEqual([]);
  });
});

describeEachStore("objectives and measurements", (getStore) => {
  let ws: Workspace;
  let other: Workspace;
  beforeAll(async () => {
    ws = await workspace(getStore().db, "aws-saas");
    other = await workspace(getStore().db, "blank");
  });

  it("starts from the template with OBJ-001 bound to the console MFA check and every objective measured by a method and frequency", async () => {
    const objectives = await listObjectives(getStore().db, ws);
    expect(objectives.map((o) => o.id)).toEqual(["OBJ-001", "OBJ-002", "OBJ-003", "OBJ-004"]);
    expect(objectives[0]).toMatchObject({ checkId: "iam-user-console-mfa", targetValue: 100, unit: "%", frequency: "at each collection" });
    for (const o of objectives) {
      expect(o.method, o.id).toBeTruthy();
      expect(o.frequency, o.id).toBeTruthy();
    }
  });

  it("adds an objective numbered after the others, active, with its owner named by name", async () => {
    const { db } = getStore();
    const added = await db.transaction((tx) => addObjective(tx, ws, { title: "Suppliers are reviewed", owner: "Head of Security", targetValue: 100, unit: "%" }, cli));
    expect(added).toMatchObject({ id: "OBJ-005", status: "active", owner: "P-002", targetValue: 100 });
    const edited = await db.transaction((tx) => editObjective(tx, ws, "OBJ-005", { frequency: "quarterly" }, cli));
    expect(edited).toMatchObject({ frequency: "quarterly", owner: "P-002", title: "Suppliers are reviewed" });
  });

  it("refuses an unknown owner and a date that is not a day, writing nothing", async () => {
    const { db } = getStore();
    await expect(db.transaction((tx) => addObjective(tx, ws, { title: "x", owner: "Nobody Known" }, cli))).rejects.toThrow('owner: no person "Nobody Known"');
    const bad = db.transaction((tx) => editObjective(tx, ws, "OBJ-002", { dueDate: "31/12/2027" }, cli));
    await expect(bad).rejects.toThrow(InvalidInputError);
    await expect(bad).rejects.toThrow("objective OBJ-002 at dueDate: is not a date; write it as YYYY-MM-DD");
    expect((await getObjective(db, ws, "OBJ-002")).dueDate).toBeNull();
  });

  it("records a measurement by hand, dated today unless told, in the audit log", async () => {
    const { db } = getStore();
    const today = await db.transaction((tx) => recordMeasurement(tx, ws, "OBJ-003", { value: 80 }, cli));
    expect(today).toMatchObject({ objectiveId: "OBJ-003", measuredOn: isoDay(new Date()), value: 80, source: "manual", runId: null });
    await db.transaction((tx) => recordMeasurement(tx, ws, "OBJ-003", { value: 60, measuredOn: "2026-01-31", note: "LMS export" }, cli));
    const trend = await loadObjectiveTrend(db, ws, "OBJ-003");
    expect(trend.points.map((p) => p.value)).toEqual([60, 80]);
    expect(trend.met).toBe(false);
    const logged = await db.select().from(auditLog).where(and(eq(auditLog.workspaceId, ws.id), eq(auditLog.entityId, today.id)));
    expect(logged.map((l) => l.action)).toEqual(["measurements.add"]);
    await expect(db.transaction((tx) => recordMeasurement(tx, ws, "OBJ-404", { value: 1 }, cli))).rejects.toThrow("No objective OBJ-404 in this workspace");
  });

  it("gives each bound objective its check's pass rate at a collection run, and records nothing for a check without a pass or fail", async () => {
    const { db } = getStore();
    await db.transaction((tx) => bindObjective(tx, ws, "OBJ-002", { checkId: "guardduty-enabled", targetValue: 95 }, cli));
    const runResults = [...results("iam-user-console-mfa", { pass: 12, fail: 1, "not-applicable": 4, unknown: 2 }), ...results("guardduty-enabled", { unknown: 3 })];
    const outcome = await db.transaction((tx) => measureBoundObjectives(tx, ws, "C-007", runResults, { measuredOn: "2026-06-01" }));
    expect(outcome.map((o) => [o.objectiveId, o.passed, o.failed])).toEqual([["OBJ-001", 12, 1], ["OBJ-002", 0, 0]]);
    expect(outcome[0]?.measurement).toMatchObject({ objectiveId: "OBJ-001", measuredOn: "2026-06-01", source: "check", runId: "C-007", note: "12 of 13 resources pass (iam-user-console-mfa)" });
    expect(outcome[0]?.measurement?.value).toBeCloseTo((12 / 13) * 100, 10);
    expect(outcome[1]?.measurement).toBeNull();
    expect(outcome[1]?.summary).toBe("OBJ-002: nothing recorded, guardduty-enabled gave no pass or fail result in run C-007");
    expect((await listMeasurements(db, ws, "OBJ-002")).length).toBe(0);
    expect((await loadObjectiveTrend(db, ws, "OBJ-001")).met).toBe(false);
  });

  it("leaves objectives no longer pursued unmeasured", async () => {
    const { db } = getStore();
    const retired = await db.transaction((tx) => addObjective(tx, ws, { title: "Old MFA goal", status: "retired" }, cli));
    await db.transaction((tx) => bindObjective(tx, ws, retired.id, { checkId: "iam-user-console-mfa" }, cli));
    const outcome = await db.transaction((tx) => measureBoundObjectives(tx, ws, "C-008", results("iam-user-console-mfa", { pass: 1 })));
    expect(outcome.map((o) => o.objectiveId)).toEqual(["OBJ-001", "OBJ-002"]);
    await db.transaction((tx) => removeObjective(tx, ws, retired.id, cli));
  });

  it("refuses to bind an unknown check and names the near ones; unbinding keeps the measurements", async () => {
    const { db } = getStore();
    await expect(db.transaction((tx) => bindObjective(tx, ws, "OBJ-003", { checkId: "iam-users-mfa" }, cli))).rejects.toThrow(/No automated check "iam-users-mfa"\. Did you mean .*iam-user-console-mfa/);
    expect((await getObjective(db, ws, "OBJ-003")).checkId).toBeNull();
    const unbound = await db.transaction((tx) => unbindObjective(tx, ws, "OBJ-001", cli));
    expect(unbound.checkId).toBeNull();
    expect((await listMeasurements(db, ws, "OBJ-001")).length).toBe(2);
    await expect(db.transaction((tx) => unbindObjective(tx, ws, "OBJ-001", cli))).rejects.toThrow("OBJ-001 is not bound to a check");
  });

  it("fills an empty measure, method and frequency when binding, defaulting the target to 100 %", async () => {
    const { db } = getStore();
    const bare = await db.transaction((tx) => addObjective(tx, ws, { title: "Root has MFA" }, cli));
    const bound = await db.transaction((tx) => bindObjective(tx, ws, bare.id, { checkId: "iam-root-mfa" }, cli));
    expect(bound).toMatchObject({ checkId: "iam-root-mfa", targetValue: 100, unit: "%", target: "100%", frequency: "at each collection" });
    expect(bound.measure).toContain("iam-root-mfa");
  });

  it("removes an objective together with its measurements", async () => {
    const { db } = getStore();
    expect(await db.transaction((tx) => removeObjective(tx, ws, "OBJ-003", cli))).toEqual({ measurements: 2 });
    expect((await listMeasurements(db, ws)).some((m) => m.objectiveId === "OBJ-003")).toBe(false);
  });

  it("keeps one workspace's objectives and measurements out of another's", async () => {
    const { db } = getStore();
    expect((await listObjectives(db, ws)).length).toBeGreaterThan(0);
    expect(await listObjectives(db, other)).toEqual([]);
    expect(await listMeasurements(db, other)).toEqual([]);
    await expect(getObjective(db, other, "OBJ-005")).rejects.toThrow("No objective OBJ-005");
    await expect(db.transaction((tx) => recordMeasurement(tx, other, "OBJ-005", { value: 1 }, cli))).rejects.toThrow("No objective OBJ-005");
  });
});
