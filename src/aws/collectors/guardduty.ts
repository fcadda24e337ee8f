// GuardDuty, per region: the detectors.
import { GuardDutyClient, paginateListDetectors } from "@aws-sdk/client-guardduty";
import { defineOperation } from "../fetcher.js";
import type { Collector, NoParams } from "./collector.js";

export const listDetectors = defineOperation<NoParams>("guardduty", "ListDetectors", (c) => paginateListDetectors({ client: c.get(GuardDutyClient) }, {}));

export const guarddutyCollector: Collector = {
  service: "guardduty",
  scope: "region",
  async collect(fetcher, target, region) {
    await fetcher.fetch(target, region, listDetectors, {});
  },
};
