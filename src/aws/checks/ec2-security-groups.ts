// Checks over VPC security groups: no administration or database port open to the internet
// (A.8.20, A.8.21, A.8.22), and default security groups that allow no traffic (A.8.22).
import { z } from "zod";
import { readPages } from "../snapshot.js";
import type { Snapshot } from "../snapshot.js";
import type { Check, CheckResult } from "./check.js";
import { resultsFor } from "./check.js";
import { unreadableRegion } from "./regional-listing.js";
import type { ResultFactory } from "./regional-listing.js";
import { hasFailed, snapshotsOf } from "./snapshot-query.js";

const permission = z.object({
  IpProtocol: z.string().default("-1"),
  FromPort: z.number().optional(),
  ToPort: z.number().optional(),
  IpRanges: z.array(z.object({ CidrIp: z.string().optional() })).default([]),
  Ipv6Ranges: z.array(z.object({ CidrIpv6: z.string().optional() })).default([]),
  UserIdGroupPairs: z.array(z.object({ GroupId: z.string().optional() })).default([]),
  PrefixListIds: z.array(z.object({ PrefixListId: z.string().optional() })).default([]),
});
type Permission = z.infer<typeof permission>;

const group = z.object({
  GroupId: z.string(),
  GroupName: z.string().default(""),
  OwnerId: z.string().optional(),
  IpPermissions: z.array(permission).default([]),
  IpPermissionsEgress: z.array(permission).default([]),
});
type SecurityGroup = z.infer<typeof group>;
const groupsPage = z.object({ SecurityGroups: z.array(group).default([]) });

const groupArn = (s: Snapshot, g: SecurityGroup) => `arn:aws:ec2:${s.region}:${g.OwnerId ?? s.account}:security-group/${g.GroupId}`;

/** Every security group a DescribeSecurityGroups snapshot lists, or the region's "unknown" when it failed. */
function eachGroup(snapshots: readonly Snapshot[], result: ResultFactory, judge: (s: Snapshot, g: SecurityGroup) => CheckResult[]): CheckResult[] {
  return snapshotsOf(snapshots, "ec2", "DescribeSecurityGroups").flatMap((s) =>
    hasFailed(s) ? unreadableRegion(result, s, "DescribeSecurityGroups") : readPages(s, groupsPage).flatMap((p) => p.SecurityGroups.flatMap((g) => judge(s, g))),
  );
}

/** Ports that give an attacker a shell, a desktop or a database, as CIS and FSBP (EC2.19) name them. */
const adminPorts: readonly (readonly [number, string])[] = [
  [21, "FTP"], [22, "SSH"], [23, "Telnet"], [135, "Windows RPC"], [445, "SMB"], [1433, "SQL Server"], [1521, "Oracle"], [2375, "Docker API"],
  [3306, "MySQL"], [3389, "RDP"], [5432, "PostgreSQL"], [5900, "VNC"], [5985, "WinRM"], [5986, "WinRM over HTTPS"], [6379, "Redis"],
  [9200, "Elasticsearch"], [11211, "Memcached"], [27017, "MongoDB"],
];
const internet = ["0.0.0.0/0", "::/0"];

/** The internet-wide sources of a rule. */
const openSources = (p: Permission): string[] =>
  [...p.IpRanges.map((r) => r.CidrIp), ...p.Ipv6Ranges.map((r) => r.CidrIpv6)].filter((cidr): cidr is string => cidr !== undefined && internet.includes(cidr));

/** The administration ports a rule admits: all of them for "-1" (all traffic), those in range for TCP and UDP. */
function admittedPorts(p: Permission): (readonly [number, string])[] {
  if (p.IpProtocol === "-1") return [...adminPorts];
  if (!["tcp", "udp", "6", "17"].includes(p.IpProtocol)) return [];
  const from = p.FromPort ?? 0;
  const to = p.ToPort ?? 65535;
  return adminPorts.filter(([port]) => port >= from && port <= to);
}

const adminPortsId = "ec2-security-group-admin-ports";
const adminPortsResult = resultsFor(adminPortsId);

