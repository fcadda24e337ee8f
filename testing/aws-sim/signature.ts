// SigV4 signature verification: recomputes the signature of a request (header auth) with the
// secret key the simulator holds, as AWS does, following the SDK's canonicalization.
import { createHash, createHmac, timingSafeEqual } from "node:crypto";
import type { IncomingHttpHeaders } from "node:http";
import type { Protocol } from "./service.js";
import { SimError } from "./service.js";

const escapeUri = (text: string): string => encodeURIComponent(text).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
const sha256 = (data: string | Buffer): string => createHash("sha256").update(data).digest("hex");
const hmac = (key: string | Buffer, data: string): Buffer => createHmac("sha256", key).update(data).digest();

/** S3 signs the path as sent; every other service normalizes it and encodes it once more. */
function canonicalPath(path: string, service: string): string {
  if (service === "s3") return path;
  const segments: string[] = [];
  for (const segment of path.split("/")) {
    if (segment === "" || segment === ".") continue;
    if (segment === "..") segments.pop();
    else segments.push(segment);
  }
  const normalized = `${path.startsWith("/") ? "/" : ""}${segments.join("/")}${segments.length > 0 && path.endsWith("/") ? "/" : ""}`;
  return escapeUri(normalized).replace(/%2F/g, "/");
}

function canonicalQuery(query: URLSearchParams): string {
  const pairs = [...query].filter(([key]) => key.toLowerCase() !== "x-amz-signature").map(([k, v]) => [escapeUri(k), escapeUri(v)] as const);
  pairs.sort(([a, av], [b, bv]) => (a < b ? -1 : a > b ? 1 : av < bv ? -1 : av > bv ? 1 : 0));
  return pairs.map(([k, v]) => `${k}=${v}`).join("&");
}

export interface SignedRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  body: Buffer;
  authorization: string;
  scope: { date: string; region: string; service: string };
}

export function signatureMatches(req: SignedRequest, secretAccessKey: string): boolean {
  const signedHeaders = /SignedHeaders=([^,\s]+)/.exec(req.authorization)?.[1]?.split(";") ?? [];
  const given = /Signature=([0-9a-f]{64})/.exec(req.authorization)?.[1] ?? "";
  const amzDate = String(req.headers["x-amz-date"] ?? "");
  const headerValue = (name: string): string => {
    const value = req.headers[name];
    return (Array.isArray(value) ? value.join(",") : (value ?? "")).trim().replace(/\s+/g, " ");
  };
  const payloadHash = String(req.headers["x-amz-content-sha256"] ?? sha256(req.body));
  const canonicalRequest = [
    req.method,
    canonicalPath(req.path, req.scope.service),
    canonicalQuery(req.query),
    signedHeaders.map((name) => `${name}:${headerValue(name)}\n`).join(""),
    signedHeaders.join(";"),
    payloadHash,
  ].join("\n");
  const credentialScope = `${req.scope.date}/${req.scope.region}/${req.scope.service}/aws4_request`;
  const stringToSign = ["AWS4-HMAC-SHA256", amzDate, credentialScope, sha256(canonicalRequest)].join("\n");
  const key = hmac(hmac(hmac(hmac(`AWS4${secretAccessKey}`, req.scope.date), req.scope.region), req.scope.service), "aws4_request");
  const expected = createHmac("sha256", key).update(stringToSign).digest();
  const provided = Buffer.from(given, "hex");
  return provided.length === expected.length && timingSafeEqual(provided, expected);
}

export function signatureMismatch(protocol: Protocol): SimError {
  const message = "The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.";
  if (protocol === "ec2Query") return new SimError("AuthFailure", message, 401);
  if (protocol === "awsQuery" || protocol === "restXml") return new SimError("SignatureDoesNotMatch", message, 403);
  return new SimError("InvalidSignatureException", message, protocol === "restJson1" ? 403 : 400);
}
