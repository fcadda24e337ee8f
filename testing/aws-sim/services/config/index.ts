// AWS Config over awsJson1_1 (state.regions.<region>.config): configuration recorders and their
// status, delivery channels, rules and their compliance.
import { z } from "zod";
import { registerBenchState } from "../../bench-scenario.js";
import { stableId } from "../../ids.js";
import { jsonService } from "../../json-service.js";
import { paginate } from "../../paginate.js";
import { stringList, stringParam } from "../../params.js";
import { epochSeconds } from "../../protocols.js";
import { SimError } from "../../service.js";
import type { ServiceHandler, SimContext, SimRequest } from "../../service.js";
import { registerServiceState } from "../../state.js";

const recorder = z.object({
  name: z.string().default("default"),
  roleArn: z.string().optional(),
  allSupported: z.boolean().default(true),
  includeGlobalResourceTypes: z.boolean().default(false),
  recording: z.boolean().default(true),
  lastStatus: z.enum(["Pending", "Success", "Failure"]).default("Success"),
  lastStart: z.string().default("2023-01-15T09:00:00Z"),
});
const rule = z.object({
  name: z.string().min(1),
  owner: z.enum(["AWS", "CUSTOM_LAMBDA", "CUSTOM_POLICY"]).default("AWS"),
  identifier: z.string(),
  state: z.enum(["ACTIVE", "DELETING", "EVALUATING"]).default("ACTIVE"),
  compliance: z.enum(["COMPLIANT", "NON_COMPLIANT", "NOT_APPLICABLE", "INSUFFICIENT_DATA"]).default("COMPLIANT"),
  /** How many resources are non-compliant (when compliance is NON_COMPLIANT). */
  nonCompliantResources: z.number().int().default(1),
});
export const configState = z.object({
  recorders: z.array(recorder).default([]),
  deliveryChannels: z.array(z.object({ name: z.string().default("default"), s3Bucket: z.string(), snsTopicArn: z.string().optional(), frequency: z.string().default("TwentyFour_Hours") })).default([]),
  rules: z.array(rule).default([]),
});
registerServiceState("config", "regional", configState);

type Rule = z.infer<typeof rule>;
const state = (ctx: SimContext): z.infer<typeof configState> => ctx.regionalState("config", configState);

function selectRecorders(req: SimRequest, ctx: SimContext): z.infer<typeof recorder>[] {
  const names = stringList(req.params, "ConfigurationRecorderNames");
  const recorders = state(ctx).recorders;
  for (const name of names)
    if (!recorders.some((r) => r.name === name))
      throw new SimError("NoSuchConfigurationRecorderException", `Cannot find configuration recorder with the specified name '${name}'.`, 400);
  return names.length === 0 ? recorders : recorders.filter((r) => names.includes(r.name));
}

function selectRules(req: SimRequest, ctx: SimContext): Rule[] {
  const names = stringList(req.params, "ConfigRuleNames");
  const rules = state(ctx).rules;
  for (const name of names)
    if (!rules.some((r) => r.name === name)) throw new SimError("NoSuchConfigRuleException", `The ConfigRule '${name}' provided in the request is invalid. Please check the configRule name.`, 400);
  return names.length === 0 ? rules : rules.filter((r) => names.includes(r.name));
}

/** Config pages by NextToken: 25 rules per page for DescribeConfigRules, as AWS. */
const page = <T>(req: SimRequest, items: readonly T[]): { items: T[]; NextToken: string | undefined } => {
  const { items: slice, next } = paginate(items, stringParam(req.params, "NextToken"), undefined, 25, { invalidCode: "InvalidNextTokenException" });
  return { items: slice, NextToken: next };
};

export const configHandler: ServiceHandler = jsonService("config", {
  DescribeConfigurationRecorders: (req, ctx) => ({
    ConfigurationRecorders: selectRecorders(req, ctx).map((r) => ({
      name: r.name, roleARN: r.roleArn ?? `arn:aws:iam::${ctx.account.id}:role/aws-service-role/config.amazonaws.com/AWSServiceRoleForConfig`,
      recordingGroup: { allSupported: r.allSupported, includeGlobalResourceTypes: r.includeGlobalResourceTypes, resourceTypes: [] },
    })),
  }),
  DescribeConfigurationRecorderStatus: (req, ctx) => ({
    ConfigurationRecordersStatus: selectRecorders(req, ctx).map((r) => ({
      name: r.name, lastStartTime: epochSeconds(r.lastStart), recording: r.recording, lastStatus: r.lastStatus,
      lastStatusChangeTime: epochSeconds(new Date(Date.now() - 3_600_000)),
    })),
  }),
  DescribeDeliveryChannels: (_req, ctx) => ({
    DeliveryChannels: state(ctx).deliveryChannels.map((d) => ({
      name: d.name, s3BucketName: d.s3Bucket, snsTopicARN: d.snsTopicArn, configSnapshotDeliveryProperties: { deliveryFrequency: d.frequency },
    })),
  }),
  DescribeConfigRules: (req, ctx) => {
    const { items, NextToken } = page(req, selectRules(req, ctx));
    const rules = items.map((r) => {
      const id = stableId("config-rule-", `${ctx.account.id}/${ctx.region}/${r.name}`, 6).toLowerCase();
      return {
        ConfigRuleName: r.name, ConfigRuleArn: `arn:aws:config:${ctx.region}:${ctx.account.id}:config-rule/${id}`, ConfigRuleId: id,
        Source: { Owner: r.owner, SourceIdentifier: r.identifier }, ConfigRuleState: r.state,
      };
    });
    return { ConfigRules: rules, NextToken };
  },
  DescribeComplianceByConfigRule: (req, ctx) => {
    const types = stringList(req.params, "ComplianceTypes");
    const rules = selectRules(req, ctx).filter((r) => types.length === 0 || types.includes(r.compliance));
    const { items, NextToken } = page(req, rules);
    const out = items.map((r) => ({
      ConfigRuleName: r.name,
      Compliance: {
        ComplianceType: r.compliance,
        ...(r.compliance === "NON_COMPLIANT" ? { ComplianceContributorCount: { CappedCount: Math.min(r.nonCompliantResources, 100), CapExceeded: r.nonCompliantResources > 100 } } : {}),
      },
    }));
    return { ComplianceByConfigRules: out, NextToken };
  },
});

export const handlers: ServiceHandler[] = [configHandler];

registerBenchState("config", "regional", ({ resources, regionIndex }) => ({
  recorders: regionIndex === 0 ? [{ includeGlobalResourceTypes: true }] : [{}],
  rules: Array.from({ length: resources }, (_, i) => ({ name: `rule-${i}`, identifier: "S3_BUCKET_VERSIONING_ENABLED", compliance: i % 5 === 0 ? "NON_COMPLIANT" : "COMPLIANT" })),
}));
