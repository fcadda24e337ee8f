// "Fetch once": runs each distinct request (account, region, service, operation, params) at most once
// per run, pages through it with every HTTP attempt paced by the limiter, and records the raw result
// as a Snapshot.
import { ClientSet, resolveRegion } from "./clients.js";
import type { AwsClientConfig } from "./clients.js";
import { Limiter } from "./limiter.js";
import { canonicalJson } from "../domain/canonical-json.js";
import { classifyError, describeError } from "./snapshot.js";
import type { Snapshot } from "./snapshot.js";
import type { Target } from "./targets.js";

/** What an operation's run returns: its pages (outputs with `$metadata`) in order. */
type Page = { $metadata: { attempts?: number } };

/** One AWS operation the collectors may ask for; `run` pages with the SDK's paginator where AWS paginates. */
export interface Operation<P extends Record<string, unknown>> {
  service: string;
  operation: string;
  run(clients: ClientSet, params: P): Promise<Page[]> | AsyncIterable<Page>;
}

export function defineOperation<P extends Record<string, unknown>>(service: string, operation: string, run: Operation<P>["run"]): Operation<P> {
  return { service, operation, run };
}

export interface FetchProgress {
  started: number;
  finished: number;
  snapshot: Snapshot;
}

export interface FetcherOptions {
  clientConfig: AwsClientConfig;
  limiter?: Limiter;
  onProgress?: (progress: FetchProgress) => void;
}

export class Fetcher {
  private readonly memo = new Map<string, Promise<Snapshot>>();
  private readonly clientSets = new Map<string, ClientSet>();
  private readonly limiter: Limiter;
  readonly snapshots: Snapshot[] = [];
  /** HTTP requests made, retries included. */
  calls = 0;
  /** Requests the SDK retried (throttling or server errors). */
  retries = 0;
  private finished = 0;

  constructor(private readonly options: FetcherOptions) {
    this.limiter = options.limiter ?? new Limiter();
  }

  /** The snapshot of this request: made now, or the one already made (or in flight) in this run. */
  fetch<P extends Record<string, unknown>>(target: Target, region: string, op: Operation<P>, params: P): Promise<Snapshot> {
    const key = `${target.account}|${region}|${op.service}|${op.operation}|${canonicalJson(params)}`;
    const existing = this.memo.get(key);
    if (existing) return existing;
    const made = this.request(target, region, op, params);
    this.memo.set(key, made);
    return made;
  }

  /** One client set per (account, region, service): its attempts draw on that bucket of the limiter. */
  private clientsFor(target: Target, region: string, service: string): ClientSet {
    const key = `${target.account}|${region}|${service}`;
    let set = this.clientSets.get(key);
    if (!set) {
      const { clientConfig } = this.options;
      const bucketRegion = resolveRegion(clientConfig, region);
      set = new ClientSet(clientConfig, region, target.credentials, (send) => this.limiter.attempt(target.account, bucketRegion, service, send));
      this.clientSets.set(key, set);
    }
    return set;
  }

  private async request<P extends Record<string, unknown>>(target: Target, region: string, op: Operation<P>, params: P): Promise<Snapshot> {
    const snapshot: Snapshot = { account: target.account, region, service: op.service, operation: op.operation, params, collectedAt: new Date().toISOString(), pages: [] };
    try {
      const result = op.run(this.clientsFor(target, region, op.service), params);
      const pages = Symbol.asyncIterator in result ? result : await result;
      for await (const { $metadata, ...output } of pages) {
        this.count($metadata.attempts ?? 1);
        snapshot.pages.push(output);
      }
    } catch (error) {
      const { code, message, attempts } = describeError(error);
      this.count(attempts);
      snapshot.error = { code, message, kind: classifyError(code, message, region) };
    }
    this.snapshots.push(snapshot);
    this.finished += 1;
    this.options.onProgress?.({ started: this.memo.size, finished: this.finished, snapshot });
    return snapshot;
  }

  private count(attempts: number): void {
    this.calls += attempts;
    this.retries += attempts - 1;
  }
}
