import { describe, expect, it } from "vitest";
import { isControlId } from "../../catalog/annex-a.js";
import { isCriterionId } from "../../catalog/soc2.js";
import type { Snapshot } from "../snapshot.js";
import type { Check, CheckResult } from "./check.js";
import { cisMonitoringItems, missingTerms } from "./logging-cis-items.js";
import { loggingChecks } from "./logging.js";
import {
  alarms,
  cis,
  cisMonitoring,
  configRecorder,
  configRules,
  describedTrails,
  eventSelectors,
  findings,
  fsbp,
  hubStandards,
  logGroupArn,
  loggingFixtures,
  metricFilters,
  patternFor,
  trailArn,
  trailStatus,
} from "./logging.fixtures.js";
import { account, failed } from "./test-snapshots.js";

function check(id: string): Check {
  const found = loggingChecks.find((c) => c.id === id);
  if (!found) throw new Error(`no check ${id}`);
  return found;
}
const run = (id: string, snapshots: Snapshot[]) => check(id).evaluate(snapshots);
function only(id: string, snapshots: Snapshot[]): CheckResult {
  const [first, ...rest] = run(id, snapshots);
  if (!first || rest.length > 0) throw new Error(`${id}: expected exactly one result`);
  return first;
}

describe("the logging, configuration and compliance checks", () => {
  it("number at least nine, each with real Annex A controls and SOC 2 criteria and a fixture pair", () => {
    expect(loggingChecks.length).toBeGreaterThanOrEqual(9);
    for (const c of loggingChecks) {
      for (const control of c.controls) expect(isControlId(control), `${c.id} ${control}`).toBe(true);
      for (const criterion of c.soc2) expect(isCriterionId(criterion), `${c.id} ${criterion}`).toBe(true);
    }
    expect(loggingFixtures.map(([id]) => id).sort()).toEqual(loggingChecks.map((c) => c.id).sort());
  });

  it.each(loggingFixtures)("%s passes its passing fixture and fails its failing one", (id, passing, failing) => {
    const good = run(id, passing);
    expect(good.map((r) => r.status)).toContain("pass");
    expect(good.filter((r) => r.status === "fail" || r.status === "unknown")).toEqual([]);
    expect(run(id, failing).map((r) => r.status)).toContain("fail");
  });

  it("only narrow a result's controls to controls the check itself names", () => {
    for (const [id, passing, failing] of loggingFixtures)
      for (const r of run(id, [...passing, ...failing])) for (const c of r.controls ?? []) expect(check(id).controls, `${id} ${c}`).toContain(c);
  });
});

describe("CloudTrail trails", () => {
  const org = trailArn("org-trail");

  it("a trail seen from several regions and accounts gives one result, on its owner and home region", () => {
    const member = "222222222222";
    const snapshots = [
      describedTrails("eu-west-1", [{ name: "org-trail", kmsKeyId: "k" }]),
      describedTrails("us-east-1", [{ name: "org-trail", home: "eu-west-1", kmsKeyId: "k" }]),
      describedTrails("eu-west-1", [{ name: "org-trail", owner: account, kmsKeyId: "k" }], member),
    ];
    const result = only("cloudtrail-kms-encryption", snapshots);
    expect([result.account, result.region, result.resource, result.status]).toEqual([account, "eu-west-1", org, "pass"]);
  });

  it("a trail whose last delivery is more than a day old fails, naming how old", () => {
    const result = only("cloudtrail-logging-active", [describedTrails("eu-west-1", [{ name: "org-trail" }]), trailStatus(org, true, 30)]);
    expect(result.status).toBe("fail");
    expect(result.detail).toContain("30 hours");
  });

  it("a trail that never delivered fails, and one whose owner was not asked is unknown", () => {
    expect(only("cloudtrail-logging-active", [describedTrails("eu-west-1", [{ name: "org-trail" }]), trailStatus(org, true)]).status).toBe("fail");
    const foreign = [describedTrails("eu-west-1", [{ name: "org-trail", owner: "999999999999" }])];
    const result = only("cloudtrail-logging-active", foreign);
    expect([result.account, result.status]).toEqual(["999999999999", "unknown"]);
    expect(result.detail).toContain("999999999999 owns");
  });

  it("an account whose trails could not be listed is unknown, not passing", () => {
    const result = only("cloudtrail-kms-encryption", [failed("cloudtrail", "DescribeTrails", "access-denied", "AccessDeniedException", { region: "eu-west-1" })]);
    expect([result.account, result.status]).toEqual([account, "unknown"]);
    expect(result.detail).toContain("access-denied");
  });

  it("read-only and write-only selectors together record all management events; excluding management events records none", () => {
    const trails = describedTrails("eu-west-1", [{ name: "org-trail" }]);
    const split = eventSelectors(org, { classic: [{ ReadWriteType: "ReadOnly", IncludeManagementEvents: true }, { ReadWriteType: "WriteOnly", IncludeManagementEvents: true }] });
    expect(only("cloudtrail-management-events", [trails, split]).status).toBe("pass");
    const dataOnly = eventSelectors(org, { classic: [{ ReadWriteType: "All", IncludeManagementEvents: false }] });
    expect(only("cloudtrail-management-events", [trails, dataOnly])).toMatchObject({ status: "fail", detail: "Records no management events" });
    const s3Data = eventSelectors(org, { advanced: [[{ Field: "eventCategory", Equals: ["Data"] }, { Field: "resources.type", Equals: ["AWS::S3::Object"] }]] });
    expect(only("cloudtrail-management-events", [trails, s3Data]).status).toBe("fail");
  });
});

