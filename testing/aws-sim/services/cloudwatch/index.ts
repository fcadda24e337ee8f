// CloudWatch Logs (awsJson1_1, "logs") and CloudWatch alarms (awsJson1_0, "monitoring"):
// log groups with retention, encryption and metric filters; metric alarms and their actions.
import { z } from "zod";
import { jsonService } from "../../json-service.js";
import { jsonPage } from "../../paginate.js";
import { stringList, stringParam } from "../../params.js";
import { epochSeconds } from "../../protocols.js";
import type { ServiceHandler } from "../../service.js";
import { registerServiceState } from "../../state.js";

const metricFilter = z.object({ name: z.string(), pattern: z.string(), metricName: z.string(), namespace: z.string().default("CISBenchmark") });
export const logsState = z.object({
  logGroups: z
    .array(z.object({
      name: z.string().min(1),
      created: z.string().default("2023-01-15T09:00:00Z"),
      /** Absent: never expire. */
      retentionDays: z.number().int().optional(),
      kmsKeyId: z.string().optional(),
      storedBytes: z.number().int().default(0),
      metricFilters: z.array(metricFilter).default([]),
    }))
    .default([]),
});
export const monitoringState = z.object({
  alarms: z
    .array(z.object({
      name: z.string().min(1),
      metricName: z.string(),
      namespace: z.string().default("CISBenchmark"),
      state: z.enum(["OK", "ALARM", "INSUFFICIENT_DATA"]).default("OK"),
      actionsEnabled: z.boolean().default(true),
      alarmActions: z.array(z.string()).default([]),
      threshold: z.number().default(1),
    }))
    .default([]),
});
registerServiceState("logs", "regional", logsState);
registerServiceState("monitoring", "regional", monitoringState);

export const logsHandler: ServiceHandler = jsonService("logs", {
  DescribeLogGroups: (req, ctx) => {
    const prefix = stringParam(req.params, "logGroupNamePrefix") ?? "";
    const groups = ctx.regionalState("logs", logsState).logGroups.filter((g) => g.name.startsWith(prefix));
    const { items, next } = jsonPage(req.params, groups, { token: "nextToken", limit: "limit", size: 50, invalidCode: "InvalidParameterException" });
    const arn = (name: string): string => `arn:aws:logs:${ctx.region}:${ctx.account.id}:log-group:${name}`;
    return {
      logGroups: items.map((g) => ({
        logGroupName: g.name, creationTime: Date.parse(g.created), retentionInDays: g.retentionDays, metricFilterCount: g.metricFilters.length,
        arn: `${arn(g.name)}:*`, logGroupArn: arn(g.name), storedBytes: g.storedBytes, kmsKeyId: g.kmsKeyId, logGroupClass: "STANDARD",
      })),
      nextToken: next,
    };
  },
  DescribeMetricFilters: (req, ctx) => {
    const group = stringParam(req.params, "logGroupName");
    const filters = ctx.regionalState("logs", logsState).logGroups
      .filter((g) => group === undefined || g.name === group)
      .flatMap((g) => g.metricFilters.map((f) => ({ g, f })));
    const { items, next } = jsonPage(req.params, filters, { token: "nextToken", limit: "limit", size: 50, invalidCode: "InvalidParameterException" });
    return {
      metricFilters: items.map(({ g, f }) => ({
        filterName: f.name, filterPattern: f.pattern, logGroupName: g.name, creationTime: Date.parse(g.created),
        metricTransformations: [{ metricName: f.metricName, metricNamespace: f.namespace, metricValue: "1" }],
      })),
      nextToken: next,
    };
  },
});

export const monitoringHandler: ServiceHandler = jsonService(
  "monitoring",
  {
    DescribeAlarms: (req, ctx) => {
      const names = stringList(req.params, "AlarmNames");
      const alarms = ctx.regionalState("monitoring", monitoringState).alarms.filter((a) => names.length === 0 || names.includes(a.name));
      const { items, next } = jsonPage(req.params, alarms, { limit: "MaxRecords", size: 50, max: 100, invalidCode: "InvalidNextToken" });
      return {
        MetricAlarms: items.map((a) => ({
          AlarmName: a.name, AlarmArn: `arn:aws:cloudwatch:${ctx.region}:${ctx.account.id}:alarm:${a.name}`, MetricName: a.metricName,
          Namespace: a.namespace, StateValue: a.state, ActionsEnabled: a.actionsEnabled, AlarmActions: a.alarmActions, Threshold: a.threshold,
          ComparisonOperator: "GreaterThanOrEqualToThreshold", EvaluationPeriods: 1, Period: 300, Statistic: "Sum",
          StateUpdatedTimestamp: epochSeconds("2026-01-01T00:00:00Z"),
        })),
        CompositeAlarms: [],
        NextToken: next,
      };
    },
  },
  "awsJson1_0",
);

export const handlers: ServiceHandler[] = [logsHandler, monitoringHandler];
