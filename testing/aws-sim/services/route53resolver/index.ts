// Route 53 Resolver DNS Firewall over awsJson1_1 (state.regions.<region>.route53resolver): rule
// groups with their rules, and their associations with VPCs. ListFirewallRuleGroupAssociations,
// ListFirewallRules.
import { z } from "zod";
import { stableId } from "../../ids.js";
import { jsonService } from "../../json-service.js";
import { jsonPage } from "../../paginate.js";
import { requiredString, stringParam } from "../../params.js";
import { SimError } from "../../service.js";
import type { ServiceHandler, SimContext } from "../../service.js";
import { registerServiceState } from "../../state.js";

const firewallRule = z.object({
  name: z.string().min(1),
  action: z.enum(["ALLOW", "BLOCK", "ALERT"]).default("BLOCK"),
  /** The domain list's name; AWS managed lists are named like "AWSManagedDomainsMalwareDomainList". */
  domainList: z.string().min(1),
  priority: z.number().int().positive().default(100),
});

const ruleGroup = z.object({ name: z.string().min(1), rules: z.array(firewallRule).default([]) });

const association = z.object({
  vpcId: z.string().min(1),
  /** The name of a rule group in this region's `ruleGroups`. */
  ruleGroup: z.string().min(1),
  priority: z.number().int().default(101),
  status: z.enum(["COMPLETE", "DELETING", "UPDATING"]).default("COMPLETE"),
  createdAt: z.string().default("2023-03-01T10:00:00Z"),
});

export const route53resolverState = z.object({ ruleGroups: z.array(ruleGroup).default([]), associations: z.array(association).default([]) });
registerServiceState("route53resolver", "regional", route53resolverState);

const ruleGroupId = (ctx: SimContext, name: string): string => stableId("rslvr-frg-", `${ctx.account.id}/${ctx.region}/${name}`, 16).toLowerCase();
const domainListId = (ctx: SimContext, name: string): string => stableId("rslvr-fdl-", `${ctx.account.id}/${ctx.region}/${name}`, 16).toLowerCase();

export const route53resolverHandler: ServiceHandler = jsonService("route53resolver", {
  ListFirewallRuleGroupAssociations: (req, ctx) => {
    const vpcId = stringParam(req.params, "VpcId");
    const associations = ctx.regionalState("route53resolver", route53resolverState).associations.filter((a) => vpcId === undefined || a.vpcId === vpcId);
    const { items, next } = jsonPage(req.params, associations, { size: 100, invalidCode: "InvalidNextTokenException" });
    return {
      FirewallRuleGroupAssociations: items.map((a) => {
        const id = stableId("rslvr-frgassoc-", `${ctx.account.id}/${ctx.region}/${a.vpcId}/${a.ruleGroup}`, 16).toLowerCase();
        return {
          Id: id, Arn: `arn:aws:route53resolver:${ctx.region}:${ctx.account.id}:firewall-rule-group-association/${id}`,
          FirewallRuleGroupId: ruleGroupId(ctx, a.ruleGroup), VpcId: a.vpcId, Name: `${a.ruleGroup}-${a.vpcId}`,
          Priority: a.priority, MutationProtection: "ENABLED", Status: a.status, StatusMessage: "", CreationTime: a.createdAt, ModificationTime: a.createdAt,
        };
      }),
      NextToken: next,
    };
  },
  ListFirewallRules: (req, ctx) => {
    const id = requiredString(req.params, "FirewallRuleGroupId", "ValidationException");
    const group = ctx.regionalState("route53resolver", route53resolverState).ruleGroups.find((g) => ruleGroupId(ctx, g.name) === id);
    if (!group) throw new SimError("ResourceNotFoundException", `Can't find the resource with ID '${id}'.`, 400);
    const { items, next } = jsonPage(req.params, group.rules, { size: 100, invalidCode: "InvalidNextTokenException" });
    return {
      FirewallRules: items.map((r) => ({
        FirewallRuleGroupId: id, FirewallDomainListId: domainListId(ctx, r.domainList), Name: r.name, Priority: r.priority, Action: r.action,
        BlockResponse: r.action === "BLOCK" ? "NODATA" : undefined,
      })),
      NextToken: next,
    };
  },
});

export const handlers: ServiceHandler[] = [route53resolverHandler];
