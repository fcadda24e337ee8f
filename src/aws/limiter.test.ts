import { describe, expect, it } from "vitest";
import type { Clock } from "./limiter.js";
import { concurrencyOf, isThrottling, Limiter, Queue, Semaphore, TokenBucket } from "./limiter.js";
import { awsRateLimits, pacingOf, rateLimitOf } from "./rate-limits.js";

/** Time that moves only when the test says so; sleepers wake when it passes their deadline. */
class FakeClock implements Clock {
  private time = 0;
  private sleepers: { until: number; wake: () => void }[] = [];
  now(): number {
    return this.time;
  }
  sleep(ms: number): Promise<void> {
    return new Promise((wake) => this.sleepers.push({ until: this.time + ms, wake }));
  }
  async advance(ms: number): Promise<void> {
    this.time += ms;
    const due = this.sleepers.filter((s) => s.until <= this.time);
    this.sleepers = this.sleepers.filter((s) => s.until > this.time);
    for (const s of due) s.wake();
    await settle();
  }
}

/** Lets every pending promise callback run. */
const settle = () => new Promise((resolve) => setImmediate(resolve));

/** Starts `n` takes and returns how many have gone so far, as a function to ask again later. */
function takes(bucket: TokenBucket, n: number): () => number {
  let gone = 0;
  for (let i = 0; i < n; i++) void bucket.take().then(() => (gone += 1));
  return () => gone;
}

describe("the token bucket", () => {
  it("lets a burst go at once, then one request per 1/rate seconds", async () => {
    const clock = new FakeClock();
    const bucket = new TokenBucket({ rate: 10, burst: 3 }, clock);
    const gone = takes(bucket, 6);
    await settle();
    expect(gone()).toBe(3);
    bucket.start();
    await clock.advance(99);
    expect(gone()).toBe(3);
    await clock.advance(1);
    expect(gone()).toBe(4);
    await clock.advance(100);
    expect(gone()).toBe(5);
    await clock.advance(100);
    expect(gone()).toBe(6);
  });

  it("does not refill before the first answer has come back", async () => {
    const clock = new FakeClock();
    const bucket = new TokenBucket({ rate: 10, burst: 2 }, clock);
    const gone = takes(bucket, 3);
    await clock.advance(5_000);
    expect(gone()).toBe(2);
    bucket.start();
    await clock.advance(100);
    expect(gone()).toBe(3);
  });

  it("after a long stall lets at most a burst go at once", async () => {
    const clock = new FakeClock();
    const bucket = new TokenBucket({ rate: 10, burst: 3 }, clock);
    bucket.start();
    const gone = takes(bucket, 10);
    await settle();
    expect(gone()).toBe(3);
    // The timer for the fourth fires 10 s late: only the three refilled tokens (the burst) go.
    await clock.advance(10_000);
    expect(gone()).toBe(6);
    await clock.advance(100);
    expect(gone()).toBe(7);
  });

  it("once throttled, waits a full refill before the next request", async () => {
    const clock = new FakeClock();
    const bucket = new TokenBucket({ rate: 10, burst: 5 }, clock);
    bucket.start();
    const first = takes(bucket, 1);
    await settle();
    expect(first()).toBe(1);
    bucket.drain();
    const next = takes(bucket, 1);
    await clock.advance(99);
    expect(next()).toBe(0);
    await clock.advance(1);
    expect(next()).toBe(1);
  });
});

