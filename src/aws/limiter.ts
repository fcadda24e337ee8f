// Bounded concurrency for AWS requests: a slot per (account, region, service) under per-service
// limits, and a global cap across the run. Rate is left to the SDK's adaptive retry mode.

/**
 * In-flight requests per (account, region, service). AWS rate limits are per account and region;
 * these keep each bucket busy without tripping it: IAM (~20/s, unpublished, shared by the whole
 * account and the first to throttle) 2; Organizations (~10/s) 1; CloudTrail and Config (~10/s, ~7/s)
 * 3; KMS (100/s+) 5; EC2 (20/s refill, 100 burst) 5; S3 (5,500/s) 8; everything else 3.
 */
export const serviceConcurrency: Record<string, number> = {
  iam: 2,
  organizations: 1,
  cloudtrail: 3,
  config: 3,
  kms: 5,
  ec2: 5,
  s3: 8,
};
export const defaultServiceConcurrency = 3;
/** In-flight requests across the whole run. */
export const defaultGlobalConcurrency = 64;

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

export class Limiter {
  private readonly keyed = new Map<string, Semaphore>();
  private readonly global: Semaphore;
  constructor(
    globalConcurrency = defaultGlobalConcurrency,
    private readonly limits: Record<string, number> = serviceConcurrency,
  ) {
    this.global = new Semaphore(globalConcurrency);
  }

  /** Runs `task` holding a slot of its (account, region, service) and one of the global cap. */
  run<T>(account: string, region: string, service: string, task: () => Promise<T>): Promise<T> {
    const key = `${account}|${region}|${service}`;
    let semaphore = this.keyed.get(key);
    if (!semaphore) {
      semaphore = new Semaphore(this.limits[service] ?? defaultServiceConcurrency);
      this.keyed.set(key, semaphore);
    }
    const slot = semaphore;
    return slot.run(() => this.global.run(task));
  }
}
