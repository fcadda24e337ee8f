// Checks over RDS DB instances, one result per instance: storage encrypted (A.8.24), backups kept a
// week (A.8.13), deletion protection (A.8.13), Multi-AZ for production (A.8.14), no public endpoint
// (A.8.20, A.8.3). Aurora instances are judged at their cluster, which is not collected yet.
import { z } from "zod";
import { readPages } from "../snapshot.js";
import type { Snapshot } from "../snapshot.js";
import type { Check, CheckResult, CheckStatus } from "./check.js";
import { resultsFor } from "./check.js";
import { unreadableRegion } from "./regional-listing.js";
import { hasFailed, snapshotsOf } from "./snapshot-query.js";

const dbInstance = z.object({
  DBInstanceIdentifier: z.string(),
  DBInstanceArn: z.string().optional(),
  Engine: z.string().optional(),
  DBClusterIdentifier: z.string().optional(),
  StorageEncrypted: z.boolean().optional(),
  KmsKeyId: z.string().optional(),
  PubliclyAccessible: z.boolean().optional(),
  BackupRetentionPeriod: z.number().optional(),
  MultiAZ: z.boolean().optional(),
  DeletionProtection: z.boolean().optional(),
  TagList: z.array(z.object({ Key: z.string().optional(), Value: z.string().optional() })).default([]),
});
export type DbInstance = z.infer<typeof dbInstance>;
const instancesPage = z.object({ DBInstances: z.array(dbInstance).default([]) });

/** The DB instances of one DescribeDBInstances snapshot. */
export function dbInstancesIn(listing: Snapshot): DbInstance[] {
  return readPages(listing, instancesPage).flatMap((p) => p.DBInstances);
}

interface Verdict {
  status: CheckStatus;
  detail: string;
}

/** One result per DB instance from `judge`, or the region's "unknown" when the listing failed. */
function perInstance(checkId: string, judge: (db: DbInstance) => Verdict): (snapshots: readonly Snapshot[]) => CheckResult[] {
  const result = resultsFor(checkId);
  return (snapshots) =>
    snapshotsOf(snapshots, "rds", "DescribeDBInstances").flatMap((listing) => {
      if (hasFailed(listing)) return unreadableRegion(result, listing, "DescribeDBInstances");
      return dbInstancesIn(listing).map((db) => {
        const { status, detail } = judge(db);
        const arn = db.DBInstanceArn ?? `arn:aws:rds:${listing.region}:${listing.account}:db:${db.DBInstanceIdentifier}`;
        return result(listing.account, listing.region, arn, status, `${db.DBInstanceIdentifier}: ${detail}`);
      });
    });
}

const pass = (detail: string): Verdict => ({ status: "pass", detail });
const fail = (detail: string): Verdict => ({ status: "fail", detail });
const atCluster = (db: DbInstance): Verdict | undefined =>
  db.DBClusterIdentifier ? { status: "not-applicable", detail: `an instance of cluster ${db.DBClusterIdentifier}, which holds this setting (DescribeDBClusters is not collected)` } : undefined;

export const rdsStorageEncrypted: Check = {
  id: "rds-storage-encrypted",
  title: "RDS DB instances encrypt their storage",
  controls: ["8.24"],
  soc2: ["CC6.1"],
  severity: "high",
  services: ["rds"],
  rationale:
    "Encryption at rest covers the instance's storage, automated backups, snapshots and read replicas; it can only be chosen when the instance is created, " +
    "so an unencrypted database stays so until it is migrated (A.8.24).",
  remediation: "Take a snapshot, copy it with encryption under a KMS key, restore a new instance from the copy and switch the application over; then delete the unencrypted instance.",
  evaluate: perInstance("rds-storage-encrypted", (db) => (db.StorageEncrypted ? pass(`storage is encrypted${db.KmsKeyId ? ` with ${db.KmsKeyId}` : ""}`) : fail("storage is not encrypted"))),
};

const minimumRetentionDays = 7;

