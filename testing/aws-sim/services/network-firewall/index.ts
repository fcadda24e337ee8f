// AWS Network Firewall over awsJson1_0 (state.regions.<region>.network-firewall): firewalls in VPCs,
// their policies and the policies' rule groups (domain lists, Suricata rules). ListFirewalls,
// DescribeFirewall, DescribeFirewallPolicy, DescribeRuleGroup.
import { z } from "zod";
import { stableUuid } from "../../ids.js";
import { jsonService } from "../../json-service.js";
import { jsonPage } from "../../paginate.js";
import { stringList, stringParam } from "../../params.js";
import { SimError } from "../../service.js";
import type { ServiceHandler, SimContext, SimRequest } from "../../service.js";
import { registerServiceState } from "../../state.js";

const firewall = z.object({ name: z.string().min(1), vpcId: z.string().min(1), policy: z.string().min(1), subnets: z.array(z.string()).default([]) });

const policy = z.object({
  name: z.string().min(1),
  /** Rule group names in this region, or the ARNs of AWS managed rule groups. */
  statefulRuleGroups: z.array(z.string()).default([]),
  statelessRuleGroups: z.array(z.string()).default([]),
});

const ruleGroup = z.object({
  name: z.string().min(1),
  type: z.enum(["STATEFUL", "STATELESS"]).default("STATEFUL"),
  /** A domain list rule group (RulesSourceList). */
  domainList: z
    .object({
      targets: z.array(z.string()).min(1),
      targetTypes: z.array(z.enum(["TLS_SNI", "HTTP_HOST"])).default(["TLS_SNI", "HTTP_HOST"]),
      generatedRulesType: z.enum(["ALLOWLIST", "DENYLIST", "ALERTLIST", "REJECTLIST"]).default("DENYLIST"),
    })
    .optional(),
  /** Suricata rules, when the group is not a domain list. */
  rulesString: z.string().optional(),
});

export const networkFirewallState = z.object({
  firewalls: z.array(firewall).default([]),
  policies: z.array(policy).default([]),
  ruleGroups: z.array(ruleGroup).default([]),
});
registerServiceState("network-firewall", "regional", networkFirewallState);

type State = z.infer<typeof networkFirewallState>;
type RuleGroup = z.infer<typeof ruleGroup>;

const arn = (ctx: SimContext, kind: string, name: string): string => `arn:aws:network-firewall:${ctx.region}:${ctx.account.id}:${kind}/${name}`;
const ruleGroupArn = (ctx: SimContext, group: Pick<RuleGroup, "name" | "type">): string => arn(ctx, `${group.type.toLowerCase()}-rulegroup`, group.name);
const state = (ctx: SimContext): State => ctx.regionalState("network-firewall", networkFirewallState);
const notFound = (what: string): SimError => new SimError("ResourceNotFoundException", `${what} does not exist`, 400);

/** The resource a Describe* request names, by its ARN or its name. */
function named<T extends { name: string }>(req: SimRequest, items: readonly T[], arnOf: (item: T) => string, arnField: string, nameField: string): T {
  const byArn = stringParam(req.params, arnField);
  const byName = stringParam(req.params, nameField);
  if (byArn === undefined && byName === undefined) throw new SimError("InvalidRequestException", `Either ${arnField} or ${nameField} is required`, 400);
  const found = items.find((item) => (byArn !== undefined ? arnOf(item) === byArn : item.name === byName));
  if (!found) throw notFound(byArn ?? byName ?? "");
  return found;
}

/** A policy's reference: a rule group of this region by name, or an ARN as given (AWS managed groups). */
function referenceArn(ctx: SimContext, nameOrArn: string, type: RuleGroup["type"]): string {
  return nameOrArn.startsWith("arn:") ? nameOrArn : ruleGroupArn(ctx, { name: nameOrArn, type });
}

export const networkFirewallHandler: ServiceHandler = jsonService(
  "network-firewall",
  {
    ListFirewalls: (req, ctx) => {
      const vpcIds = stringList(req.params, "VpcIds");
      const firewalls = state(ctx).firewalls.filter((f) => vpcIds.length === 0 || vpcIds.includes(f.vpcId));
      const { items, next } = jsonPage(req.params, firewalls, { size: 100, invalidCode: "InvalidTokenException" });
      return { Firewalls: items.map((f) => ({ FirewallName: f.name, FirewallArn: arn(ctx, "firewall", f.name) })), NextToken: next };
    },
    DescribeFirewall: (req, ctx) => {
      const f = named(req, state(ctx).firewalls, (x) => arn(ctx, "firewall", x.name), "FirewallArn", "FirewallName");
      return {
        UpdateToken: stableUuid(`${ctx.account.id}/${ctx.region}/${f.name}/token`),
        Firewall: {
          FirewallName: f.name, FirewallArn: arn(ctx, "firewall", f.name), FirewallPolicyArn: arn(ctx, "firewall-policy", f.policy), VpcId: f.vpcId,
          SubnetMappings: f.subnets.map((SubnetId) => ({ SubnetId, IPAddressType: "IPV4" })), FirewallId: stableUuid(`${ctx.account.id}/${ctx.region}/${f.name}`),
          DeleteProtection: true, SubnetChangeProtection: true, FirewallPolicyChangeProtection: false,
        },
        FirewallStatus: { Status: "READY", ConfigurationSyncStateSummary: "IN_SYNC" },
      };
    },
    DescribeFirewallPolicy: (req, ctx) => {
      const p = named(req, state(ctx).policies, (x) => arn(ctx, "firewall-policy", x.name), "FirewallPolicyArn", "FirewallPolicyName");
      return {
        UpdateToken: stableUuid(`${ctx.account.id}/${ctx.region}/${p.name}/token`),
        FirewallPolicyResponse: { FirewallPolicyName: p.name, FirewallPolicyArn: arn(ctx, "firewall-policy", p.name), FirewallPolicyId: stableUuid(`${ctx.account.id}/${ctx.region}/${p.name}`) },
        FirewallPolicy: {
          StatelessDefaultActions: ["aws:forward_to_sfe"],
          StatelessFragmentDefaultActions: ["aws:forward_to_sfe"],
          StatefulRuleGroupReferences: p.statefulRuleGroups.map((g) => ({ ResourceArn: referenceArn(ctx, g, "STATEFUL") })),
          StatelessRuleGroupReferences: p.statelessRuleGroups.map((g, i) => ({ ResourceArn: referenceArn(ctx, g, "STATELESS"), Priority: i + 1 })),
        },
      };
    },
    DescribeRuleGroup: (req, ctx) => {
      const g = named(req, state(ctx).ruleGroups, (x) => ruleGroupArn(ctx, x), "RuleGroupArn", "RuleGroupName");
      const source = g.domainList
        ? { RulesSourceList: { Targets: g.domainList.targets, TargetTypes: g.domainList.targetTypes, GeneratedRulesType: g.domainList.generatedRulesType } }
        : { RulesString: g.rulesString ?? "" };
      return {
        UpdateToken: stableUuid(`${ctx.account.id}/${ctx.region}/${g.name}/token`),
        RuleGroup: { RulesSource: source },
        RuleGroupResponse: { RuleGroupArn: ruleGroupArn(ctx, g), RuleGroupName: g.name, RuleGroupId: stableUuid(`${ctx.account.id}/${ctx.region}/${g.name}`), Type: g.type, Capacity: 100 },
      };
    },
  },
  "awsJson1_0",
);

export const handlers: ServiceHandler[] = [networkFirewallHandler];
