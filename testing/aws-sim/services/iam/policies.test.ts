import { GetPolicyVersionCommand, IAMClient, ListAttachedUserPoliciesCommand, ListPoliciesCommand, ListUserPoliciesCommand } from "@aws-sdk/client-iam";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSimulator } from "../../server.js";
import type { Simulator } from "../../server.js";
import { management, managementKey, twoAccountScenario } from "../../test-scenario.js";

const adminDocument = { Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "*", Resource: "*" }] };

let sim: Simulator;
beforeAll(async () => {
  const iam = {
    users: [
      { name: "ci", created: "2025-01-01T00:00:00Z", attachedPolicies: [`arn:aws:iam::${management}:policy/ops/deployer`, "arn:aws:iam::aws:policy/ReadOnlyAccess"], inlinePolicies: [{ name: "debug", document: adminDocument }] },
      { name: "alice", created: "2025-01-01T00:00:00Z" },
    ],
    policies: [
      { name: "deployer", path: "/ops/", attachmentCount: 1, document: adminDocument },
      { name: "unused", document: { Version: "2012-10-17", Statement: [] } },
    ],
  };
  sim = await startSimulator({ scenario: await twoAccountScenario({ [management]: { global: { iam } } }) });
});
afterAll(() => sim.close());
const iam = () => new IAMClient({ endpoint: sim.url, region: "us-east-1", credentials: managementKey });

describe("IAM policies in the simulator", () => {
  it("gives an attached customer managed policy's default version, URL-encoded as AWS does", async () => {
    const { Policies } = await iam().send(new ListPoliciesCommand({ Scope: "Local", OnlyAttached: true }));
    expect(Policies?.map((p) => [p.Arn, p.DefaultVersionId])).toEqual([[`arn:aws:iam::${management}:policy/ops/deployer`, "v1"]]);
    const { PolicyVersion } = await iam().send(new GetPolicyVersionCommand({ PolicyArn: Policies?.[0]?.Arn, VersionId: "v1" }));
    expect(PolicyVersion?.IsDefaultVersion).toBe(true);
    expect(JSON.parse(decodeURIComponent(PolicyVersion?.Document ?? ""))).toEqual(adminDocument);
  });

  it("answers NoSuchEntity for a version or policy it does not have", async () => {
    await expect(iam().send(new GetPolicyVersionCommand({ PolicyArn: `arn:aws:iam::${management}:policy/ops/deployer`, VersionId: "v2" }))).rejects.toMatchObject({ name: "NoSuchEntityException" });
    await expect(iam().send(new GetPolicyVersionCommand({ PolicyArn: "arn:aws:iam::aws:policy/ReadOnlyAccess", VersionId: "v1" }))).rejects.toMatchObject({ name: "NoSuchEntityException" });
  });

  it("lists the managed policies attached to a user and the names of its inline ones", async () => {
    const { AttachedPolicies } = await iam().send(new ListAttachedUserPoliciesCommand({ UserName: "ci" }));
    expect(AttachedPolicies?.map((p) => p.PolicyName)).toEqual(["deployer", "ReadOnlyAccess"]);
    expect((await iam().send(new ListUserPoliciesCommand({ UserName: "ci" }))).PolicyNames).toEqual(["debug"]);
    expect((await iam().send(new ListUserPoliciesCommand({ UserName: "alice" }))).PolicyNames).toEqual([]);
    await expect(iam().send(new ListAttachedUserPoliciesCommand({ UserName: "nobody" }))).rejects.toMatchObject({ name: "NoSuchEntityException" });
  });
});
