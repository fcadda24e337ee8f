// The data protection and web filtering collectors against the simulated demo organization, and
// what their checks find there: staging's missing S3 blocks, its expiring imported certificate, its
// key pending deletion and its unfiltered VPC; production's VPC behind DNS Firewall.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { collectFromDemo } from "./helpers/demo-collection.js";
import type { CollectResult } from "../src/aws/collect.js";
import { dataProtectionChecks } from "../src/aws/checks/data-protection.js";
import type { CheckResult } from "../src/aws/checks/check.js";
import { runChecks } from "../src/aws/checks/index.js";
import { acmCollector } from "../src/aws/collectors/acm.js";
import { kmsCollector } from "../src/aws/collectors/kms.js";
import { networkFirewallCollector } from "../src/aws/collectors/network-firewall.js";
import { route53resolverCollector } from "../src/aws/collectors/route53resolver.js";
import { s3Collector } from "../src/aws/collectors/s3.js";
import type { Simulator } from "../testing/aws-sim/server.js";

const management = "604152391846";
const production = "926318475063";
const staging = "357914862040";

describe("collecting data protection and web filtering from the demo organization", () => {
  let sim: Simulator;
  let collected: CollectResult;
  let results: CheckResult[];
  beforeAll(async () => {
    ({ sim, collected, results } = await collectFromDemo([s3Collector, kmsCollector, acmCollector, route53resolverCollector, networkFirewallCollector], dataProtectionChecks));
  }, 120_000);
  afterAll(() => sim.close());

  const status = (checkId: string, account: string, resource: string) =>
    results.filter((r) => r.checkId === checkId && r.account === account && r.resource.endsWith(resource)).map((r) => r.status);

  it("meets no collection problem and never repeats a request", () => {
    expect(collected.problems).toEqual([]);
    expect(sim.calls.duplicates()).toEqual([]);
  });

  it("reads each account's public access block through S3 Control", () => {
    expect(sim.calls.calls.filter((c) => c.operation === "GetAccountPublicAccessBlock")).toHaveLength(5);
    expect(status("s3-account-public-access-block", management, management)).toEqual(["pass"]);
    expect(status("s3-account-public-access-block", staging, staging)).toEqual(["fail"]);
    expect(results.find((r) => r.checkId === "s3-account-public-access-block" && r.account === production)?.detail).toBe("Off: BlockPublicPolicy, RestrictPublicBuckets");
  });

  it("finds staging's upload bucket without a public access block, and production's public static site", () => {
    expect(runChecks(collected.snapshots).filter((r) => r.checkId === "s3-bucket-public-access-block" && r.resource.endsWith("acme-staging-app-uploads")).map((r) => r.status)).toEqual(["fail"]);
    expect(status("s3-bucket-policy-not-public", production, "acme-prod-static-site")).toEqual(["fail"]);
    expect(status("s3-bucket-policy-not-public", staging, "acme-staging-app-uploads")).toEqual(["pass"]);
  });

  it("judges each bucket's encryption, versioning, lifecycle and logging", () => {
    expect(status("s3-bucket-default-encryption", production, "acme-prod-app-uploads")).toEqual(["pass"]);
    expect(status("s3-bucket-default-encryption", staging, "acme-staging-app-uploads")).toEqual(["fail"]);
    expect(status("s3-bucket-default-encryption", "815274630912", "acme-s3-access-logs-815274630912")).toEqual(["pass"]);
    expect(status("s3-bucket-default-encryption", production, "acme-prod-static-site")).toEqual(["not-applicable"]);
    expect(status("s3-bucket-versioning", production, "acme-prod-db-exports")).toEqual(["fail"]);
    expect(status("s3-bucket-versioning", staging, "acme-staging-terraform-state")).toEqual(["pass"]);
    expect(status("s3-bucket-lifecycle", production, "acme-prod-db-exports")).toEqual(["pass"]);
    expect(status("s3-bucket-lifecycle", staging, "acme-staging-app-uploads")).toEqual(["fail"]);
    expect(status("s3-bucket-access-logging", "815274630912", "acme-org-cloudtrail-815274630912")).toEqual(["pass"]);
    expect(status("s3-bucket-access-logging", staging, "acme-staging-app-uploads")).toEqual(["fail"]);
    // Each bucket's settings are asked in its own region.
    expect(collected.snapshots.filter((s) => s.operation === "GetBucketVersioning" && s.params.Bucket === "acme-org-cloudtrail-815274630912").map((s) => s.region)).toEqual(["us-east-1"]);
  });

  it("flags staging's key pending deletion and its imported certificate that expires in 12 days", () => {
    const pending = results.filter((r) => r.checkId === "kms-keys-pending-deletion" && r.status === "fail");
    expect(pending.map((r) => [r.account, r.region])).toEqual([[staging, "eu-west-1"]]);
    expect(pending[0]?.detail).toMatch(/^Scheduled for deletion on 2026-12-09/);
    const certificates = results.filter((r) => r.checkId === "acm-certificate-expiry").map((r) => [r.account, r.status, r.detail.split(" ")[0]]);
    expect(certificates).toEqual(
      expect.arrayContaining([
        [staging, "fail", "staging.acme.example"],
        [production, "pass", "app.acme.example"],
        [production, "pass", "www.acme.example"],
        [production, "not-applicable", "old-app.acme.example"],
      ]),
    );
  });

  it("finds production's VPC behind DNS Firewall and staging's VPC unfiltered", () => {
    const vpc = (account: string) => results.filter((r) => r.checkId === "web-filtering" && r.account === account);
    expect(vpc(production).map((r) => [r.resource, r.status])).toEqual([[`arn:aws:ec2:eu-west-1:${production}:vpc/vpc-0d4a7c91e2b35f608`, "pass"]]);
    expect(vpc(staging).map((r) => [r.resource, r.status])).toEqual([[`arn:aws:ec2:eu-west-1:${staging}:vpc/vpc-0b5e8d2a7f1c49360`, "fail"]]);
    expect(vpc(staging)[0]?.detail).toContain("Network Firewall staging-egress has no domain filtering rules");
    expect(vpc(management)).toEqual([]);
  });

  it("gives no unknown result: everything the checks read was collected", () => {
    expect(results.filter((r) => r.status === "unknown")).toEqual([]);
  });
});
