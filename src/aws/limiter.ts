// Pacing and bounded concurrency for AWS requests: every HTTP attempt (retries included) first takes
// a token from the bucket of its (account, region, service), paced just under AWS's rate
// (rate-limits.ts), then a slot of that bucket and one of the run. Requests are paced, not throttled
// and retried; the SDK's adaptive retries stay as the safety net for what pacing cannot know.
import { z } from "zod";
import type { RateLimit } from "./rate-limits.js";
import { pacingOf, rateLimitOf } from "./rate-limits.js";

/** Time as the limiter sees it; tests pass a fake one. */
export interface Clock {
  /** Milliseconds from an arbitrary origin. */
  now(): number;
  sleep(ms: number): Promise<void>;
}

export const systemClock: Clock = {
  now: () => performance.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

/**
 * A token bucket that hands out reservations: a request takes the next token even when the bucket is
 * empty and waits until that token has been refilled, so waiting requests go in arrival order at the
 * bucket's rate.
 */
export class TokenBucket {
  private tokens: number;
  private last: number;

  constructor(
    readonly limit: RateLimit,
    private readonly clock: Clock = systemClock,
  ) {
    this.tokens = limit.burst;
    this.last = clock.now();
  }

  /** Reserves a token: how many milliseconds to wait before using it (0: now). */
  reserve(): number {
    const now = this.clock.now();
    this.tokens = Math.min(this.limit.burst, this.tokens + ((now - this.last) / 1000) * this.limit.rate);
    this.last = now;
    this.tokens -= 1;
    return this.tokens >= 0 ? 0 : Math.ceil((-this.tokens / this.limit.rate) * 1000);
  }

  async take(): Promise<void> {
    const wait = this.reserve();
    if (wait > 0) await this.clock.sleep(wait);
  }

  /** AWS said its bucket is empty: ours is too from now on (tokens already promised stay promised). */
  drain(): void {
    const now = this.clock.now();
    this.tokens = Math.min(0, Math.min(this.limit.burst, this.tokens + ((now - this.last) / 1000) * this.limit.rate));
    this.last = now;
  }
}

/** The SDK's throttling errors (@smithy/service-error-classification), and any HTTP 429. */
const throttlingCodes = new Set([
  "BandwidthLimitExceeded", "EC2ThrottledException", "LimitExceededException", "PriorRequestNotComplete", "ProvisionedThroughputExceededException", "RequestLimitExceeded",
  "RequestThrottled", "RequestThrottledException", "SlowDown", "ThrottledException", "Throttling", "ThrottlingException", "TooManyRequestsException", "TransactionInProgressException",
]);
const sdkError = z.object({ name: z.string(), $metadata: z.object({ httpStatusCode: z.number().optional() }).optional() });

export function isThrottling(error: unknown): boolean {
  const parsed = sdkError.safeParse(error);
  return parsed.success && (throttlingCodes.has(parsed.data.name) || parsed.data.$metadata?.httpStatusCode === 429);
}

/** A counting semaphore: `run` waits for a free slot, first come first served. */
export class Semaphore {
  private active = 0;
  private readonly waiting: (() => void)[] = [];
  constructor(readonly limit: number) {}

  async run<T>(task: () => Promise<T>): Promise<T> {
    if (this.active >= this.limit) await new Promise<void>((resolve) => this.waiting.push(resolve));
    else this.active += 1;
    try {
      return await task();
    } finally {
      const next = this.waiting.shift();
      if (next) next();
      else this.active -= 1;
    }
  }

  get inFlight(): number {
    return this.active;
  }
}

/**
 * In-flight requests per bucket: its burst, at most 16. At 25 ms a slot carries 40 requests a second,
 * so 16 keep any bucket up to 640/s busy; at AWS's 100–300 ms they still carry more than IAM's,
 * Organizations' or Config's rate. The faster buckets (STS, S3) never hold that many requests.
 */
export const maxBucketConcurrency = 16;
/** In-flight requests across the whole run: a cap on sockets and memory, not meant to bind. */
export const defaultGlobalConcurrency = 256;

export function concurrencyOf(limit: RateLimit): number {
  return Math.min(maxBucketConcurrency, Math.max(1, Math.floor(limit.burst)));
}

export interface LimiterOptions {
  globalConcurrency?: number;
  /** AWS's limit for a service (default: rate-limits.ts); the limiter paces a little under it. */
  limitOf?: (service: string) => RateLimit;
  clock?: Clock;
}

interface Bucket {
  tokens: TokenBucket;
  slots: Semaphore;
}

export class Limiter {
  private readonly buckets = new Map<string, Bucket>();
  private readonly global: Semaphore;
  private readonly limitOf: (service: string) => RateLimit;
  private readonly clock: Clock;

  constructor(options: LimiterOptions = {}) {
    this.global = new Semaphore(options.globalConcurrency ?? defaultGlobalConcurrency);
    this.limitOf = options.limitOf ?? rateLimitOf;
    this.clock = options.clock ?? systemClock;
  }

  /**
   * Sends one HTTP attempt in `region` (a real region, not "global") once its bucket allows it. A
   * throttled attempt empties the bucket: AWS's is empty, and other callers may be drawing on it.
   */
  async attempt<T>(account: string, region: string, service: string, send: () => Promise<T>): Promise<T> {
    const bucket = this.bucketOf(account, region, service);
    await bucket.tokens.take();
    try {
      return await bucket.slots.run(() => this.global.run(send));
    } catch (error) {
      if (isThrottling(error)) bucket.tokens.drain();
      throw error;
    }
  }

  private bucketOf(account: string, region: string, service: string): Bucket {
    const key = `${account}|${region}|${service}`;
    let bucket = this.buckets.get(key);
    if (!bucket) {
      const limit = this.limitOf(service);
      bucket = { tokens: new TokenBucket(pacingOf(limit), this.clock), slots: new Semaphore(concurrencyOf(limit)) };
      this.buckets.set(key, bucket);
    }
    return bucket;
  }
}