describe("the CIS monitoring alarms", () => {
  const item = (id: string) => {
    const found = cisMonitoringItems.find((i) => i.id === id);
    if (!found) throw new Error(id);
    return found;
  };
  const byItem = (snapshots: Snapshot[]) => new Map(run("cloudwatch-cis-alarms", snapshots).map((r) => [r.resource, r]));

  it("judge fifteen items per account, each passing with a matching filter and an alarm that notifies", () => {
    const results = run("cloudwatch-cis-alarms", cisMonitoring());
    expect(results).toHaveLength(15);
    expect(new Set(results.map((r) => r.status))).toEqual(new Set(["pass"]));
    expect(results.find((r) => r.resource === "cis-4.3-root-usage")?.detail).toContain("security-alerts");
  });

  it("the benchmark's root-usage pattern matches, and CreatePolicyVersion does not stand in for CreatePolicy", () => {
    expect(missingTerms(item("cis-4.3-root-usage"), '{ $.userIdentity.type = "Root" && $.userIdentity.invokedBy NOT EXISTS && $.eventType != "AwsServiceEvent" }')).toEqual([]);
    const iam = item("cis-4.4-iam-policy-changes");
    expect(missingTerms(iam, patternFor(iam).replace('($.eventName = "CreatePolicy") ||', ""))).toEqual(["CreatePolicy"]);
  });

  it("fails an item whose filter has no alarm, or whose alarm tells no one", () => {
    const [trails, filters] = cisMonitoring();
    if (!trails || !filters) throw new Error("fixture");
    const results = byItem([trails, filters, alarms([{ name: "root", metric: "cis-4.3-root-usage", actions: [] }])]);
    expect(results.get("cis-4.3-root-usage")?.status).toBe("fail");
    expect(results.get("cis-4.3-root-usage")?.detail).toContain("no enabled action");
    expect(results.get("cis-4.1-unauthorized-api-calls")?.status).toBe("fail");
    expect(results.get("cis-4.1-unauthorized-api-calls")?.detail).toContain("no alarm watches");
  });

  it("names the terms a near-miss filter omits", () => {
    const iam = item("cis-4.4-iam-policy-changes");
    const partial = patternFor(iam).replace(' || ($.eventName = "DetachGroupPolicy")', "");
    const results = byItem([describedTrails("eu-west-1", [{ name: "org-trail", logGroup: logGroupArn("cloudtrail") }]), metricFilters("cloudtrail", [{ name: "iam", pattern: partial, metric: "iam" }]), alarms([])]);
    expect(results.get("cis-4.4-iam-policy-changes")?.detail).toContain("omits DetachGroupPolicy");
  });

  it("credits a member with the organization trail's log group in the management account, and is unknown when that account was not collected", () => {
    const management = "999999999999";
    const orgTrail = { name: "org-trail", owner: management, logGroup: logGroupArn("cloudtrail", "eu-west-1", management) };
    const memberView = describedTrails("eu-west-1", [orgTrail]);
    expect(new Set(run("cloudwatch-cis-alarms", [memberView]).map((r) => r.status))).toEqual(new Set(["unknown"]));
    const items = cisMonitoringItems;
    const managementSide = [
      { ...metricFilters("cloudtrail", items.map((i) => ({ name: i.id, pattern: patternFor(i), metric: i.id }))), account: management },
      { ...alarms(items.map((i) => ({ name: i.id, metric: i.id }))), account: management },
    ];
    const results = run("cloudwatch-cis-alarms", [memberView, ...managementSide]).filter((r) => r.account === account);
    expect(results.map((r) => r.status)).toEqual(items.map(() => "pass"));
    expect(results[0]?.detail).toContain(`cloudtrail (${management}, eu-west-1)`);
  });

  it("fails every item when no multi-region trail reaches CloudWatch Logs", () => {
    const results = run("cloudwatch-cis-alarms", [describedTrails("eu-west-1", [{ name: "regional", multiRegion: false, logGroup: logGroupArn("x") }])]);
    expect(results.map((r) => r.status)).toEqual(cisMonitoringItems.map(() => "fail"));
  });
});

