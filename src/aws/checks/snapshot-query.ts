// Finding the snapshots a check reads: by service and operation, per account and region, and telling
// a usable snapshot (collected, or the configuration is absent) from one that failed.
import type { Snapshot } from "../snapshot.js";

export function snapshotsOf(snapshots: readonly Snapshot[], service: string, operation: string): Snapshot[] {
  return snapshots.filter((s) => s.service === service && s.operation === operation);
}

/** Every account that any snapshot was collected from, in first-seen order. */
export function accountsIn(snapshots: readonly Snapshot[]): string[] {
  return [...new Set(snapshots.map((s) => s.account))];
}

/** The regions collected for `account` (global services excluded). */
export function regionsIn(snapshots: readonly Snapshot[], account: string): string[] {
  return [...new Set(snapshots.filter((s) => s.account === account && s.region !== "global").map((s) => s.region))];
}

/** An account-wide snapshot of `operation`, if one was collected. */
export function accountSnapshot(snapshots: readonly Snapshot[], account: string, service: string, operation: string): Snapshot | undefined {
  return snapshots.find((s) => s.account === account && s.service === service && s.operation === operation);
}

/** False when the request failed for a reason other than the configuration being absent. */
export function isUsable(snapshot: Snapshot | undefined): snapshot is Snapshot {
  return snapshot !== undefined && (snapshot.error === undefined || snapshot.error.kind === "absent");
}

/** The request failed for a reason other than the configuration being absent. */
export function hasFailed(snapshot: Snapshot): boolean {
  return snapshot.error !== undefined && snapshot.error.kind !== "absent";
}

/** Why a snapshot cannot be read, for an "unknown" result. */
export function unreadable(snapshot: Snapshot | undefined, operation: string): string {
  if (!snapshot) return `${operation} was not collected`;
  return `${operation} failed (${snapshot.error?.kind ?? "error"}: ${snapshot.error?.code ?? "unknown"})`;
}

export function stringParam(snapshot: Snapshot, key: string): string {
  const value = snapshot.params[key];
  return typeof value === "string" ? value : "";
}
