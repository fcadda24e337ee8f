// Amazon RDS over awsQuery through the real SDK client: instances with Marker paging, a throttled
// call retried, an unknown instance, tags and an Aurora instance's cluster, and the demo's unencrypted
// staging database.
import { DescribeDBInstancesCommand, RDSClient, paginateDescribeDBInstances } from "@aws-sdk/client-rds";
import { AssumeRoleCommand, STSClient } from "@aws-sdk/client-sts";
import { afterEach, describe, expect, it } from "vitest";
import { startSimulator } from "./server.js";
import type { Simulator } from "./server.js";
import { management, managementKey, twoAccountScenario } from "./test-scenario.js";

let sim: Simulator | undefined;
afterEach(async () => {
  await sim?.close();
  sim = undefined;
});

const instances = (n: number) => Array.from({ length: n }, (_, i) => ({ id: `db-${String(i).padStart(2, "0")}`, storageEncrypted: i % 2 === 0 }));
const rds = (s: Simulator, credentials = managementKey) => new RDSClient({ endpoint: s.url, region: "eu-west-1", credentials, maxAttempts: 3 });

describe("awsQuery (RDS) through the real SDK", () => {
  it("pages through DB instances with Marker via the SDK paginator", async () => {
    sim = await startSimulator({ scenario: await twoAccountScenario({ [management]: { regions: { "eu-west-1": { rds: { instances: instances(45) } } } } }) });
    const seen: { id: string; encrypted: boolean }[] = [];
    for await (const page of paginateDescribeDBInstances({ client: rds(sim), pageSize: 20 }, {})) {
      seen.push(...(page.DBInstances ?? []).map((d) => ({ id: d.DBInstanceIdentifier ?? "", encrypted: d.StorageEncrypted === true })));
    }
    expect(seen).toHaveLength(45);
    expect(seen[1]).toEqual({ id: "db-01", encrypted: false });
    expect(sim.calls.count(["service", "operation"])).toEqual({ "rds DescribeDBInstances": 3 });
  });

  it("a throttled call succeeds on the SDK's retry, and an unknown instance is DBInstanceNotFound", async () => {
    sim = await startSimulator({ scenario: await twoAccountScenario({ [management]: { regions: { "eu-west-1": { rds: { instances: instances(1) } } } } }) });
    sim.setFaults({ inject: [{ fault: "throttle", service: "rds", operation: "DescribeDBInstances", times: 1 }] });
    const out = await rds(sim).send(new DescribeDBInstancesCommand({}));
    expect(out.DBInstances?.map((d) => d.DBInstanceIdentifier)).toEqual(["db-00"]);
    expect(sim.calls.calls.map((c) => c.error ?? "ok")).toEqual(["Throttling", "ok"]);
    await expect(rds(sim).send(new DescribeDBInstancesCommand({ DBInstanceIdentifier: "nope" }))).rejects.toMatchObject({ name: "DBInstanceNotFoundFault" });
  });

  it("answers an instance's tags and an Aurora instance's cluster", async () => {
    const tagged = { id: "app-db", tags: { Environment: "production", Team: "payments" } };
    const aurora = { id: "aurora-1", engine: "aurora-postgresql", cluster: "app-cluster" };
    sim = await startSimulator({ scenario: await twoAccountScenario({ [management]: { regions: { "eu-west-1": { rds: { instances: [tagged, aurora] } } } } }) });
    const { DBInstances } = await rds(sim).send(new DescribeDBInstancesCommand({}));
    expect(DBInstances?.map((d) => [d.DBInstanceIdentifier, d.DBClusterIdentifier, d.TagList])).toEqual([
      ["app-db", undefined, [{ Key: "Environment", Value: "production" }, { Key: "Team", Value: "payments" }]],
      ["aurora-1", "app-cluster", []],
    ]);
  });

  it("shows the demo's staging database unencrypted and public", async () => {
    sim = await startSimulator({ scenario: "demo" });
    const base = { endpoint: sim.url, region: "eu-west-1", credentials: { accessKeyId: sim.env.AWS_ACCESS_KEY_ID ?? "", secretAccessKey: sim.env.AWS_SECRET_ACCESS_KEY ?? "" } };
    const { Credentials } = await new STSClient(base).send(new AssumeRoleCommand({ RoleArn: "arn:aws:iam::357914862040:role/ISMSCollector", RoleSessionName: "openisms" }));
    const client = new RDSClient({ ...base, credentials: { accessKeyId: Credentials?.AccessKeyId ?? "", secretAccessKey: Credentials?.SecretAccessKey ?? "", sessionToken: Credentials?.SessionToken ?? "" } });
    const { DBInstances } = await client.send(new DescribeDBInstancesCommand({}));
    expect(DBInstances?.map((d) => [d.DBInstanceIdentifier, d.StorageEncrypted, d.PubliclyAccessible])).toEqual([["staging-app-db", false, true]]);
  });
});
