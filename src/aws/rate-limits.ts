// The request rates AWS allows per account and region, as token buckets (a burst, refilled at a
// rate), by SigV4 signing name; the collector paces its requests under them (limiter.ts).

export interface RateLimit {
  /** Tokens added per second. */
  rate: number;
  /** Bucket size: requests that may go at once after a quiet spell. */
  burst: number;
}

/**
 * Documented where AWS publishes a number, otherwise what collectors are commonly throttled at:
 * - ec2: the non-mutating-actions bucket of EC2 API request throttling (100 burst, 20/s refill).
 * - sts: 600 requests per second per account and region (STS quotas).
 * - kms: ListKeys and ListAliases are 100/s, the lowest of the read operations we make (DescribeKey
 *   and GetKeyRotationStatus allow more); one bucket per service keeps us under all of them.
 * - iam, organizations: no published numbers; about 20/s and 10/s before Throttling, per account.
 * - cloudtrail: 10/s for DescribeTrails, GetTrailStatus, GetEventSelectors (CloudTrail quotas).
 * - config: Describe* about 7/s per account and region.
 * - s3: 5,500 GET/HEAD per second per prefix.
 * - Everything else (GuardDuty, Security Hub, CloudWatch Logs, SSM, RDS…): 10/s, the common floor.
 */
export const awsRateLimits: Readonly<Record<string, RateLimit>> = {
  ec2: { rate: 20, burst: 100 },
  sts: { rate: 600, burst: 600 },
  kms: { rate: 100, burst: 100 },
  iam: { rate: 20, burst: 20 },
  organizations: { rate: 10, burst: 10 },
  cloudtrail: { rate: 10, burst: 10 },
  config: { rate: 7, burst: 7 },
  s3: { rate: 5500, burst: 5500 },
};

/** A service the table does not name. */
export const defaultRateLimit: RateLimit = { rate: 10, burst: 10 };

export function rateLimitOf(service: string): RateLimit {
  return awsRateLimits[service] ?? defaultRateLimit;
}

/**
 * The bucket we pace to: a little under AWS's, because AWS's bucket starts when our first request
 * arrives (a latency later than ours starts), timers fire late or early by a millisecond, and other
 * callers in the account (consoles, pipelines) draw from the same bucket. 3% of the rate and a tenth
 * of the burst (at least one request) cost about 5% of wall time on a rate-bound run.
 */
export function pacingOf(limit: RateLimit): RateLimit {
  return { rate: limit.rate * 0.97, burst: Math.max(1, limit.burst - Math.max(1, Math.round(limit.burst / 10))) };
}
