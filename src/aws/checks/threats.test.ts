import { describe, expect, it } from "vitest";
import type { Check } from "./check.js";
import { guarddutyFindingsTriaged } from "./guardduty-findings.js";
import { guarddutyProtectionPlans } from "./guardduty-protection.js";
import { macieEnabled, macieSensitiveDataFindings } from "./macie-sensitive-data.js";
import { detectors, failed } from "./test-snapshots.js";
import { guarddutyEnabled } from "./threat-detection.js";
import {
  allPlans,
  guarddutyDetector,
  guarddutyFindings,
  inspectorFindings,
  inspectorStatus,
  macieFindings,
  macieOff,
  macieSession,
  s3Buckets,
  ssmInstances,
  ssmPatchStates,
  threatFixtures,
} from "./threats.fixtures.js";
import { threatChecks } from "./threats.js";
import { inspectorCriticalFindings } from "./vulnerability-findings.js";
import { ssmManagedInstances, ssmPatchCompliance } from "./vulnerability-patching.js";
import { inspectorScanningEnabled } from "./vulnerability-scanning.js";

const summary = (check: Check, snapshots: Parameters<Check["evaluate"]>[0]) => check.evaluate(snapshots).map((r) => [r.region, r.resource, r.status, r.detail]);

describe("the threat detection and vulnerability checks", () => {
  it("each have a passing and a failing fixture", () => {
    expect(threatFixtures.map(([id]) => id).sort()).toEqual(threatChecks.map((c) => c.id).sort());
    for (const [id, passing, failing] of threatFixtures) {
      const check = threatChecks.find((c) => c.id === id);
      const passed = check?.evaluate(passing).map((r) => r.status) ?? [];
      expect(passed, id).toContain("pass");
      expect(passed.filter((s) => s === "fail" || s === "unknown"), id).toEqual([]);
      expect(check?.evaluate(failing).map((r) => r.status), id).toContain("fail");
    }
  });

  it("find nothing wrong over all their passing fixtures together", () => {
    const all = threatFixtures.flatMap(([, passing]) => passing);
    const results = threatChecks.flatMap((c) => c.evaluate(all));
    expect(new Set(results.map((r) => r.checkId))).toEqual(new Set(threatChecks.map((c) => c.id)));
    expect(results.filter((r) => r.status === "fail" || r.status === "unknown")).toEqual([]);
  });
});

describe("GuardDuty's detectors", () => {
  it("a suspended detector fails guardduty-enabled, and one GetDetector could not read is unknown", () => {
    const results = guarddutyEnabled.evaluate([
      detectors("eu-west-1", ["d1"]),
      guarddutyDetector("d1", allPlans, "DISABLED"),
      detectors("us-east-1", ["d2"]),
      failed("guardduty", "GetDetector", "retries-exhausted", "ThrottlingException", { region: "us-east-1", params: { DetectorId: "d2" } }),
    ]);
    expect(results.map((r) => [r.region, r.status, r.detail])).toEqual([
      ["eu-west-1", "fail", "GuardDuty's detector is suspended"],
      ["us-east-1", "unknown", "GuardDuty has a detector, but GetDetector failed: whether it is suspended is unknown"],
    ]);
  });

  it("names the protection plans that are off, and accepts EKS Runtime Monitoring for Runtime Monitoring", () => {
    expect(summary(guarddutyProtectionPlans, [guarddutyDetector("d1", { S3_DATA_EVENTS: "ENABLED", EKS_RUNTIME_MONITORING: "ENABLED", EBS_MALWARE_PROTECTION: "DISABLED" })])).toEqual([
      ["eu-west-1", "arn:aws:guardduty:eu-west-1:111111111111:detector/d1", "fail", "Off: Malware Protection for EC2"],
    ]);
  });

  it("a suspended detector runs no plan, whatever its features say", () => {
    expect(guarddutyProtectionPlans.evaluate([guarddutyDetector("d1", allPlans, "DISABLED")])).toMatchObject([{ status: "fail", detail: "The detector is suspended: no plan runs" }]);
  });
});

