// Check over Security Hub: wherever the hub is enabled, the AWS Foundational Security Best Practices
// and CIS AWS Foundations Benchmark standards run (A.5.36).
import { z } from "zod";
import { readPages } from "../snapshot.js";
import type { Snapshot } from "../snapshot.js";
import type { Check, CheckResult } from "./check.js";
import { resultsFor } from "./check.js";
import { isUsable, snapshotsOf, unreadable } from "./snapshot-query.js";

const hubPage = z.object({ HubArn: z.string() });
const standardsPage = z.object({ StandardsSubscriptions: z.array(z.object({ StandardsArn: z.string(), StandardsStatus: z.string().optional() })).default([]) });

/** The standards asked for, by the path segment of their ARN (…/standards/<path>/v/<version>). */
const wanted = [
  { path: "aws-foundational-security-best-practices", name: "AWS Foundational Security Best Practices" },
  { path: "cis-aws-foundations-benchmark", name: "CIS AWS Foundations Benchmark" },
] as const;

const checkId = "securityhub-standards";
const result = resultsFor(checkId);

function judgeHub(hub: Snapshot, arn: string, snapshots: readonly Snapshot[]): CheckResult {
  const { account, region } = hub;
  const enabled = snapshotsOf(snapshots, "securityhub", "GetEnabledStandards").find((s) => s.account === account && s.region === region);
  if (!isUsable(enabled)) return result(account, region, arn, "unknown", unreadable(enabled, "GetEnabledStandards"));
  const subscriptions = readPages(enabled, standardsPage).flatMap((p) => p.StandardsSubscriptions);
  const state = wanted.map((w) => {
    const found = subscriptions.find((s) => s.StandardsArn.includes(`/${w.path}/`));
    const version = found ? /\/v\/([0-9.]+)$/.exec(found.StandardsArn)?.[1] : undefined;
    return { ...w, version, status: found?.StandardsStatus ?? "not enabled" };
  });
  const short = state.filter((s) => s.status !== "READY");
  if (short.length === 0) return result(account, region, arn, "pass", `Enabled: ${state.map((s) => `${s.name} v${s.version ?? "?"}`).join(", ")}`);
  return result(account, region, arn, "fail", short.map((s) => `${s.name}: ${s.status}`).join("; "));
}

export const securityhubStandards: Check = {
  id: checkId,
  title: "Security Hub runs the FSBP and CIS AWS Foundations standards wherever it is enabled",
  controls: ["5.36"],
  soc2: ["CC4.1", "CC7.1"],
  severity: "medium",
  services: ["securityhub"],
  rationale:
    "A.5.36 asks that compliance with the organization's security rules and standards be reviewed regularly; Security Hub does so only for the standards enabled in it. " +
    "FSBP covers AWS's own baseline across services, and the CIS AWS Foundations Benchmark the account-level logging, monitoring and identity items auditors ask about.",
  remediation:
    "Enable both standards in every region, best through Security Hub central configuration from the delegated administrator (a configuration policy listing AWS Foundational Security Best Practices and the latest CIS AWS Foundations Benchmark).",
  evaluate: (snapshots) =>
    snapshotsOf(snapshots, "securityhub", "DescribeHub").flatMap((hub) => {
      const arn = isUsable(hub) ? readPages(hub, hubPage)[0]?.HubArn : undefined;
      // A hub that is not enabled (or a region that is off) is securityhub-enabled's finding, not this check's.
      return arn ? [judgeHub(hub, arn, snapshots)] : [];
    }),
};
