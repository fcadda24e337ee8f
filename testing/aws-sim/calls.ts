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

/** What bounds a run: the slowest rate-limited bucket or the longest chain of pages. */
export interface Bound {
  ms: number;
  /** "bucket 123456789012 us-east-1 iam: 206 calls" or "chain of 5 pages: organizations ListAccounts". */
  what: string;
}

/**
 * The least wall time (ms) a run that made `calls` could have taken, counting only calls the
 * service answered (not those a fault answered), and what sets it. With L = the fixed latency:
 *   bucket b (account, region, service) with n_b calls and limit {rate, burst}: max(0, n_b − burst) / rate · 1000 + L
 *   pagination chain of p pages: p · L
 *   lower bound = the largest of these (0 without calls). Jitter only adds time, so it is ignored.
 */
export function lowerBound(calls: readonly CallRecord[], faults: Faults = {}): Bound {
  const answered = calls.filter((c) => !c.faulted);
  if (answered.length === 0) return { ms: 0, what: "no calls" };
  const latency = faults.latency?.fixedMs ?? 0;
  const perBucket = new Map<string, { service: string; n: number }>();
  for (const c of answered) {
    const key = `${c.accountId} ${c.region} ${c.service}`;
    const bucket = perBucket.get(key) ?? { service: c.service, n: 0 };
    bucket.n += 1;
    perBucket.set(key, bucket);
  }
  let bound: Bound = { ms: latency, what: "one call's latency" };
  for (const [key, { service, n }] of perBucket) {
    const limit = rateLimitFor(faults, service);
    const ms = limit ? (Math.max(0, n - limit.burst) / limit.rate) * 1000 + latency : latency;
    if (ms > bound.ms) bound = { ms, what: `bucket ${key}: ${n} calls` };
  }
  const chains = pageChains(answered);
  const longest = chains.reduce((most, pages) => Math.max(most, pages), 0);
  if (longest * latency > bound.ms) bound = { ms: longest * latency, what: `chain of ${longest} pages` };
  return bound;
}

export function lowerBoundMs(calls: readonly CallRecord[], faults: Faults = {}): number {
  return lowerBound(calls, faults).ms;
}

/** Error codes the simulator's token buckets answer with, per protocol (aws-errors.ts `throttled`). */
export const throttlingErrors = new Set(["Throttling", "ThrottlingException", "RequestLimitExceeded", "SlowDown"]);

export interface CallSummary {
  calls: number;
  /** Calls identical to an earlier answered one: requests a collector need not have made. */
  identicalRepeated: number;
  /** Calls a token bucket refused. */
  throttled: number;
  /** The same, per service ("iam": 3). */
  throttledBy: Record<string, number>;
  /** Calls the fault engine answered with a 5xx. */
  serverErrors: number;
  bound: Bound;
}

export function summarizeCalls(calls: readonly CallRecord[], faults: Faults = {}): CallSummary {
  const faulted = calls.filter((c) => c.faulted);
  const throttled = faulted.filter((c) => c.error !== undefined && throttlingErrors.has(c.error));
  const throttledBy: Record<string, number> = {};
  for (const c of throttled) throttledBy[c.service] = (throttledBy[c.service] ?? 0) + 1;
  return {
    calls: calls.length,
    identicalRepeated: calls.filter((c) => c.duplicateOf !== undefined).length,
    throttled: throttled.length,
    throttledBy,
    serverErrors: faulted.length - throttled.length,
    bound: lowerBound(calls, faults),
  };
}
