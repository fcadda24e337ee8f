// What a collector is: the requests to make for one service, per account (global services, once)
// or per account and region. Collectors only fetch; checks read the snapshots afterwards.
import type { Fetcher } from "../fetcher.js";
import type { Target } from "../targets.js";

export interface Collector {
  /** The service it asks, as the snapshots name it ("iam", "s3", "config"…). */
  service: string;
  /** "account": once per account (region "global"); "region": once per enabled region. */
  scope: "account" | "region";
  collect(fetcher: Fetcher, target: Target, region: string): Promise<void>;
}

export type NoParams = Record<string, never>;
