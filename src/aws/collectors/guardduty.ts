// GuardDuty, per region: the detectors, each detector's protection plans (GetDetector) and its open
// high-severity findings (ListFindings with criteria, then GetFindings in batches of 50).
import { GetDetectorCommand, GetFindingsCommand, GuardDutyClient, paginateListDetectors, paginateListFindings } from "@aws-sdk/client-guardduty";
import type { FindingCriteria } from "@aws-sdk/client-guardduty";
import { z } from "zod";
import { defineOperation } from "../fetcher.js";
import { readPages } from "../snapshot.js";
import type { Collector, NoParams } from "./collector.js";

export const listDetectors = defineOperation<NoParams>("guardduty", "ListDetectors", (c) => paginateListDetectors({ client: c.get(GuardDutyClient) }, {}));
export const getDetector = defineOperation<{ DetectorId: string }>("guardduty", "GetDetector", async (c, p) => [await c.get(GuardDutyClient).send(new GetDetectorCommand(p))]);
export const listFindings = defineOperation<{ DetectorId: string; FindingCriteria: FindingCriteria }>("guardduty", "ListFindings", (c, p) =>
  paginateListFindings({ client: c.get(GuardDutyClient) }, p),
);
export const getFindings = defineOperation<{ DetectorId: string; FindingIds: string[] }>("guardduty", "GetFindings", async (c, p) => [await c.get(GuardDutyClient).send(new GetFindingsCommand(p))]);

/** GuardDuty rates 7.0–8.9 High and 9.0–10 Critical; archived findings were triaged already. */
export const highSeverityOpen: FindingCriteria = { Criterion: { severity: { GreaterThanOrEqual: 7 }, "service.archived": { Equals: ["false"] } } };
/** GetFindings takes at most 50 finding ids. */
export const findingBatch = 50;

const detectorsPage = z.object({ DetectorIds: z.array(z.string()).default([]) });
const findingIdsPage = z.object({ FindingIds: z.array(z.string()).default([]) });

export function batches<T>(items: readonly T[], size: number): T[][] {
  return Array.from({ length: Math.ceil(items.length / size) }, (_, i) => items.slice(i * size, (i + 1) * size));
}

export const guarddutyCollector: Collector = {
  service: "guardduty",
  scope: "region",
  async collect(fetcher, target, region) {
    const detectors = await fetcher.fetch(target, region, listDetectors, {});
    await Promise.all(
      readPages(detectors, detectorsPage).flatMap((page) =>
        page.DetectorIds.map(async (DetectorId) => {
          const [, listed] = await Promise.all([
            fetcher.fetch(target, region, getDetector, { DetectorId }),
            fetcher.fetch(target, region, listFindings, { DetectorId, FindingCriteria: highSeverityOpen }),
          ]);
          const ids = readPages(listed, findingIdsPage).flatMap((p) => p.FindingIds);
          await Promise.all(batches(ids, findingBatch).map((FindingIds) => fetcher.fetch(target, region, getFindings, { DetectorId, FindingIds })));
        }),
      ),
    );
  },
};
