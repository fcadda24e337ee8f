// The simulated AWS Backup through the real SDK client: a plan's rules with their copy actions
// (GetBackupPlan), an unknown plan, and a vault's lock as ListBackupVaults reports it.
import { BackupClient, GetBackupPlanCommand, ListBackupPlansCommand, ListBackupVaultsCommand } from "@aws-sdk/client-backup";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSimulator } from "./server.js";
import type { Simulator } from "./server.js";
import { management, managementKey, twoAccountScenario } from "./test-scenario.js";

const drVault = `arn:aws:backup:eu-south-2:${management}:backup-vault:dr`;
const backupState = {
  plans: [
    { name: "daily", rules: [{ name: "daily", vault: "prod", deleteAfterDays: 35, copyTo: [drVault] }] },
    { name: "defaults" },
  ],
  vaults: [{ name: "prod", recoveryPoints: 12, lock: { minRetentionDays: 7, lockDate: "2024-06-01T00:00:00Z" } }, { name: "Default", recoveryPoints: 2 }],
};

let sim: Simulator;
const backup = () => new BackupClient({ endpoint: sim.url, region: "eu-west-1", credentials: managementKey, maxAttempts: 2 });

beforeAll(async () => {
  sim = await startSimulator({ scenario: await twoAccountScenario({ [management]: { regions: { "eu-west-1": { backup: backupState } } } }) });
});
afterAll(() => sim.close());

describe("the simulated AWS Backup", () => {
  it("answers a listed plan's rules with their copy actions", async () => {
    const listed = (await backup().send(new ListBackupPlansCommand({}))).BackupPlansList ?? [];
    const daily = listed.find((p) => p.BackupPlanName === "daily");
    const plan = await backup().send(new GetBackupPlanCommand({ BackupPlanId: daily?.BackupPlanId }));
    expect(plan.BackupPlanArn).toBe(daily?.BackupPlanArn);
    expect(plan.BackupPlan?.Rules).toMatchObject([
      { RuleName: "daily", TargetBackupVaultName: "prod", Lifecycle: { DeleteAfterDays: 35 }, CopyActions: [{ DestinationBackupVaultArn: drVault, Lifecycle: { DeleteAfterDays: 35 } }] },
    ]);
  });

  it("gives a plan without rules in the scenario AWS's minimum: one rule to the Default vault, copying nowhere", async () => {
    const listed = (await backup().send(new ListBackupPlansCommand({}))).BackupPlansList ?? [];
    const plan = await backup().send(new GetBackupPlanCommand({ BackupPlanId: listed.find((p) => p.BackupPlanName === "defaults")?.BackupPlanId }));
    expect(plan.BackupPlan?.Rules?.map((r) => [r.TargetBackupVaultName, r.CopyActions])).toEqual([["Default", []]]);
  });

  it("answers an unknown plan with ResourceNotFoundException", async () => {
    await expect(backup().send(new GetBackupPlanCommand({ BackupPlanId: "no-such-plan" }))).rejects.toMatchObject({ name: "ResourceNotFoundException" });
  });

  it("reports each vault's lock in ListBackupVaults", async () => {
    const vaults = (await backup().send(new ListBackupVaultsCommand({}))).BackupVaultList ?? [];
    expect(vaults.map((v) => [v.BackupVaultName, v.Locked, v.LockDate?.toISOString(), v.NumberOfRecoveryPoints])).toEqual([
      ["prod", true, "2024-06-01T00:00:00.000Z", 12],
      ["Default", false, undefined, 2],
    ]);
  });
});
