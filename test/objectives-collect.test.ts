// An objective bound to a check, measured by real collection runs against the simulated demo
// organization: each run records the check's pass rate, and a check with no verdict records nothing.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { runAwsCollection, type AwsCollectionOutcome } from "../src/app/aws-collection.js";
import { bindObjective, listMeasurements, loadObjectiveTrend } from "../src/app/objectives.js";
import { initWorkspace, resolveWorkspace, type Workspace } from "../src/app/workspaces.js";
import { iamUserConsoleMfa } from "../src/aws/checks/iam-users.js";
import { guarddutyEnabled } from "../src/aws/checks/threat-detection.js";
import { iamCollector } from "../src/aws/collectors/iam.js";
import { createBlobStore } from "../src/evidence/blobs.js";
import type { Store } from "../src/store/open.js";
import { startSimulator, type Simulator } from "../testing/aws-sim/server.js";
import { openTestStore } from "./helpers/pglite-template.js";

// The demo's IAM users with a console password: break-glass-admin and qa-tester have MFA, jane.doe has none.
const demoMfaRate = (2 / 3) * 100;
const runSummary = z.array(z.object({ objectiveId: z.string(), checkId: z.string(), value: z.number().nullable(), summary: z.string() }));

describe("an objective bound to a check records a measurement at each collection against the simulated organization", () => {
  let sim: Simulator;
  let store: Store;
  let dir: string;
  let ws: Workspace;
  const runs: AwsCollectionOutcome[] = [];

  const collect = () =>
    runAwsCollection(store.db, ws, createBlobStore(join(dir, "evidence")), {
      clientConfig: { endpoint: sim.url, region: "us-east-1", credentials: { accessKeyId: sim.env.AWS_ACCESS_KEY_ID ?? "", secretAccessKey: sim.env.AWS_SECRET_ACCESS_KEY ?? "" } },
      org: true,
      roleName: "ISMSCollector",
      actor: "test",
      collectors: [iamCollector],
      // GuardDuty is not collected here, so its check gives no pass or fail.
      checks: [iamUserConsoleMfa, guarddutyEnabled],
    });

  beforeAll(async () => {
    [sim, store, dir] = await Promise.all([startSimulator({ scenario: "demo" }), openTestStore(), mkdtemp(join(tmpdir(), "isms-objectives-"))]);
    await initWorkspace(store.db, { name: "Acme ISMS", slug: "acme", template: "aws-saas" });
    ws = await resolveWorkspace(store.db, "acme");
    await store.db.transaction((tx) => bindObjective(tx, ws, "OBJ-002", { checkId: "guardduty-enabled" }, { actor: "test" }));
    runs.push(await collect());
    runs.push(await collect());
  }, 120_000);
  afterAll(async () => {
    await sim.close();
    await store.close();
    await rm(dir, { recursive: true, force: true });
  });

  it("records the console MFA pass rate of each run for OBJ-001, the template's bound objective", async () => {
    const measured = await listMeasurements(store.db, ws, "OBJ-001");
    expect(measured.map((m) => [m.source, m.runId, m.note])).toEqual([
      ["check", runs[0]?.run.id, "2 of 3 resources pass (iam-user-console-mfa)"],
      ["check", runs[1]?.run.id, "2 of 3 resources pass (iam-user-console-mfa)"],
    ]);
    for (const m of measured) expect(m.value).toBeCloseTo(demoMfaRate, 10);
    expect(runs.map((r) => r.run.id)).toEqual(["C-001", "C-002"]);
  });

  it("shows the trend against the target of 100 %, not met while jane.doe has no MFA", async () => {
    const trend = await loadObjectiveTrend(store.db, ws, "OBJ-001");
    expect(trend.points).toHaveLength(2);
    expect(trend.change).toBe(0);
    expect(trend.met).toBe(false);
  });

  it("records nothing for a check without a pass or fail, and says so in the run summary", async () => {
    expect(await listMeasurements(store.db, ws, "OBJ-002")).toEqual([]);
    const run = runs[1];
    expect(run?.objectives.map((o) => [o.objectiveId, o.measurement === null])).toEqual([["OBJ-001", false], ["OBJ-002", true]]);
    const summary = runSummary.parse(run?.run.stats.objectives);
    expect(summary.map((s) => [s.objectiveId, s.checkId, s.summary])).toEqual([
      ["OBJ-001", "iam-user-console-mfa", "OBJ-001: 66.7%, 2 of 3 resources pass (iam-user-console-mfa)"],
      ["OBJ-002", "guardduty-enabled", "OBJ-002: nothing recorded, guardduty-enabled gave no pass or fail result in run C-002"],
    ]);
    expect(summary[0]?.value).toBeCloseTo(demoMfaRate, 10);
    expect(summary[1]?.value).toBeNull();
  });
});
