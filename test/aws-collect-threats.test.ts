// The threat detection and vulnerability collectors against the demo organization, and what the
// checks make of it: GuardDuty's gaps and findings, Inspector, patching and Macie, account by account.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { collectFromDemo } from "./helpers/demo-collection.js";
import { guarddutyEnabled } from "../src/aws/checks/threat-detection.js";
import type { CheckResult } from "../src/aws/checks/check.js";
import { threatChecks } from "../src/aws/checks/threats.js";
import type { CollectResult } from "../src/aws/collect.js";
import { guarddutyCollector } from "../src/aws/collectors/guardduty.js";
import { inspectorCollector } from "../src/aws/collectors/inspector.js";
import { macieCollector } from "../src/aws/collectors/macie.js";
import { ssmCollector } from "../src/aws/collectors/ssm.js";
import type { Simulator } from "../testing/aws-sim/server.js";

const management = "604152391846";
const security = "739105286472";
const logArchive = "815274630912";
const production = "926318475063";
const staging = "357914862040";
/** The demo's dates are set around this day; judging as of it keeps the ages of its findings fixed. */
const demoDay = "2026-11-27T12:00:00.000Z";

describe("collecting threat detection and vulnerability state from the demo organization", () => {
  let sim: Simulator;
  let collected: CollectResult;
  let results: CheckResult[];
  const of = (checkId: string, account: string, region?: string): CheckResult[] =>
    results.filter((r) => r.checkId === checkId && r.account === account && (region === undefined || r.region === region));
  const statusOf = (checkId: string, account: string, region: string, resource: string): string | undefined =>
    of(checkId, account, region).find((r) => r.resource.endsWith(resource))?.status;

  beforeAll(async () => {
    ({ sim, collected, results } = await collectFromDemo([guarddutyCollector, inspectorCollector, ssmCollector, macieCollector], [guarddutyEnabled, ...threatChecks], { pinTo: demoDay }));
  });
  afterAll(() => sim.close());

  it("never repeats a request, and reports as problems only Macie: denied in staging, not enabled elsewhere", () => {
    expect(sim.calls.duplicates()).toEqual([]);
    expect(collected.problems.every((p) => p.service === "macie2")).toBe(true);
    const denied = collected.problems.filter((p) => p.kind === "access-denied");
    expect(denied.map((p) => p.account)).toEqual(sim.scenario.regions.default.map(() => staging));
    expect(collected.problems.filter((p) => p.kind !== "access-denied").every((p) => p.kind === "not-enabled" && p.account !== staging)).toBe(true);
  });

  it("finds no GuardDuty detector in production's eu-south-2 and a suspended one in its sa-east-1", () => {
    expect(of("guardduty-enabled", production, "eu-south-2")).toMatchObject([{ status: "fail", detail: "GuardDuty has no detector in this region" }]);
    expect(of("guardduty-enabled", production, "sa-east-1")).toMatchObject([{ status: "fail", detail: "GuardDuty's detector is suspended" }]);
    expect(of("guardduty-enabled", management).every((r) => r.status === "pass")).toBe(true);
  });

  it("fails staging's detectors for the protection plans turned off, in every region", () => {
    const stagingPlans = of("guardduty-protection-plans", staging);
    expect(stagingPlans).toHaveLength(sim.scenario.regions.default.length);
    expect(new Set(stagingPlans.map((r) => `${r.status}: ${r.detail}`))).toEqual(new Set(["fail: Off: Malware Protection for EC2, Runtime Monitoring"]));
    expect(of("guardduty-protection-plans", security).every((r) => r.status === "pass")).toBe(true);
  });

  it("fails production's GuardDuty finding on the old deploy key, open since October, and passes staging's from this week", () => {
    expect(statusOf("guardduty-findings-triaged", production, "eu-west-1", "finding/4ac9c6f1e2b37d58a0f1e2d3c4b5a697")).toBe("fail");
    expect(of("guardduty-findings-triaged", production, "eu-west-1").map((r) => r.resource)).not.toContainEqual(expect.stringContaining("7e1f0a9b8c2d3e4f5a6b7c8d9e0f1a2b"));
    expect(statusOf("guardduty-findings-triaged", staging, "eu-west-1", "finding/a3b4c5d6e7f8091a2b3c4d5e6f708192")).toBe("pass");
  });

  it("reports Inspector's scanning per region: on in the security account, partial in staging, off in management", () => {
    expect(of("inspector-scanning-enabled", security, "eu-west-1")).toMatchObject([{ status: "pass" }]);
    expect(of("inspector-scanning-enabled", staging, "eu-west-1")).toMatchObject([{ status: "fail", detail: "Off: ECR image scanning (DISABLED), Lambda standard scanning (DISABLED)" }]);
    expect(of("inspector-scanning-enabled", management, "eu-west-1")).toMatchObject([{ status: "fail" }]);
    expect(of("inspector-scanning-enabled", production, "eu-west-1")).toMatchObject([{ status: "pass" }]);
    expect(of("inspector-code-scanning", production, "eu-west-1")).toMatchObject([{ status: "fail", detail: "Off: Lambda code scanning (DISABLED)" }]);
  });

  it("fails the critical OpenSSH vulnerability on production's web server, and passes the recent image finding", () => {
    const prod = of("inspector-critical-findings", production, "eu-west-1");
    expect(prod.map((r) => r.status).sort()).toEqual(["fail", "pass"]);
    expect(prod.find((r) => r.status === "fail")?.detail).toBe("CRITICAL CVE-2024-6387 on i-04f3a9c2e7b1d5a02 open 74 days, longer than 30");
    expect(of("inspector-critical-findings", staging, "eu-west-1")).toMatchObject([{ status: "fail" }]);
    expect(of("inspector-critical-findings", security, "eu-west-1")).toMatchObject([{ status: "pass", detail: "No active critical or high vulnerability" }]);
  });

  it("judges each managed instance's patching and agent", () => {
    expect(statusOf("ssm-patch-compliance", production, "eu-west-1", "instance/i-04f3a9c2e7b1d5a01")).toBe("pass");
    expect(statusOf("ssm-patch-compliance", production, "eu-west-1", "instance/i-04f3a9c2e7b1d5a02")).toBe("fail");
    expect(of("ssm-patch-compliance", production, "eu-west-1").find((r) => r.resource.endsWith("i-09c7e5a3b1f2d4e03"))?.detail).toContain("no scan for 38 days");
    expect(of("ssm-patch-compliance", staging, "eu-west-1")).toMatchObject([{ status: "fail", detail: "No patch state: no patch baseline has scanned this instance" }]);
    expect(statusOf("ssm-managed-instances", production, "eu-west-1", "managed-instance/mi-0e1d2c3b4a5f60718")).toBe("fail");
    expect(statusOf("ssm-managed-instances", staging, "eu-west-1", "instance/i-0b5e8d2a7f1c49d04")).toBe("fail");
  });

  it("reports staging's Macie, denied by an SCP, as unknown, and fails accounts whose buckets Macie does not watch", () => {
    expect(of("macie-enabled", staging)).toMatchObject([{ region: "eu-west-1", status: "unknown" }]);
    expect(of("macie-enabled", production)).toMatchObject([{ region: "eu-west-1", status: "pass" }]);
    expect(of("macie-enabled", security)).toMatchObject([{ region: "eu-west-1", status: "pass" }]);
    expect(of("macie-enabled", logArchive).map((r) => [r.region, r.status]).sort()).toEqual([
      ["eu-west-1", "fail"],
      ["us-east-1", "fail"],
    ]);
  });

  it("fails production's database exports bucket for personal data found in August and never reviewed", () => {
    expect(of("macie-sensitive-data-findings", production).map((r) => [r.resource, r.status])).toEqual([
      ["arn:aws:s3:::acme-prod-db-exports", "fail"],
      ["arn:aws:s3:::acme-prod-app-uploads", "pass"],
    ]);
  });
});
