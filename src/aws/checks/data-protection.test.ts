import { describe, expect, it } from "vitest";
import { isControlId } from "../../catalog/annex-a.js";
import { isCriterionId } from "../../catalog/soc2.js";
import type { Snapshot } from "../snapshot.js";
import type { CheckResult } from "./check.js";
import {
  accountPublicAccessBlock,
  bucketAbsent,
  bucketEncryption,
  bucketLifecycle,
  bucketLogging,
  bucketPolicyStatus,
  certificates,
  dataProtectionFixtures,
  describedKey,
  dnsFirewall,
  firewallList,
  networkFirewall,
  region,
  vpcs,
} from "./data-protection.fixtures.js";
import { dataProtectionChecks } from "./data-protection.js";
import { account, failed, listBuckets } from "./test-snapshots.js";

function check(id: string) {
  const found = dataProtectionChecks.find((c) => c.id === id);
  if (!found) throw new Error(`no check ${id}`);
  return found;
}

/** Each result's resource (its last path segment) and status, for short assertions. */
const verdicts = (id: string, snapshots: Snapshot[]) => check(id).evaluate(snapshots).map((r: CheckResult) => [r.resource.split(/[/:]/).pop(), r.status]);
const only = (id: string, snapshots: Snapshot[]): CheckResult => {
  const results = check(id).evaluate(snapshots);
  expect(results).toHaveLength(1);
  const [first] = results;
  if (!first) throw new Error("no result");
  return first;
};

describe("the data protection checks", () => {
  it("have kebab-case ids, real Annex A controls and SOC 2 criteria, and a fixture each", () => {
    expect(dataProtectionChecks.length).toBeGreaterThanOrEqual(8);
    for (const c of dataProtectionChecks) {
      expect(c.id).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
      for (const control of c.controls) expect(isControlId(control), control).toBe(true);
      for (const criterion of c.soc2) expect(isCriterionId(criterion), criterion).toBe(true);
      expect(c.soc2.length).toBeGreaterThan(0);
    }
    expect(dataProtectionFixtures.map(([id]) => id).sort()).toEqual(dataProtectionChecks.map((c) => c.id).sort());
  });

  it.each(dataProtectionFixtures)("%s passes its passing fixture and fails its failing one", (id, passing, failing) => {
    const passed = check(id).evaluate(passing);
    expect(passed.map((r) => r.status)).toContain("pass");
    expect(passed.filter((r) => r.status !== "pass" && r.status !== "not-applicable")).toEqual([]);
    expect(check(id).evaluate(failing).map((r) => r.status)).toContain("fail");
  });
});

describe("the S3 checks", () => {
  it("an account without an account-level block fails, and one whose request was denied is unknown", () => {
    expect(only("s3-account-public-access-block", [failed("s3", "GetAccountPublicAccessBlock", "absent", "NoSuchPublicAccessBlockConfiguration")])).toMatchObject({
      status: "fail",
      resource: account,
    });
    expect(only("s3-account-public-access-block", [failed("s3", "GetAccountPublicAccessBlock", "access-denied", "AccessDenied")]).status).toBe("unknown");
    expect(only("s3-account-public-access-block", [accountPublicAccessBlock(["IgnorePublicAcls"])]).detail).toBe("Off: IgnorePublicAcls");
  });

  it("a bucket whose setting could not be read, or was not asked, is unknown and never passes", () => {
    const denied = failed("s3", "GetBucketVersioning", "access-denied", "AccessDenied", { region, params: { Bucket: "data" } });
    expect(verdicts("s3-bucket-versioning", [listBuckets(["data", "exports"]), denied])).toEqual([["exports", "unknown"], ["data", "unknown"]]);
    expect(verdicts("s3-bucket-versioning", [failed("s3", "ListBuckets", "access-denied", "AccessDenied")])).toEqual([[account, "unknown"]]);
  });

  it("SSE-S3 fails, except on an access log bucket (passes) and a public bucket (not applicable)", () => {
    const snapshots = [
      listBuckets(["data", "logs", "site"]),
      ...["data", "logs", "site"].map((b) => bucketEncryption(b, "AES256")),
      bucketLogging("site", "logs"),
      bucketPolicyStatus("site", true),
    ];
    expect(verdicts("s3-bucket-default-encryption", snapshots)).toEqual([["data", "fail"], ["logs", "pass"], ["site", "not-applicable"]]);
    expect(verdicts("s3-bucket-default-encryption", [bucketAbsent("GetBucketEncryption", "old", "ServerSideEncryptionConfigurationNotFoundError")])).toEqual([["old", "fail"]]);
  });

  it("a lifecycle rule passes only when it deletes objects or old versions, and is enabled", () => {
    expect(only("s3-bucket-lifecycle", [bucketLifecycle("state", [{ id: "old", noncurrentDays: 30 }])]).detail).toBe("rule old deletes noncurrent versions after 30 days");
    expect(only("s3-bucket-lifecycle", [bucketLifecycle("logs", [{ id: "expire", expirationDays: 30, status: "Disabled" }])]).status).toBe("fail");
    expect(only("s3-bucket-lifecycle", [bucketLifecycle("logs", [{ id: "archive", transitionDays: 30 }])]).detail).toBe("The lifecycle rules move objects but none deletes them");
  });

  it("a bucket receiving access logs is not judged on its own logging", () => {
    expect(verdicts("s3-bucket-access-logging", [bucketLogging("data", "logs"), bucketLogging("logs")])).toEqual([["data", "pass"], ["logs", "not-applicable"]]);
  });

  it("a bucket without a policy is not public; one S3 judges public fails", () => {
    expect(verdicts("s3-bucket-policy-not-public", [bucketAbsent("GetBucketPolicyStatus", "data", "NoSuchBucketPolicy"), bucketPolicyStatus("site", true)])).toEqual([
      ["data", "pass"],
      ["site", "fail"],
    ]);
  });
});

