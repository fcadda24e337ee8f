// Passing and failing fixtures for the network, storage, database and backup checks, built from
// small factories of the snapshots the EC2, RDS and Backup collectors record (all in eu-west-1).
import type { Snapshot } from "../snapshot.js";
import { account, collected } from "./test-snapshots.js";
import type { CheckFixture } from "./test-snapshots.js";

export const region = "eu-west-1";
const where = { region };

interface Rule {
  protocol?: string;
  from?: number;
  to?: number;
  cidrs?: string[];
  ipv6?: string[];
  groups?: string[];
}
const permission = (r: Rule) => ({
  IpProtocol: r.protocol ?? "tcp",
  ...(r.protocol === "-1" ? {} : { FromPort: r.from, ToPort: r.to ?? r.from }),
  IpRanges: (r.cidrs ?? []).map((CidrIp) => ({ CidrIp })),
  Ipv6Ranges: (r.ipv6 ?? []).map((CidrIpv6) => ({ CidrIpv6 })),
  UserIdGroupPairs: (r.groups ?? []).map((GroupId) => ({ GroupId, UserId: account })),
  PrefixListIds: [],
});

export function securityGroups(groups: readonly { id: string; name: string; ingress?: Rule[]; egress?: Rule[] }[]): Snapshot {
  const SecurityGroups = groups.map((g) => ({
    GroupId: g.id,
    GroupName: g.name,
    OwnerId: account,
    VpcId: "vpc-0a000001",
    IpPermissions: (g.ingress ?? []).map(permission),
    IpPermissionsEgress: (g.egress ?? []).map(permission),
  }));
  return collected("ec2", "DescribeSecurityGroups", [{ SecurityGroups }], where);
}

export const vpcs = (ids: readonly string[]): Snapshot => collected("ec2", "DescribeVpcs", [{ Vpcs: ids.map((VpcId) => ({ VpcId, OwnerId: account, IsDefault: false })) }], where);

export const flowLogs = (logs: readonly { vpc: string; traffic: "ALL" | "ACCEPT" | "REJECT" }[]): Snapshot =>
  collected("ec2", "DescribeFlowLogs", [{ FlowLogs: logs.map((l, i) => ({ FlowLogId: `fl-0a00000${i}`, ResourceId: l.vpc, TrafficType: l.traffic, FlowLogStatus: "ACTIVE", LogDestinationType: "s3" })) }], where);

export const ebsDefaultEncryption = (on: boolean): Snapshot => collected("ec2", "GetEbsEncryptionByDefault", [{ EbsEncryptionByDefault: on }], where);

/** The account's snapshots and, with `publicIds`, the listing of those restorable by all. */
export function ebsSnapshots(ids: readonly string[], publicIds: readonly string[]): Snapshot[] {
  const page = (list: readonly string[]) => [{ Snapshots: list.map((SnapshotId) => ({ SnapshotId, Encrypted: false, OwnerId: account })) }];
  return [
    collected("ec2", "DescribeSnapshots", page(ids), { region, params: { OwnerIds: ["self"] } }),
    collected("ec2", "DescribeSnapshots", page(publicIds), { region, params: { OwnerIds: ["self"], RestorableByUserIds: ["all"] } }),
  ];
}

/** A well-kept DB instance unless `overrides` say otherwise. */
export function dbInstances(list: readonly (Record<string, unknown> & { id: string })[]): Snapshot {
  const DBInstances = list.map(({ id, ...overrides }) => ({
    DBInstanceIdentifier: id,
    DBInstanceArn: `arn:aws:rds:${region}:${account}:db:${id}`,
    Engine: "postgres",
    StorageEncrypted: true,
    PubliclyAccessible: false,
    BackupRetentionPeriod: 7,
    MultiAZ: true,
    DeletionProtection: true,
    TagList: [],
    ...overrides,
  }));
  return collected("rds", "DescribeDBInstances", [{ DBInstances }], where);
}

const planId = (name: string) => `plan-${name}`;

export const backupPlans = (names: readonly string[]): Snapshot =>
  collected("backup", "ListBackupPlans", [{ BackupPlansList: names.map((name) => ({ BackupPlanId: planId(name), BackupPlanName: name, BackupPlanArn: `arn:aws:backup:${region}:${account}:backup-plan:${planId(name)}` })) }], where);

/** GetBackupPlan of `name` with one rule copying to a vault in each of `copyRegions`. */
export function backupPlan(name: string, copyRegions: readonly string[]): Snapshot {
  const CopyActions = copyRegions.map((r) => ({ DestinationBackupVaultArn: `arn:aws:backup:${r}:${account}:backup-vault:dr` }));
  return collected("backup", "GetBackupPlan", [{ BackupPlanArn: `arn:aws:backup:${region}:${account}:backup-plan:${planId(name)}`, BackupPlan: { BackupPlanName: name, Rules: [{ RuleName: "daily", CopyActions }] } }], {
    region,
    params: { BackupPlanId: planId(name) },
  });
}