describe("the limiter", () => {
  const limitOf = () => ({ rate: 10, burst: 2 });

  it("paces each (account, region, service) on its own", async () => {
    const clock = new FakeClock();
    const limiter = new Limiter({ clock, limitOf });
    const sent: string[] = [];
    const send = (key: string) => () => Promise.resolve(sent.push(key));
    // Paced to a burst of 1 (2 less a tenth, rounded) and 9.7/s.
    const requests = [
      ...["a", "a", "a"].map((key) => limiter.attempt("111111111111", "us-east-1", "iam", send(key))),
      limiter.attempt("222222222222", "us-east-1", "iam", send("other account")),
      limiter.attempt("111111111111", "eu-west-1", "iam", send("other region")),
      limiter.attempt("111111111111", "us-east-1", "kms", send("other service")),
    ];
    await settle();
    expect(sent.sort()).toEqual(["a", "other account", "other region", "other service"]);
    await clock.advance(Math.ceil(1000 / 9.7));
    expect(sent.filter((key) => key === "a")).toHaveLength(2);
    await clock.advance(Math.ceil(1000 / 9.7));
    await Promise.all(requests);
    expect(sent.filter((key) => key === "a")).toHaveLength(3);
  });

  it("a throttled attempt empties its bucket and is rethrown for the SDK to retry", async () => {
    const clock = new FakeClock();
    const limiter = new Limiter({ clock, limitOf: () => ({ rate: 10, burst: 20 }) });
    const throttled = Object.assign(new Error("Rate exceeded"), { name: "Throttling", $metadata: { httpStatusCode: 400 } });
    await expect(limiter.attempt("111111111111", "us-east-1", "iam", () => Promise.reject(throttled))).rejects.toBe(throttled);
    let sent = false;
    const next = limiter.attempt("111111111111", "us-east-1", "iam", () => Promise.resolve((sent = true)));
    await settle();
    expect(sent).toBe(false);
    await clock.advance(Math.ceil(1000 / 9.7));
    await next;
    expect(sent).toBe(true);
  });

  it("never has more requests of one bucket in flight than its concurrency, nor more than the run's cap", async () => {
    const limiter = new Limiter({ globalConcurrency: 5, limitOf: () => ({ rate: 1_000_000, burst: 1_000_000 }) });
    let active = 0;
    let most = 0;
    const task = async () => {
      active += 1;
      most = Math.max(most, active);
      await settle();
      active -= 1;
    };
    await Promise.all(Array.from({ length: 40 }, (_, i) => limiter.attempt(String(i % 8), "us-east-1", "iam", task)));
    expect(most).toBe(5);
    expect(concurrencyOf({ rate: 7, burst: 7 })).toBe(7);
    expect(concurrencyOf(rateLimitOf("ec2"))).toBe(16);
  });

  it("recognizes the SDK's throttling errors", () => {
    expect(isThrottling(Object.assign(new Error("x"), { name: "RequestLimitExceeded" }))).toBe(true);
    expect(isThrottling(Object.assign(new Error("x"), { name: "Whatever", $metadata: { httpStatusCode: 429 } }))).toBe(true);
    expect(isThrottling(Object.assign(new Error("x"), { name: "AccessDenied", $metadata: { httpStatusCode: 403 } }))).toBe(false);
    expect(isThrottling("not an error")).toBe(false);
  });
});

describe("the rates we pace to", () => {
  it("stay under AWS's for every service, and unknown services get the common floor", () => {
    for (const limit of [...Object.values(awsRateLimits), rateLimitOf("some-new-service")]) {
      const paced = pacingOf(limit);
      expect(paced.rate).toBeLessThan(limit.rate);
      expect(paced.burst).toBeLessThan(limit.burst);
      expect(paced.burst).toBeGreaterThanOrEqual(1);
    }
    expect(rateLimitOf("some-new-service")).toEqual({ rate: 10, burst: 10 });
  });
});

describe("the queue", () => {
  it("gives items back in the order they came, across its compactions", () => {
    const queue = new Queue<number>();
    const out: number[] = [];
    for (let i = 0; i < 5000; i++) {
      queue.push(i);
      if (i % 3 === 0) out.push(queue.shift() ?? -1);
    }
    while (queue.length > 0) out.push(queue.shift() ?? -1);
    expect(out).toEqual(Array.from({ length: 5000 }, (_, i) => i));
    expect(queue.shift()).toBeUndefined();
  });
});

describe("the semaphore", () => {
  it("never lets more than its limit run at once, and runs every task", async () => {
    const semaphore = new Semaphore(3);
    let active = 0;
    let most = 0;
    await Promise.all(
      Array.from({ length: 10 }, () =>
        semaphore.run(async () => {
          active += 1;
          most = Math.max(most, active);
          await settle();
          active -= 1;
        }),
      ),
    );
    expect(most).toBe(3);
    expect(semaphore.inFlight).toBe(0);
  });

  it("frees the slot of a failed task", async () => {
    const semaphore = new Semaphore(1);
    await expect(semaphore.run(() => Promise.reject(new Error("boom")))).rejects.toThrow("boom");
    expect(await semaphore.run(() => Promise.resolve("next"))).toBe("next");
  });
});
