// Security Hub, per region: whether the hub is enabled; where it is, its enabled standards, its
// finding aggregator and — in the aggregation region, or in every enabled region when the account
// aggregates nothing — the active Security Hub control findings that passed or failed.
import { DescribeHubCommand, paginateGetEnabledStandards, paginateGetFindings, paginateListFindingAggregators, SecurityHubClient } from "@aws-sdk/client-securityhub";
import type { AwsSecurityFindingFilters } from "@aws-sdk/client-securityhub";
import { z } from "zod";
import { defineOperation } from "../fetcher.js";
import { readPages } from "../snapshot.js";
import type { Collector, NoParams } from "./collector.js";

export const describeHub = defineOperation<NoParams>("securityhub", "DescribeHub", async (c) => [await c.get(SecurityHubClient).send(new DescribeHubCommand({}))]);
export const getEnabledStandards = defineOperation<NoParams>("securityhub", "GetEnabledStandards", (c) => paginateGetEnabledStandards({ client: c.get(SecurityHubClient) }, {}));
export const listFindingAggregators = defineOperation<NoParams>("securityhub", "ListFindingAggregators", (c) => paginateListFindingAggregators({ client: c.get(SecurityHubClient) }, {}));
export const getFindings = defineOperation<{ Filters: AwsSecurityFindingFilters }>("securityhub", "GetFindings", (c, p) =>
  paginateGetFindings({ client: c.get(SecurityHubClient), pageSize: 100 }, p),
);

/** Security Hub's own control findings that are live, not suppressed, and passed or failed. */
export const controlFindingFilters = {
  ProductName: [{ Value: "Security Hub", Comparison: "EQUALS" }],
  RecordState: [{ Value: "ACTIVE", Comparison: "EQUALS" }],
  WorkflowStatus: [{ Value: "SUPPRESSED", Comparison: "NOT_EQUALS" }],
  ComplianceStatus: [
    { Value: "FAILED", Comparison: "EQUALS" },
    { Value: "PASSED", Comparison: "EQUALS" },
  ],
} satisfies AwsSecurityFindingFilters;

const aggregatorsPage = z.object({ FindingAggregators: z.array(z.object({ FindingAggregatorArn: z.string().optional() })).default([]) });

/** The aggregation region of an aggregator ARN (arn:aws:securityhub:region:account:finding-aggregator/id). */
const arnRegion = (arn: string | undefined): string | undefined => arn?.split(":")[3];

export const securityhubCollector: Collector = {
  service: "securityhub",
  scope: "region",
  async collect(fetcher, target, region) {
    const hub = await fetcher.fetch(target, region, describeHub, {});
    if (hub.error) return;
    const [, aggregators] = await Promise.all([fetcher.fetch(target, region, getEnabledStandards, {}), fetcher.fetch(target, region, listFindingAggregators, {})]);
    const aggregation = readPages(aggregators, aggregatorsPage).flatMap((p) => p.FindingAggregators.map((a) => arnRegion(a.FindingAggregatorArn)));
    if (aggregation.length === 0 || aggregation.includes(region)) await fetcher.fetch(target, region, getFindings, { Filters: controlFindingFilters });
  },
};
