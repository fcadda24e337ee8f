// Pacing and bounded concurrency for AWS requests: every HTTP attempt (retries included) takes a slot
// of its (account, region, service), a token of that bucket, paced just under AWS's rate
// (rate-limits.ts), and a slot of the run. Requests are paced, not throttled and retried; the SDK's
// adaptive retries stay as the safety net for what pacing cannot know (other callers, AWS's changes).
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
 * A token bucket with a queue: requests wait in arrival order and each takes a token when one has
 * refilled. A token is taken when the request goes, never promised ahead, so that a stalled event
 * loop cannot bank more than a burst and then send it all at once.
 * The refill starts with the first answer, not the first request: AWS's bucket starts when that
 * request arrives, which may be well after it was sent (a TLS handshake, a slow first call), and
 * requests sent meanwhile would all arrive at a bucket that has not refilled.
 */
export class TokenBucket {
  private tokens: number;
  /** When the tokens were last counted; undefined until the refill starts. */
  private last: number | undefined;
  private readonly waiting = new Queue<() => void>();
  private timer: Promise<void> | undefined;

  constructor(
    readonly limit: RateLimit,
    private readonly clock: Clock = systemClock,
  ) {
    this.tokens = limit.burst;
  }

  /** Resolves when the caller may send: at once while tokens are left, then one per 1/rate seconds. */
  take(): Promise<void> {
    return new Promise((resolve) => {
      this.waiting.push(resolve);
      this.release();
    });
  }

  /** Starts the refill (the first answer came back); later calls change nothing. */
  start(): void {
    if (this.last !== undefined) return;
    this.last = this.clock.now();
    this.release();
  }

  /** AWS said its bucket is empty: ours is too from now on. */
  drain(): void {
    this.refill();
    this.tokens = 0;
  }

  get queued(): number {
    return this.waiting.length;
  }

  /** Lets waiting requests go while tokens are left; then sleeps until the next token, if anyone waits. */
  private release(): void {
    this.refill();
    while (this.waiting.length > 0 && this.tokens >= 1) {
      this.tokens -= 1;
      this.waiting.shift()?.();
    }
    if (this.waiting.length === 0 || this.timer || this.last === undefined) return;
    const wait = Math.ceil(((1 - this.tokens) / this.limit.rate) * 1000);
    this.timer = this.clock.sleep(wait).then(() => {
      this.timer = undefined;
      this.release();
    });
  }

  private refill(): void {
    if (this.last === undefined) return;
    const now = this.clock.now();
    this.tokens = Math.min(this.limit.burst, this.tokens + ((now - this.last) / 1000) * this.limit.rate);
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

/** First in, first out, in constant time (an array's shift is linear, and thousands may wait). */
export class Queue<T> {
  private items: (T | undefined)[] = [];
  private head = 0;

  get length(): number {
    return this.items.length - this.head;
  }

  push(item: T): void {
    this.items.push(item);
  }

  shift(): T | undefined {
    if (this.head >= this.items.length) return undefined;
    const item = this.items[this.head];
    this.items[this.head] = undefined;
    this.head += 1;
    if (this.head > 1024 && this.head * 2 > this.items.length) {
      this.items = this.items.slice(this.head);
      this.head = 0;
    }
    return item;
  }
}

/** A counting semaphore: `run` waits for a free slot, first come first served. */
export class Semaphore {
  private active = 0;
  private readonly waiting = new Queue<() => void>();
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
 * Requests per bucket in flight or waiting for a token: its burst, at most 16. At 25 ms a slot carries
 * 40 requests a second, so 16 keep a bucket of up to 640/s busy; at AWS's usual 100–300 ms they still
 * carry more than IAM's, Organizations', Config's or CloudTrail's rate.
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
   * Sends one HTTP attempt in `region` (a real region, not "global") once its bucket allows it: a
   * slot of the bucket, then a token, then a slot of the run. The token comes after the bucket's slot
   * so that requests holding tokens never queue for slots and then go together. A throttled attempt
   * empties the bucket: AWS's is empty, whoever else drew on it.
   */
  attempt<T>(account: string, region: string, service: string, send: () => Promise<T>): Promise<T> {
    const bucket = this.bucketOf(account, region, service);
    return bucket.slots.run(async () => {
      await bucket.tokens.take();
      try {
        return await this.global.run(send);
      } catch (error) {
        if (isThrottling(error)) bucket.tokens.drain();
        throw error;
      } finally {
        bucket.tokens.start();
      }
    });
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
