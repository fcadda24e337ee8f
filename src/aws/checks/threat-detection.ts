// Checks that AWS's threat detection services run in every collected region: GuardDuty (A.8.16,
// A.5.7) and Security Hub (A.5.36, A.8.16).
import { z } from "zod";
import { readPages } from "../snapshot.js";
import type { Snapshot } from "../snapshot.js";
import type { Check, CheckResult } from "./check.js";
import { resultsFor } from "./check.js";
import { accountsIn, hasFailed, isUsable, regionsIn, unreadable } from "./snapshot-query.js";

/** One result per collected (account, region), from that region's snapshot of `operation`. */
function perRegion(snapshots: readonly Snapshot[], service: string, operation: string, judge: (s: Snapshot) => Omit<CheckResult, "checkId" | "account" | "region">, checkId: string): CheckResult[] {
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

export const guarddutyEnabled: Check = {
  id: "guardduty-enabled",
  title: "GuardDuty has a detector in every collected region",
  controls: ["8.16", "5.7"],
  soc2: ["CC7.2", "CC7.3"],
  severity: "high",
  rationale:
    "A.8.16 asks that networks and systems be monitored for anomalous behaviour; GuardDuty watches CloudTrail, VPC flow and DNS logs for threats, but only in regions where it has a detector. " +
    "Whether a detector is suspended needs GetDetector, which is not collected yet.",
  remediation: "Enable GuardDuty in every region, through the delegated administrator with auto-enable for new member accounts.",
  evaluate: (snapshots) =>
    perRegion(snapshots, "guardduty", "ListDetectors", (s) => {
      const resource = `${s.account}/${s.region}`;
      if (hasFailed(s)) return { resource, status: "unknown", detail: unreadable(s, "ListDetectors") };
      const detector = readPages(s, detectorsPage).flatMap((p) => p.DetectorIds)[0];
      return detector
        ? { resource: `arn:aws:guardduty:${s.region}:${s.account}:detector/${detector}`, status: "pass", detail: "GuardDuty has a detector" }
        : { resource, status: "fail", detail: "GuardDuty has no detector in this region" };
    }, "guardduty-enabled"),
};

const hubPage = z.object({ HubArn: z.string() });

export const securityhubEnabled: Check = {
  id: "securityhub-enabled",
  title: "Security Hub is enabled in every collected region",
  controls: ["5.36", "8.16"],
  soc2: ["CC4.1", "CC7.2"],
  severity: "medium",
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
