import { IAMClient, paginateListUsers } from "@aws-sdk/client-iam";
import { KMSClient, ListKeysCommand } from "@aws-sdk/client-kms";
import { describe, expect, it } from "vitest";
import { benchAccountId, benchKey, generateBenchScenario } from "./bench-scenario.js";
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
});
