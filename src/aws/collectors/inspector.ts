// Amazon Inspector, per region: the account's scanning status per resource type and, where Inspector
// is on, its active critical and high vulnerability findings (ListFindings with filterCriteria).
import { BatchGetAccountStatusCommand, Inspector2Client, paginateListFindings } from "@aws-sdk/client-inspector2";
import type { FilterCriteria } from "@aws-sdk/client-inspector2";
import { z } from "zod";
import { defineOperation } from "../fetcher.js";
import { readPages } from "../snapshot.js";
import type { Collector, NoParams } from "./collector.js";

export const batchGetAccountStatus = defineOperation<NoParams>("inspector2", "BatchGetAccountStatus", async (c) => [await c.get(Inspector2Client).send(new BatchGetAccountStatusCommand({}))]);
export const listFindings = defineOperation<{ filterCriteria: FilterCriteria }>("inspector2", "ListFindings", (c, p) => paginateListFindings({ client: c.get(Inspector2Client) }, p));

/** Active findings rated critical or high: the ones a patching deadline applies to. */
export const activeCriticalOrHigh: FilterCriteria = {
  findingStatus: [{ comparison: "EQUALS", value: "ACTIVE" }],
  severity: [
    { comparison: "EQUALS", value: "CRITICAL" },
    { comparison: "EQUALS", value: "HIGH" },
  ],
};

const statusPage = z.object({ accounts: z.array(z.object({ state: z.object({ status: z.string() }).optional() })).default([]) });

export const inspectorCollector: Collector = {
  service: "inspector2",
  scope: "region",
  async collect(fetcher, target, region) {
    const status = await fetcher.fetch(target, region, batchGetAccountStatus, {});
    const enabled = readPages(status, statusPage).some((p) => p.accounts.some((a) => a.state?.status === "ENABLED"));
    if (enabled) await fetcher.fetch(target, region, listFindings, { filterCriteria: activeCriticalOrHigh });
  },
};
