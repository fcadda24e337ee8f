// Security Hub, per region: whether the hub is enabled.
import { DescribeHubCommand, SecurityHubClient } from "@aws-sdk/client-securityhub";
import { defineOperation } from "../fetcher.js";
import type { Collector, NoParams } from "./collector.js";

export const describeHub = defineOperation<NoParams>("securityhub", "DescribeHub", async (c) => [await c.get(SecurityHubClient).send(new DescribeHubCommand({}))]);

export const securityhubCollector: Collector = {
  service: "securityhub",
  scope: "region",
  async collect(fetcher, target, region) {
    await fetcher.fetch(target, region, describeHub, {});
  },
};
