import { describe, expect, it } from "vitest";
import { isControlId } from "../../catalog/annex-a.js";
import { isCriterionId } from "../../catalog/soc2.js";
import { backupCrossRegionCopy, backupPlanCoverage, backupRestoreTesting, backupVaultLock } from "./backup.js";
import type { Check } from "./check.js";
import { ec2EbsDefaultEncryption, ec2SnapshotNotPublic } from "./ec2-ebs.js";
import { ec2DefaultSecurityGroupClosed, ec2SecurityGroupAdminPorts } from "./ec2-security-groups.js";
import { ec2VpcFlowLogs } from "./ec2-vpc-flow-logs.js";
import { infrastructureChecks } from "./infrastructure.js";
import { backupPlan, backupPlans, backupVaults, dbInstances, ebsSnapshots, infrastructureFixtures, region, restoreTestingPlans, securityGroups, vpcs } from "./infrastructure.fixtures.js";
import { rdsBackupRetention, rdsMultiAz, rdsNotPubliclyAccessible, rdsStorageEncrypted } from "./rds.js";
import { account, collected, failed } from "./test-snapshots.js";

function check(id: string): Check {
  const found = infrastructureChecks.find((c) => c.id === id);
  if (!found) throw new Error(`no check ${id}`);
  return found;
}

const where = { region };
const statusOf = (c: Check, snapshots: Parameters<Check["evaluate"]>[0]) => c.evaluate(snapshots).map((r) => [r.resource, r.status]);

describe("the infrastructure checks", () => {
  it("are at least nine, with unique ids, real Annex A controls and SOC 2 criteria, and one fixture each", () => {
    expect(infrastructureChecks.length).toBeGreaterThanOrEqual(9);
    expect(new Set(infrastructureChecks.map((c) => c.id)).size).toBe(infrastructureChecks.length);
    for (const c of infrastructureChecks) {
      expect(c.controls.filter((id) => !isControlId(id)), c.id).toEqual([]);
      expect(c.soc2.filter((id) => !isCriterionId(id)), c.id).toEqual([]);
    }
    expect(infrastructureFixtures.map(([id]) => id).sort()).toEqual(infrastructureChecks.map((c) => c.id).sort());
  });

  it.each(infrastructureFixtures)("%s passes its passing fixture and fails its failing one", (id, passing, failing) => {
    const passed = check(id).evaluate(passing);
    expect(passed.map((r) => r.status)).toContain("pass");
    expect(passed.filter((r) => r.status !== "pass" && r.status !== "not-applicable")).toEqual([]);
    expect(check(id).evaluate(failing).map((r) => r.status)).toContain("fail");
  });

  it("all passing fixtures together give no failure and no unknown for any of them", () => {
    const all = infrastructureFixtures.flatMap(([, passing]) => passing);
    const results = infrastructureChecks.flatMap((c) => c.evaluate(all));
    expect(new Set(results.map((r) => r.checkId))).toEqual(new Set(infrastructureChecks.map((c) => c.id)));
    expect(results.filter((r) => r.status === "fail" || r.status === "unknown")).toEqual([]);
  });
});

describe("security groups", () => {
  it("an all-traffic rule open to ::/0 names every administration port and the source", () => {
    const [result] = ec2SecurityGroupAdminPorts.evaluate([securityGroups([{ id: "sg-0a000009", name: "wide", ingress: [{ protocol: "-1", ipv6: ["::/0"] }] }])]);
    expect(result).toMatchObject({ status: "fail", resource: `arn:aws:ec2:${region}:${account}:security-group/sg-0a000009` });
    expect(result?.detail).toMatch(/^wide: open to ::\/0 on 21 \(FTP\), 22 \(SSH\).*3389 \(RDP\)/);
  });

  it("a port range that spans a database port fails, one beside it passes", () => {
    const results = ec2SecurityGroupAdminPorts.evaluate([
      securityGroups([
        { id: "sg-0a000001", name: "range", ingress: [{ from: 3000, to: 3400, cidrs: ["0.0.0.0/0"] }] },
        { id: "sg-0a000002", name: "beside", ingress: [{ from: 3307, to: 3388, cidrs: ["0.0.0.0/0"] }] },
      ]),
    ]);
    expect(results.map((r) => [r.status, r.detail])).toEqual([
      ["fail", "range: open to 0.0.0.0/0 on 3306 (MySQL), 3389 (RDP)"],
      ["pass", "beside: no administration or database port is open to the internet"],
    ]);
  });

  it("a default group's rules are spelled out, and other groups are not judged", () => {
    const results = ec2DefaultSecurityGroupClosed.evaluate([
      securityGroups([{ id: "sg-0a000001", name: "default", ingress: [{ protocol: "-1", groups: ["sg-0a000001"] }], egress: [{ protocol: "-1", cidrs: ["0.0.0.0/0"] }] }, { id: "sg-0a000002", name: "web" }]),
    ]);
    expect(results.map((r) => r.detail)).toEqual(["The default security group allows inbound all traffic from sg-0a000001; outbound all traffic to 0.0.0.0/0"]);
  });

  it("a listing the role may not read is unknown for its region, and a disabled region gives nothing", () => {
    const results = ec2SecurityGroupAdminPorts.evaluate([
      failed("ec2", "DescribeSecurityGroups", "access-denied", "UnauthorizedOperation", where),
      failed("ec2", "DescribeSecurityGroups", "region-disabled", "AuthFailure", { region: "eu-south-2" }),
    ]);
    expect(results.map((r) => [r.resource, r.status])).toEqual([[`${account}/${region}`, "unknown"]]);
  });
});

