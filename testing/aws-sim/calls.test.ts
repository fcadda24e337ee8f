import { IAMClient, ListUsersCommand, paginateListUsers } from "@aws-sdk/client-iam";
import { describe, expect, it } from "vitest";
import { CallLog, lowerBound, lowerBoundMs, pageChains, summarizeCalls } from "./calls.js";
import type { CallRecord } from "./calls.js";
import { startSimulator } from "./server.js";
import { management, managementKey, twoAccountScenario } from "./test-scenario.js";

function call(operation: string, params: Record<string, unknown> = {}, service = "iam", faulted = false): Omit<CallRecord, "seq" | "at" | "duplicateOf"> {
  return { accountId: management, region: "us-east-1", service, operation, params, status: 200, faulted };
}

describe("the call log", () => {
  it("counts calls and flags one identical to an earlier call", () => {
    const log = new CallLog();
    log.record(call("ListUsers"));
    log.record(call("ListMFADevices", { UserName: "a" }));
    log.record(call("ListMFADevices", { UserName: "b" }));
    log.record(call("ListMFADevices", { UserName: "a" }));
    expect(log.count(["service", "operation"])).toEqual({ "iam ListUsers": 1, "iam ListMFADevices": 3 });
    expect(log.duplicates().map((c) => [c.seq, c.duplicateOf])).toEqual([[4, 2]]);
  });

  it("links pages of one listing into a chain", () => {
    const log = new CallLog();
    log.record(call("ListUsers"));
    log.record(call("ListRoles"));
    log.record(call("ListUsers", { Marker: "m1" }));
    log.record(call("ListUsers", { Marker: "m2" }));
    expect(pageChains(log.calls)).toEqual([3, 1]);
  });
});

describe("the lower bound of a run's wall time", () => {
  it("is the slowest rate-limited bucket or the longest chain of pages (hand-computed)", () => {
    const log = new CallLog();
    // IAM: a 4-page ListUsers chain and 3 ListMFADevices = 7 calls in one bucket (rate 2/s, burst 3).
    log.record(call("ListUsers"));
    for (const marker of ["m1", "m2", "m3"]) log.record(call("ListUsers", { Marker: marker }));
    for (const user of ["a", "b", "c"]) log.record(call("ListMFADevices", { UserName: user }));
    // A throttled call is not a call the run needed; KMS has no rate limit here.
    log.record(call("ListUsers", {}, "iam", true));
    log.record(call("ListKeys", {}, "kms"));
    const faults = { latency: { fixedMs: 50, jitterMs: 30 }, rateLimits: { iam: { rate: 2, burst: 3 } } };
    // Bucket: (7 − 3) / 2 s = 2000 ms, plus the last call's 50 ms; the chain: 4 × 50 = 200 ms.
    expect(lowerBoundMs(log.calls, faults)).toBe(2050);
    // Without rate limits the 4-page chain is the bound.
    expect(lowerBoundMs(log.calls, { latency: { fixedMs: 50 } })).toBe(200);
    expect(lowerBoundMs([], faults)).toBe(0);
  });

  it("a real paginated run through the simulator takes at least its lower bound", async () => {
    const users = Array.from({ length: 9 }, (_, i) => ({ name: `u${i}`, created: "2024-01-01T00:00:00Z" }));
    const faults = { latency: { fixedMs: 20 } };
    const sim = await startSimulator({ scenario: await twoAccountScenario({ [management]: { global: { iam: { users } } } }), faults });
    try {
      const client = new IAMClient({ endpoint: sim.url, region: "us-east-1", credentials: managementKey });
      const started = Date.now();
      for await (const _page of paginateListUsers({ client, pageSize: 3 }, {})) void _page;
      const elapsed = Date.now() - started;
      expect(lowerBoundMs(sim.calls.calls, faults)).toBe(60);
      expect(elapsed).toBeGreaterThanOrEqual(60);
      await client.send(new ListUsersCommand({ MaxItems: 3 }));
      expect(sim.calls.duplicates()).toHaveLength(1);
    } finally {
      await sim.close();
    }
  });
});

describe("a run's summary", () => {
  it("counts repeated, throttled and failed calls apart, and names what bounds the run", () => {
    const log = new CallLog();
    log.record(call("ListUsers"));
    log.record(call("ListUsers"));
    log.record({ ...call("ListKeys", {}, "kms", true), status: 400, error: "ThrottlingException" });
    log.record({ ...call("DescribeInstances", {}, "ec2", true), status: 503, error: "RequestLimitExceeded" });
    log.record({ ...call("GetAccountSummary", {}, "iam", true), status: 503, error: "ServiceUnavailable" });
    const faults = { latency: { fixedMs: 10 }, rateLimits: { iam: { rate: 1, burst: 1 } } };
    const summary = summarizeCalls(log.calls, faults);
    expect(summary).toMatchObject({ calls: 5, identicalRepeated: 1, throttled: 2, throttledBy: { kms: 1, ec2: 1 }, serverErrors: 1 });
    // Two answered IAM calls through a bucket of 1/s with a burst of 1: 1 s, plus the latency.
    expect(summary.bound).toEqual({ ms: 1010, what: `bucket ${management} us-east-1 iam: 2 calls` });
    expect(lowerBound([], faults)).toEqual({ ms: 0, what: "no calls" });
  });
});
