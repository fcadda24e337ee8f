// IAM Access Analyzer, per region: the analyzers there, of every type (external access and unused
// access, for the account or for the organization). Their findings are not read.
import { AccessAnalyzerClient, paginateListAnalyzers } from "@aws-sdk/client-accessanalyzer";
import { defineOperation } from "../fetcher.js";
import type { Collector, NoParams } from "./collector.js";

export const listAnalyzers = defineOperation<NoParams>("access-analyzer", "ListAnalyzers", (c) => paginateListAnalyzers({ client: c.get(AccessAnalyzerClient) }, {}));

export const accessAnalyzerCollector: Collector = {
  service: "access-analyzer",
  scope: "region",
  async collect(fetcher, target, region) {
    await fetcher.fetch(target, region, listAnalyzers, {});
  },
};
