// The simulated CloudTrail's per-trail operations through the real SDK: a trail's status asked in its
// home region, and event selectors, classic or advanced.
import { CloudTrailClient, GetEventSelectorsCommand, GetTrailStatusCommand } from "@aws-sdk/client-cloudtrail";
import { afterEach, describe, expect, it } from "vitest";
import { startSimulator } from "../../server.js";
import type { Simulator } from "../../server.js";
import { management, managementKey, twoAccountScenario } from "../../test-scenario.js";

let sim: Simulator | undefined;
afterEach(async () => {
  await sim?.close();
  sim = undefined;
});

const trails = [
  { name: "org", s3Bucket: "logs", multiRegion: true },
  { name: "stopped", s3Bucket: "logs", logging: false, latestDelivery: "2025-08-30T12:00:00Z" },
  {
    name: "data-only",
    s3Bucket: "logs",
    advancedEventSelectors: [{ name: "S3 objects", fieldSelectors: [{ field: "eventCategory", equals: ["Data"] }, { field: "resources.type", equals: ["AWS::S3::Object"] }] }],
  },
];

async function cloudtrail(): Promise<CloudTrailClient> {
  sim = await startSimulator({ scenario: await twoAccountScenario({ [management]: { regions: { "eu-west-1": { cloudtrail: { trails } } } } }) });
  return new CloudTrailClient({ endpoint: sim.url, region: "eu-west-1", credentials: managementKey, maxAttempts: 1 });
}
const arn = (name: string): string => `arn:aws:cloudtrail:eu-west-1:${management}:trail/${name}`;

describe("the simulated CloudTrail", () => {
  it("reports a logging trail's recent delivery and a stopped trail's last one", async () => {
    const client = await cloudtrail();
    const logging = await client.send(new GetTrailStatusCommand({ Name: arn("org") }));
    expect(logging.IsLogging).toBe(true);
    expect(Date.now() - (logging.LatestDeliveryTime?.getTime() ?? 0)).toBeLessThan(3_600_000);
    const stopped = await client.send(new GetTrailStatusCommand({ Name: arn("stopped") }));
    expect(stopped).toMatchObject({ IsLogging: false, LatestDeliveryTime: new Date("2025-08-30T12:00:00Z") });
  });

  it("answers classic event selectors by default and advanced ones where the trail has them", async () => {
    const client = await cloudtrail();
    const classic = await client.send(new GetEventSelectorsCommand({ TrailName: arn("org") }));
    expect(classic.EventSelectors).toEqual([expect.objectContaining({ ReadWriteType: "All", IncludeManagementEvents: true })]);
    expect(classic.AdvancedEventSelectors).toBeUndefined();
    const advanced = await client.send(new GetEventSelectorsCommand({ TrailName: "data-only" }));
    expect(advanced.EventSelectors).toBeUndefined();
    expect(advanced.AdvancedEventSelectors?.[0]?.FieldSelectors).toEqual([
      { Field: "eventCategory", Equals: ["Data"] },
      { Field: "resources.type", Equals: ["AWS::S3::Object"] },
    ]);
  });

  it("does not know a trail homed in another region unless it is multi-region", async () => {
    await cloudtrail();
    const elsewhere = new CloudTrailClient({ endpoint: sim?.url ?? "", region: "us-east-1", credentials: managementKey, maxAttempts: 1 });
    await expect(elsewhere.send(new GetTrailStatusCommand({ Name: arn("stopped") }))).rejects.toMatchObject({ name: "TrailNotFoundException" });
    expect((await elsewhere.send(new GetTrailStatusCommand({ Name: arn("org") }))).IsLogging).toBe(true);
  });
});
