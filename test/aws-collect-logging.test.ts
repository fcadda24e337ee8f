// The logging, monitoring, configuration and compliance collectors against the demo organization,
// and what the checks find there: the organization trail's CIS alarm gaps, staging's stopped trail
// and missing Config, production's data-only trail, and the Security Hub findings in the aggregator.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { collectFromDemo } from "./helpers/demo-collection.js";
import type { CollectResult } from "../src/aws/collect.js";
import type { CheckResult } from "../src/aws/checks/check.js";
import { loggingChecks } from "../src/aws/checks/logging.js";
import { cloudtrailCollector } from "../src/aws/collectors/cloudtrail.js";
import { cloudwatchCollector } from "../src/aws/collectors/cloudwatch.js";
import { configCollector } from "../src/aws/collectors/config.js";
import { securityhubCollector } from "../src/aws/collectors/securityhub.js";
import type { Simulator } from "../testing/aws-sim/server.js";

const management = "604152391846";
const securityTooling = "739105286472";
const logArchive = "815274630912";
const production = "926318475063";
const staging = "357914862040";
const orgTrail = `arn:aws:cloudtrail:us-east-1:${management}:trail/acme-org-trail`;

describe("logging, configuration and compliance in the demo organization", () => {
  let sim: Simulator;
  let collected: CollectResult;
  let results: CheckResult[];
  beforeAll(async () => {
    ({ sim, collected, results } = await collectFromDemo([cloudtrailCollector, cloudwatchCollector, configCollector, securityhubCollector], loggingChecks));
  });
  afterAll(() => sim.close());

  const find = (checkId: string, account: string, resource: string): CheckResult | undefined =>
    results.find((r) => r.checkId === checkId && r.account === account && r.resource === resource);
  const statusOf = (checkId: string, account: string, resource: string) => find(checkId, account, resource)?.status;

  it("never repeats a request, and meets no problem but Security Hub where it is off", () => {
    expect(sim.calls.duplicates()).toEqual([]);
    expect(collected.problems.filter((p) => p.kind !== "not-enabled" || p.service !== "securityhub")).toEqual([]);
  });

  it("asks each trail's status once, in its home region, from the account that owns it", () => {
    const statusCalls = sim.calls.calls.filter((c) => c.operation === "GetTrailStatus").map((c) => [c.accountId, c.region, c.params.Name]);
    expect(statusCalls.sort()).toEqual(
      [
        [management, "us-east-1", orgTrail],
        [production, "us-east-1", `arn:aws:cloudtrail:us-east-1:${production}:trail/acme-prod-data-events`],
        [staging, "eu-west-1", `arn:aws:cloudtrail:eu-west-1:${staging}:trail/staging-debug-trail`],
      ].sort(),
    );
  });

  it("passes the organization trail and fails staging's stopped debug trail", () => {
    expect(statusOf("cloudtrail-logging-active", management, orgTrail)).toBe("pass");
    expect(find("cloudtrail-logging-active", staging, `arn:aws:cloudtrail:eu-west-1:${staging}:trail/staging-debug-trail`)).toMatchObject({ status: "fail", detail: "Logging is stopped" });
    expect(statusOf("cloudtrail-kms-encryption", staging, `arn:aws:cloudtrail:eu-west-1:${staging}:trail/staging-debug-trail`)).toBe("fail");
    expect(statusOf("cloudtrail-cloudwatch-logs", management, orgTrail)).toBe("pass");
  });

  it("fails production's data-events trail for recording no management events", () => {
    const dataTrail = `arn:aws:cloudtrail:us-east-1:${production}:trail/acme-prod-data-events`;
    expect(find("cloudtrail-management-events", production, dataTrail)).toMatchObject({ status: "fail", detail: "Records no management events" });
    expect(statusOf("cloudtrail-management-events", management, orgTrail)).toBe("pass");
    expect(statusOf("cloudtrail-cloudwatch-logs", production, dataTrail)).toBe("fail");
  });

  it("credits every account with the organization trail's root-usage alarm, and finds the same CIS gaps everywhere", () => {
    for (const account of [management, securityTooling, logArchive, production, staging]) {
      expect(statusOf("cloudwatch-cis-alarms", account, "cis-4.3-root-usage"), account).toBe("pass");
      expect(statusOf("cloudwatch-cis-alarms", account, "cis-4.13-route-table-changes"), account).toBe("fail");
    }
    expect(find("cloudwatch-cis-alarms", staging, "cis-4.4-iam-policy-changes")?.detail).toContain("omits AttachGroupPolicy, DetachGroupPolicy");
    expect(find("cloudwatch-cis-alarms", staging, "cis-4.15-organizations-changes")?.detail).toContain("no enabled action");
    const managementStatuses = results.filter((r) => r.checkId === "cloudwatch-cis-alarms" && r.account === management).map((r) => r.status);
    expect(managementStatuses.filter((s) => s === "pass")).toHaveLength(11);
  });

  it("fails staging's Config in every region and passes management's us-east-1 recorder", () => {
    const stagingConfig = results.filter((r) => r.checkId === "config-recorder-all-resources" && r.account === staging);
    expect(stagingConfig.length).toBe(18);
    expect(stagingConfig.every((r) => r.status === "fail")).toBe(true);
    expect(results.find((r) => r.checkId === "config-recorder-all-resources" && r.account === management && r.region === "us-east-1")?.status).toBe("pass");
    expect(find("config-recorder-all-resources", securityTooling, securityTooling)).toMatchObject({ region: "global", status: "fail" });
    const stopped = results.find((r) => r.checkId === "config-recorder-all-resources" && r.account === production && r.region === "ap-south-1");
    expect(stopped?.status).toBe("fail");
    expect(stopped?.detail).toContain("not recording");
  });

  it("files production's Config rule results under their mapped controls, the custom rule under 5.36", () => {
    const rules = results.filter((r) => r.checkId === "config-rule-results" && r.account === production);
    const byName = (name: string) => rules.find((r) => r.detail.startsWith(`${name} `));
    expect(byName("s3-bucket-versioning-enabled")).toMatchObject({ status: "fail", controls: ["8.13"] });
    expect(byName("encrypted-volumes")).toMatchObject({ status: "pass", controls: ["8.24"] });
    expect(byName("acme-required-tags")).toMatchObject({ status: "fail", controls: ["5.36"] });
  });

  it("passes the security tooling hub's standards and fails staging's, which lacks CIS", () => {
    expect(statusOf("securityhub-standards", securityTooling, `arn:aws:securityhub:eu-west-1:${securityTooling}:hub/default`)).toBe("pass");
    const stagingHub = find("securityhub-standards", staging, `arn:aws:securityhub:eu-west-1:${staging}:hub/default`);
    expect(stagingHub?.status).toBe("fail");
    expect(stagingHub?.detail).toBe("CIS AWS Foundations Benchmark: not enabled");
  });

  it("reads findings in the aggregator and files them on the resource's account and region under mapped controls", () => {
    const asked = sim.calls.calls.filter((c) => c.operation === "GetFindings").map((c) => `${c.accountId}/${c.region}`);
    expect(asked).toContain(`${securityTooling}/eu-west-1`);
    const uploads = find("securityhub-findings", staging, "arn:aws:s3:::acme-staging-app-uploads");
    expect([uploads?.status, uploads?.region]).toEqual(["fail", "eu-west-1"]);
    expect(uploads?.controls).toContain("8.12");
    expect(find("securityhub-findings", production, `AWS::::Account:${production}`)).toMatchObject({ status: "fail", region: "eu-south-2", controls: ["8.16", "5.7"] });
    expect(statusOf("securityhub-findings", production, `arn:aws:rds:eu-west-1:${production}:db:acme-prod-db`)).toBe("pass");
  });
});
