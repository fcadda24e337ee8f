// collectAws against the simulated organization: the demo's five accounts collected once each, and
// a run through throttling, server errors, an SCP and a disabled region that still completes.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { collectAws } from "../src/aws/collect.js";
import type { CollectResult } from "../src/aws/collect.js";
import type { Snapshot } from "../src/aws/snapshot.js";
import { startSimulator } from "../testing/aws-sim/server.js";
import type { Simulator } from "../testing/aws-sim/server.js";

const management = "604152391846";
const staging = "357914862040";
const production = "926318475063";

const baseConfig = (sim: Simulator) => ({
  endpoint: sim.url,
  region: "eu-west-1",
  credentials: { accessKeyId: sim.env.AWS_ACCESS_KEY_ID ?? "", secretAccessKey: sim.env.AWS_SECRET_ACCESS_KEY ?? "" },
});

const find = (result: CollectResult, account: string, operation: string, params: Record<string, unknown> = {}): Snapshot | undefined =>
  result.snapshots.find((s) => s.account === account && s.operation === operation && JSON.stringify(s.params) === JSON.stringify(params));

describe("collecting the demo organization", () => {
  let sim: Simulator;
  let result: CollectResult;
  beforeAll(async () => {
    sim = await startSimulator({ scenario: "demo" });
    result = await collectAws({ clientConfig: baseConfig(sim), org: true, roleName: "ISMSCollector" });
  });
  afterAll(() => sim.close());

  it("discovers all five accounts, each in its enabled regions", () => {
    expect(result.stats.accounts).toBe(5);
    expect(new Set(result.snapshots.map((s) => s.account)).size).toBe(5);
    const trailRegions = (account: string) => result.snapshots.filter((s) => s.account === account && s.operation === "DescribeTrails").map((s) => s.region);
    expect(trailRegions(production)).toContain("eu-south-2");
    expect(trailRegions(management)).not.toContain("eu-south-2");
    expect(result.stats.regions).toBe(5 * sim.scenario.regions.default.length + 1);
  });

  it("reports Security Hub and Macie where they are not enabled, Macie denied by an SCP in staging, and no other problem", () => {
    expect(result.problems.length).toBeGreaterThan(0);
    const expected = (p: (typeof result.problems)[number]) =>
      (p.kind === "not-enabled" && (p.service === "securityhub" || p.service === "macie2")) || (p.kind === "access-denied" && p.service === "macie2" && p.account === "357914862040");
    expect(result.problems.filter((p) => !expected(p))).toEqual([]);
    expect(result.problems.some((p) => p.kind === "access-denied")).toBe(true);
  });

  it("uses the base credentials in the management account and assumes the role in the members", () => {
    const assumed = sim.calls.calls.filter((c) => c.operation === "AssumeRole").map((c) => c.params.RoleArn);
    expect(assumed).toHaveLength(4);
    expect(assumed).not.toContain(`arn:aws:iam::${management}:role/ISMSCollector`);
    expect(find(result, management, "ListUsers")?.error).toBeUndefined();
  });

  it("finds staging's IAM users, one of them without MFA", () => {
    const users = find(result, staging, "ListUsers")?.pages;
    expect(JSON.stringify(users)).toContain("jane.doe");
    const withoutMfa = ["jane.doe", "qa-tester"].filter((UserName) => JSON.stringify(find(result, staging, "ListMFADevices", { UserName })?.pages).includes('"MFADevices":[]'));
    expect(withoutMfa).toEqual(["jane.doe"]);
  });

  it("records S3 buckets with their public access blocks, and CloudTrail trails", () => {
    expect(JSON.stringify(find(result, staging, "ListBuckets")?.pages)).toContain("acme-staging-app-uploads");
    expect(find(result, staging, "GetPublicAccessBlock", { Bucket: "acme-staging-app-uploads" })?.error).toMatchObject({ code: "NoSuchPublicAccessBlockConfiguration", kind: "absent" });
    const trails = result.snapshots.filter((s) => s.operation === "DescribeTrails");
    expect(JSON.stringify(trails)).toContain("acme-org-trail");
    expect(JSON.stringify(trails)).toContain("staging-debug-trail");
  });

  it("fetches global services once per account and never repeats an identical request", () => {
    expect(sim.calls.duplicates()).toEqual([]);
    const listUsers = sim.calls.calls.filter((c) => c.operation === "ListUsers" && c.service === "iam");
    expect(listUsers).toHaveLength(5);
    expect(sim.calls.calls.filter((c) => c.operation === "ListBuckets")).toHaveLength(5);
  });
});
