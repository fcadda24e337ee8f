import { describe, expect, it } from "vitest";
import { awsRateLimits as collectorRates, defaultRateLimit } from "../../src/aws/rate-limits.js";
import { awsRateLimits, FaultEngine } from "./faults.js";

describe("the simulator's rate limits", () => {
  it("are the rates the collector paces to (src/aws/rate-limits.ts), service by service", () => {
    const { "*": other, ...named } = awsRateLimits;
    expect(named).toEqual(collectorRates);
    expect(other).toEqual(defaultRateLimit);
  });

  it("throttle a bucket past its burst until it refills, per account", () => {
    const engine = new FaultEngine({ rateLimits: { iam: { rate: 2, burst: 2 } } });
    const call = (accountId: string) => ({ accountId, region: "us-east-1", service: "iam", operation: "ListUsers" });
    expect([0, 0, 0].map((at) => engine.decide(call("111111111111"), at))).toEqual([undefined, undefined, "throttle"]);
    expect(engine.decide(call("222222222222"), 0)).toBeUndefined();
    expect(engine.decide(call("111111111111"), 500)).toBeUndefined();
  });
});
