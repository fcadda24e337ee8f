// S3 bucket operations the collectors read: the bucket list and each bucket's configuration,
// answered as S3 does (XML documents, and a 404 with S3's own code when a configuration is absent).
import { paginate } from "../../paginate.js";
import { restXmlSuccess } from "../../protocols.js";
import type { SimContext, SimRequest, SimResponse } from "../../service.js";
import { SimError } from "../../service.js";
import { escapeXml, XmlList, xmlDeclaration } from "../../xml.js";
import type { XmlValue } from "../../xml.js";
import { s3StateSchema } from "./state.js";
import type { Bucket, PublicAccessBlock } from "./state.js";

export const s3Namespace = "http://s3.amazonaws.com/doc/2006-03-01/";

export function publicAccessBlockXml(block: PublicAccessBlock): { [key: string]: XmlValue } {
  return {
    BlockPublicAcls: block.blockPublicAcls,
    IgnorePublicAcls: block.ignorePublicAcls,
    BlockPublicPolicy: block.blockPublicPolicy,
    RestrictPublicBuckets: block.restrictPublicBuckets,
  };
}

export function listBuckets(req: SimRequest, ctx: SimContext): SimResponse {
  const state = ctx.globalState("s3", s3StateSchema);
  const region = typeof req.params["bucket-region"] === "string" ? req.params["bucket-region"] : undefined;
  const prefix = typeof req.params.prefix === "string" ? req.params.prefix : "";
  const matching = state.buckets.filter((b) => (!region || b.region === region) && b.name.startsWith(prefix));
  // Without max-buckets S3 answers every bucket in one page.
  const limit = req.params["max-buckets"];
  const page = paginate(matching, req.params["continuation-token"], limit, matching.length || 1, { maxSize: 10000, invalidCode: "InvalidArgument" });
  return restXmlSuccess("ListAllMyBucketsResult", {
    Buckets: new XmlList(page.items.map((b) => ({ Name: b.name, CreationDate: new Date(b.createdAt), BucketRegion: b.region })), "Bucket"),
    Owner: { ID: `${ctx.account.id}c0ffee`, DisplayName: ctx.account.name },
    ContinuationToken: page.next,
    Prefix: prefix || undefined,
  });
}

/** The bucket a request names, or S3's NoSuchBucket. */
export function bucketNamed(name: string, ctx: SimContext): Bucket {
  const bucket = ctx.globalState("s3", s3StateSchema).buckets.find((b) => b.name === name);
  if (!bucket) throw new SimError("NoSuchBucket", `The specified bucket does not exist: ${name}`, 404);
  return bucket;
}

type BucketOperation = (bucket: Bucket) => SimResponse;

export const bucketOperations: Record<string, BucketOperation> = {
  GetBucketEncryption(bucket) {
    if (!bucket.encryption)
      throw new SimError("ServerSideEncryptionConfigurationNotFoundError", "The server side encryption configuration was not found", 404);
    const { algorithm, kmsKeyId, bucketKeyEnabled } = bucket.encryption;
    const rule = { ApplyServerSideEncryptionByDefault: { SSEAlgorithm: algorithm, KMSMasterKeyID: kmsKeyId }, BucketKeyEnabled: bucketKeyEnabled };
    return restXmlSuccess("ServerSideEncryptionConfiguration", { Rule: new XmlList([rule], null) }, s3Namespace);
  },
  GetPublicAccessBlock(bucket) {
    if (!bucket.publicAccessBlock)
      throw new SimError("NoSuchPublicAccessBlockConfiguration", "The public access block configuration was not found", 404);
    return restXmlSuccess("PublicAccessBlockConfiguration", publicAccessBlockXml(bucket.publicAccessBlock), s3Namespace);
  },
  GetBucketPolicyStatus(bucket) {
    if (bucket.policy === "none") throw new SimError("NoSuchBucketPolicy", "The bucket policy does not exist", 404);
    return restXmlSuccess("PolicyStatus", { IsPublic: bucket.policy === "public" }, s3Namespace);
  },
  GetBucketVersioning(bucket) {
    const status = bucket.versioning === "Unversioned" ? undefined : bucket.versioning;
    return restXmlSuccess("VersioningConfiguration", { Status: status, MfaDelete: status ? (bucket.mfaDelete ? "Enabled" : "Disabled") : undefined }, s3Namespace);
  },
  GetBucketLogging(bucket) {
    const logging = bucket.logging ? { TargetBucket: bucket.logging.targetBucket, TargetPrefix: bucket.logging.targetPrefix } : undefined;
    return restXmlSuccess("BucketLoggingStatus", { LoggingEnabled: logging }, s3Namespace);
  },
  GetBucketLifecycleConfiguration(bucket) {
    if (bucket.lifecycleRules.length === 0) throw new SimError("NoSuchLifecycleConfiguration", "The lifecycle configuration does not exist", 404);
    const rules = bucket.lifecycleRules.map((r) => ({
      ID: r.id,
      Filter: { Prefix: r.prefix },
      Status: r.status,
      Transition: r.transitionDays ? { Days: r.transitionDays, StorageClass: r.storageClass } : undefined,
      Expiration: r.expirationDays ? { Days: r.expirationDays } : undefined,
      NoncurrentVersionExpiration: r.noncurrentExpirationDays ? { NoncurrentDays: r.noncurrentExpirationDays } : undefined,
    }));
    return restXmlSuccess("LifecycleConfiguration", { Rule: new XmlList(rules, null) }, s3Namespace);
  },
  GetBucketLocation(bucket) {
    // us-east-1 answers an empty LocationConstraint, as S3 always has.
    const location = bucket.region === "us-east-1" ? "" : escapeXml(bucket.region);
    return { status: 200, headers: { "content-type": "application/xml" }, body: `${xmlDeclaration}<LocationConstraint xmlns="${s3Namespace}">${location}</LocationConstraint>` };
  },
};

/** The subresource query key that names each bucket operation (GET /{bucket}?{key}). */
export const bucketSubresources: Record<string, string> = {
  encryption: "GetBucketEncryption",
  publicAccessBlock: "GetPublicAccessBlock",
  policyStatus: "GetBucketPolicyStatus",
  versioning: "GetBucketVersioning",
  logging: "GetBucketLogging",
  lifecycle: "GetBucketLifecycleConfiguration",
  location: "GetBucketLocation",
};
