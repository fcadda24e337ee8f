// Check that each VPC's traffic to the internet is filtered by destination domain (A.8.23): a Route 53
// Resolver DNS Firewall rule group that blocks domains, or an AWS Network Firewall with domain rules.
import { z } from "zod";
import { readPages } from "../snapshot.js";
import type { Snapshot } from "../snapshot.js";
import { isAwsManagedRuleGroup } from "../network-firewall-arns.js";
import type { Check, CheckResult } from "./check.js";
import { resultsFor } from "./check.js";
import { isUsable, snapshotsOf, stringParam, unreadable } from "./snapshot-query.js";

const vpcsPage = z.object({ Vpcs: z.array(z.object({ VpcId: z.string(), IsDefault: z.boolean().optional() })).default([]) });
const associationsPage = z.object({
  FirewallRuleGroupAssociations: z.array(z.object({ FirewallRuleGroupId: z.string(), VpcId: z.string(), Status: z.string().optional() })).default([]),
});
const rulesPage = z.object({ FirewallRules: z.array(z.object({ Action: z.string().optional() })).default([]) });
const firewallsPage = z.object({ Firewalls: z.array(z.object({ FirewallArn: z.string() })).default([]) });
const firewallPage = z.object({ Firewall: z.object({ FirewallName: z.string(), FirewallPolicyArn: z.string(), VpcId: z.string() }) });
const policyPage = z.object({ FirewallPolicy: z.object({ StatefulRuleGroupReferences: z.array(z.object({ ResourceArn: z.string() })).default([]) }) });
const ruleGroupPage = z.object({
  RuleGroup: z.object({
    RulesSource: z.object({ RulesSourceList: z.object({ GeneratedRulesType: z.string() }).optional(), RulesString: z.string().optional() }).optional(),
  }),
});

/** What one filtering service says of a VPC: what filters it, what is configured but does not, what could not be read. */
interface Findings {
  filtering: string[];
  notes: string[];
  unreadable: string[];
}

/** Domain lists that block (DENYLIST, REJECTLIST) or allow only what they name (ALLOWLIST); ALERTLIST only alerts. */
const filteringLists = new Set(["DENYLIST", "REJECTLIST", "ALLOWLIST"]);
/** Suricata rules that drop or reject by TLS SNI, HTTP host or DNS query name. */
const domainRule = /^\s*(drop|reject)\b.*\b(tls\.sni|http\.host|dns\.query)\b/m;

class RegionSnapshots {
  constructor(private readonly snapshots: readonly Snapshot[], private readonly account: string, private readonly region: string) {}

  find(service: string, operation: string, param?: [string, string]): Snapshot | undefined {
    return snapshotsOf(this.snapshots, service, operation).find((s) => s.account === this.account && s.region === this.region && (!param || stringParam(s, param[0]) === param[1]));
  }
}

function dnsFirewall(at: RegionSnapshots, vpcId: string): Findings {
  const findings: Findings = { filtering: [], notes: [], unreadable: [] };
  const associations = at.find("route53resolver", "ListFirewallRuleGroupAssociations");
  if (!isUsable(associations)) return { ...findings, unreadable: [unreadable(associations, "ListFirewallRuleGroupAssociations")] };
  const groups = readPages(associations, associationsPage).flatMap((p) => p.FirewallRuleGroupAssociations).filter((a) => a.VpcId === vpcId && a.Status !== "DELETING");
  for (const { FirewallRuleGroupId: id } of groups) {
    const rules = at.find("route53resolver", "ListFirewallRules", ["FirewallRuleGroupId", id]);
    if (!isUsable(rules)) findings.unreadable.push(unreadable(rules, `ListFirewallRules (${id})`));
    else if (readPages(rules, rulesPage).some((p) => p.FirewallRules.some((r) => r.Action === "BLOCK"))) findings.filtering.push(`DNS Firewall rule group ${id} blocks domains`);
    else findings.notes.push(`DNS Firewall rule group ${id} has no BLOCK rule`);
  }
  return findings;
}

/** Whether a stateful rule group filters by domain; undefined when its snapshot cannot be read. */
function filtersDomains(at: RegionSnapshots, arn: string): boolean | undefined {
  if (isAwsManagedRuleGroup(arn)) return /Domains/i.test(arn);
  const group = at.find("network-firewall", "DescribeRuleGroup", ["RuleGroupArn", arn]);
  if (!isUsable(group)) return undefined;
  const source = readPages(group, ruleGroupPage)[0]?.RuleGroup.RulesSource;
  return filteringLists.has(source?.RulesSourceList?.GeneratedRulesType ?? "") || domainRule.test(source?.RulesString ?? "");
}

