// Check over CloudWatch: for each CIS monitoring item, a metric filter on the log group a multi-Region
// trail delivers to, matching the item's events, whose metric has an alarm with an action (A.8.16).
import { z } from "zod";
import { readPages } from "../snapshot.js";
import type { Snapshot } from "../snapshot.js";
import type { Check, CheckResult, CheckStatus } from "./check.js";
import { resultsFor } from "./check.js";
import { cisMonitoringItems, missingTerms } from "./logging-cis-items.js";
import type { CisMonitoringItem } from "./logging-cis-items.js";
import { trailsVisibleTo, unreadableTrailAccounts } from "./logging-trails.js";
import { accountsIn, isUsable, snapshotsOf, stringParam, unreadable } from "./snapshot-query.js";

const filtersPage = z.object({
  metricFilters: z
    .array(z.object({
      filterName: z.string().optional(),
      filterPattern: z.string().default(""),
      metricTransformations: z.array(z.object({ metricName: z.string(), metricNamespace: z.string() })).default([]),
    }))
    .default([]),
});
const alarmsPage = z.object({
  MetricAlarms: z
    .array(z.object({ AlarmName: z.string().optional(), MetricName: z.string().optional(), Namespace: z.string().optional(), ActionsEnabled: z.boolean().optional(), AlarmActions: z.array(z.string()).default([]) }))
    .default([]),
});

interface LogGroup {
  account: string;
  region: string;
  name: string;
}

function logGroupOf(arn: string): LogGroup | undefined {
  const match = /^arn:[^:]+:logs:([^:]+):(\d+):log-group:(.+?)(?::\*)?$/.exec(arn);
  return match?.[1] && match[2] && match[3] ? { region: match[1], account: match[2], name: match[3] } : undefined;
}

const where = (g: LogGroup): string => `${g.name} (${g.account}, ${g.region})`;

type Verdict = { status: CheckStatus; detail: string };
/** Most to least convincing, so that an item reports the nearest it came to passing. */
const rank: Record<CheckStatus, number> = { pass: 0, fail: 1, unknown: 2, "not-applicable": 3 };

/** How one log group covers one item: a matching filter with an alarm that acts, or what falls short. */
function judgeGroup(item: CisMonitoringItem, group: LogGroup, snapshots: readonly Snapshot[]): Verdict {
  const filters = snapshotsOf(snapshots, "logs", "DescribeMetricFilters").find((s) => s.account === group.account && s.region === group.region && stringParam(s, "logGroupName") === group.name);
  const collected = filters !== undefined || snapshots.some((s) => s.account === group.account);
  if (!isUsable(filters)) {
    return { status: "unknown", detail: collected ? `${unreadable(filters, "DescribeMetricFilters")} for ${where(group)}` : `The log group's account ${group.account} was not collected` };
  }
  const candidates = readPages(filters, filtersPage).flatMap((p) => p.metricFilters).map((f) => ({ f, missing: missingTerms(item, f.filterPattern) }));
  const matching = candidates.filter((c) => c.missing.length === 0).map((c) => c.f);
  if (matching.length === 0) {
    const nearest = candidates.sort((a, b) => a.missing.length - b.missing.length)[0];
    const partly = nearest && nearest.missing.length < item.terms.length ? `; filter ${nearest.f.filterName ?? "?"} omits ${nearest.missing.join(", ")}` : "";
    return { status: "fail", detail: `No metric filter on ${where(group)} matches ${item.event}${partly}` };
  }
  const alarmsSnapshot = snapshotsOf(snapshots, "monitoring", "DescribeAlarms").find((s) => s.account === group.account && s.region === group.region);
  if (!isUsable(alarmsSnapshot)) return { status: "unknown", detail: `${unreadable(alarmsSnapshot, "DescribeAlarms")} in ${group.account} ${group.region}` };
  const alarms = readPages(alarmsSnapshot, alarmsPage).flatMap((p) => p.MetricAlarms);
  const onMetric = matching.flatMap((f) =>
    alarms.filter((a) => f.metricTransformations.some((m) => m.metricName === a.MetricName && m.metricNamespace === a.Namespace)).map((a) => ({ f, a })),
  );
  const acting = onMetric.find(({ a }) => a.ActionsEnabled !== false && a.AlarmActions.length > 0);
  if (acting) return { status: "pass", detail: `Filter ${acting.f.filterName ?? "?"} on ${where(group)} feeds alarm ${acting.a.AlarmName ?? "?"}, which notifies ${acting.a.AlarmActions.join(", ")}` };
  if (onMetric[0]) return { status: "fail", detail: `Alarm ${onMetric[0].a.AlarmName ?? "?"} on ${where(group)} has no enabled action: no one is told` };
  return { status: "fail", detail: `Filter ${matching[0]?.filterName ?? "?"} on ${where(group)} matches ${item.event}, but no alarm watches its metric` };
}

const checkId = "cloudwatch-cis-alarms";
const result = resultsFor(checkId);

function evaluateAccount(account: string, snapshots: readonly Snapshot[]): CheckResult[] {
  const groups = new Map<string, LogGroup>();
  for (const trail of trailsVisibleTo(snapshots, account)) {
    const group = trail.IsMultiRegionTrail === true && trail.CloudWatchLogsLogGroupArn ? logGroupOf(trail.CloudWatchLogsLogGroupArn) : undefined;
    if (group) groups.set(`${group.account}|${group.region}|${group.name}`, group);
  }
  return cisMonitoringItems.map((item) => {
    if (groups.size === 0) return result(account, "global", item.id, "fail", "No multi-region trail this account sees delivers to CloudWatch Logs, so nothing can alarm on its events");
    const verdicts = [...groups.values()].map((g) => judgeGroup(item, g, snapshots)).sort((a, b) => rank[a.status] - rank[b.status]);
    const best = verdicts[0] ?? { status: "unknown", detail: "" };
    return result(account, "global", item.id, best.status, best.detail);
  });
}

export const cloudwatchCisAlarms: Check = {
  id: checkId,
  title: "The CIS monitoring events each have a CloudTrail metric filter and an alarm that notifies someone",
  controls: ["8.16", "8.15"],
  soc2: ["CC7.2", "CC7.3"],
  severity: "medium",
  services: ["cloudtrail", "logs", "monitoring"],
  rationale:
    "A.8.16 asks that activity be monitored and anomalies acted on; the CIS AWS Foundations Benchmark names fifteen events (root use, sign-in without MFA, policy, trail, key, network and organization changes…) that should reach a person within minutes. " +
    "That takes a multi-region trail in CloudWatch Logs, a metric filter matching the event, and an alarm with an action on the filter's metric. An organization trail's log group in the management account covers every member.",
  remediation:
    "On the log group of the multi-region (or organization) trail, create a metric filter per item with the benchmark's pattern and an alarm on its metric (threshold 1, period 5 minutes) that notifies an SNS topic the security team subscribes to.",
  evaluate(snapshots) {
    const unreadableAccounts = unreadableTrailAccounts(snapshots);
    const readable = accountsIn(snapshotsOf(snapshots, "cloudtrail", "DescribeTrails")).filter((a) => !unreadableAccounts.some((u) => u.account === a));
    return [
      ...readable.flatMap((account) => evaluateAccount(account, snapshots)),
      ...unreadableAccounts.map(({ account, detail }) => result(account, "global", account, "unknown", detail)),
    ];
  },
};