export const rdsBackupRetention: Check = {
  id: "rds-backup-retention",
  title: `RDS DB instances keep automated backups at least ${minimumRetentionDays} days`,
  controls: ["8.13"],
  soc2: ["A1.2"],
  severity: "medium",
  services: ["rds"],
  rationale:
    `Automated backups allow restoring to any second within their retention period; with less than ${minimumRetentionDays} days, damage found after a weekend ` +
    "(a bad migration, deleted rows, ransomware) can no longer be undone. A retention of 0 turns backups off (A.8.13).",
  remediation: `Set the backup retention period to at least ${minimumRetentionDays} days (up to 35), or back the instance up with an AWS Backup plan that keeps longer.`,
  evaluate: perInstance("rds-backup-retention", (db) => {
    const days = db.BackupRetentionPeriod ?? 0;
    const cluster = atCluster(db);
    if (cluster) return cluster;
    if (days === 0) return fail("automated backups are off");
    return days >= minimumRetentionDays ? pass(`automated backups are kept ${days} days`) : fail(`automated backups are kept ${days} day${days === 1 ? "" : "s"}, less than ${minimumRetentionDays}`);
  }),
};

export const rdsDeletionProtection: Check = {
  id: "rds-deletion-protection",
  title: "RDS DB instances have deletion protection",
  controls: ["8.13"],
  soc2: ["A1.2"],
  severity: "low",
  services: ["rds"],
  rationale:
    "Deleting an instance can also delete its automated backups; deletion protection makes a mistaken console click, script or Terraform plan fail instead (A.8.13).",
  remediation: "Turn on deletion protection (aws rds modify-db-instance --deletion-protection); turn it off deliberately, just before an intended deletion.",
  evaluate: perInstance("rds-deletion-protection", (db) => atCluster(db) ?? (db.DeletionProtection ? pass("deletion protection is on") : fail("deletion protection is off"))),
};

const environmentKeys = ["environment", "env", "stage"];

/** The instance's environment tag, if it has one ("Environment", "env" or "stage", any case). */
const environmentOf = (db: DbInstance): string | undefined => db.TagList.find((t) => environmentKeys.includes((t.Key ?? "").toLowerCase()))?.Value;

export const rdsMultiAz: Check = {
  id: "rds-multi-az",
  title: "Production RDS DB instances are Multi-AZ",
  controls: ["8.14"],
  soc2: ["A1.2"],
  severity: "medium",
  services: ["rds"],
  rationale:
    "A Multi-AZ instance keeps a synchronous standby in another Availability Zone and fails over to it in a minute or two; a Single-AZ instance is down until " +
    "its zone or host recovers, or a restore finishes (A.8.14 redundancy). Instances tagged with a non-production environment are not judged; untagged ones are.",
  remediation: "Convert the instance to Multi-AZ (aws rds modify-db-instance --multi-az, applied in the maintenance window), or tag it with its environment if it is not production.",
  evaluate: perInstance("rds-multi-az", (db) => {
    const environment = environmentOf(db);
    const cluster = atCluster(db);
    if (cluster) return cluster;
    if (environment !== undefined && !/^prod/i.test(environment)) return { status: "not-applicable", detail: `tagged as ${environment}: Multi-AZ is asked of production only` };
    return db.MultiAZ ? pass("the instance is Multi-AZ") : fail(`the instance is Single-AZ${environment ? ` and tagged as ${environment}` : " and not tagged with a non-production environment"}`);
  }),
};

export const rdsNotPubliclyAccessible: Check = {
  id: "rds-not-publicly-accessible",
  title: "RDS DB instances are not publicly accessible",
  controls: ["8.20", "8.3"],
  soc2: ["CC6.1", "CC6.6"],
  severity: "high",
  services: ["rds"],
  rationale:
    "A publicly accessible instance has a DNS name resolving to a public address; one permissive security group rule then exposes the database login to the internet. " +
    "Databases belong in private subnets reachable from the application only (A.8.20 network security).",
  remediation: "Turn off public accessibility (aws rds modify-db-instance --no-publicly-accessible), keep the instance in private subnets and reach it through the application, a VPN or Session Manager.",
  evaluate: perInstance("rds-not-publicly-accessible", (db) => (db.PubliclyAccessible ? fail("the instance is publicly accessible") : pass("the instance is not publicly accessible"))),
};
