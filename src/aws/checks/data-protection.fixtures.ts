// Snapshot factories for the data protection and web filtering checks, and each check's passing and
// failing fixture (one account, eu-west-1, as the collectors record them).
import type { Snapshot } from "../snapshot.js";
import { account, collected, collectedAt, failed, kmsKey, listBuckets } from "./test-snapshots.js";
import type { CheckFixture } from "./test-snapshots.js";

export const region = "eu-west-1";
const dayMs = 86_400_000;
const inDays = (days: number): string => new Date(Date.parse(collectedAt) + days * dayMs).toISOString();

const bucketWhere = (bucket: string) => ({ region, params: { Bucket: bucket } });

/** S3's answer for a bucket setting that is not configured (a 404 the collector records as absent). */
export function bucketAbsent(operation: string, bucket: string, code: string): Snapshot {
  return failed("s3", operation, "absent", code, bucketWhere(bucket));
}

export function accountPublicAccessBlock(off: readonly string[] = []): Snapshot {
  const settings = ["BlockPublicAcls", "IgnorePublicAcls", "BlockPublicPolicy", "RestrictPublicBuckets"];
  const config = Object.fromEntries(settings.map((name) => [name, !off.includes(name)]));
  return collected("s3", "GetAccountPublicAccessBlock", [{ PublicAccessBlockConfiguration: config }], { params: { AccountId: account } });
}

export function bucketEncryption(bucket: string, algorithm: "AES256" | "aws:kms"): Snapshot {
  const byDefault = { SSEAlgorithm: algorithm, ...(algorithm === "aws:kms" ? { KMSMasterKeyID: `arn:aws:kms:${region}:${account}:alias/data` } : {}) };
  return collected("s3", "GetBucketEncryption", [{ ServerSideEncryptionConfiguration: { Rules: [{ ApplyServerSideEncryptionByDefault: byDefault }] } }], bucketWhere(bucket));
}

export function bucketVersioning(bucket: string, status?: "Enabled" | "Suspended"): Snapshot {
  return collected("s3", "GetBucketVersioning", [status ? { Status: status } : {}], bucketWhere(bucket));
}

export interface Lifecycle {
  id: string;
  expirationDays?: number;
  noncurrentDays?: number;
  transitionDays?: number;
  status?: "Enabled" | "Disabled";
}

export function bucketLifecycle(bucket: string, rules: readonly Lifecycle[]): Snapshot {
  const Rules = rules.map((r) => ({
    ID: r.id,
    Status: r.status ?? "Enabled",
    ...(r.expirationDays ? { Expiration: { Days: r.expirationDays } } : {}),
    ...(r.noncurrentDays ? { NoncurrentVersionExpiration: { NoncurrentDays: r.noncurrentDays } } : {}),
    ...(r.transitionDays ? { Transitions: [{ Days: r.transitionDays, StorageClass: "GLACIER" }] } : {}),
  }));
  return collected("s3", "GetBucketLifecycleConfiguration", [{ Rules }], bucketWhere(bucket));
}

export function bucketLogging(bucket: string, target?: string): Snapshot {
  return collected("s3", "GetBucketLogging", [target ? { LoggingEnabled: { TargetBucket: target, TargetPrefix: `${bucket}/` } } : {}], bucketWhere(bucket));
}

export function bucketPolicyStatus(bucket: string, isPublic: boolean): Snapshot {
  return collected("s3", "GetBucketPolicyStatus", [{ PolicyStatus: { IsPublic: isPublic } }], bucketWhere(bucket));
}

/** DescribeKey of a key; `deletionInDays` puts it in PendingDeletion. */
export function describedKey(keyId: string, manager: "CUSTOMER" | "AWS", deletionInDays?: number): Snapshot {
  const pending = deletionInDays === undefined ? { KeyState: "Enabled" } : { KeyState: "PendingDeletion", DeletionDate: inDays(deletionInDays) };
  const metadata = { KeyId: keyId, Arn: `arn:aws:kms:${region}:${account}:key/${keyId}`, KeyManager: manager, KeySpec: "SYMMETRIC_DEFAULT", ...pending };
  return collected("kms", "DescribeKey", [{ KeyMetadata: metadata }], { region, params: { KeyId: keyId } });
}

