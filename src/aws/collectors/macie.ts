// Amazon Macie, per region: the Macie session and, where Macie runs, its open sensitive data
// findings (ListFindings with criteria, then GetFindings in batches of 50). The account's bucket
// listing (S3's own, fetched once per run) tells the checks which regions hold data.
import { GetFindingsCommand, GetMacieSessionCommand, Macie2Client, paginateListFindings } from "@aws-sdk/client-macie2";
import type { FindingCriteria } from "@aws-sdk/client-macie2";
import { z } from "zod";
import { defineOperation } from "../fetcher.js";
import { readPages } from "../snapshot.js";
import type { Collector, NoParams } from "./collector.js";
import { batches } from "./guardduty.js";
import { listBuckets } from "./s3.js";

export const getMacieSession = defineOperation<NoParams>("macie2", "GetMacieSession", async (c) => [await c.get(Macie2Client).send(new GetMacieSessionCommand({}))]);
export const listFindings = defineOperation<{ findingCriteria: FindingCriteria }>("macie2", "ListFindings", (c, p) => paginateListFindings({ client: c.get(Macie2Client) }, p));
export const getFindings = defineOperation<{ findingIds: string[] }>("macie2", "GetFindings", async (c, p) => [await c.get(Macie2Client).send(new GetFindingsCommand(p))]);

/** Sensitive data (classification) findings nobody has archived yet. */
export const openSensitiveData: FindingCriteria = { criterion: { category: { eq: ["CLASSIFICATION"] }, archived: { eq: ["false"] } } };

const sessionPage = z.object({ status: z.string().optional() });
const findingIdsPage = z.object({ findingIds: z.array(z.string()).default([]) });

export const macieCollector: Collector = {
  service: "macie2",
  scope: "region",
  async collect(fetcher, target, region) {
    const [session] = await Promise.all([fetcher.fetch(target, region, getMacieSession, {}), fetcher.fetch(target, "global", listBuckets, {})]);
    if (!readPages(session, sessionPage).some((p) => p.status === "ENABLED" || p.status === "PAUSED")) return;
    const listed = await fetcher.fetch(target, region, listFindings, { findingCriteria: openSensitiveData });
    const ids = readPages(listed, findingIdsPage).flatMap((p) => p.findingIds);
    await Promise.all(batches(ids, 50).map((findingIds) => fetcher.fetch(target, region, getFindings, { findingIds })));
  },
};
