// The simulated EC2 through the real SDK client: pagination with MaxResults/NextToken, retry on
// RequestLimitExceeded, an SCP's UnauthorizedOperation, regions and opt-in, snapshot sharing and a
// default security group that admits its own members.
import {
  DescribeFlowLogsCommand, DescribeRegionsCommand, DescribeSecurityGroupsCommand, DescribeSnapshotAttributeCommand, DescribeSnapshotsCommand, DescribeVpcsCommand, EC2Client,
  GetEbsEncryptionByDefaultCommand, paginateDescribeSnapshots,
} from "@aws-sdk/client-ec2";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseScenario } from "./scenario.js";
import { startSimulator } from "./server.js";
import type { Simulator } from "./server.js";
import { loadServiceModules } from "./services/index.js";

const management = { accessKeyId: "AKIAMANAGEMENT000001", secretAccessKey: "management-secret" };
const sandbox = { accessKeyId: "AKIASANDBOX000000001", secretAccessKey: "sandbox-secret" };
const snapshot = (n: number, extra: Record<string, unknown> = {}): Record<string, unknown> => ({ id: `snap-0000000${n}`, encrypted: n % 2 === 0, ...extra });

async function ec2Scenario(): Promise<ReturnType<typeof parseScenario>> {
  await loadServiceModules();
  const ec2 = {
    ebsEncryptionByDefault: false,
    vpcs: [{ id: "vpc-0a000001", cidr: "10.0.0.0/16" }, { id: "vpc-0a000002", cidr: "10.1.0.0/16" }],
    flowLogs: [{ id: "fl-0a000001", resourceId: "vpc-0a000001", logGroupName: "/vpc/flow" }],
    securityGroups: [
      { id: "sg-0a000001", name: "ssh-open", vpcId: "vpc-0a000001", ingress: [{ protocol: "tcp", fromPort: 22, toPort: 22, cidrs: ["0.0.0.0/0"] }] },
      { id: "sg-0a000002", name: "default", vpcId: "vpc-0a000001", ingress: [{ protocol: "-1", groupIds: ["sg-0a000002"] }] },
    ],
    snapshots: [1, 2, 3, 4, 5, 6].map((n) => snapshot(n)).concat([snapshot(7, { public: true, sharedWith: ["333333333333"] }), snapshot(8, { sharedWith: ["444444444444"] })]),
  };
  return parseScenario({
    organization: { id: "o-abcdef1234", managementAccount: "111111111111", root: "r-ab12", organizationalUnits: [{ id: "ou-ab12-sandbox1", name: "Sandbox" }] },
    accounts: [
      { id: "111111111111", name: "management", email: "aws@example.com", parent: "r-ab12", optInRegions: ["eu-south-1"], state: { regions: { "eu-west-1": { ec2 } } } },
      { id: "222222222222", name: "sandbox", email: "sandbox@example.com", parent: "ou-ab12-sandbox1" },
    ],
    serviceControlPolicies: [{ id: "p-denyec2sandbox", name: "deny-ec2", denyServices: ["ec2"], targets: ["ou-ab12-sandbox1"] }],
    identities: [
      { ...management, account: "111111111111", principal: "arn:aws:iam::111111111111:user/auditor" },
      { ...sandbox, account: "222222222222", principal: "arn:aws:iam::222222222222:user/auditor" },
    ],
  });
}

let sim: Simulator;
const ec2 = (credentials = management, region = "eu-west-1"): EC2Client => new EC2Client({ region, endpoint: sim.url, credentials });

beforeAll(async () => {
  sim = await startSimulator({ scenario: await ec2Scenario() });
});
afterAll(() => sim.close());

