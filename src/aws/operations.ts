// The AWS operations the collectors ask for, each paged with the SDK's paginator where AWS pages it.
// Global ones (IAM, S3 ListBuckets) are fetched with region "global": once per account.
import { DescribeTrailsCommand } from "@aws-sdk/client-cloudtrail";
import { paginateListDetectors } from "@aws-sdk/client-guardduty";
import {
  GenerateCredentialReportCommand,
  GetAccountPasswordPolicyCommand,
  GetAccountSummaryCommand,
  GetCredentialReportCommand,
  paginateListAccessKeys,
  paginateListMFADevices,
  paginateListUsers,
} from "@aws-sdk/client-iam";
import { DescribeKeyCommand, GetKeyRotationStatusCommand, paginateListKeys } from "@aws-sdk/client-kms";
import { GetPublicAccessBlockCommand, paginateListBuckets } from "@aws-sdk/client-s3";
import { DescribeHubCommand } from "@aws-sdk/client-securityhub";
import { defineOperation } from "./fetcher.js";

type NoParams = Record<string, never>;
const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

// IAM (global)
export const listUsers = defineOperation<NoParams>("iam", "ListUsers", (c) => paginateListUsers({ client: c.iam() }, {}));
export const listMfaDevices = defineOperation<{ UserName: string }>("iam", "ListMFADevices", (c, p) => paginateListMFADevices({ client: c.iam() }, p));
export const listAccessKeys = defineOperation<{ UserName: string }>("iam", "ListAccessKeys", (c, p) => paginateListAccessKeys({ client: c.iam() }, p));
export const getAccountPasswordPolicy = defineOperation<NoParams>("iam", "GetAccountPasswordPolicy", async (c) => [await c.iam().send(new GetAccountPasswordPolicyCommand({}))]);
export const getAccountSummary = defineOperation<NoParams>("iam", "GetAccountSummary", async (c) => [await c.iam().send(new GetAccountSummaryCommand({}))]);

/** Asks IAM for a credential report until it is COMPLETE: every 2 s, at most 15 times (AWS takes seconds). */
export const generateCredentialReport = defineOperation<NoParams>("iam", "GenerateCredentialReport", async (c) => {
  for (let attempt = 1; ; attempt += 1) {
    const output = await c.iam().send(new GenerateCredentialReportCommand({}));
    if (output.State === "COMPLETE" || attempt >= 15) return [output];
    await wait(2_000);
  }
});

/** The report's CSV is decoded to text so that the snapshot reads as the auditor would read it. */
export const getCredentialReport = defineOperation<NoParams>("iam", "GetCredentialReport", async (c) => {
  const output = await c.iam().send(new GetCredentialReportCommand({}));
  return [{ ...output, Content: output.Content ? new TextDecoder().decode(output.Content) : undefined }];
});

// S3 (ListBuckets is global; a bucket's settings are asked in its own region)
export const listBuckets = defineOperation<NoParams>("s3", "ListBuckets", (c) => paginateListBuckets({ client: c.s3() }, {}));
export const getPublicAccessBlock = defineOperation<{ Bucket: string }>("s3", "GetPublicAccessBlock", async (c, p) => [await c.s3().send(new GetPublicAccessBlockCommand(p))]);

// Regional
export const describeTrails = defineOperation<NoParams>("cloudtrail", "DescribeTrails", async (c) => [await c.cloudtrail().send(new DescribeTrailsCommand({}))]);
export const listKeys = defineOperation<NoParams>("kms", "ListKeys", (c) => paginateListKeys({ client: c.kms() }, {}));
export const describeKey = defineOperation<{ KeyId: string }>("kms", "DescribeKey", async (c, p) => [await c.kms().send(new DescribeKeyCommand(p))]);
export const getKeyRotationStatus = defineOperation<{ KeyId: string }>("kms", "GetKeyRotationStatus", async (c, p) => [await c.kms().send(new GetKeyRotationStatusCommand(p))]);
export const listDetectors = defineOperation<NoParams>("guardduty", "ListDetectors", (c) => paginateListDetectors({ client: c.guardduty() }, {}));
export const describeHub = defineOperation<NoParams>("securityhub", "DescribeHub", async (c) => [await c.securityhub().send(new DescribeHubCommand({}))]);
