// S3: ListBuckets is global (once per account); a bucket's settings are asked in the bucket's own
// region (S3 answers PermanentRedirect elsewhere).
import { GetPublicAccessBlockCommand, paginateListBuckets } from "@aws-sdk/client-s3";
import { z } from "zod";
import { defineOperation } from "../fetcher.js";
import { readPages } from "../snapshot.js";
import type { Collector, NoParams } from "./collector.js";

export const listBuckets = defineOperation<NoParams>("s3", "ListBuckets", (c) => paginateListBuckets({ client: c.s3() }, {}));
export const getPublicAccessBlock = defineOperation<{ Bucket: string }>("s3", "GetPublicAccessBlock", async (c, p) => [await c.s3().send(new GetPublicAccessBlockCommand(p))]);

const bucketsPage = z.object({ Buckets: z.array(z.object({ Name: z.string(), BucketRegion: z.string().optional() })).default([]) });

export const s3Collector: Collector = {
  service: "s3",
  scope: "account",
  async collect(fetcher, target, region) {
    const buckets = await fetcher.fetch(target, region, listBuckets, {});
    await Promise.all(
      readPages(buckets, bucketsPage).flatMap((page) => page.Buckets.map(({ Name, BucketRegion }) => fetcher.fetch(target, BucketRegion ?? region, getPublicAccessBlock, { Bucket: Name }))),
    );
  },
};