describe("AWS Config", () => {
  it("fails a region without a recorder, one recording selected types only, and an account recording no global resources", () => {
    const results = run("config-recorder-all-resources", [...configRecorder("eu-west-1", undefined), ...configRecorder("us-east-1", { allSupported: false })]);
    expect(results.map((r) => [r.region, r.status])).toEqual([["eu-west-1", "fail"], ["us-east-1", "fail"], ["global", "fail"]]);
    expect(results[1]?.detail).toContain("selected resource types");
  });

  it("is unknown, not passing, where the recorder's status could not be read", () => {
    const [recorders, , channels] = configRecorder("eu-west-1", { global: true });
    if (!recorders || !channels) throw new Error("fixture");
    const results = run("config-recorder-all-resources", [recorders, channels, failed("config", "DescribeConfigurationRecorderStatus", "error", "InternalFailure", { region: "eu-west-1" })]);
    expect(results.find((r) => r.region === "eu-west-1")?.status).toBe("unknown");
  });

  it("files each rule's result under its mapped controls, and a custom rule under 5.36", () => {
    const results = run("config-rule-results", configRules([
      { name: "versioning", identifier: "S3_BUCKET_VERSIONING_ENABLED", compliance: "NON_COMPLIANT", count: 2 },
      { name: "tags", identifier: "arn:aws:lambda:eu-west-1:111111111111:function:tags", owner: "CUSTOM_LAMBDA", compliance: "NON_COMPLIANT" },
      { name: "fresh", identifier: "ENCRYPTED_VOLUMES", compliance: "INSUFFICIENT_DATA" },
    ]));
    expect(results.map((r) => [r.status, r.controls])).toEqual([["fail", ["8.13"]], ["fail", ["5.36"]], ["unknown", ["8.24"]]]);
    expect(results[0]?.detail).toBe("versioning (S3_BUCKET_VERSIONING_ENABLED): non-compliant — 2 non-compliant resources");
  });
});

describe("Security Hub", () => {
  it("judges standards only where the hub is enabled, and fails a standard still pending", () => {
    const off = failed("securityhub", "DescribeHub", "not-enabled", "InvalidAccessException", { region: "us-east-1" });
    expect(run("securityhub-standards", [off])).toEqual([]);
    const pending = only("securityhub-standards", hubStandards([fsbp, cis], "eu-west-1", "PENDING"));
    expect(pending.status).toBe("fail");
    expect(pending.detail).toContain("CIS AWS Foundations Benchmark: PENDING");
  });

  it("gives one result per finding even when the aggregator and the member both hold it, on the resource's account and region", () => {
    const spec = { control: "GuardDuty.1", status: "FAILED", resource: "AWS::::Account:222222222222", owner: "222222222222", resourceRegion: "eu-south-2" } as const;
    const result = only("securityhub-findings", [findings([spec]), findings([spec], { account: "222222222222" })]);
    expect([result.account, result.region, result.status, result.controls]).toEqual(["222222222222", "eu-south-2", "fail", ["8.16", "5.7"]]);
  });

  it("files an unmapped control under 5.36 and leaves suppressed findings out", () => {
    const result = only("securityhub-findings", [findings([{ control: "Athena.4", status: "PASSED", resource: "wg" }, { control: "S3.8", status: "FAILED", resource: "b", workflow: "SUPPRESSED" }])]);
    expect([result.resource, result.status, result.controls]).toEqual(["wg", "pass", ["5.36"]]);
  });

  it("is unknown where findings could not be read, and silent where the hub is off", () => {
    const results = run("securityhub-findings", [
      failed("securityhub", "GetFindings", "retries-exhausted", "TooManyRequestsException", { region: "eu-west-1" }),
      failed("securityhub", "GetFindings", "not-enabled", "InvalidAccessException", { region: "us-east-1" }),
    ]);
    expect(results.map((r) => [r.region, r.status])).toEqual([["eu-west-1", "unknown"]]);
  });
});
