// Snapshots (the raw result of one AWS request, all its pages, as collected) and the classification
// of AWS errors into the kinds a collection run reports per account and region.
import { z } from "zod";

export type ErrorKind = "access-denied" | "region-disabled" | "not-enabled" | "retries-exhausted" | "absent" | "error";

export interface SnapshotError {
  code: string;
  message: string;
  kind: ErrorKind;
}

export interface Snapshot {
  account: string;
  /** An AWS region, or "global" for IAM, Organizations and S3 ListBuckets. */
  region: string;
  service: string;
  operation: string;
  params: Record<string, unknown>;
  /** ISO 8601 time the first page was requested. */
  collectedAt: string;
  /** Each page's output without the SDK's `$metadata`. */
  pages: unknown[];
  error?: SnapshotError;
}

/** Something a run could not collect; never aborts the run. */
export interface Problem {
  account: string;
  region?: string;
  service?: string;
  operation?: string;
  kind: Exclude<ErrorKind, "absent">;
  message: string;
}

const awsError = z.object({
  name: z.string(),
  message: z.string().default(""),
  $metadata: z.object({ attempts: z.number().optional(), httpStatusCode: z.number().optional() }).optional(),
});

const throttlingCodes = new Set(["Throttling", "ThrottlingException", "ThrottledException", "RequestLimitExceeded", "TooManyRequestsException", "SlowDown", "RequestThrottled", "RequestThrottledException", "ProvisionedThroughputExceededException"]);
const invalidTokenCodes = new Set(["AuthFailure", "InvalidClientTokenId", "UnrecognizedClientException"]);
/** The thing asked about is not configured: a finding for the checks, not a collection problem. */
const absentCodes = new Set(["NoSuchEntity", "NoSuchEntityException", "NoSuchPublicAccessBlockConfiguration", "NoSuchBucketPolicy", "ServerSideEncryptionConfigurationNotFoundError", "TrailNotFoundException", "ReportNotPresent", "NoSuchLifecycleConfiguration", "AWSOrganizationsNotInUseException"]);

/** The error's code and message, and the SDK's attempt count when it carries one. */
export function describeError(error: unknown): { code: string; message: string; attempts: number } {
  const parsed = awsError.safeParse(error);
  if (!parsed.success) return { code: "Unknown", message: String(error), attempts: 1 };
  return { code: parsed.data.name, message: parsed.data.message, attempts: parsed.data.$metadata?.attempts ?? 1 };
}

/**
 * AccessDenied* and UnauthorizedOperation → access-denied (an SCP or the role's policy); an invalid
 * token in a regional call → region-disabled (AWS answers a disabled opt-in region so); Security
 * Hub's InvalidAccessException or "not enabled" denials (Macie) → not-enabled; throttling left after
 * the SDK's retries → retries-exhausted; a missing configuration → absent; anything else → error.
 */
export function classifyError(code: string, message: string, region: string): ErrorKind {
  if (code === "InvalidAccessException" || /not (been )?enabled|not subscribed/i.test(message)) return "not-enabled";
  if (code.startsWith("AccessDenied") || code === "UnauthorizedOperation") return "access-denied";
  if (invalidTokenCodes.has(code) && region !== "global") return "region-disabled";
  if (throttlingCodes.has(code)) return "retries-exhausted";
  if (absentCodes.has(code)) return "absent";
  return "error";
}

/** The pages of a snapshot read through `schema` (AWS responses are parsed at the edge); none on error. */
export function readPages<T>(snapshot: Snapshot, schema: z.ZodType<T>): T[] {
  return snapshot.error ? [] : snapshot.pages.flatMap((page) => {
    const parsed = schema.safeParse(page);
    return parsed.success ? [parsed.data] : [];
  });
}
