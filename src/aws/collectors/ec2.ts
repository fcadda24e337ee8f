// EC2, per region: VPCs with their flow logs and security groups (asked only where a VPC exists),
// EBS encryption by default, and the account's own EBS snapshots with those anyone may restore.
import { EC2Client, GetEbsEncryptionByDefaultCommand, paginateDescribeFlowLogs, paginateDescribeSecurityGroups, paginateDescribeSnapshots, paginateDescribeVpcs } from "@aws-sdk/client-ec2";
import { z } from "zod";
import { defineOperation } from "../fetcher.js";
import { readPages } from "../snapshot.js";
import type { Collector, NoParams } from "./collector.js";

/** EC2 pages up to 1000 items; without MaxResults some Describe calls answer everything at once. */
const pageSize = 1000;

export const describeVpcs = defineOperation<NoParams>("ec2", "DescribeVpcs", (c) => paginateDescribeVpcs({ client: c.get(EC2Client), pageSize }, {}));
export const describeFlowLogs = defineOperation<NoParams>("ec2", "DescribeFlowLogs", (c) => paginateDescribeFlowLogs({ client: c.get(EC2Client), pageSize }, {}));
export const describeSecurityGroups = defineOperation<NoParams>("ec2", "DescribeSecurityGroups", (c) => paginateDescribeSecurityGroups({ client: c.get(EC2Client), pageSize }, {}));
export const getEbsEncryptionByDefault = defineOperation<NoParams>("ec2", "GetEbsEncryptionByDefault", async (c) => [await c.get(EC2Client).send(new GetEbsEncryptionByDefaultCommand({}))]);

/**
 * The account's own snapshots; with RestorableByUserIds ["all"], only the public ones. Two listings
 * instead of DescribeSnapshotAttribute per snapshot: accounts with AWS Backup hold thousands.
 */
export const describeSnapshots = defineOperation<{ OwnerIds: string[]; RestorableByUserIds?: string[] }>("ec2", "DescribeSnapshots", (c, p) =>
  paginateDescribeSnapshots({ client: c.get(EC2Client), pageSize }, p),
);
export const ownSnapshots = { OwnerIds: ["self"] };
export const publicOwnSnapshots = { OwnerIds: ["self"], RestorableByUserIds: ["all"] };

const vpcsPage = z.object({ Vpcs: z.array(z.object({ VpcId: z.string() })).default([]) });
const snapshotsPage = z.object({ Snapshots: z.array(z.object({ SnapshotId: z.string() })).default([]) });

export const ec2Collector: Collector = {
  service: "ec2",
  scope: "region",
  async collect(fetcher, target, region) {
    await Promise.all([
      fetcher.fetch(target, region, getEbsEncryptionByDefault, {}),
      fetcher.fetch(target, region, describeVpcs, {}).then(async (vpcs) => {
        if (!readPages(vpcs, vpcsPage).some((p) => p.Vpcs.length > 0)) return;
        await Promise.all([fetcher.fetch(target, region, describeFlowLogs, {}), fetcher.fetch(target, region, describeSecurityGroups, {})]);
      }),
      fetcher.fetch(target, region, describeSnapshots, ownSnapshots).then(async (snapshots) => {
        if (readPages(snapshots, snapshotsPage).some((p) => p.Snapshots.length > 0)) await fetcher.fetch(target, region, describeSnapshots, publicOwnSnapshots);
      }),
    ]);
  },
};