describe("the simulated EC2", () => {
  it("pages through the account's snapshots with the SDK's paginator", async () => {
    const pages: string[][] = [];
    for await (const page of paginateDescribeSnapshots({ client: ec2(), pageSize: 5 }, { OwnerIds: ["self"] })) pages.push((page.Snapshots ?? []).map((s) => s.SnapshotId ?? ""));
    expect(pages.map((p) => p.length)).toEqual([5, 3]);
    expect(pages.flat()).toContain("snap-00000007");
  });

  it("answers a snapshot's createVolumePermission: public and shared with an account", async () => {
    const attribute = await ec2().send(new DescribeSnapshotAttributeCommand({ SnapshotId: "snap-00000007", Attribute: "createVolumePermission" }));
    expect(attribute.CreateVolumePermissions).toEqual([{ Group: "all" }, { UserId: "333333333333" }]);
    await expect(ec2().send(new DescribeSnapshotAttributeCommand({ SnapshotId: "snap-99999999", Attribute: "createVolumePermission" }))).rejects.toMatchObject({ name: "InvalidSnapshot.NotFound" });
  });

  it("lists only the public snapshots when asked for those restorable by all, and those shared with an account when asked for it", async () => {
    const restorableBy = async (who: string) => ((await ec2().send(new DescribeSnapshotsCommand({ OwnerIds: ["self"], RestorableByUserIds: [who] }))).Snapshots ?? []).map((s) => s.SnapshotId);
    expect(await restorableBy("all")).toEqual(["snap-00000007"]);
    expect(await restorableBy("444444444444")).toEqual(["snap-00000007", "snap-00000008"]);
  });

  it("answers a default security group's rule that admits its own members as a group pair", async () => {
    const { SecurityGroups } = await ec2().send(new DescribeSecurityGroupsCommand({ GroupIds: ["sg-0a000002"] }));
    expect(SecurityGroups?.[0]?.IpPermissions).toEqual([{ IpProtocol: "-1", IpRanges: [], Ipv6Ranges: [], UserIdGroupPairs: [{ GroupId: "sg-0a000002", UserId: "111111111111" }], PrefixListIds: [] }]);
    expect(SecurityGroups?.[0]?.IpPermissionsEgress?.[0]).toMatchObject({ IpProtocol: "-1", IpRanges: [{ CidrIp: "0.0.0.0/0" }], UserIdGroupPairs: [] });
  });

  it("lists enabled regions, and all regions with their opt-in status when asked", async () => {
    const enabled = (await ec2().send(new DescribeRegionsCommand({}))).Regions ?? [];
    expect(enabled.map((r) => r.RegionName)).toContain("eu-south-1");
    expect(enabled.map((r) => r.RegionName)).not.toContain("af-south-1");
    const all = (await ec2().send(new DescribeRegionsCommand({ AllRegions: true }))).Regions ?? [];
    expect(all).toContainEqual({ RegionName: "af-south-1", Endpoint: "ec2.af-south-1.amazonaws.com", OptInStatus: "not-opted-in" });
  });

  it("a VPC without flow logs, an open security group and EBS default encryption off are visible", async () => {
    const vpcs = (await ec2().send(new DescribeVpcsCommand({}))).Vpcs?.flatMap((v) => (v.VpcId ? [v.VpcId] : [])) ?? [];
    const logged = (await ec2().send(new DescribeFlowLogsCommand({ Filter: [{ Name: "resource-id", Values: vpcs }] }))).FlowLogs?.map((f) => f.ResourceId);
    expect(vpcs.filter((id) => !logged?.includes(id))).toEqual(["vpc-0a000002"]);
    const groups = await ec2().send(new DescribeSecurityGroupsCommand({ Filters: [{ Name: "ip-permission.cidr", Values: ["0.0.0.0/0"] }] }));
    expect(groups.SecurityGroups?.[0]?.IpPermissions?.[0]).toMatchObject({ IpProtocol: "tcp", FromPort: 22, IpRanges: [{ CidrIp: "0.0.0.0/0" }] });
    expect((await ec2().send(new GetEbsEncryptionByDefaultCommand({}))).EbsEncryptionByDefault).toBe(false);
  });

  it("a RequestLimitExceeded is retried by the SDK and the call then succeeds", async () => {
    sim.setFaults({ inject: [{ fault: "throttle", service: "ec2", operation: "DescribeVpcs" }] });
    const vpcs = await ec2().send(new DescribeVpcsCommand({}));
    expect(vpcs.Vpcs).toHaveLength(2);
    expect(vpcs.$metadata.attempts).toBe(2);
    expect(sim.calls.calls.some((c) => c.faulted && c.error === "RequestLimitExceeded")).toBe(true);
    sim.setFaults({});
  });

  it("an account whose SCP denies EC2 gets UnauthorizedOperation, and a disabled opt-in region AuthFailure", async () => {
    await expect(ec2(sandbox).send(new DescribeVpcsCommand({}))).rejects.toMatchObject({ name: "UnauthorizedOperation", $metadata: { httpStatusCode: 403 } });
    await expect(ec2(management, "af-south-1").send(new DescribeVpcsCommand({}))).rejects.toMatchObject({ name: "AuthFailure" });
  });
});
