// The simulated Security Hub: the hub (InvalidAccessException where it is not enabled), the enabled
// standards, the cross-Region finding aggregator and the scenario's ASFF findings — DescribeHub,
// GetEnabledStandards, ListFindingAggregators, GetFindings.
import { z } from "zod";
import { paginate } from "../../paginate.js";
import { restJsonSuccess } from "../../protocols.js";
import type { SimContext } from "../../service.js";
import { SimError } from "../../service.js";
import { registerServiceState } from "../../state.js";
import { restJsonService } from "./router.js";

const standard = z.object({
  /** The standard's path, e.g. aws-foundational-security-best-practices/v/1.0.0 or cis-aws-foundations-benchmark/v/1.4.0. */
  id: z.string().regex(/^[a-z0-9-]+\/v\/[0-9.]+$/, "a standard id looks like cis-aws-foundations-benchmark/v/1.4.0"),
  status: z.enum(["PENDING", "READY", "FAILED", "DELETING", "INCOMPLETE"]).default("READY"),
});

export const securityHubStateSchema = z.object({
  enabled: z.boolean().default(false),
  subscribedAt: z.string().default("2023-02-01T09:00:00.000Z"),
  autoEnableControls: z.boolean().default(true),
  standards: z.array(standard).default([]),
  /** A cross-Region finding aggregator homed in this region (an account has at most one). */
  findingAggregator: z.object({ id: z.string().default("a1b2c3d4-5678-90ab-cdef-EXAMPLE11111") }).optional(),
  /**
   * Findings in the AWS Security Finding Format, as Security Hub returns them; AwsAccountId, Region and
   * RecordState default to the account's, ProductName and CompanyName to those of the ProductArn's product.
   */
  findings: z.array(z.record(z.string(), z.unknown())).default([]),
});
registerServiceState("securityhub", "regional", securityHubStateSchema);

/** The names Security Hub gives the AWS products whose findings it imports, by ProductArn suffix. */
const awsProducts: Record<string, string> = { securityhub: "Security Hub", guardduty: "GuardDuty", inspector: "Inspector", macie: "Macie", "access-analyzer": "IAM Access Analyzer", config: "Config" };

function productOf(finding: Record<string, unknown>): Record<string, string> {
  const arn = typeof finding.ProductArn === "string" ? finding.ProductArn : "";
  const product = /:product\/aws\/([a-z0-9-]+)$/.exec(arn)?.[1];
  const name = product === undefined ? undefined : awsProducts[product];
  return name === undefined ? {} : { ProductName: name, CompanyName: "AWS" };
}

function hubOf(ctx: SimContext): z.infer<typeof securityHubStateSchema> {
  const hub = ctx.regionalState("securityhub", securityHubStateSchema);
  if (!hub.enabled) throw new SimError("InvalidAccessException", `Account ${ctx.account.id} is not subscribed to AWS Security Hub`, 401);
  return hub;
}

/** The ASFF path each supported string filter reads. */
const filterFields: Record<string, string[]> = {
  Id: ["Id"], GeneratorId: ["GeneratorId"], ProductName: ["ProductName"], Title: ["Title"], AwsAccountId: ["AwsAccountId"], Region: ["Region"],
  RecordState: ["RecordState"], SeverityLabel: ["Severity", "Label"], ComplianceStatus: ["Compliance", "Status"],
  WorkflowStatus: ["Workflow", "Status"], ComplianceSecurityControlId: ["Compliance", "SecurityControlId"],
};

function fieldValue(finding: Record<string, unknown>, path: readonly string[]): string | undefined {
  let value: unknown = finding;
  for (const key of path) value = typeof value === "object" && value !== null && key in value ? Object.entries(value).find(([k]) => k === key)?.[1] : undefined;
  return typeof value === "string" ? value : undefined;
}

interface StringFilter { Value: string; Comparison: string }
const isStringFilter = (v: unknown): v is StringFilter =>
  typeof v === "object" && v !== null && "Value" in v && typeof v.Value === "string" && "Comparison" in v && typeof v.Comparison === "string";

