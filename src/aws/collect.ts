// collectAws: discover the accounts and regions, fan the collectors out over them under the limiter,
// and return every snapshot with the problems met on the way (none of which aborts the run).
import type { AwsClientConfig } from "./clients.js";
import { collectAccount, collectRegion, collectors } from "./collectors/index.js";
import type { Collector } from "./collectors/index.js";
import { Fetcher } from "./fetcher.js";
import type { FetchProgress } from "./fetcher.js";
import { defaultGlobalConcurrency, Limiter } from "./limiter.js";
import type { Problem, Snapshot } from "./snapshot.js";
import { discoverTargets } from "./targets.js";
import type { Target } from "./targets.js";

export interface CollectOptions {
  clientConfig: AwsClientConfig;
  org: boolean;
  roleName: string;
  accounts?: string[];
  regions?: string[];
  /** In-flight requests across the run (default 256); each (account, region, service) is paced beneath it. */
  concurrency?: number;
  onProgress?: (progress: FetchProgress) => void;
  /** The collectors to run (default: all). */
  collectors?: readonly Collector[];
}

export interface CollectResult {
  /** The account the run's own credentials belong to. */
  caller: string;
  snapshots: Snapshot[];
  problems: Problem[];
  stats: {
    accounts: number;
    /** (account, region) pairs collected. */
    regions: number;
    /** HTTP requests, the SDK's retries included. */
    calls: number;
    /** Requests the SDK retried after throttling or a server error. */
    retries: number;
  };
}

/** The snapshots in a stable order: by account, region, service, operation and parameters. */
function ordered(snapshots: readonly Snapshot[]): Snapshot[] {
  const keyed = snapshots.map((s) => ({ s, key: [s.account, s.region, s.service, s.operation, JSON.stringify(s.params)].join("|") }));
  const collator = new Intl.Collator();
  return keyed.sort((a, b) => collator.compare(a.key, b.key)).map(({ s }) => s);
}

/** One problem per failed request, except a disabled region, reported once per account and region. */
function problemsOf(snapshots: Snapshot[]): Problem[] {
  const problems: Problem[] = [];
  const disabled = new Set<string>();
  for (const s of snapshots) {
    if (!s.error || s.error.kind === "absent") continue;
    const message = `${s.error.code}: ${s.error.message}`;
    if (s.error.kind === "region-disabled") {
      if (disabled.has(`${s.account}|${s.region}`)) continue;
      disabled.add(`${s.account}|${s.region}`);
      problems.push({ account: s.account, region: s.region, kind: s.error.kind, message });
    } else problems.push({ account: s.account, region: s.region, service: s.service, operation: s.operation, kind: s.error.kind, message });
  }
  return problems;
}

export async function collectAws(options: CollectOptions): Promise<CollectResult> {
  const { clientConfig } = options;
  const list = options.collectors ?? collectors;
  const limiter = new Limiter({ globalConcurrency: options.concurrency ?? defaultGlobalConcurrency });
  const fetcher = new Fetcher({ clientConfig, limiter, ...(options.onProgress ? { onProgress: options.onProgress } : {}) });
  // Each account's collection starts as soon as discovery knows it; a collector that throws still
  // fails the run, once every other has finished.
  const started: Promise<unknown>[] = [];
  const collect = (target: Target) => {
    const work = Promise.all([...collectAccount(fetcher, target, list), ...target.regions.flatMap((region) => collectRegion(fetcher, target, region, list))]);
    work.catch(() => undefined);
    started.push(work);
  };
  const discovery = await discoverTargets({
    clientConfig,
    org: options.org,
    roleName: options.roleName,
    limiter,
    onTarget: collect,
    ...(options.accounts ? { accounts: options.accounts } : {}),
    ...(options.regions ? { regions: options.regions } : {}),
  });
  const settled = await Promise.allSettled(started);
  const failed = settled.find((s) => s.status === "rejected");
  if (failed) throw failed.reason;
  const snapshots = ordered(fetcher.snapshots);
  return {
    caller: discovery.caller,
    snapshots,
    problems: [...discovery.problems, ...problemsOf(snapshots)],
    stats: {
      accounts: discovery.targets.length,
      regions: discovery.targets.reduce((n, t) => n + t.regions.length, 0),
      calls: discovery.calls + fetcher.calls,
      retries: fetcher.retries,
    },
  };
}
