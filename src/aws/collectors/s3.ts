// S3: ListBuckets and the account's public access block (S3 Control) once per account; each
// bucket's settings asked in the bucket's own region (S3 answers PermanentRedirect elsewhere).
import {
  GetBucketEncryptionCommand,
  GetBucketLifecycleConfigurationCommand,
  GetBucketLoggingCommand,
  GetBucketPolicyStatusCommand,
  GetBucketVersioningCommand,
  GetPublicAccessBlockCommand,
  paginateListBuckets,
} from "@aws-sdk/client-s3";
import { GetPublicAccessBlockCommand as GetAccountPublicAccessBlockCommand, S3ControlClient } from "@aws-sdk/client-s3-control";
import { z } from "zod";
import type { ClientClass } from "../clients.js";
import { defineOperation } from "../fetcher.js";
import { readPages } from "../snapshot.js";
import type { Collector, NoParams } from "./collector.js";

type Bucket = { Bucket: string };

/**
 * S3 Control is addressed at {account}.s3-control.{region}.amazonaws.com. An endpoint override (the
 * simulator) is one host that cannot take the account as a prefix, so it is used as given; the
 * account still travels in the x-amz-account-id header.
 */
class S3ControlAtEndpoint extends S3ControlClient {
  constructor(config: ConstructorParameters<ClientClass<S3ControlClient>>[0]) {
    const endpoint = "endpoint" in config ? config.endpoint : undefined;
    super(endpoint === undefined ? config : { ...config, endpointProvider: () => ({ url: new URL(endpoint) }) });
  }
}

export const listBuckets = defineOperation<NoParams>("s3", "ListBuckets", (c) => paginateListBuckets({ client: c.s3() }, {}));
export const getPublicAccessBlock = defineOperation<Bucket>("s3", "GetPublicAccessBlock", async (c, p) => [await c.s3().send(new GetPublicAccessBlockCommand(p))]);
export const getBucketEncryption = defineOperation<Bucket>("s3", "GetBucketEncryption", async (c, p) => [await c.s3().send(new GetBucketEncryptionCommand(p))]);
export const getBucketVersioning = defineOperation<Bucket>("s3", "GetBucketVersioning", async (c, p) => [await c.s3().send(new GetBucketVersioningCommand(p))]);
export const getBucketLifecycleConfiguration = defineOperation<Bucket>("s3", "GetBucketLifecycleConfiguration", async (c, p) => [
  await c.s3().send(new GetBucketLifecycleConfigurationCommand(p)),
]);
export const getBucketLogging = defineOperation<Bucket>("s3", "GetBucketLogging", async (c, p) => [await c.s3().send(new GetBucketLoggingCommand(p))]);
export const getBucketPolicyStatus = defineOperation<Bucket>("s3", "GetBucketPolicyStatus", async (c, p) => [await c.s3().send(new GetBucketPolicyStatusCommand(p))]);
/** S3 Control's GetPublicAccessBlock: the account-wide block; "s3" is its signing name. */
export const getAccountPublicAccessBlock = defineOperation<{ AccountId: string }>("s3", "GetAccountPublicAccessBlock", async (c, p) => [
  await c.get(S3ControlAtEndpoint).send(new GetAccountPublicAccessBlockCommand(p)),
]);

/** What is asked of every bucket, each read by one check. */
const bucketOperations = [getPublicAccessBlock, getBucketEncryption, getBucketVersioning, getBucketLifecycleConfiguration, getBucketLogging, getBucketPolicyStatus];

const bucketsPage = z.object({ Buckets: z.array(z.object({ Name: z.string(), BucketRegion: z.string().optional() })).default([]) });

export const s3Collector: Collector = {
  service: "s3",
  scope: "account",
  async collect(fetcher, target, region) {
    const [buckets] = await Promise.all([fetcher.fetch(target, region, listBuckets, {}), fetcher.fetch(target, region, getAccountPublicAccessBlock, { AccountId: target.account })]);
    await Promise.all(
      readPages(buckets, bucketsPage).flatMap((page) =>
        page.Buckets.flatMap(({ Name, BucketRegion }) => bucketOperations.map((op) => fetcher.fetch(target, BucketRegion ?? region, op, { Bucket: Name }))),
      ),
    );
  },
};
