// CloudWatch Logs ("logs") and CloudWatch ("monitoring"), per region: the metric filters on each log
// group that one of this account's multi-Region trails delivers to here, and the region's metric
// alarms — what the CIS monitoring items are judged on. Regions without such a log group ask nothing.
import { CloudWatchClient, paginateDescribeAlarms } from "@aws-sdk/client-cloudwatch";
import { CloudWatchLogsClient, paginateDescribeMetricFilters } from "@aws-sdk/client-cloudwatch-logs";
import { z } from "zod";
import { defineOperation } from "../fetcher.js";
import { readPages } from "../snapshot.js";
import { arnAccount, describeTrails } from "./cloudtrail.js";
import type { Collector, NoParams } from "./collector.js";

export const describeMetricFilters = defineOperation<{ logGroupName: string }>("logs", "DescribeMetricFilters", (c, p) =>
  paginateDescribeMetricFilters({ client: c.get(CloudWatchLogsClient) }, p),
);
export const describeAlarms = defineOperation<NoParams>("monitoring", "DescribeAlarms", (c) => paginateDescribeAlarms({ client: c.get(CloudWatchClient) }, {}));

const trailsPage = z.object({
  trailList: z.array(z.object({ TrailARN: z.string(), IsMultiRegionTrail: z.boolean().optional(), CloudWatchLogsLogGroupArn: z.string().optional() })).default([]),
});

/** A log group's region, account and name from its ARN (arn:aws:logs:region:account:log-group:name[:*]). */
export function logGroupOf(arn: string): { region: string; account: string; name: string } | undefined {
  const match = /^arn:[^:]+:logs:([^:]+):(\d+):log-group:(.+?)(?::\*)?$/.exec(arn);
  return match?.[1] && match[2] && match[3] ? { region: match[1], account: match[2], name: match[3] } : undefined;
}

export const cloudwatchCollector: Collector = {
  service: "logs",
  scope: "region",
  async collect(fetcher, target, region) {
    const trails = readPages(await fetcher.fetch(target, region, describeTrails, {}), trailsPage).flatMap((p) => p.trailList);
    const groups = new Set(
      trails
        .filter((t) => t.IsMultiRegionTrail === true && arnAccount(t.TrailARN) === target.account)
        .flatMap((t) => (t.CloudWatchLogsLogGroupArn ? [logGroupOf(t.CloudWatchLogsLogGroupArn)] : []))
        .filter((g) => g?.account === target.account && g.region === region)
        .map((g) => g?.name ?? ""),
    );
    if (groups.size === 0) return;
    await Promise.all([...[...groups].map((logGroupName) => fetcher.fetch(target, region, describeMetricFilters, { logGroupName })), fetcher.fetch(target, region, describeAlarms, {})]);
  },
};
