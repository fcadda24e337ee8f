import { describe, expect, it } from "vitest";
import { iamPasswordPolicyLength, iamRootMfa } from "./iam-account.js";
import { iamAccessKeyRotation, iamUserConsoleMfa } from "./iam-users.js";
import { s3BucketPublicAccessBlock } from "./s3.js";
import { collected, credentialReport, detectors, failed, listBuckets, listUsers, accessKeys, hub } from "./test-snapshots.js";
import { guarddutyEnabled, securityhubEnabled } from "./threat-detection.js";

describe("how the AWS checks read what was and was not collected", () => {
  it("a missing password policy is a failure, not an unknown", () => {
    const [result] = iamPasswordPolicyLength.evaluate([failed("iam", "GetAccountPasswordPolicy", "absent", "NoSuchEntity")]);
    expect(result).toMatchObject({ status: "fail", detail: "The account has no password policy" });
  });

  it("an account summary the role may not read leaves the root user's MFA unknown", () => {
    const [result] = iamRootMfa.evaluate([failed("iam", "GetAccountSummary", "access-denied", "AccessDenied")]);
    expect(result).toMatchObject({ status: "unknown", resource: "arn:aws:iam::111111111111:root" });
  });

  it("an account whose IAM was not collected at all is unknown, not passing", () => {
    expect(iamRootMfa.evaluate([detectors("eu-west-1", ["d1"])]).map((r) => r.status)).toEqual(["unknown"]);
  });

  it("an MFA device listed by ListMFADevices counts when the credential report has not caught up", () => {
    const devices = collected("iam", "ListMFADevices", [{ MFADevices: [{ SerialNumber: "arn:aws:iam::111111111111:mfa/bob" }] }], { params: { UserName: "bob" } });
    const results = iamUserConsoleMfa.evaluate([credentialReport([{ user: "bob", password: true, mfa: false }]), devices]);
    expect(results).toMatchObject([{ resource: "arn:aws:iam::111111111111:user/bob", status: "pass" }]);
  });

  it("a user whose access keys could not be listed is unknown", () => {
    const results = iamAccessKeyRotation.evaluate([listUsers(["alice", "bob"]), accessKeys("alice", []), failed("iam", "ListAccessKeys", "retries-exhausted", "Throttling", { params: { UserName: "bob" } })]);
    expect(results).toMatchObject([{ resource: "bob", status: "unknown" }]);
  });

  it("a bucket without a public access block fails; one whose block was not collected is unknown", () => {
    const results = s3BucketPublicAccessBlock.evaluate([
      listBuckets(["open", "unasked"]),
      failed("s3", "GetPublicAccessBlock", "absent", "NoSuchPublicAccessBlockConfiguration", { region: "eu-west-1", params: { Bucket: "open" } }),
    ]);
    expect(results.map((r) => [r.resource, r.status])).toEqual([
      ["arn:aws:s3:::unasked", "unknown"],
      ["arn:aws:s3:::open", "fail"],
    ]);
  });

  it("a region without GuardDuty's listing is unknown, and a disabled region is left out", () => {
    const results = guarddutyEnabled.evaluate([
      detectors("eu-west-1", ["d1"]),
      hub("us-east-1"),
      failed("guardduty", "ListDetectors", "region-disabled", "AuthFailure", { region: "me-south-1" }),
    ]);
    expect(results.map((r) => [r.region, r.status])).toEqual([
      ["eu-west-1", "pass"],
      ["us-east-1", "unknown"],
    ]);
  });

  it("Security Hub denied by an SCP is unknown rather than not enabled", () => {
    const [result] = securityhubEnabled.evaluate([failed("securityhub", "DescribeHub", "access-denied", "AccessDeniedException", { region: "eu-west-1" })]);
    expect(result?.status).toBe("unknown");
  });
});
