// The EC2, RDS and Backup collectors against the demo organization, and the infrastructure checks
// over what they collected: staging's gaps fail, production's controls pass, nothing is asked twice.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { collectFromDemo } from "./helpers/demo-collection.js";
import type { CollectResult } from "../src/aws/collect.js";
import type { CheckResult } from "../src/aws/checks/check.js";
import { infrastructureChecks } from "../src/aws/checks/infrastructure.js";
import { backupCollector } from "../src/aws/collectors/backup.js";
import { ec2Collector } from "../src/aws/collectors/ec2.js";
import { rdsCollector } from "../src/aws/collectors/rds.js";
import type { Simulator } from "../testing/aws-sim/server.js";

const production = "926318475063";
const staging = "357914862040";

let sim: Simulator;
let run: CollectResult;
let results: CheckResult[];

beforeAll(async () => {
  ({ sim, collected: run, results } = await collectFromDemo([ec2Collector, rdsCollector, backupCollector], infrastructureChecks));
}, 120_000);
afterAll(() => sim.close());

/** The status and detail of `check`'s result on `resource` (an ARN, or "account/region"). */
function verdict(check: string, resource: string): [string, string] | undefined {
  const found = results.find((r) => r.checkId === check && r.resource === resource);
  return found && [found.status, found.detail];
}
const failing = (check: string) => results.filter((r) => r.checkId === check && r.status === "fail").map((r) => r.resource);

describe("collecting the demo's networks, databases and backups", () => {
  it("meets no problem, leaves nothing unknown and asks nothing twice", () => {
    expect(run.problems).toEqual([]);
    expect(results.filter((r) => r.status === "unknown")).toEqual([]);
    expect(sim.calls.duplicates()).toEqual([]);
  });

  it("asks for flow logs and security groups only where a VPC exists, and for public snapshots only where there are snapshots", () => {
    const where = (operation: string) => run.snapshots.filter((s) => s.operation === operation).map((s) => `${s.account}/${s.region}`).sort();
    expect(where("DescribeFlowLogs")).toEqual([`${staging}/eu-west-1`, `${production}/eu-west-1`]);
    expect(where("DescribeSecurityGroups")).toEqual([`${staging}/eu-west-1`, `${production}/eu-west-1`]);
    expect(run.snapshots.filter((s) => s.operation === "DescribeSnapshots" && "RestorableByUserIds" in s.params).map((s) => s.account).sort()).toEqual([staging, production]);
  });

  it("finds EBS encryption by default off in staging's eu-west-1 only", () => {
    expect(failing("ec2-ebs-default-encryption")).toEqual([`${staging}/eu-west-1`]);
    expect(verdict("ec2-ebs-default-encryption", `${production}/eu-south-2`)?.[0]).toBe("pass");
  });

  it("finds staging's VPC without flow logs and production's logged to the archive bucket", () => {
    expect(verdict("ec2-vpc-flow-logs", `arn:aws:ec2:eu-west-1:${staging}:vpc/vpc-0b5e8d2a7f1c49360`)).toEqual(["fail", "The VPC has no active flow log"]);
    expect(verdict("ec2-vpc-flow-logs", `arn:aws:ec2:eu-west-1:${production}:vpc/vpc-0d4a7c91e2b35f608`)?.[0]).toBe("pass");
  });

  it("finds SSH open to the world in sg-0b7e2c4d9f1a35e68 and no administration port open in production", () => {
    expect(failing("ec2-security-group-admin-ports")).toEqual([`arn:aws:ec2:eu-west-1:${staging}:security-group/sg-0b7e2c4d9f1a35e68`]);
    expect(verdict("ec2-security-group-admin-ports", `arn:aws:ec2:eu-west-1:${staging}:security-group/sg-0b7e2c4d9f1a35e68`)).toEqual(["fail", "bastion-ssh: open to 0.0.0.0/0 on 22 (SSH)"]);
    expect(verdict("ec2-security-group-admin-ports", `arn:aws:ec2:eu-west-1:${production}:security-group/sg-0c1d2e3f4a5b6c7d8`)?.[0]).toBe("pass");
  });

  it("finds staging's default security group as AWS made it and production's emptied", () => {
    expect(failing("ec2-default-security-group-closed")).toEqual([`arn:aws:ec2:eu-west-1:${staging}:security-group/sg-0f2e4d6c8b0a13579`]);
    expect(verdict("ec2-default-security-group-closed", `arn:aws:ec2:eu-west-1:${production}:security-group/sg-0a7b6c5d4e3f21098`)?.[0]).toBe("pass");
  });

  it("finds staging's snapshot for a vendor public, and production's shared with one account only", () => {
    expect(verdict("ec2-snapshot-not-public", "arn:aws:ec2:eu-west-1::snapshot/snap-0c9d8e7f6a5b40321")?.[0]).toBe("fail");
    expect(verdict("ec2-snapshot-not-public", "arn:aws:ec2:eu-west-1::snapshot/snap-0a1b2c3d4e5f60718")?.[0]).toBe("pass");
  });

  it("passes production's database on every RDS check; staging's fails all but Multi-AZ, which it is not asked", () => {
    const prodDb = `arn:aws:rds:eu-west-1:${production}:db:acme-prod-db`;
    const stagingDb = `arn:aws:rds:eu-west-1:${staging}:db:staging-app-db`;
    const rdsChecks = ["rds-storage-encrypted", "rds-backup-retention", "rds-multi-az", "rds-not-publicly-accessible", "rds-deletion-protection"];
    expect(rdsChecks.map((c) => verdict(c, prodDb)?.[0])).toEqual(["pass", "pass", "pass", "pass", "pass"]);
    expect(rdsChecks.map((c) => verdict(c, stagingDb)?.[0])).toEqual(["fail", "fail", "not-applicable", "fail", "fail"]);
    expect(verdict("rds-multi-az", prodDb)?.[1]).toBe("acme-prod-db: the instance is Multi-AZ");
    expect(results.filter((r) => r.checkId === "rds-storage-encrypted").map((r) => r.resource).sort()).toEqual([stagingDb, prodDb]);
  });

  it("finds a backup plan where production's database runs and none where staging's does", () => {
    expect(verdict("backup-plan-coverage", `${production}/eu-west-1`)?.[0]).toBe("pass");
    expect(verdict("backup-plan-coverage", `${staging}/eu-west-1`)).toEqual(["fail", "1 RDS DB instance and no AWS Backup plan"]);
  });

  it("finds production's vaults locked, except the Default vault someone backed up into", () => {
    const vault = (region: string, name: string) => verdict("backup-vault-lock", `arn:aws:backup:${region}:${production}:backup-vault:${name}`)?.[0];
    expect([vault("eu-west-1", "acme-prod-vault"), vault("eu-south-2", "acme-prod-dr-vault"), vault("eu-west-1", "Default")]).toEqual(["pass", "pass", "fail"]);
  });

  it("finds the daily plan copying to eu-south-2, the monthly plan copying nowhere, and a restore testing plan", () => {
    const copies = results.filter((r) => r.checkId === "backup-cross-region-copy").map((r) => [r.status, r.detail]);
    expect(copies).toEqual([
      ["pass", "acme-prod-daily-35d: rule daily copies to eu-south-2"],
      ["fail", "acme-prod-monthly-1y: no rule copies to another region"],
    ]);
    expect(results.filter((r) => r.checkId === "backup-restore-testing").map((r) => [r.account, r.status])).toEqual([[production, "pass"]]);
  });
});
