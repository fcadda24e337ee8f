// The Fetcher against the simulator: one request per distinct (account, region, service, operation,
// params) however often the collectors ask, every page of a paginated listing, errors recorded.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Fetcher } from "../src/aws/fetcher.js";
import { getAccountPasswordPolicy, listMfaDevices, listUsers } from "../src/aws/collectors/iam.js";
import type { Target } from "../src/aws/targets.js";
import { startSimulator } from "../testing/aws-sim/server.js";
import type { Simulator } from "../testing/aws-sim/server.js";
import { management, managementKey, twoAccountScenario } from "../testing/aws-sim/test-scenario.js";

const users = Array.from({ length: 250 }, (_, i) => ({ name: `user-${String(i).padStart(3, "0")}`, created: "2024-01-01T00:00:00Z" }));
const target: Target = { account: management, via: "base", credentials: managementKey, regions: ["us-east-1"] };

describe("fetching once", () => {
  let sim: Simulator;
  beforeAll(async () => {
    sim = await startSimulator({ scenario: await twoAccountScenario({ [management]: { global: { iam: { users } } } }) });
  });
  afterAll(() => sim.close());
  const fetcher = () => new Fetcher({ clientConfig: { endpoint: sim.url, region: "us-east-1", credentials: managementKey } });

  it("an identical request asked for twice, at once or later, is made once", async () => {
    sim.calls.clear();
    const f = fetcher();
    const [first, second] = await Promise.all([f.fetch(target, "global", listMfaDevices, { UserName: "user-001" }), f.fetch(target, "global", listMfaDevices, { UserName: "user-001" })]);
    const third = await f.fetch(target, "global", listMfaDevices, { UserName: "user-001" });
    expect(second).toBe(first);
    expect(third).toBe(first);
    expect(sim.calls.count(["operation"])).toEqual({ ListMFADevices: 1 });
    await f.fetch(target, "global", listMfaDevices, { UserName: "user-002" });
    expect(sim.calls.count(["operation"])).toEqual({ ListMFADevices: 2 });
    expect(f.snapshots).toHaveLength(2);
  });

  it("a paginated listing is read to its last page into one snapshot", async () => {
    sim.calls.clear();
    const snapshot = await fetcher().fetch(target, "global", listUsers, {});
    expect(snapshot.pages.length).toBeGreaterThan(1);
    expect((JSON.stringify(snapshot.pages).match(/"UserName"/g) ?? []).length).toBe(250);
    expect(sim.calls.duplicates()).toEqual([]);
  });

  it("an error is recorded in the snapshot, not thrown", async () => {
    const snapshot = await fetcher().fetch(target, "global", getAccountPasswordPolicy, {});
    expect(snapshot).toMatchObject({ account: management, region: "global", service: "iam", operation: "GetAccountPasswordPolicy", pages: [], error: { kind: "absent" } });
  });
});
