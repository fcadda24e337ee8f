// Checks that AWS's threat detection services run in every collected region: GuardDuty (A.8.16,
// A.5.7) and Security Hub (A.5.36, A.8.16).
import { z } from "zod";
import { readPages } from "../snapshot.js";
import type { Snapshot } from "../snapshot.js";
import type { Check, CheckResult } from "./check.js";
import { resultsFor } from "./check.js";
import { accountsIn, hasFailed, isUsable, regionsIn, stringParam, unreadable } from "./snapshot-query.js";

/** One result per collected (account, region), from that region's snapshot of `operation`; a disabled region gives none. */
export function perRegion(snapshots: readonly Snapshot[], service: string, operation: string, judge: (s: Snapshot) => Omit<CheckResult, "checkId" | "account" | "region">, checkId: string): CheckResult[] {
  const result = resultsFor(checkId);
  return accountsIn(snapshots).flatMap((account) =>
    regionsIn(snapshots, account).flatMap((region) => {
      const snapshot = snapshots.find((s) => s.account === account && s.region === region && s.service === service && s.operation === operation);
      if (snapshot?.error?.kind === "region-disabled") return [];
      const { resource, status, detail } = snapshot ? judge(snapshot) : { resource: `${account}/${region}`, status: "unknown" as const, detail: unreadable(snapshot, operation) };
      return [result(account, region, resource, status, detail)];
    }),
  );
}

const detectorsPage = z.object({ DetectorIds: z.array(z.string()).default([]) });
const detectorPage = z.object({ Status: z.string().optional() });

/** A detector that exists but whose GetDetector says it is suspended; a failed GetDetector is unknown. */
function detectorState(snapshots: readonly Snapshot[], s: Snapshot, detector: string): "running" | "suspended" | "unreadable" {
  const described = snapshots.find((d) => d.account === s.account && d.region === s.region && d.service === "guardduty" && d.operation === "GetDetector" && stringParam(d, "DetectorId") === detector);
  if (!described) return "running";
  if (!isUsable(described)) return "unreadable";
  return readPages(described, detectorPage)[0]?.Status === "DISABLED" ? "suspended" : "running";
}

export const guarddutyEnabled: Check = {
  id: "guardduty-enabled",
  title: "GuardDuty has a detector in every collected region",
  controls: ["8.16", "5.7"],
  soc2: ["CC7.2", "CC7.3"],
  severity: "high",
  services: ["guardduty"],
  rationale:
    "A.8.16 asks that networks and systems be monitored for anomalous behaviour, and A.5.7 that information about threats be gathered and used; GuardDuty matches CloudTrail, VPC flow and DNS logs " +
    "against AWS's threat intelligence, but only in regions where it has a running detector. An unused region is where an attacker with stolen keys goes first.",
  remediation: "Enable GuardDuty in every region, through the delegated administrator with auto-enable for new member accounts; resume a suspended detector (aws guardduty update-detector --enable).",
  evaluate: (snapshots) =>
    perRegion(snapshots, "guardduty", "ListDetectors", (s) => {
      const resource = `${s.account}/${s.region}`;
      if (hasFailed(s)) return { resource, status: "unknown", detail: unreadable(s, "ListDetectors") };
      const detector = readPages(s, detectorsPage).flatMap((p) => p.DetectorIds)[0];
      if (!detector) return { resource, status: "fail", detail: "GuardDuty has no detector in this region" };
      const arn = `arn:aws:guardduty:${s.region}:${s.account}:detector/${detector}`;
      const state = detectorState(snapshots, s, detector);
      if (state === "unreadable") return { resource: arn, status: "unknown", detail: "GuardDuty has a detector, but GetDetector failed: whether it is suspended is unknown" };
      return state === "suspended" ? { resource: arn, status: "fail", detail: "GuardDuty's detector is suspended" } : { resource: arn, status: "pass", detail: "GuardDuty has a running detector" };
    }, "guardduty-enabled"),
};

const hubPage = z.object({ HubArn: z.string() });

export const securityhubEnabled: Check = {
  id: "securityhub-enabled",
  title: "Security Hub is enabled in every collected region",
  controls: ["5.36", "8.16"],
  soc2: ["CC4.1", "CC7.2"],
  severity: "medium",
  services: ["securityhub"],
  rationale: "A.5.36 asks that compliance with security policies be reviewed regularly; Security Hub runs AWS's own standards (FSBP, CIS) continuously and gathers findings.",
  remediation: "Enable Security Hub in every region with the AWS Foundational Security Best Practices standard, through a delegated administrator with central configuration.",
  evaluate: (snapshots) =>
    perRegion(snapshots, "securityhub", "DescribeHub", (s) => {
      const resource = `${s.account}/${s.region}`;
      if (s.error?.kind === "not-enabled") return { resource, status: "fail", detail: "Security Hub is not enabled in this region" };
      const hub = isUsable(s) ? readPages(s, hubPage)[0] : undefined;
      return hub ? { resource: hub.HubArn, status: "pass", detail: "Security Hub is enabled" } : { resource, status: "unknown", detail: unreadable(s, "DescribeHub") };
    }, "securityhub-enabled"),
};