export const ec2SecurityGroupAdminPorts: Check = {
  id: adminPortsId,
  title: "No security group opens an administration or database port to the internet",
  controls: ["8.20", "8.21", "8.22"],
  soc2: ["CC6.1", "CC6.6"],
  severity: "high",
  services: ["ec2"],
  rationale:
    "SSH, RDP and database ports reachable from 0.0.0.0/0 or ::/0 are scanned within minutes and brute-forced; A.8.20 and A.8.22 ask that networks be segregated " +
    "and that only the services needed be reachable. Administrative access belongs behind Session Manager, a VPN or a bastion with a narrow source range.",
  remediation:
    "Remove the rule that admits 0.0.0.0/0 or ::/0 on the listed ports; reach instances through AWS Systems Manager Session Manager or a VPN, and databases from the application's security group only.",
  evaluate: (snapshots) =>
    eachGroup(snapshots, adminPortsResult, (s, g) => {
      const open = new Map<string, Set<string>>();
      for (const p of g.IpPermissions) {
        const sources = openSources(p);
        if (sources.length === 0) continue;
        for (const [port, name] of admittedPorts(p)) {
          const label = `${port} (${name})`;
          open.set(label, new Set([...(open.get(label) ?? []), ...sources]));
        }
      }
      if (open.size === 0) return [adminPortsResult(s.account, s.region, groupArn(s, g), "pass", `${g.GroupName}: no administration or database port is open to the internet`)];
      const sources = [...new Set([...open.values()].flatMap((set) => [...set]))].join(", ");
      return [adminPortsResult(s.account, s.region, groupArn(s, g), "fail", `${g.GroupName}: open to ${sources} on ${[...open.keys()].join(", ")}`)];
    }),
};

/** A rule as a reader would say it: "all traffic from sg-0a1b", "tcp 443 to 0.0.0.0/0". */
function describeRule(p: Permission, direction: "from" | "to"): string {
  const ports = p.IpProtocol === "-1" ? "all traffic" : p.FromPort === p.ToPort ? `${p.IpProtocol} ${p.FromPort ?? "all"}` : `${p.IpProtocol} ${p.FromPort ?? 0}-${p.ToPort ?? 65535}`;
  const peers = [
    ...p.IpRanges.map((r) => r.CidrIp),
    ...p.Ipv6Ranges.map((r) => r.CidrIpv6),
    ...p.UserIdGroupPairs.map((pair) => pair.GroupId),
    ...p.PrefixListIds.map((l) => l.PrefixListId),
  ].filter((peer) => peer !== undefined);
  return `${ports} ${direction} ${peers.join(", ") || "nowhere"}`;
}

const defaultGroupId = "ec2-default-security-group-closed";
const defaultGroupResult = resultsFor(defaultGroupId);

export const ec2DefaultSecurityGroupClosed: Check = {
  id: defaultGroupId,
  title: "Default security groups allow no traffic",
  controls: ["8.22"],
  soc2: ["CC6.6"],
  severity: "medium",
  services: ["ec2"],
  rationale:
    "Every VPC has a default security group that new instances, endpoints and databases fall into when no group is named; AWS creates it admitting all traffic " +
    "between its members and all traffic out. Emptied, it cannot connect resources by accident, and each workload's segregation (A.8.22) is then stated in a group of its own.",
  remediation: "Remove every inbound and outbound rule from the default security group of each VPC, and move any resource still using it to a purpose-made group.",
  evaluate: (snapshots) =>
    eachGroup(snapshots, defaultGroupResult, (s, g) => {
      if (g.GroupName !== "default") return [];
      const rules = [...g.IpPermissions.map((p) => `inbound ${describeRule(p, "from")}`), ...g.IpPermissionsEgress.map((p) => `outbound ${describeRule(p, "to")}`)];
      return rules.length === 0
        ? [defaultGroupResult(s.account, s.region, groupArn(s, g), "pass", "The default security group has no rules")]
        : [defaultGroupResult(s.account, s.region, groupArn(s, g), "fail", `The default security group allows ${rules.join("; ")}`)];
    }),
};