/** Security Hub's semantics: EQUALS/PREFIX filters on a field are OR'ed, NOT_EQUALS/PREFIX_NOT_EQUALS AND'ed, fields AND'ed. */
function matches(finding: Record<string, unknown>, filters: unknown): boolean {
  if (typeof filters !== "object" || filters === null) return true;
  return Object.entries(filters).every(([name, list]) => {
    const path = filterFields[name];
    if (!path) throw new SimError("InvalidInputException", `The simulated Security Hub does not filter on ${name} (it filters on ${Object.keys(filterFields).join(", ")})`, 400);
    const value = fieldValue(finding, path) ?? "";
    const conditions = Array.isArray(list) ? list.filter(isStringFilter) : [];
    const test = (f: StringFilter): boolean => (f.Comparison.startsWith("PREFIX") ? value.startsWith(f.Value) : value === f.Value);
    const positive = conditions.filter((f) => f.Comparison === "EQUALS" || f.Comparison === "PREFIX");
    const negative = conditions.filter((f) => f.Comparison === "NOT_EQUALS" || f.Comparison === "PREFIX_NOT_EQUALS");
    return (positive.length === 0 || positive.some(test)) && !negative.some(test);
  });
}

export const securityHub = restJsonService("securityhub", [
  {
    method: "GET",
    path: "/accounts",
    operation: "DescribeHub",
    answer(_req, ctx) {
      const hub = hubOf(ctx);
      return restJsonSuccess({
        HubArn: `arn:aws:securityhub:${ctx.region}:${ctx.account.id}:hub/default`,
        SubscribedAt: hub.subscribedAt,
        AutoEnableControls: hub.autoEnableControls,
        ControlFindingGenerator: "SECURITY_CONTROL",
      });
    },
  },
  {
    method: "POST",
    path: "/standards/get",
    operation: "GetEnabledStandards",
    answer(req, ctx) {
      const subscriptions = hubOf(ctx).standards.map((s) => ({
        StandardsSubscriptionArn: `arn:aws:securityhub:${ctx.region}:${ctx.account.id}:subscription/${s.id}`,
        StandardsArn: `arn:aws:securityhub:${ctx.region}::standards/${s.id}`,
        StandardsInput: {},
        StandardsStatus: s.status,
        StandardsControlsUpdatable: "READY_FOR_UPDATES",
      }));
      const page = paginate(subscriptions, req.params.NextToken, req.params.MaxResults, 10, { maxSize: 100, invalidCode: "InvalidInputException" });
      return restJsonSuccess({ StandardsSubscriptions: page.items, NextToken: page.next });
    },
  },
  {
    method: "GET",
    path: "/findingAggregator/list",
    operation: "ListFindingAggregators",
    answer(_req, ctx) {
      hubOf(ctx);
      const regions = Object.keys(ctx.scenario.accounts.find((a) => a.id === ctx.account.id)?.state.regions ?? {});
      const aggregators = regions.flatMap((region) => {
        const aggregator = ctx.regionalState("securityhub", securityHubStateSchema, region).findingAggregator;
        return aggregator ? [{ FindingAggregatorArn: `arn:aws:securityhub:${region}:${ctx.account.id}:finding-aggregator/${aggregator.id}` }] : [];
      });
      return restJsonSuccess({ FindingAggregators: aggregators });
    },
  },
  {
    method: "POST",
    path: "/findings",
    operation: "GetFindings",
    answer(req, ctx) {
      const findings = hubOf(ctx)
        .findings.map((f) => ({ SchemaVersion: "2018-10-08", AwsAccountId: ctx.account.id, Region: ctx.region, RecordState: "ACTIVE", ...productOf(f), ...f }))
        .filter((f) => matches(f, req.params.Filters));
      const page = paginate(findings, req.params.NextToken, req.params.MaxResults, 100, { maxSize: 100, invalidCode: "InvalidInputException" });
      return restJsonSuccess({ Findings: page.items, NextToken: page.next });
    },
  },
]);
