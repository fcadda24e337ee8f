// Reading a regional listing (security groups, DB instances, backup vaults…) for checks that give one
// result per listed resource: the listing's sibling snapshots in the same account and region, and
// the one "unknown" result a failed listing gives for its region.
import type { Snapshot } from "../snapshot.js";
import type { CheckResult, resultsFor } from "./check.js";
import { unreadable } from "./snapshot-query.js";

export type ResultFactory = ReturnType<typeof resultsFor>;

/** The snapshot of `operation` taken in `beside`'s account and region (and with `params`, when given). */
export function sibling(snapshots: readonly Snapshot[], beside: Snapshot, service: string, operation: string, params?: (s: Snapshot) => boolean): Snapshot | undefined {
  return snapshots.find((s) => s.account === beside.account && s.region === beside.region && s.service === service && s.operation === operation && (params?.(s) ?? true));
}

/** "unknown" for the listing's region, or nothing when the region is disabled (not a finding). */
export function unreadableRegion(result: ResultFactory, listing: Snapshot, operation: string): CheckResult[] {
  if (listing.error?.kind === "region-disabled") return [];
  return [result(listing.account, listing.region, `${listing.account}/${listing.region}`, "unknown", unreadable(listing, operation))];
}
