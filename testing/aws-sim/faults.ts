// Faults on demand: per-call latency, token-bucket throttling per (account, region, service),
// a server-error rate, and faults injected for the next matching calls.

export interface RateLimit {
  /** Tokens added per second. */
  rate: number;
  /** Bucket size: calls that may go at once. */
  burst: number;
}

export interface InjectedFault {
  fault: "throttle" | "serverError";
  service?: string;
  operation?: string;
  accountId?: string;
  region?: string;
  /** How many matching calls get the fault (default 1). */
  times?: number;
}

export interface Faults {
  latency?: { fixedMs: number; jitterMs?: number };
  /** Rate limits by SigV4 service name, "*" for any other; no entry means no throttling. See awsRateLimits. */
  rateLimits?: Record<string, RateLimit>;
  /** Fraction (0..1) of calls answered with the protocol's 5xx. */
  serverErrorRate?: number;
  inject?: InjectedFault[];
  /** Randomness for jitter and the 5xx rate (default Math.random); tests pass a fixed one. */
  random?: () => number;
}

/**
 * Rate limits close to AWS's published (or, where AWS publishes none, commonly observed) ones per
 * account and region. EC2: the non-mutating-action bucket (100 burst, 20/s refill). STS: 600/s.
 * KMS: ListKeys/DescribeKey-class request quotas (100/s for ListKeys is the lowest). IAM and
 * Organizations publish no numbers; ~20/s and ~10/s match what collectors see before Throttling.
 * CloudTrail management APIs: 10/s (DescribeTrails, GetTrailStatus). Config Describe*: ~7/s.
 * S3: 5,500 GET per prefix. restJson security services (GuardDuty, Security Hub…): ~10/s.
 * The collector paces to the same table in src/aws/rate-limits.ts; faults.test.ts keeps the two equal,
 * so a change to one is a decision about both (to test the collector against a stricter AWS, pass
 * other rateLimits to the simulator instead).
 */
export const awsRateLimits: Record<string, RateLimit> = {
  ec2: { rate: 20, burst: 100 },
  sts: { rate: 600, burst: 600 },
  kms: { rate: 100, burst: 100 },
  iam: { rate: 20, burst: 20 },
  organizations: { rate: 10, burst: 10 },
  cloudtrail: { rate: 10, burst: 10 },
  config: { rate: 7, burst: 7 },
  s3: { rate: 5500, burst: 5500 },
  "*": { rate: 10, burst: 10 },
};

export function rateLimitFor(faults: Faults, service: string): RateLimit | undefined {
  return faults.rateLimits?.[service] ?? faults.rateLimits?.["*"];
}

class TokenBucket {
  private tokens: number;
  private last: number;
  constructor(
    private readonly limit: RateLimit,
    now: number,
  ) {
    this.tokens = limit.burst;
    this.last = now;
  }
  take(now: number): boolean {
    this.tokens = Math.min(this.limit.burst, this.tokens + ((now - this.last) / 1000) * this.limit.rate);
    this.last = now;
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }
}

export interface CallKey {
  accountId: string;
  region: string;
  service: string;
  operation: string;
}

/** Decides, per call, its latency and whether it fails with a fault. */
export class FaultEngine {
  private buckets = new Map<string, TokenBucket>();
  private remaining: { fault: InjectedFault; left: number }[];
  constructor(readonly faults: Faults = {}) {
    this.remaining = (faults.inject ?? []).map((fault) => ({ fault, left: fault.times ?? 1 }));
  }

  delayMs(): number {
    const latency = this.faults.latency;
    if (!latency) return 0;
    return latency.fixedMs + (latency.jitterMs ?? 0) * (this.faults.random ?? Math.random)();
  }

  decide(call: CallKey, now = Date.now()): "throttle" | "serverError" | undefined {
    const injected = this.remaining.find(({ fault, left }) =>
      left > 0 &&
      (fault.service === undefined || fault.service === call.service) &&
      (fault.operation === undefined || fault.operation === call.operation) &&
      (fault.accountId === undefined || fault.accountId === call.accountId) &&
      (fault.region === undefined || fault.region === call.region));
    if (injected) {
      injected.left -= 1;
      return injected.fault.fault;
    }
    const limit = rateLimitFor(this.faults, call.service);
    if (limit) {
      const key = `${call.accountId}|${call.region}|${call.service}`;
      let bucket = this.buckets.get(key);
      if (!bucket) this.buckets.set(key, (bucket = new TokenBucket(limit, now)));
      if (!bucket.take(now)) return "throttle";
    }
    const rate = this.faults.serverErrorRate ?? 0;
    if (rate > 0 && (this.faults.random ?? Math.random)() < rate) return "serverError";
    return undefined;
  }
}
