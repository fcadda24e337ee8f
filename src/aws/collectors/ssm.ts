// Systems Manager, per region: the managed instances (agent status and version) and their patch
// states, asked for in batches of 50 instance ids (DescribeInstancePatchStates' limit).
import { paginateDescribeInstanceInformation, paginateDescribeInstancePatchStates, SSMClient } from "@aws-sdk/client-ssm";
import { z } from "zod";
import { defineOperation } from "../fetcher.js";
import { readPages } from "../snapshot.js";
import type { Collector, NoParams } from "./collector.js";
import { batches } from "./guardduty.js";

export const describeInstanceInformation = defineOperation<NoParams>("ssm", "DescribeInstanceInformation", (c) => paginateDescribeInstanceInformation({ client: c.get(SSMClient) }, {}));
export const describeInstancePatchStates = defineOperation<{ InstanceIds: string[] }>("ssm", "DescribeInstancePatchStates", (c, p) =>
  paginateDescribeInstancePatchStates({ client: c.get(SSMClient) }, p),
);

const instancesPage = z.object({ InstanceInformationList: z.array(z.object({ InstanceId: z.string() })).default([]) });

export const ssmCollector: Collector = {
  service: "ssm",
  scope: "region",
  async collect(fetcher, target, region) {
    const information = await fetcher.fetch(target, region, describeInstanceInformation, {});
    const ids = readPages(information, instancesPage).flatMap((p) => p.InstanceInformationList.map((i) => i.InstanceId));
    await Promise.all(batches(ids, 50).map((InstanceIds) => fetcher.fetch(target, region, describeInstancePatchStates, { InstanceIds })));
  },
};
