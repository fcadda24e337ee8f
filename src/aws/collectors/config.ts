// AWS Config, per region: the configuration recorders, their status and the delivery channels; the
// Config rules and, where there are any, their compliance.
import {
  ConfigServiceClient,
  DescribeConfigurationRecordersCommand,
  DescribeConfigurationRecorderStatusCommand,
  DescribeDeliveryChannelsCommand,
  paginateDescribeComplianceByConfigRule,
  paginateDescribeConfigRules,
} from "@aws-sdk/client-config-service";
import { z } from "zod";
import { defineOperation } from "../fetcher.js";
import { readPages } from "../snapshot.js";
import type { Collector, NoParams } from "./collector.js";

const config = defineOperation<NoParams>;
export const describeConfigurationRecorders = config("config", "DescribeConfigurationRecorders", async (c) => [await c.get(ConfigServiceClient).send(new DescribeConfigurationRecordersCommand({}))]);
export const describeConfigurationRecorderStatus = config("config", "DescribeConfigurationRecorderStatus", async (c) => [
  await c.get(ConfigServiceClient).send(new DescribeConfigurationRecorderStatusCommand({})),
]);
export const describeDeliveryChannels = config("config", "DescribeDeliveryChannels", async (c) => [await c.get(ConfigServiceClient).send(new DescribeDeliveryChannelsCommand({}))]);
export const describeConfigRules = config("config", "DescribeConfigRules", (c) => paginateDescribeConfigRules({ client: c.get(ConfigServiceClient) }, {}));
export const describeComplianceByConfigRule = config("config", "DescribeComplianceByConfigRule", (c) => paginateDescribeComplianceByConfigRule({ client: c.get(ConfigServiceClient) }, {}));

const rulesPage = z.object({ ConfigRules: z.array(z.object({ ConfigRuleName: z.string().optional() })).default([]) });

export const configCollector: Collector = {
  service: "config",
  scope: "region",
  async collect(fetcher, target, region) {
    const [rules] = await Promise.all([
      fetcher.fetch(target, region, describeConfigRules, {}),
      fetcher.fetch(target, region, describeConfigurationRecorders, {}),
      fetcher.fetch(target, region, describeConfigurationRecorderStatus, {}),
      fetcher.fetch(target, region, describeDeliveryChannels, {}),
    ]);
    if (readPages(rules, rulesPage).some((p) => p.ConfigRules.length > 0)) await fetcher.fetch(target, region, describeComplianceByConfigRule, {});
  },
};
