// The AWS checks, in one list, and running them all over a collection run's snapshots.
import type { Snapshot } from "../snapshot.js";
import type { Check, CheckResult } from "./check.js";
import { cloudtrailMultiRegionValidated } from "./cloudtrail.js";
import { iamPasswordPolicyLength, iamRootAccessKeys, iamRootMfa } from "./iam-account.js";
import { iamAccessKeyRotation, iamUserConsoleMfa } from "./iam-users.js";
import { kmsKeyRotation } from "./kms.js";
import { s3BucketPublicAccessBlock } from "./s3.js";
import { guarddutyEnabled, securityhubEnabled } from "./threat-detection.js";
import { dataProtectionChecks } from "./data-protection.js";
import { identityChecks } from "./identity.js";
import { infrastructureChecks } from "./infrastructure.js";
import { loggingChecks } from "./logging.js";
import { threatChecks } from "./threats.js";

export type { Check, CheckResult, CheckStatus, Severity } from "./check.js";

export const awsChecks: readonly Check[] = [
  iamUserConsoleMfa,
  iamAccessKeyRotation,
  iamRootMfa,
  iamRootAccessKeys,
  iamPasswordPolicyLength,
  cloudtrailMultiRegionValidated,
  s3BucketPublicAccessBlock,
  kmsKeyRotation,
  guarddutyEnabled,
  securityhubEnabled,
  ...identityChecks,
  ...dataProtectionChecks,
  ...infrastructureChecks,
  ...threatChecks,
  ...loggingChecks,
];

/** Every check's results over the same snapshots; no check calls AWS. */
export function runChecks(snapshots: readonly Snapshot[], checks: readonly Check[] = awsChecks): CheckResult[] {
  return checks.flatMap((check) => check.evaluate(snapshots));
}