function networkFirewall(at: RegionSnapshots, vpcId: string): Findings {
  const findings: Findings = { filtering: [], notes: [], unreadable: [] };
  const listing = at.find("network-firewall", "ListFirewalls");
  if (!isUsable(listing)) return { ...findings, unreadable: [unreadable(listing, "ListFirewalls")] };
  for (const { FirewallArn } of readPages(listing, firewallsPage).flatMap((p) => p.Firewalls)) {
    const described = at.find("network-firewall", "DescribeFirewall", ["FirewallArn", FirewallArn]);
    const firewall = isUsable(described) ? readPages(described, firewallPage)[0]?.Firewall : undefined;
    if (!firewall) {
      findings.unreadable.push(unreadable(described, `DescribeFirewall (${FirewallArn})`));
      continue;
    }
    if (firewall.VpcId !== vpcId) continue;
    const policy = at.find("network-firewall", "DescribeFirewallPolicy", ["FirewallPolicyArn", firewall.FirewallPolicyArn]);
    if (!isUsable(policy)) {
      findings.unreadable.push(unreadable(policy, `DescribeFirewallPolicy (${firewall.FirewallPolicyArn})`));
      continue;
    }
    const groups = readPages(policy, policyPage).flatMap((p) => p.FirewallPolicy.StatefulRuleGroupReferences.map((r) => r.ResourceArn));
    const judged = groups.map((arn) => ({ arn, filters: filtersDomains(at, arn) }));
    const filtering = judged.filter((g) => g.filters === true);
    findings.unreadable.push(...judged.filter((g) => g.filters === undefined).map((g) => `DescribeRuleGroup (${g.arn}) was not readable`));
    if (filtering.length > 0) findings.filtering.push(`Network Firewall ${firewall.FirewallName} filters domains (${filtering.map((g) => g.arn.split("/").pop() ?? g.arn).join(", ")})`);
    else findings.notes.push(`Network Firewall ${firewall.FirewallName} has no domain filtering rules`);
  }
  return findings;
}

const checkId = "web-filtering";
const result = resultsFor(checkId);

export const webFiltering: Check = {
  id: checkId,
  title: "Each VPC filters the domains its workloads may reach",
  controls: ["8.23"],
  soc2: ["CC6.6", "CC6.8"],
  severity: "medium",
  services: ["ec2", "route53resolver", "network-firewall"],
  rationale:
    "A.8.23 asks that access to external websites be managed to reduce exposure to malicious content. In a VPC, workloads reach the internet by name: " +
    "a DNS Firewall rule group that blocks known malicious domains (AWS managed lists) or an AWS Network Firewall with domain list or SNI/Host rules " +
    "stops malware from fetching payloads or reaching its command and control. A rule group that only allows or alerts filters nothing.",
  remediation:
    "Associate a Route 53 Resolver DNS Firewall rule group with BLOCK rules on the AWS managed domain lists (malware, botnet command and control) with every VPC, " +
    "centrally through Firewall Manager; or route egress through AWS Network Firewall with a stateful domain list rule group.",
  evaluate(snapshots) {
    return snapshotsOf(snapshots, "ec2", "DescribeVpcs").flatMap((listing): CheckResult[] => {
      const { account, region } = listing;
      if (listing.error?.kind === "region-disabled") return [];
      if (!isUsable(listing) || listing.error) return [result(account, region, `${account}/${region}`, "unknown", unreadable(listing, "DescribeVpcs"))];
      const at = new RegionSnapshots(snapshots, account, region);
      return readPages(listing, vpcsPage).flatMap((p) =>
        p.Vpcs.map(({ VpcId }) => {
          const resource = `arn:aws:ec2:${region}:${account}:vpc/${VpcId}`;
          const dns = dnsFirewall(at, VpcId);
          const nfw = networkFirewall(at, VpcId);
          const filtering = [...dns.filtering, ...nfw.filtering];
          if (filtering.length > 0) return result(account, region, resource, "pass", filtering.join("; "));
          const notes = [...dns.notes, ...nfw.notes];
          const cannotRead = [...dns.unreadable, ...nfw.unreadable];
          if (cannotRead.length > 0) return result(account, region, resource, "unknown", [...cannotRead, ...notes].join("; "));
          return result(account, region, resource, "fail", ["No DNS Firewall rule group blocks domains and no Network Firewall filters domains for this VPC", ...notes].join("; "));
        }),
      );
    });
  },
};
