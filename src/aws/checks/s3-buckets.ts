// Reading S3 bucket settings for the bucket checks: one result per bucket (listed, or asked about),
// "unknown" where the listing or the bucket's setting could not be read.
import { z } from "zod";
import { readPages } from "../snapshot.js";
import type { Snapshot } from "../snapshot.js";
import type { CheckResult, CheckStatus } from "./check.js";
import { resultsFor } from "./check.js";
import { accountsIn, hasFailed, isUsable, snapshotsOf, stringParam, unreadable } from "./snapshot-query.js";

const bucketsPage = z.object({ Buckets: z.array(z.object({ Name: z.string(), BucketRegion: z.string().optional() })).default([]) });
const loggingPage = z.object({ LoggingEnabled: z.object({ TargetBucket: z.string(), TargetPrefix: z.string().optional() }).optional() });
const policyStatusPage = z.object({ PolicyStatus: z.object({ IsPublic: z.boolean().optional() }).optional() });

export interface Verdict {
  status: CheckStatus;
  detail: string;
}

/** A bucket's setting as collected: `absent` when S3 answered that it is not configured. */
export interface BucketSetting {
  name: string;
  snapshot: Snapshot;
  absent: boolean;
}

export const bucketArn = (name: string): string => `arn:aws:s3:::${name}`;

/**
 * One result per bucket of each account from its `operation` snapshot, judged by `judge`; a bucket
 * listed but not asked about, or whose request failed, is "unknown", as is an account whose
 * ListBuckets failed.
 */
export function judgeBuckets(snapshots: readonly Snapshot[], checkId: string, operation: string, judge: (setting: BucketSetting) => Verdict): CheckResult[] {
  const result = resultsFor(checkId);
  const settings = snapshotsOf(snapshots, "s3", operation);
  return accountsIn(snapshots).flatMap((account): CheckResult[] => {
    const listings = snapshotsOf(snapshots, "s3", "ListBuckets").filter((s) => s.account === account);
    if (listings.length > 0 && !listings.some(isUsable)) return [result(account, "global", account, "unknown", unreadable(listings[0], "ListBuckets"))];
    const listed = listings.flatMap((s) => readPages(s, bucketsPage).flatMap((p) => p.Buckets));
    const asked = settings.filter((s) => s.account === account);
    const notAsked = listed
      .filter((b) => !asked.some((s) => stringParam(s, "Bucket") === b.Name))
      .map((b) => result(account, b.BucketRegion ?? "global", bucketArn(b.Name), "unknown", `${operation} was not collected`));
    const judged = asked.map((snapshot) => {
      const name = stringParam(snapshot, "Bucket");
      if (hasFailed(snapshot)) return result(account, snapshot.region, bucketArn(name), "unknown", unreadable(snapshot, operation));
      const { status, detail } = judge({ name, snapshot, absent: snapshot.error !== undefined });
      return result(account, snapshot.region, bucketArn(name), status, detail);
    });
    return [...notAsked, ...judged];
  });
}

/** Buckets that receive another bucket's server access logs, in any collected account. */
export function accessLogTargets(snapshots: readonly Snapshot[]): Set<string> {
  return new Set(snapshotsOf(snapshots, "s3", "GetBucketLogging").flatMap((s) => readPages(s, loggingPage).flatMap((p) => (p.LoggingEnabled ? [p.LoggingEnabled.TargetBucket] : []))));
}

/** The logging page of a bucket's GetBucketLogging snapshot. */
export function loggingOf(snapshot: Snapshot): z.infer<typeof loggingPage>["LoggingEnabled"] {
  return readPages(snapshot, loggingPage)[0]?.LoggingEnabled;
}

/** Buckets whose policy S3 judges public (GetBucketPolicyStatus), by account and name. */
export function publicBuckets(snapshots: readonly Snapshot[]): Set<string> {
  return new Set(
    snapshotsOf(snapshots, "s3", "GetBucketPolicyStatus")
      .filter(isPublicPolicy)
      .map((s) => `${s.account}/${stringParam(s, "Bucket")}`),
  );
}

export function isPublicPolicy(snapshot: Snapshot): boolean {
  return readPages(snapshot, policyStatusPage)[0]?.PolicyStatus?.IsPublic === true;
}
