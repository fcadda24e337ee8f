// CloudTrail, per region: the trails visible there (an organization or multi-Region trail shows in
// every region).
import { CloudTrailClient, DescribeTrailsCommand } from "@aws-sdk/client-cloudtrail";
import { defineOperation } from "../fetcher.js";
import type { Collector, NoParams } from "./collector.js";

export const describeTrails = defineOperation<NoParams>("cloudtrail", "DescribeTrails", async (c) => [await c.get(CloudTrailClient).send(new DescribeTrailsCommand({}))]);

export const cloudtrailCollector: Collector = {
  service: "cloudtrail",
  scope: "region",
  async collect(fetcher, target, region) {
    await fetcher.fetch(target, region, describeTrails, {});
  },
};