describe("VPC flow logs and EBS", () => {
  it("a VPC whose flow logs could not be listed is unknown, not failing", () => {
    const results = ec2VpcFlowLogs.evaluate([vpcs(["vpc-0a000001"]), failed("ec2", "DescribeFlowLogs", "retries-exhausted", "RequestLimitExceeded", where)]);
    expect(results).toMatchObject([{ resource: `arn:aws:ec2:${region}:${account}:vpc/vpc-0a000001`, status: "unknown" }]);
  });

  it("EBS default encryption is judged per collected region", () => {
    const results = ec2EbsDefaultEncryption.evaluate([
      collected("ec2", "GetEbsEncryptionByDefault", [{ EbsEncryptionByDefault: true }], where),
      collected("ec2", "GetEbsEncryptionByDefault", [{ EbsEncryptionByDefault: false }], { region: "us-east-1" }),
    ]);
    expect(results.map((r) => [r.region, r.status])).toEqual([[region, "pass"], ["us-east-1", "fail"]]);
  });

  it("a snapshot is public when the restorable-by-all listing names it; without that listing it is unknown", () => {
    const listings = ebsSnapshots(["snap-0a000001", "snap-0a000002"], ["snap-0a000002"]);
    expect(statusOf(ec2SnapshotNotPublic, listings)).toEqual([
      [`arn:aws:ec2:${region}::snapshot/snap-0a000001`, "pass"],
      [`arn:aws:ec2:${region}::snapshot/snap-0a000002`, "fail"],
    ]);
    expect(statusOf(ec2SnapshotNotPublic, listings.slice(0, 1)).map(([, status]) => status)).toEqual(["unknown", "unknown"]);
  });
});

describe("RDS DB instances", () => {
  it("an Aurora instance's backups and Multi-AZ are the cluster's, so the instance is not judged on them", () => {
    const aurora = dbInstances([{ id: "aurora-1", Engine: "aurora-postgresql", DBClusterIdentifier: "app", BackupRetentionPeriod: 1, MultiAZ: false }]);
    expect(rdsBackupRetention.evaluate([aurora]).map((r) => r.status)).toEqual(["not-applicable"]);
    expect(rdsMultiAz.evaluate([aurora]).map((r) => r.status)).toEqual(["not-applicable"]);
  });

  it("an untagged Single-AZ instance is judged as production; one tagged Stage=dev is not", () => {
    const results = rdsMultiAz.evaluate([dbInstances([{ id: "untagged", MultiAZ: false }, { id: "dev", MultiAZ: false, TagList: [{ Key: "Stage", Value: "dev" }] }])]);
    expect(results.map((r) => [r.status, r.detail])).toEqual([
      ["fail", "untagged: the instance is Single-AZ and not tagged with a non-production environment"],
      ["not-applicable", "dev: tagged as dev: Multi-AZ is asked of production only"],
    ]);
  });

  it("backups turned off read as off, and each finding names the instance", () => {
    const db = dbInstances([{ id: "legacy", BackupRetentionPeriod: 0, StorageEncrypted: false, PubliclyAccessible: true }]);
    expect(rdsBackupRetention.evaluate([db])).toMatchObject([{ status: "fail", detail: "legacy: automated backups are off", resource: `arn:aws:rds:${region}:${account}:db:legacy` }]);
    expect(rdsStorageEncrypted.evaluate([db])).toMatchObject([{ status: "fail", detail: "legacy: storage is not encrypted" }]);
    expect(rdsNotPubliclyAccessible.evaluate([db])).toMatchObject([{ status: "fail" }]);
  });
});

describe("AWS Backup", () => {
  it("a region without databases needs no backup plan; one whose plans could not be listed is unknown", () => {
    expect(backupPlanCoverage.evaluate([dbInstances([]), backupPlans([])])).toEqual([]);
    const results = backupPlanCoverage.evaluate([dbInstances([{ id: "app-db" }]), failed("backup", "ListBackupPlans", "access-denied", "AccessDeniedException", where)]);
    expect(results.map((r) => r.status)).toEqual(["unknown"]);
  });

  it("a vault locked without a lock date passes in governance mode; one whose lock date is ahead is still cooling off", () => {
    const results = backupVaultLock.evaluate([
      backupVaults([
        { name: "governed", points: 5, locked: true },
        { name: "cooling", points: 5, locked: true, lockDate: "2026-07-01T00:00:00.000Z" },
      ]),
    ]);
    expect(results.map((r) => [r.status, r.detail])).toEqual([
      ["pass", "governed: Vault Lock in governance mode (no lock date)"],
      ["pass", "cooling: Vault Lock enters compliance mode on 2026-07-01, minimum retention 7 days"],
    ]);
  });

  it("a plan that copies only within its own region fails; a plan not read is unknown", () => {
    expect(backupCrossRegionCopy.evaluate([backupPlans(["daily"]), backupPlan("daily", [region])])).toMatchObject([{ status: "fail", detail: `daily: no rule copies to another region (its copies stay in ${region})` }]);
    expect(backupCrossRegionCopy.evaluate([backupPlans(["daily"])]).map((r) => r.status)).toEqual(["unknown"]);
  });

  it("restore testing is asked only where backup plans exist", () => {
    expect(backupRestoreTesting.evaluate([backupPlans([]), restoreTestingPlans([])])).toEqual([]);
    expect(backupRestoreTesting.evaluate([backupPlans(["daily"]), restoreTestingPlans(["quarterly"])])).toMatchObject([{ status: "pass", detail: "Restore testing plan quarterly, last run 2026-05-01" }]);
  });
});
