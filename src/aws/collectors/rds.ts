// RDS, per region: every DB instance with its encryption, public access, backups, Multi-AZ,
// deletion protection and tags (one paginated listing carries them all).
import { RDSClient, paginateDescribeDBInstances } from "@aws-sdk/client-rds";
import { defineOperation } from "../fetcher.js";
import type { Collector, NoParams } from "./collector.js";

export const describeDbInstances = defineOperation<NoParams>("rds", "DescribeDBInstances", (c) => paginateDescribeDBInstances({ client: c.get(RDSClient), pageSize: 100 }, {}));

export const rdsCollector: Collector = {
  service: "rds",
  scope: "region",
  async collect(fetcher, target, region) {
    await fetcher.fetch(target, region, describeDbInstances, {});
  },
};
