// AWS Network Firewall, per region: each firewall (its VPC and policy), each policy's rule group
// references, and each stateful rule group of the account (AWS managed groups are known by name).
import { DescribeFirewallCommand, DescribeFirewallPolicyCommand, DescribeRuleGroupCommand, NetworkFirewallClient, paginateListFirewalls } from "@aws-sdk/client-network-firewall";
import { z } from "zod";
import { defineOperation } from "../fetcher.js";
import { readPages } from "../snapshot.js";
import { isAwsManagedRuleGroup } from "../network-firewall-arns.js";
import type { Collector, NoParams } from "./collector.js";

export const listFirewalls = defineOperation<NoParams>("network-firewall", "ListFirewalls", (c) => paginateListFirewalls({ client: c.get(NetworkFirewallClient) }, {}));
export const describeFirewall = defineOperation<{ FirewallArn: string }>("network-firewall", "DescribeFirewall", async (c, p) => [
  await c.get(NetworkFirewallClient).send(new DescribeFirewallCommand(p)),
]);
export const describeFirewallPolicy = defineOperation<{ FirewallPolicyArn: string }>("network-firewall", "DescribeFirewallPolicy", async (c, p) => [
  await c.get(NetworkFirewallClient).send(new DescribeFirewallPolicyCommand(p)),
]);
export const describeRuleGroup = defineOperation<{ RuleGroupArn: string }>("network-firewall", "DescribeRuleGroup", async (c, p) => [
  await c.get(NetworkFirewallClient).send(new DescribeRuleGroupCommand(p)),
]);

const firewallsPage = z.object({ Firewalls: z.array(z.object({ FirewallArn: z.string() })).default([]) });
const firewallPage = z.object({ Firewall: z.object({ FirewallPolicyArn: z.string() }) });
const policyPage = z.object({ FirewallPolicy: z.object({ StatefulRuleGroupReferences: z.array(z.object({ ResourceArn: z.string() })).default([]) }) });

export const networkFirewallCollector: Collector = {
  service: "network-firewall",
  scope: "region",
  async collect(fetcher, target, region) {
    const firewalls = await fetcher.fetch(target, region, listFirewalls, {});
    const arns = readPages(firewalls, firewallsPage).flatMap((p) => p.Firewalls.map((f) => f.FirewallArn));
    await Promise.all(
      arns.map(async (FirewallArn) => {
        const firewall = await fetcher.fetch(target, region, describeFirewall, { FirewallArn });
        const FirewallPolicyArn = readPages(firewall, firewallPage)[0]?.Firewall.FirewallPolicyArn;
        if (!FirewallPolicyArn) return;
        const policy = await fetcher.fetch(target, region, describeFirewallPolicy, { FirewallPolicyArn });
        const groups = readPages(policy, policyPage).flatMap((p) => p.FirewallPolicy.StatefulRuleGroupReferences.map((r) => r.ResourceArn));
        await Promise.all(groups.filter((arn) => !isAwsManagedRuleGroup(arn)).map((RuleGroupArn) => fetcher.fetch(target, region, describeRuleGroup, { RuleGroupArn })));
      }),
    );
  },
};
