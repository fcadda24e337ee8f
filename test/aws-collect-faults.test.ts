// A collection run through throttling, server errors, an SCP-denied service and a disabled region:
// the SDK retries what it can, and the rest is reported per account and region without aborting.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { collectAws } from "../src/aws/collect.js";
import type { CollectResult } from "../src/aws/collect.js";
import { startSimulator } from "../testing/aws-sim/server.js";
import type { Simulator } from "../testing/aws-sim/server.js";
import { management, managementKey, member, twoAccountScenario } from "../testing/aws-sim/test-scenario.js";

const maxAttempts = 3;

async function faultyOrganization(): Promise<Simulator> {
  const scenario = await twoAccountScenario(
    {
      [management]: { global: { iam: { users: [{ name: "admin", created: "2024-01-01T00:00:00Z" }] } } },
      [member]: { global: { iam: { users: [{ name: "dev", created: "2024-01-01T00:00:00Z" }], roles: [{ name: "ISMSCollector", trustedAccounts: [management] }] } } },
    },
    {
      regions: { default: ["us-east-1"], optIn: ["eu-south-2"] },
      serviceControlPolicies: [{ id: "p-noguardduty", name: "DenyGuardDuty", denyServices: ["guardduty"], targets: ["ou-ab12-workloads"] }],
    },
    { [management]: ["eu-south-2"] },
  );
  return startSimulator({
    scenario,
    faults: {
      inject: [
        { fault: "throttle", service: "iam", operation: "ListUsers", accountId: management, times: 2 },
        { fault: "serverError", service: "iam", operation: "GetAccountSummary", accountId: management, times: 1 },
        { fault: "serverError", service: "cloudtrail", operation: "DescribeTrails", accountId: member, region: "us-east-1", times: maxAttempts },
        { fault: "throttle", service: "kms", operation: "ListKeys", accountId: member, region: "us-east-1", times: maxAttempts },
      ],
    },
  });
}

describe("a collection run with faults", () => {
  let sim: Simulator;
  let result: CollectResult;
  beforeAll(async () => {
    sim = await faultyOrganization();
    result = await collectAws({
      clientConfig: { endpoint: sim.url, region: "us-east-1", credentials: managementKey, maxAttempts },
      org: true,
      roleName: "ISMSCollector",
      regions: ["us-east-1", "eu-south-2"],
    });
  });
  afterAll(() => sim.close());

  const problem = (kind: string) => result.problems.filter((p) => p.kind === kind).map(({ account, region, service, operation }) => ({ account, region, service, operation }));

  it("retries a few throttles and a server error until the requests succeed", () => {
    const listUsers = result.snapshots.find((s) => s.account === management && s.operation === "ListUsers");
    expect(listUsers?.error).toBeUndefined();
    expect(JSON.stringify(listUsers?.pages)).toContain("admin");
    expect(result.snapshots.find((s) => s.account === management && s.operation === "GetAccountSummary")?.error).toBeUndefined();
    expect(result.stats.retries).toBeGreaterThanOrEqual(3 + 2 * (maxAttempts - 1));
  });

  it("reports throttling and server errors that outlast the retries", () => {
    expect(problem("retries-exhausted")).toEqual([{ account: member, region: "us-east-1", service: "kms", operation: "ListKeys" }]);
    expect(problem("error")).toEqual([{ account: member, region: "us-east-1", service: "cloudtrail", operation: "DescribeTrails" }]);
  });

  it("reports the service an SCP denies as access denied, in the member account only", () => {
    expect(problem("access-denied")).toEqual([{ account: member, region: "us-east-1", service: "guardduty", operation: "ListDetectors" }]);
  });

  it("reports a region the account has not enabled once, and collects the rest of the account", () => {
    expect(problem("region-disabled")).toEqual([{ account: member, region: "eu-south-2", service: undefined, operation: undefined }]);
    expect(result.snapshots.some((s) => s.account === member && s.region === "global" && s.operation === "ListUsers" && !s.error)).toBe(true);
    expect(result.snapshots.some((s) => s.account === management && s.region === "eu-south-2" && s.operation === "DescribeTrails" && !s.error)).toBe(true);
  });
});
