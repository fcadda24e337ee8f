// The EC2 read operations the collectors use: regions, VPCs, flow logs, security groups, EBS
// default encryption and snapshots (with their createVolumePermission).
import { ec2Success } from "../../protocols.js";
import type { SimContext, SimRequest, SimResponse } from "../../service.js";
import { SimError } from "../../service.js";
import type { XmlValue } from "../../xml.js";
import { applyFilters, byIds, ec2Page, listParam } from "./query.js";
import { ec2StateSchema } from "./state.js";
import type { Ec2State, Permission } from "./state.js";

type Operation = (req: SimRequest, ctx: SimContext, state: Ec2State) => { [key: string]: XmlValue };

const permissionXml = (p: Permission, account: string): { [key: string]: XmlValue } => ({
  ipProtocol: p.protocol,
  fromPort: p.fromPort,
  toPort: p.toPort,
  ipRanges: p.cidrs.map((cidrIp) => ({ cidrIp })),
  ipv6Ranges: p.ipv6Cidrs.map((cidrIpv6) => ({ cidrIpv6 })),
  groups: p.groupIds.map((groupId) => ({ groupId, userId: account })),
  prefixListIds: [],
});

const operations: Record<string, Operation> = {
  DescribeRegions(req, ctx) {
    const { scenario, account } = ctx;
    const all = req.params.AllRegions === "true";
    const regions = [
      ...scenario.regions.default.map((name) => ({ name, optIn: "opt-in-not-required" })),
      ...scenario.regions.optIn.map((name) => ({ name, optIn: account.optInRegions.includes(name) ? "opted-in" : "not-opted-in" })),
    ].filter((r) => all || r.optIn !== "not-opted-in");
    const names = listParam(req.params, "RegionName");
    const asked = applyFilters(regions, req.params, (r) => ({ "region-name": [r.name], "opt-in-status": [r.optIn], endpoint: [`ec2.${r.name}.amazonaws.com`] }))
      .filter((r) => names.length === 0 || names.includes(r.name));
    return { regionInfo: asked.map((r) => ({ regionName: r.name, regionEndpoint: `ec2.${r.name}.amazonaws.com`, optInStatus: r.optIn })) };
  },
  DescribeVpcs(req, ctx, state) {
    const vpcs = applyFilters(byIds(state.vpcs, listParam(req.params, "VpcId"), "InvalidVpcID.NotFound", "vpc ID"), req.params, (v) => ({
      "vpc-id": [v.id], "is-default": [String(v.isDefault)], "cidr": [v.cidr], state: [v.state], "owner-id": [ctx.account.id],
    }));
    const page = ec2Page(vpcs, req.params);
    return {
      vpcSet: page.items.map((v) => ({ vpcId: v.id, ownerId: ctx.account.id, state: v.state, cidrBlock: v.cidr, dhcpOptionsId: "dopt-0sim", instanceTenancy: "default", isDefault: v.isDefault })),
      nextToken: page.next,
    };
  },
  DescribeFlowLogs(req, _ctx, state) {
    const logs = applyFilters(byIds(state.flowLogs, listParam(req.params, "FlowLogId"), "InvalidFlowLogId.NotFound", "flow log ID"), req.params, (f) => ({
      "resource-id": [f.resourceId], "flow-log-id": [f.id], "traffic-type": [f.trafficType], "log-destination-type": [f.destinationType], "deliver-log-status": ["SUCCESS"],
    }));
    const page = ec2Page(logs, req.params, 1);
    return {
      flowLogSet: page.items.map((f) => ({
        flowLogId: f.id, flowLogStatus: f.status, resourceId: f.resourceId, trafficType: f.trafficType, logDestinationType: f.destinationType,
        logDestination: f.destination, logGroupName: f.logGroupName, creationTime: new Date(f.createdAt), deliverLogsStatus: "SUCCESS", maxAggregationInterval: 600,
      })),
      nextToken: page.next,
    };
  },
  DescribeSecurityGroups(req, ctx, state) {
    const names = listParam(req.params, "GroupName");
    const groups = applyFilters(byIds(state.securityGroups, listParam(req.params, "GroupId"), "InvalidGroup.NotFound", "security group"), req.params, (g) => ({
      "group-id": [g.id], "group-name": [g.name], "vpc-id": [g.vpcId], "owner-id": [ctx.account.id],
      "ip-permission.cidr": g.ingress.flatMap((p) => p.cidrs), "ip-permission.from-port": g.ingress.flatMap((p) => (p.fromPort === undefined ? [] : [String(p.fromPort)])),
    })).filter((g) => names.length === 0 || names.includes(g.name));
    const page = ec2Page(groups, req.params);
    return {
      securityGroupInfo: page.items.map((g) => ({
        ownerId: ctx.account.id, groupName: g.name, groupId: g.id, groupDescription: g.description, vpcId: g.vpcId,
        ipPermissions: g.ingress.map((p) => permissionXml(p, ctx.account.id)), ipPermissionsEgress: g.egress.map((p) => permissionXml(p, ctx.account.id)),
      })),
      nextToken: page.next,
    };
  },
  GetEbsEncryptionByDefault(_req, _ctx, state) {
    return { ebsEncryptionByDefault: state.ebsEncryptionByDefault, sseType: state.ebsEncryptionByDefault ? "sse-ebs" : undefined };
  },
  DescribeSnapshots(req, ctx, state) {
    // Only the account's own snapshots are simulated: "self", its own id, or no owner asked.
    const owners = listParam(req.params, "Owner");
    const own = owners.length === 0 || owners.some((o) => o === "self" || o === ctx.account.id);
    // RestorableBy "all" keeps the public snapshots; an account id those that account may restore.
    const restorableBy = listParam(req.params, "RestorableBy");
    const restorable = (s: Ec2State["snapshots"][number]): boolean =>
      restorableBy.length === 0 || restorableBy.some((who) => (who === "all" ? s.public : s.public || who === ctx.account.id || s.sharedWith.includes(who)));
    const snapshots = applyFilters(byIds(own ? state.snapshots : [], listParam(req.params, "SnapshotId"), "InvalidSnapshot.NotFound", "snapshot").filter(restorable), req.params, (s) => ({
      "snapshot-id": [s.id], "volume-id": [s.volumeId], encrypted: [String(s.encrypted)], "owner-id": [ctx.account.id], status: ["completed"],
    }));
    const page = ec2Page(snapshots, req.params);
    return {
      snapshotSet: page.items.map((s) => ({
        snapshotId: s.id, volumeId: s.volumeId, status: "completed", startTime: new Date(s.startTime), progress: "100%", ownerId: ctx.account.id,
        volumeSize: s.sizeGiB, description: s.description, encrypted: s.encrypted, kmsKeyId: s.kmsKeyId, storageTier: "standard",
      })),
      nextToken: page.next,
    };
  },
  DescribeSnapshotAttribute(req, _ctx, state) {
    const id = typeof req.params.SnapshotId === "string" ? req.params.SnapshotId : "";
    if (req.params.Attribute !== "createVolumePermission")
      throw new SimError("InvalidParameterValue", "The simulator answers DescribeSnapshotAttribute for Attribute=createVolumePermission only", 400);
    const snapshot = byIds(state.snapshots, [id], "InvalidSnapshot.NotFound", "snapshot")[0];
    const permissions = [...(snapshot?.public ? [{ group: "all" }] : []), ...(snapshot?.sharedWith ?? []).map((userId) => ({ userId }))];
    return { snapshotId: id, createVolumePermission: permissions, productCodes: [] };
  },
};

export function answerEc2(req: SimRequest, ctx: SimContext): SimResponse | undefined {
  const operation = operations[req.operation];
  if (!operation) return undefined;
  return ec2Success(req.operation, operation(req, ctx, ctx.regionalState("ec2", ec2StateSchema)), ctx.requestId);
}
