// The network, storage, database and backup checks (A.8.13, A.8.14, A.8.20–A.8.22, A.8.24, A.5.30), in one list.
import { backupCrossRegionCopy, backupPlanCoverage, backupRestoreTesting, backupVaultLock } from "./backup.js";
import type { Check } from "./check.js";
import { ec2EbsDefaultEncryption, ec2SnapshotNotPublic } from "./ec2-ebs.js";
import { ec2DefaultSecurityGroupClosed, ec2SecurityGroupAdminPorts } from "./ec2-security-groups.js";
import { ec2VpcFlowLogs } from "./ec2-vpc-flow-logs.js";
import { rdsBackupRetention, rdsDeletionProtection, rdsMultiAz, rdsNotPubliclyAccessible, rdsStorageEncrypted } from "./rds.js";

export const infrastructureChecks: readonly Check[] = [
  ec2SecurityGroupAdminPorts,
  ec2DefaultSecurityGroupClosed,
  ec2VpcFlowLogs,
  ec2EbsDefaultEncryption,
  ec2SnapshotNotPublic,
  rdsStorageEncrypted,
  rdsBackupRetention,
  rdsMultiAz,
  rdsNotPubliclyAccessible,
  rdsDeletionProtection,
  backupPlanCoverage,
  backupVaultLock,
  backupCrossRegionCopy,
  backupRestoreTesting,
];