describe("GuardDuty's high-severity findings", () => {
  it("a finding open seven days is within the triage window, and one open eight days is not", () => {
    const results = guarddutyFindingsTriaged.evaluate(guarddutyFindings("d1", [{ id: "seven", severity: 7, ageDays: 7 }, { id: "eight", severity: 9.5, ageDays: 8 }]));
    expect(results.map((r) => [r.resource.split("/").at(-1), r.status])).toEqual([
      ["seven", "pass"],
      ["eight", "fail"],
    ]);
    expect(results[1]?.detail).toBe("UnauthorizedAccess:EC2/SSHBruteForce (severity 9.5) open 8 days, longer than 7");
  });

  it("a detector whose findings could not be listed is unknown, and so is each finding GetFindings could not read", () => {
    const listed = guarddutyFindings("d1", [{ id: "f1", severity: 8, ageDays: 1 }]).slice(0, 1);
    const unlisted = failed("guardduty", "ListFindings", "access-denied", "AccessDeniedException", { region: "eu-west-1", params: { DetectorId: "d2" } });
    const unread = failed("guardduty", "GetFindings", "retries-exhausted", "ThrottlingException", { region: "eu-west-1", params: { DetectorId: "d1", FindingIds: ["f1"] } });
    expect(guarddutyFindingsTriaged.evaluate([...listed, unread, unlisted]).map((r) => [r.resource, r.status])).toEqual([
      ["arn:aws:guardduty:eu-west-1:111111111111:detector/d1/finding/f1", "unknown"],
      ["arn:aws:guardduty:eu-west-1:111111111111:detector/d2", "unknown"],
    ]);
  });
});

describe("Amazon Inspector", () => {
  it("names each scan type that is off, and leaves a region Inspector's status could not be read unknown", () => {
    const results = inspectorScanningEnabled.evaluate([
      inspectorStatus(["ecr", "lambda"]),
      failed("inspector2", "BatchGetAccountStatus", "access-denied", "AccessDeniedException", { region: "us-east-1" }),
      failed("inspector2", "BatchGetAccountStatus", "region-disabled", "UnrecognizedClientException", { region: "me-south-1" }),
    ]);
    expect(results.map((r) => [r.region, r.status, r.detail])).toEqual([
      ["eu-west-1", "fail", "Off: ECR image scanning (DISABLED), Lambda standard scanning (DISABLED)"],
      ["us-east-1", "unknown", "BatchGetAccountStatus failed (access-denied: AccessDeniedException)"],
    ]);
  });

  it("leaves Lambda code scanning to inspector-code-scanning", () => {
    expect(inspectorScanningEnabled.evaluate([inspectorStatus(["lambdaCode"])])).toMatchObject([{ status: "pass", detail: "On: EC2 scanning, ECR image scanning, Lambda standard scanning" }]);
  });

  it("judges no findings where Inspector is off, and a region with Inspector on but no listing is unknown", () => {
    const off = { ...inspectorStatus(), pages: [{ accounts: [{ accountId: "111111111111", state: { status: "DISABLED" } }] }] };
    expect(inspectorCriticalFindings.evaluate([off])).toEqual([]);
    expect(inspectorCriticalFindings.evaluate([inspectorStatus()])).toMatchObject([{ status: "unknown", detail: "ListFindings was not collected" }]);
  });

  it("passes a region with nothing critical or high open, and tells the CVE, resource and age of an old one", () => {
    expect(inspectorCriticalFindings.evaluate([inspectorStatus(), inspectorFindings([])])).toMatchObject([{ resource: "111111111111/eu-west-1", status: "pass" }]);
    const [old] = inspectorCriticalFindings.evaluate([inspectorStatus(), inspectorFindings([{ id: "a1", severity: "CRITICAL", ageDays: 31, cve: "CVE-2026-1234" }])]);
    expect(old).toMatchObject({ status: "fail", detail: "CRITICAL CVE-2026-1234 on i-0abc12345def67890 open 31 days, longer than 30" });
  });
});