export const backupVaults = (vaults: readonly { name: string; points: number; lockDate?: string; locked?: boolean }[]): Snapshot =>
  collected("backup", "ListBackupVaults", [{
    BackupVaultList: vaults.map((v) => ({ BackupVaultName: v.name, NumberOfRecoveryPoints: v.points, Locked: v.locked ?? false, ...(v.lockDate ? { LockDate: v.lockDate, MinRetentionDays: 7 } : {}) })),
  }], where);

export const restoreTestingPlans = (names: readonly string[]): Snapshot =>
  collected("backup", "ListRestoreTestingPlans", [{ RestoreTestingPlans: names.map((RestoreTestingPlanName) => ({ RestoreTestingPlanName, LastExecutionTime: "2026-05-01T06:00:00.000Z" })) }], where);

const open22: Rule = { from: 22, cidrs: ["0.0.0.0/0"] };

export const infrastructureFixtures: readonly CheckFixture[] = [
  [
    "ec2-security-group-admin-ports",
    [securityGroups([{ id: "sg-0a000001", name: "web", ingress: [{ from: 443, cidrs: ["0.0.0.0/0"], ipv6: ["::/0"] }, { from: 22, cidrs: ["10.0.0.0/8"] }] }])],
    [securityGroups([{ id: "sg-0a000001", name: "web", ingress: [{ from: 443, cidrs: ["0.0.0.0/0"] }] }, { id: "sg-0a000002", name: "bastion", ingress: [open22] }])],
  ],
  [
    "ec2-default-security-group-closed",
    [securityGroups([{ id: "sg-0a000001", name: "default" }, { id: "sg-0a000002", name: "web", ingress: [{ from: 443, cidrs: ["0.0.0.0/0"] }] }])],
    [securityGroups([{ id: "sg-0a000001", name: "default", ingress: [{ protocol: "-1", groups: ["sg-0a000001"] }], egress: [{ protocol: "-1", cidrs: ["0.0.0.0/0"] }] }])],
  ],
  [
    "ec2-vpc-flow-logs",
    [vpcs(["vpc-0a000001"]), flowLogs([{ vpc: "vpc-0a000001", traffic: "ALL" }])],
    [vpcs(["vpc-0a000001", "vpc-0a000002"]), flowLogs([{ vpc: "vpc-0a000001", traffic: "ACCEPT" }])],
  ],
  ["ec2-ebs-default-encryption", [ebsDefaultEncryption(true)], [ebsDefaultEncryption(false)]],
  ["ec2-snapshot-not-public", ebsSnapshots(["snap-0a000001"], []), ebsSnapshots(["snap-0a000001", "snap-0a000002"], ["snap-0a000002"])],
  ["rds-storage-encrypted", [dbInstances([{ id: "app-db" }])], [dbInstances([{ id: "app-db", StorageEncrypted: false }])]],
  ["rds-backup-retention", [dbInstances([{ id: "app-db", BackupRetentionPeriod: 14 }])], [dbInstances([{ id: "app-db", BackupRetentionPeriod: 1 }])]],
  [
    "rds-multi-az",
    [dbInstances([{ id: "app-db", TagList: [{ Key: "Environment", Value: "production" }] }, { id: "test-db", MultiAZ: false, TagList: [{ Key: "env", Value: "staging" }] }])],
    [dbInstances([{ id: "app-db", MultiAZ: false }])],
  ],
  ["rds-not-publicly-accessible", [dbInstances([{ id: "app-db" }])], [dbInstances([{ id: "app-db", PubliclyAccessible: true }])]],
  ["rds-deletion-protection", [dbInstances([{ id: "app-db" }])], [dbInstances([{ id: "app-db", DeletionProtection: false }])]],
  ["backup-plan-coverage", [dbInstances([{ id: "app-db" }]), backupPlans(["daily"])], [dbInstances([{ id: "app-db" }]), backupPlans([])]],
  [
    "backup-vault-lock",
    [backupVaults([{ name: "prod-vault", points: 40, locked: true, lockDate: "2025-01-01T00:00:00.000Z" }, { name: "Default", points: 0 }])],
    [backupVaults([{ name: "Default", points: 3 }])],
  ],
  ["backup-cross-region-copy", [backupPlans(["daily"]), backupPlan("daily", ["eu-south-2"])], [backupPlans(["daily"]), backupPlan("daily", [region])]],
  ["backup-restore-testing", [backupPlans(["daily"]), restoreTestingPlans(["quarterly_restore"])], [backupPlans(["daily"]), restoreTestingPlans([])]],
];
