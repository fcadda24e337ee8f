// EC2's scenario state per region: EBS default encryption, VPCs and their flow logs, security
// groups and EBS snapshots (with whom each is shared).
import { z } from "zod";
import { registerServiceState } from "../../state.js";

const permission = z.object({
  protocol: z.string().default("-1"),
  fromPort: z.number().int().optional(),
  toPort: z.number().int().optional(),
  cidrs: z.array(z.string()).default([]),
  ipv6Cidrs: z.array(z.string()).default([]),
  /** Security groups the rule admits or reaches (same account): a default group admits itself. */
  groupIds: z.array(z.string()).default([]),
});
export type Permission = z.infer<typeof permission>;

const vpc = z.object({
  id: z.string().regex(/^vpc-[0-9a-f]{8,17}$/, "a VPC id looks like vpc-0a1b2c3d"),
  cidr: z.string().default("10.0.0.0/16"),
  isDefault: z.boolean().default(false),
  state: z.enum(["pending", "available"]).default("available"),
});

const flowLog = z.object({
  id: z.string().regex(/^fl-[0-9a-f]{8,17}$/, "a flow log id looks like fl-0a1b2c3d"),
  resourceId: z.string().min(1),
  trafficType: z.enum(["ACCEPT", "REJECT", "ALL"]).default("ALL"),
  destinationType: z.enum(["cloud-watch-logs", "s3", "kinesis-data-firehose"]).default("cloud-watch-logs"),
  destination: z.string().optional(),
  logGroupName: z.string().optional(),
  status: z.string().default("ACTIVE"),
  createdAt: z.string().default("2023-03-01T10:00:00Z"),
});

const securityGroup = z.object({
  id: z.string().regex(/^sg-[0-9a-f]{8,17}$/, "a security group id looks like sg-0a1b2c3d"),
  name: z.string().min(1),
  description: z.string().default(""),
  vpcId: z.string().min(1),
  ingress: z.array(permission).default([]),
  /** AWS creates every group with an allow-all egress rule. */
  egress: z.array(permission).default([{ protocol: "-1", cidrs: ["0.0.0.0/0"], ipv6Cidrs: [], groupIds: [] }]),
});

const snapshot = z.object({
  id: z.string().regex(/^snap-[0-9a-f]{8,17}$/, "a snapshot id looks like snap-0a1b2c3d"),
  volumeId: z.string().default("vol-0000000000000000"),
  sizeGiB: z.number().int().positive().default(8),
  encrypted: z.boolean().default(false),
  kmsKeyId: z.string().optional(),
  startTime: z.string().default("2025-06-01T03:00:00Z"),
  description: z.string().default(""),
  /** Shared with everyone (createVolumePermission group "all"). */
  public: z.boolean().default(false),
  /** Account ids the snapshot is shared with. */
  sharedWith: z.array(z.string()).default([]),
});

export const ec2StateSchema = z.object({
  ebsEncryptionByDefault: z.boolean().default(false),
  vpcs: z.array(vpc).default([]),
  flowLogs: z.array(flowLog).default([]),
  securityGroups: z.array(securityGroup).default([]),
  snapshots: z.array(snapshot).default([]),
});
export type Ec2State = z.infer<typeof ec2StateSchema>;

registerServiceState("ec2", "regional", ec2StateSchema);