describe("Systems Manager", () => {
  const id = "i-0aaa00000000000a1";

  it("fails an instance whose last patch scan is more than two weeks old, even with nothing missing", () => {
    const [result] = ssmPatchCompliance.evaluate([ssmInstances([{ id }]), ssmPatchStates([id], [{ id, ageDays: 15 }])]);
    expect(result).toMatchObject({ resource: `arn:aws:ec2:eu-west-1:111111111111:instance/${id}`, status: "fail", detail: "Patches: no scan for 15 days (more than 14); last Install 15 days ago" });
  });

  it("fails an instance no patch baseline has scanned, and is unknown where the patch states could not be read", () => {
    const other = "i-0aaa00000000000a2";
    const results = ssmPatchCompliance.evaluate([
      ssmInstances([{ id }, { id: other }]),
      failed("ssm", "DescribeInstancePatchStates", "retries-exhausted", "ThrottlingException", { region: "eu-west-1", params: { InstanceIds: [other] } }),
      ssmPatchStates([id], []),
    ]);
    expect(results.map((r) => [r.resource.split("/").at(-1), r.status])).toEqual([
      [id, "fail"],
      [other, "unknown"],
    ]);
  });

  it("fails an online instance whose SSM Agent is not the latest", () => {
    expect(ssmManagedInstances.evaluate([ssmInstances([{ id, latest: false }])])).toMatchObject([{ status: "fail", detail: "Online, but SSM Agent 3.3.1142.0 is not the latest" }]);
  });
});

describe("Amazon Macie", () => {
  const buckets = s3Buckets([{ name: "customer-data", region: "eu-west-1" }]);

  it("an SCP that denies Macie in a region with buckets is reported as unknown, not passed", () => {
    const denied = failed("macie2", "GetMacieSession", "access-denied", "AccessDeniedException", { region: "eu-west-1" });
    const [result] = macieEnabled.evaluate([buckets, denied]);
    expect(result?.status).toBe("unknown");
    expect(result?.detail).toContain("an SCP or the role's policy denies Macie");
  });

  it("judges only regions that hold buckets, and a paused session fails there", () => {
    expect(summary(macieEnabled, [buckets, macieSession("PAUSED"), macieOff("us-east-1")])).toEqual([["eu-west-1", "111111111111/eu-west-1", "fail", "Macie is paused; the region holds 1 bucket"]]);
  });

  it("without the bucket listing a region where Macie is off is unknown, and one where it is on still passes", () => {
    expect(macieEnabled.evaluate([macieSession("ENABLED"), macieOff("us-east-1")]).map((r) => [r.region, r.status])).toEqual([
      ["eu-west-1", "pass"],
      ["us-east-1", "unknown"],
    ]);
  });

  it("gives one result per bucket, failing a bucket whose oldest open finding is past the review window", () => {
    const results = macieSensitiveDataFindings.evaluate(
      macieFindings([
        { id: "m1", bucket: "exports", ageDays: 40 },
        { id: "m2", bucket: "exports", ageDays: 3, type: "SensitiveData:S3Object/Credentials" },
        { id: "m3", bucket: "uploads", ageDays: 3 },
      ]),
    );
    expect(results.map((r) => [r.resource, r.status])).toEqual([
      ["arn:aws:s3:::exports", "fail"],
      ["arn:aws:s3:::uploads", "pass"],
    ]);
    expect(results[0]?.detail).toBe(
      "2 open sensitive data findings, the oldest 40 days: SensitiveData:S3Object/Personal (High), SensitiveData:S3Object/Credentials (High); not reviewed within 30 days",
    );
  });
});
