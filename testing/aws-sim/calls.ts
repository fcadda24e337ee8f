// Measurement: every call the simulator answered, repeated identical calls, and the lower bound of
// a run's wall time given the rate limits, the latency and the calls that must be sequential.
import type { Faults } from "./faults.js";
import { rateLimitFor } from "./faults.js";

export interface CallRecord {
  seq: number;
  /** Milliseconds since the simulator started. */
  at: number;
  accountId: string;
  region: string;
  service: string;
  operation: string;
  params: Record<string, unknown>;
  status: number;
  /** The error code, when the call failed. */
  error?: string;
  /** True when the simulator's faults (throttling, 5xx) answered instead of the service. */
  faulted: boolean;
  /** The seq of an earlier identical call (same account, region, service, operation and params), if any. */
  duplicateOf?: number;
}

/** Request fields that carry a pagination token: a call with one continues a chain of pages. */
export const pageTokenFields = new Set(["NextToken", "nextToken", "Marker", "marker", "ContinuationToken", "continuation-token", "next-token", "PaginationToken", "StartingToken"]);

function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  if (typeof value === "object" && value !== null)
    return `{${Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(",")}}`;
  return JSON.stringify(value) ?? "null";
}

const callKey = (c: Pick<CallRecord, "accountId" | "region" | "service" | "operation">, params: Record<string, unknown>): string =>
  `${c.accountId}|${c.region}|${c.service}|${c.operation}|${canonical(params)}`;

export class CallLog {
  readonly calls: CallRecord[] = [];
  private seen = new Map<string, number>();
  private readonly started = Date.now();

  record(call: Omit<CallRecord, "seq" | "at" | "duplicateOf">): CallRecord {
    const seq = this.calls.length + 1;
    const key = callKey(call, call.params);
    const earlier = call.faulted ? undefined : this.seen.get(key);
    const entry: CallRecord = { ...call, seq, at: Date.now() - this.started, ...(earlier === undefined ? {} : { duplicateOf: earlier }) };
    if (!call.faulted && earlier === undefined) this.seen.set(key, seq);
    this.calls.push(entry);
    return entry;
  }

  /** Calls counted by the fields given, e.g. count(["service", "operation"]) → {"iam ListUsers": 3}. */
  count(by: readonly ("accountId" | "region" | "service" | "operation")[]): Record<string, number> {
    const out: Record<string, number> = {};
    for (const call of this.calls) {
      const key = by.map((field) => call[field]).join(" ");
      out[key] = (out[key] ?? 0) + 1;
    }
    return out;
  }

  duplicates(): CallRecord[] {
    return this.calls.filter((c) => c.duplicateOf !== undefined);
  }

  clear(): void {
    this.calls.length = 0;
    this.seen.clear();
  }
}

/** Pagination chains: per (account, region, service, operation, params without the token), a call without a token starts a chain, one with a token adds a page to it. */
export function pageChains(calls: readonly CallRecord[]): number[] {
  const open = new Map<string, number>();
  const chains: number[] = [];
  for (const call of calls) {
    const rest = Object.fromEntries(Object.entries(call.params).filter(([k]) => !pageTokenFields.has(k)));
    const key = callKey(call, rest);
    const continues = Object.keys(call.params).some((k) => pageTokenFields.has(k) && call.params[k] !== "" && call.params[k] !== undefined);
    const index = open.get(key);
    if (continues && index !== undefined) chains[index] = (chains[index] ?? 0) + 1;
    else open.set(key, chains.push(1) - 1);
  }
  return chains;
}

/**
 * The least wall time (ms) a run that made `calls` could have taken, counting only calls the
 * service answered (not those a fault answered). With L = the fixed latency:
 *   bucket b (account, region, service) with n_b calls and limit {rate, burst}: max(0, n_b − burst) / rate · 1000 + L
 *   pagination chain of p pages: p · L
 *   lower bound = the largest of these (0 without calls). Jitter only adds time, so it is ignored.
 */
export function lowerBoundMs(calls: readonly CallRecord[], faults: Faults = {}): number {
  const answered = calls.filter((c) => !c.faulted);
  if (answered.length === 0) return 0;
  const latency = faults.latency?.fixedMs ?? 0;
  const perBucket = new Map<string, { service: string; n: number }>();
  for (const c of answered) {
    const key = `${c.accountId}|${c.region}|${c.service}`;
    const bucket = perBucket.get(key) ?? { service: c.service, n: 0 };
    bucket.n += 1;
    perBucket.set(key, bucket);
  }
  let bound = latency;
  for (const { service, n } of perBucket.values()) {
    const limit = rateLimitFor(faults, service);
    if (limit) bound = Math.max(bound, (Math.max(0, n - limit.burst) / limit.rate) * 1000 + latency);
  }
  for (const pages of pageChains(answered)) bound = Math.max(bound, pages * latency);
  return bound;
}
