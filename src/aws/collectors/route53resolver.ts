// Route 53 Resolver DNS Firewall, per region: the rule group associations of the region's VPCs and
// the rules of each associated group; with EC2 DescribeVpcs, the VPCs the web filtering check judges.
import { paginateListFirewallRuleGroupAssociations, paginateListFirewallRules, Route53ResolverClient } from "@aws-sdk/client-route53resolver";
import { z } from "zod";
import { defineOperation } from "../fetcher.js";
import { readPages } from "../snapshot.js";
import type { Collector, NoParams } from "./collector.js";
// The EC2 collector's own request: when both run, the fetcher makes it once.
import { describeVpcs } from "./ec2.js";

export const listFirewallRuleGroupAssociations = defineOperation<NoParams>("route53resolver", "ListFirewallRuleGroupAssociations", (c) =>
  paginateListFirewallRuleGroupAssociations({ client: c.get(Route53ResolverClient) }, {}),
);
export const listFirewallRules = defineOperation<{ FirewallRuleGroupId: string }>("route53resolver", "ListFirewallRules", (c, p) =>
  paginateListFirewallRules({ client: c.get(Route53ResolverClient) }, p),
);

const associationsPage = z.object({ FirewallRuleGroupAssociations: z.array(z.object({ FirewallRuleGroupId: z.string() })).default([]) });

export const route53resolverCollector: Collector = {
  service: "route53resolver",
  scope: "region",
  async collect(fetcher, target, region) {
    const [associations] = await Promise.all([fetcher.fetch(target, region, listFirewallRuleGroupAssociations, {}), fetcher.fetch(target, region, describeVpcs, {})]);
    const groups = new Set(readPages(associations, associationsPage).flatMap((p) => p.FirewallRuleGroupAssociations.map((a) => a.FirewallRuleGroupId)));
    await Promise.all([...groups].map((FirewallRuleGroupId) => fetcher.fetch(target, region, listFirewallRules, { FirewallRuleGroupId })));
  },
};