export interface Certificate {
  domain: string;
  daysLeft: number;
  type?: "AMAZON_ISSUED" | "IMPORTED";
  inUse?: boolean;
  status?: string;
  renewal?: "ELIGIBLE" | "INELIGIBLE";
}

export function certificates(list: readonly Certificate[], where = region): Snapshot {
  const CertificateSummaryList = list.map((c) => ({
    CertificateArn: `arn:aws:acm:${where}:${account}:certificate/${c.domain}`,
    DomainName: c.domain,
    Status: c.status ?? (c.daysLeft < 0 ? "EXPIRED" : "ISSUED"),
    Type: c.type ?? "AMAZON_ISSUED",
    NotAfter: inDays(c.daysLeft),
    InUse: c.inUse ?? true,
    RenewalEligibility: c.renewal ?? ((c.type ?? "AMAZON_ISSUED") === "AMAZON_ISSUED" ? "ELIGIBLE" : "INELIGIBLE"),
  }));
  return collected("acm", "ListCertificates", [{ CertificateSummaryList }], { region: where, params: { Includes: { keyTypes: ["RSA_2048"] } } });
}

export function vpcs(ids: readonly string[]): Snapshot {
  return collected("ec2", "DescribeVpcs", [{ Vpcs: ids.map((VpcId) => ({ VpcId, IsDefault: false })) }], { region });
}

/** DNS Firewall: the region's associations ({ vpc, group }) and each group's rules by action. */
export function dnsFirewall(associations: readonly { vpc: string; group: string }[], rules: Record<string, readonly string[]> = {}): Snapshot[] {
  const listing = collected("route53resolver", "ListFirewallRuleGroupAssociations", [
    { FirewallRuleGroupAssociations: associations.map((a) => ({ FirewallRuleGroupId: a.group, VpcId: a.vpc, Status: "COMPLETE" })) },
  ], { region });
  const groups = Object.entries(rules).map(([group, actions]) =>
    collected("route53resolver", "ListFirewallRules", [{ FirewallRules: actions.map((Action, i) => ({ Name: `rule-${i}`, Action })) }], { region, params: { FirewallRuleGroupId: group } }),
  );
  return [listing, ...groups];
}

export interface RuleGroup {
  name: string;
  list?: "DENYLIST" | "ALLOWLIST" | "ALERTLIST";
  rules?: string;
}

const nfwArn = (kind: string, name: string): string => `arn:aws:network-firewall:${region}:${account}:${kind}/${name}`;

/** Network Firewall: one firewall in `vpc` whose policy references `groups` (names, or ARNs of AWS managed groups). */
export function networkFirewall(name: string, vpc: string, groups: readonly (RuleGroup | string)[]): Snapshot[] {
  const FirewallArn = nfwArn("firewall", name);
  const FirewallPolicyArn = nfwArn("firewall-policy", `${name}-policy`);
  const groupArn = (g: RuleGroup | string): string => (typeof g === "string" ? g : nfwArn("stateful-rulegroup", g.name));
  const described = groups.flatMap((g) => {
    if (typeof g === "string") return [];
    const source = g.list ? { RulesSourceList: { Targets: [".example.com"], TargetTypes: ["TLS_SNI"], GeneratedRulesType: g.list } } : { RulesString: g.rules ?? "" };
    return [collected("network-firewall", "DescribeRuleGroup", [{ RuleGroup: { RulesSource: source } }], { region, params: { RuleGroupArn: groupArn(g) } })];
  });
  return [
    collected("network-firewall", "DescribeFirewall", [{ Firewall: { FirewallName: name, FirewallArn, FirewallPolicyArn, VpcId: vpc } }], { region, params: { FirewallArn } }),
    collected("network-firewall", "DescribeFirewallPolicy", [{ FirewallPolicy: { StatefulRuleGroupReferences: groups.map((g) => ({ ResourceArn: groupArn(g) })) } }], {
      region,
      params: { FirewallPolicyArn },
    }),
    ...described,
  ];
}

