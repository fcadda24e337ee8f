import { IAMClient, paginateListUsers } from "@aws-sdk/client-iam";
import { KMSClient, ListKeysCommand } from "@aws-sdk/client-kms";
import { describe, expect, it } from "vitest";
import { collectAws } from "../../src/aws/collect.js";
import { benchAccountId, benchKey, generateBenchScenario } from "./bench-scenario.js";
import { summarizeCalls } from "./calls.js";
import { awsRateLimits } from "./faults.js";
import { startSimulator } from "./server.js";

describe("the bench scenario generator", () => {
  it("builds N accounts × R regions × M resources that the SDK can read", async () => {
    const scenario = await generateBenchScenario({ accounts: 3, regions: 2, resources: 4 });
    expect(scenario.accounts).toHaveLength(3);
    expect(Object.keys(scenario.accounts[2]?.state.regions ?? {})).toEqual(["us-east-1", "us-east-2"]);
    const sim = await startSimulator({ scenario });
    try {
      const config = { endpoint: sim.url, region: "us-east-2", credentials: benchKey };
      let users = 0;
      for await (const page of paginateListUsers({ client: new IAMClient(config), pageSize: 3 }, {})) users += page.Users?.length ?? 0;
      expect(users).toBe(4);
      expect((await new KMSClient(config).send(new ListKeysCommand({}))).Keys).toHaveLength(4);
      expect(scenario.accounts[1]?.id).toBe(benchAccountId(1));
    } finally {
      await sim.close();
    }
  });

  it("enables exactly the R regions it generated, in every account", async () => {
    const scenario = await generateBenchScenario({ accounts: 2, regions: 3, resources: 1 });
    expect(scenario.regions.default).toEqual(["us-east-1", "us-east-2", "us-west-1"]);
    expect(scenario.regions.optIn).toEqual([]);
  });

  it("is collected with every collector without one identical repeated call", async () => {
    const faults = { latency: { fixedMs: 5 }, rateLimits: awsRateLimits };
    const sim = await startSimulator({ scenario: "bench:3x2x5", faults });
    try {
      const result = await collectAws({ clientConfig: { endpoint: sim.url, region: "us-east-1", credentials: benchKey }, org: true, roleName: "ISMSCollector" });
      expect(result.stats.accounts).toBe(3);
      expect(result.stats.regions).toBe(6);
      const summary = summarizeCalls(sim.calls.calls, sim.faults);
      expect(summary.calls).toBeGreaterThan(100);
      expect(sim.calls.duplicates().map((c) => `${c.accountId} ${c.region} ${c.service} ${c.operation} ${JSON.stringify(c.params)}`)).toEqual([]);
      expect(summary.identicalRepeated).toBe(0);
    } finally {
      await sim.close();
    }
  });
});
