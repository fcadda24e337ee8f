// The simulated Security Hub's aggregator and product names through the real SDK.
import { GetFindingsCommand, ListFindingAggregatorsCommand, SecurityHubClient } from "@aws-sdk/client-securityhub";
import { afterEach, describe, expect, it } from "vitest";
import { startSimulator } from "../../server.js";
import type { Simulator } from "../../server.js";
import { management, managementKey, twoAccountScenario } from "../../test-scenario.js";

let sim: Simulator | undefined;
afterEach(async () => {
  await sim?.close();
  sim = undefined;
});

const finding = (n: number, product: string) => ({
  Id: `finding-${n}`, ProductArn: `arn:aws:securityhub:eu-west-1::product/aws/${product}`, GeneratorId: "g", Types: ["t"], CreatedAt: "2026-01-01T00:00:00Z",
  UpdatedAt: "2026-01-01T00:00:00Z", Severity: { Label: "HIGH" }, Title: `Finding ${n}`, Description: "d", Resources: [{ Type: "Other", Id: `r-${n}` }],
});

async function securityHub(): Promise<{ client: (region: string) => SecurityHubClient }> {
  const hub = (extra: Record<string, unknown>) => ({ securityhub: { enabled: true, ...extra } });
  const state = { [management]: { regions: { "eu-west-1": hub({ findingAggregator: { id: "agg-1" }, findings: [finding(1, "securityhub"), finding(2, "guardduty")] }), "us-east-1": hub({}) } } };
  sim = await startSimulator({ scenario: await twoAccountScenario(state) });
  const url = sim.url;
  return { client: (region) => new SecurityHubClient({ endpoint: url, region, credentials: managementKey, maxAttempts: 1 }) };
}

describe("the simulated Security Hub's aggregator", () => {
  it("lists the account's finding aggregator, with its home region, from any region where the hub is on", async () => {
    const { client } = await securityHub();
    for (const region of ["eu-west-1", "us-east-1"]) {
      const { FindingAggregators } = await client(region).send(new ListFindingAggregatorsCommand({}));
      expect(FindingAggregators).toEqual([{ FindingAggregatorArn: `arn:aws:securityhub:eu-west-1:${management}:finding-aggregator/agg-1` }]);
    }
    await expect(client("eu-west-2").send(new ListFindingAggregatorsCommand({}))).rejects.toMatchObject({ name: "InvalidAccessException" });
  });

  it("names the AWS product of each finding, so that findings filter by ProductName", async () => {
    const { client } = await securityHub();
    const { Findings } = await client("eu-west-1").send(new GetFindingsCommand({ Filters: { ProductName: [{ Value: "Security Hub", Comparison: "EQUALS" }] } }));
    expect(Findings?.map((f) => [f.Id, f.ProductName, f.CompanyName])).toEqual([["finding-1", "Security Hub", "AWS"]]);
  });
});