export function firewallList(names: readonly string[]): Snapshot {
  return collected("network-firewall", "ListFirewalls", [{ Firewalls: names.map((n) => ({ FirewallName: n, FirewallArn: nfwArn("firewall", n) })) }], { region });
}

const noLifecycle = "NoSuchLifecycleConfiguration";

/*
 * The passing fixtures agree with every other check's, so that all of them together still pass:
 * the one listed bucket is "logs" (as the core S3 fixture's), the customer managed key is "k1" with
 * rotation on (as the KMS rotation fixture's), and the one VPC is vpc-0a000001 (as the flow log
 * fixture's). The failing fixtures are free.
 */
const logsBucket = listBuckets(["logs"]);
const filteredVpc = "vpc-0a000001";

export const dataProtectionFixtures: readonly CheckFixture[] = [
  ["s3-account-public-access-block", [accountPublicAccessBlock()], [accountPublicAccessBlock(["BlockPublicPolicy", "RestrictPublicBuckets"])]],
  [
    "s3-bucket-policy-not-public",
    [logsBucket, bucketPolicyStatus("logs", false)],
    [listBuckets(["logs", "site", "exports"]), bucketPolicyStatus("logs", false), bucketPolicyStatus("site", true), bucketAbsent("GetBucketPolicyStatus", "exports", "NoSuchBucketPolicy")],
  ],
  [
    "s3-bucket-default-encryption",
    [logsBucket, bucketEncryption("logs", "aws:kms")],
    [listBuckets(["logs", "exports"]), bucketEncryption("logs", "aws:kms"), bucketEncryption("exports", "AES256")],
  ],
  ["s3-bucket-versioning", [logsBucket, bucketVersioning("logs", "Enabled")], [listBuckets(["logs", "exports"]), bucketVersioning("logs", "Enabled"), bucketVersioning("exports", "Suspended")]],
  [
    "s3-bucket-lifecycle",
    [logsBucket, bucketLifecycle("logs", [{ id: "expire-1y", expirationDays: 365 }, { id: "old-versions", noncurrentDays: 90 }])],
    [listBuckets(["logs", "data"]), bucketLifecycle("logs", [{ id: "archive", transitionDays: 90 }]), bucketAbsent("GetBucketLifecycleConfiguration", "data", noLifecycle)],
  ],
  [
    "s3-bucket-access-logging",
    [logsBucket, bucketLogging("logs", "central-access-logs")],
    [listBuckets(["data", "exports"]), bucketLogging("data", "central-access-logs"), bucketLogging("exports")],
  ],
  ["kms-keys-pending-deletion", [...kmsKey("k1", "CUSTOMER", true), ...kmsKey("k2", "AWS")], [...kmsKey("k1", "CUSTOMER", true), describedKey("k3", "CUSTOMER", 12)]],
  [
    "acm-certificate-expiry",
    [certificates([{ domain: "app.example.com", daysLeft: 200 }, { domain: "partner.example.com", type: "IMPORTED", daysLeft: 90 }, { domain: "old.example.com", daysLeft: -40, inUse: false }])],
    [certificates([{ domain: "app.example.com", daysLeft: 200 }, { domain: "legacy.example.com", type: "IMPORTED", daysLeft: 12 }])],
  ],
  [
    "web-filtering",
    [
      vpcs([filteredVpc]),
      ...dnsFirewall([{ vpc: filteredVpc, group: "rslvr-frg-malware" }], { "rslvr-frg-malware": ["BLOCK", "ALERT"] }),
      firewallList(["egress"]),
      ...networkFirewall("egress", filteredVpc, [{ name: "allowed-domains", list: "ALLOWLIST" }]),
    ],
    [vpcs(["vpc-0aaa", "vpc-0ccc"]), ...dnsFirewall([{ vpc: "vpc-0aaa", group: "rslvr-frg-malware" }], { "rslvr-frg-malware": ["BLOCK"] }), firewallList([])],
  ],
];
