// The simulated S3 and S3 Control (both sign as "s3"): path-style bucket requests and the
// account-level public access block at /v20180820/configuration/publicAccessBlock.
import { accessDenied, unknownOperation } from "../../aws-errors.js";
import { restXmlSuccess } from "../../protocols.js";
import type { ServiceHandler, SimContext, SimRequest, SimResponse } from "../../service.js";
import { SimError } from "../../service.js";
import { bucketNamed, bucketOperations, bucketSubresources, listBuckets, publicAccessBlockXml } from "./buckets.js";
import { s3StateSchema } from "./state.js";

const controlNamespace = "http://awss3control.amazonaws.com/doc/2018-08-20/";
const accountPublicAccessBlockPath = "/v20180820/configuration/publicAccessBlock";

/** The bucket named by a path-style path ("/name" or "/name/"), if the path names only a bucket. */
function bucketOf(path: string): string | undefined {
  const match = /^\/([^/]+)\/?$/.exec(path);
  return match?.[1] ? decodeURIComponent(match[1]) : undefined;
}

function operationOf(req: SimRequest): string {
  if (req.method !== "GET") return "";
  if (req.path === accountPublicAccessBlockPath) return "GetAccountPublicAccessBlock";
  if (req.path === "/") return "ListBuckets";
  const bucket = bucketOf(req.path);
  if (!bucket) return "";
  // The bucket is a request parameter too: the call log then tells calls on two buckets apart.
  req.params.Bucket ??= bucket;
  const key = Object.keys(bucketSubresources).find((k) => req.query.has(k));
  return key ? (bucketSubresources[key] ?? "") : "";
}

function accountPublicAccessBlock(req: SimRequest, ctx: SimContext): SimResponse {
  const asked = req.headers["x-amz-account-id"] ?? "";
  if (asked !== ctx.account.id)
    throw accessDenied("restXml", `The account ${ctx.account.id} may not read the public access block of account ${asked || "(none given)"}`);
  const block = ctx.globalState("s3", s3StateSchema).accountPublicAccessBlock;
  if (!block) throw new SimError("NoSuchPublicAccessBlockConfiguration", "The public access block configuration was not found", 404);
  return restXmlSuccess("PublicAccessBlockConfiguration", publicAccessBlockXml(block), controlNamespace);
}

function handle(req: SimRequest, ctx: SimContext): SimResponse {
  const operation = operationOf(req);
  if (operation === "GetAccountPublicAccessBlock") return { ...accountPublicAccessBlock(req, ctx), operation };
  if (operation === "ListBuckets") return { ...listBuckets(req, ctx), operation };
  const answer = bucketOperations[operation];
  const name = bucketOf(req.path);
  if (!answer || !name) throw unknownOperation("restXml", "s3", `${req.method} ${req.path}`);
  const bucket = bucketNamed(name, ctx);
  // S3 answers a bucket in another region with a redirect (GetBucketLocation works from anywhere).
  if (bucket.region !== req.region && operation !== "GetBucketLocation")
    throw new SimError("PermanentRedirect", `The bucket ${name} is in ${bucket.region}: address it using the endpoint of that region.`, 301);
  return { ...answer(bucket), operation };
}

export const s3: ServiceHandler = { service: "s3", protocol: "restXml", operationOf, handle };

export const handlers: ServiceHandler[] = [s3];