describe("the KMS and ACM checks", () => {
  it("a customer managed key pending deletion fails with its deletion date", () => {
    expect(only("kms-keys-pending-deletion", [describedKey("k3", "CUSTOMER", 12)]).detail).toBe("Scheduled for deletion on 2026-06-13 (in 12 days)");
    expect(check("kms-keys-pending-deletion").evaluate([describedKey("k2", "AWS")])).toEqual([]);
  });

  it("a certificate in use fails within 30 days of expiry, expired, or ineligible for renewal", () => {
    const snapshot = certificates([
      { domain: "soon.example.com", daysLeft: 20 },
      { domain: "gone.example.com", daysLeft: -3 },
      { domain: "stuck.example.com", daysLeft: 200, renewal: "INELIGIBLE" },
      { domain: "fine.example.com", daysLeft: 31 },
      { domain: "unused.example.com", daysLeft: 5, inUse: false },
    ]);
    expect(verdicts("acm-certificate-expiry", [snapshot])).toEqual([
      ["soon.example.com", "fail"],
      ["gone.example.com", "fail"],
      ["stuck.example.com", "fail"],
      ["fine.example.com", "pass"],
      ["unused.example.com", "not-applicable"],
    ]);
  });

  it("a disabled region gives no certificate result, a denied one gives unknown", () => {
    expect(check("acm-certificate-expiry").evaluate([failed("acm", "ListCertificates", "region-disabled", "UnrecognizedClientException", { region })])).toEqual([]);
    expect(only("acm-certificate-expiry", [failed("acm", "ListCertificates", "access-denied", "AccessDeniedException", { region })]).status).toBe("unknown");
  });
});

describe("the web filtering check", () => {
  const noNetworkFirewall = firewallList([]);

  it("a DNS Firewall rule group that only alerts does not filter", () => {
    const result = only("web-filtering", [vpcs(["vpc-0aaa"]), ...dnsFirewall([{ vpc: "vpc-0aaa", group: "g1" }], { g1: ["ALERT"] }), noNetworkFirewall]);
    expect(result).toMatchObject({ status: "fail", resource: `arn:aws:ec2:${region}:${account}:vpc/vpc-0aaa` });
    expect(result.detail).toContain("DNS Firewall rule group g1 has no BLOCK rule");
  });

  it("a Network Firewall passes with an AWS managed domain group or drop rules on TLS SNI, not with an alert list", () => {
    const managed = `arn:aws:network-firewall:${region}:aws-managed:stateful-rulegroup/AbusedLegitMalwareDomainsStrictOrder`;
    const drop = { name: "sni", rules: 'drop tls $HOME_NET any -> $EXTERNAL_NET any (tls.sni; content:"evil.example"; sid:1;)' };
    const judge = (groups: Parameters<typeof networkFirewall>[2]) => only("web-filtering", [vpcs(["vpc-0aaa"]), ...dnsFirewall([]), firewallList(["fw"]), ...networkFirewall("fw", "vpc-0aaa", groups)]).status;
    expect(judge([managed])).toBe("pass");
    expect(judge([drop])).toBe("pass");
    expect(judge([{ name: "watch", list: "ALERTLIST" }])).toBe("fail");
    expect(judge([{ name: "ports", rules: "pass tcp $HOME_NET any -> $EXTERNAL_NET 443 (sid:2;)" }])).toBe("fail");
  });

  it("an unprotected VPC is unknown when a filtering service could not be read, but a protected one passes", () => {
    const deniedFirewalls = failed("network-firewall", "ListFirewalls", "access-denied", "AccessDeniedException", { region });
    expect(only("web-filtering", [vpcs(["vpc-0aaa"]), ...dnsFirewall([]), deniedFirewalls]).status).toBe("unknown");
    expect(only("web-filtering", [vpcs(["vpc-0aaa"]), ...dnsFirewall([{ vpc: "vpc-0aaa", group: "g1" }], { g1: ["BLOCK"] }), deniedFirewalls]).status).toBe("pass");
    expect(only("web-filtering", [vpcs(["vpc-0aaa"]), ...dnsFirewall([{ vpc: "vpc-0aaa", group: "g1" }]), noNetworkFirewall]).status).toBe("unknown");
  });

  it("a region whose VPCs could not be listed is unknown, and a disabled one gives nothing", () => {
    expect(only("web-filtering", [failed("ec2", "DescribeVpcs", "access-denied", "UnauthorizedOperation", { region })]).resource).toBe(`${account}/${region}`);
    expect(check("web-filtering").evaluate([failed("ec2", "DescribeVpcs", "region-disabled", "AuthFailure", { region })])).toEqual([]);
  });
});
