// The simulated Route 53 Resolver DNS Firewall and Network Firewall, and the data protection state of
// KMS, ACM and S3, through the real SDK clients.
import { ACMClient, ListCertificatesCommand } from "@aws-sdk/client-acm";
import { DescribeKeyCommand, KMSClient } from "@aws-sdk/client-kms";
import { DescribeFirewallCommand, DescribeFirewallPolicyCommand, DescribeRuleGroupCommand, ListFirewallsCommand, NetworkFirewallClient, paginateListFirewalls } from "@aws-sdk/client-network-firewall";
import { ListFirewallRulesCommand, paginateListFirewallRuleGroupAssociations, Route53ResolverClient } from "@aws-sdk/client-route53resolver";
import { GetBucketLifecycleConfigurationCommand, S3Client } from "@aws-sdk/client-s3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSimulator } from "./server.js";
import type { Simulator } from "./server.js";
import { management, managementKey, memberKey, twoAccountScenario } from "./test-scenario.js";

const region = {
  route53resolver: {
    ruleGroups: [{ name: "malware", rules: [{ name: "block-malware", domainList: "AWSManagedDomainsMalwareDomainList" }, { name: "watch", action: "ALERT", domainList: "watch-list" }] }],
    associations: [{ vpcId: "vpc-0aaa1111", ruleGroup: "malware" }, { vpcId: "vpc-0bbb2222", ruleGroup: "malware" }, { vpcId: "vpc-0ccc3333", ruleGroup: "malware", status: "DELETING" }],
  },
  "network-firewall": {
    firewalls: [{ name: "egress", vpcId: "vpc-0aaa1111", policy: "egress-policy" }, { name: "inspection", vpcId: "vpc-0bbb2222", policy: "egress-policy" }],
    policies: [{ name: "egress-policy", statefulRuleGroups: ["allowed-domains", "arn:aws:network-firewall:eu-west-1:aws-managed:stateful-rulegroup/MalwareDomainsActionOrder"] }],
    ruleGroups: [{ name: "allowed-domains", domainList: { targets: [".acme.example", "api.stripe.com"], generatedRulesType: "ALLOWLIST" } }],
  },
  kms: { keys: [{ alias: "alias/retired", state: "PendingDeletion", deletionDate: "2026-12-09T10:00:00Z" }, { alias: "alias/live" }] },
  acm: { certificates: [{ domain: "app.example.com", expiresInDays: 40 }, { domain: "old.example.com", notAfter: "2024-01-10T00:00:00Z", type: "IMPORTED" }] },
};
const s3 = { buckets: [{ name: "acme-state", region: "eu-west-1", versioning: "Enabled", lifecycleRules: [{ id: "old-versions", noncurrentExpirationDays: 90 }] }] };

let sim: Simulator;
beforeAll(async () => {
  sim = await startSimulator({ scenario: await twoAccountScenario({ [management]: { global: { s3 }, regions: { "eu-west-1": region } } }) });
});
afterAll(() => sim.close());
const config = (key = managementKey) => ({ endpoint: sim.url, region: "eu-west-1", credentials: key });

describe("the simulated Route 53 Resolver DNS Firewall", () => {
  it("pages through the associations and lists each rule group's rules", async () => {
    const client = new Route53ResolverClient(config());
    const associations = [];
    for await (const page of paginateListFirewallRuleGroupAssociations({ client, pageSize: 2 }, {})) associations.push(...(page.FirewallRuleGroupAssociations ?? []));
    expect(associations.map((a) => [a.VpcId, a.Status])).toEqual([["vpc-0aaa1111", "COMPLETE"], ["vpc-0bbb2222", "COMPLETE"], ["vpc-0ccc3333", "DELETING"]]);
    expect(new Set(associations.map((a) => a.FirewallRuleGroupId)).size).toBe(1);
    const { FirewallRules } = await client.send(new ListFirewallRulesCommand({ FirewallRuleGroupId: associations[0]?.FirewallRuleGroupId }));
    expect(FirewallRules?.map((r) => [r.Name, r.Action, r.BlockResponse])).toEqual([["block-malware", "BLOCK", "NODATA"], ["watch", "ALERT", undefined]]);
  });

  it("answers an unknown rule group and an account without DNS Firewall as AWS does", async () => {
    await expect(new Route53ResolverClient(config()).send(new ListFirewallRulesCommand({ FirewallRuleGroupId: "rslvr-frg-0000" }))).rejects.toMatchObject({ name: "ResourceNotFoundException" });
    const other = [];
    for await (const page of paginateListFirewallRuleGroupAssociations({ client: new Route53ResolverClient(config(memberKey)) }, {})) other.push(...(page.FirewallRuleGroupAssociations ?? []));
    expect(other).toEqual([]);
  });
});

describe("the simulated Network Firewall", () => {
  it("follows a firewall to its policy and its rule groups", async () => {
    const client = new NetworkFirewallClient(config());
    const arns: string[] = [];
    for await (const page of paginateListFirewalls({ client, pageSize: 1 }, {})) arns.push(...(page.Firewalls ?? []).map((f) => f.FirewallArn ?? ""));
    expect(arns).toEqual([`arn:aws:network-firewall:eu-west-1:${management}:firewall/egress`, `arn:aws:network-firewall:eu-west-1:${management}:firewall/inspection`]);
    const { Firewall } = await client.send(new DescribeFirewallCommand({ FirewallArn: arns[0] }));
    expect(Firewall?.VpcId).toBe("vpc-0aaa1111");
    const { FirewallPolicy } = await client.send(new DescribeFirewallPolicyCommand({ FirewallPolicyArn: Firewall?.FirewallPolicyArn }));
    const references = FirewallPolicy?.StatefulRuleGroupReferences?.map((r) => r.ResourceArn ?? "") ?? [];
    expect(references[1]).toContain(":aws-managed:stateful-rulegroup/MalwareDomainsActionOrder");
    const { RuleGroup, RuleGroupResponse } = await client.send(new DescribeRuleGroupCommand({ RuleGroupArn: references[0] }));
    expect(RuleGroupResponse?.Type).toBe("STATEFUL");
    expect(RuleGroup?.RulesSource?.RulesSourceList).toEqual({ Targets: [".acme.example", "api.stripe.com"], TargetTypes: ["TLS_SNI", "HTTP_HOST"], GeneratedRulesType: "ALLOWLIST" });
  });

  it("filters firewalls by VPC and answers an unknown firewall with ResourceNotFoundException", async () => {
    const client = new NetworkFirewallClient(config());
    const { Firewalls } = await client.send(new ListFirewallsCommand({ VpcIds: ["vpc-0bbb2222"] }));
    expect(Firewalls?.map((f) => f.FirewallName)).toEqual(["inspection"]);
    await expect(client.send(new DescribeFirewallCommand({ FirewallName: "nope" }))).rejects.toMatchObject({ name: "ResourceNotFoundException" });
  });
});

describe("the simulated data protection state", () => {
  it("KMS gives a key pending deletion its deletion date", async () => {
    const kms = new KMSClient(config());
    const retired = await kms.send(new DescribeKeyCommand({ KeyId: "alias/retired" }));
    expect([retired.KeyMetadata?.KeyState, retired.KeyMetadata?.DeletionDate?.toISOString()]).toEqual(["PendingDeletion", "2026-12-09T10:00:00.000Z"]);
    expect((await kms.send(new DescribeKeyCommand({ KeyId: "alias/live" }))).KeyMetadata?.DeletionDate).toBeUndefined();
  });

  it("ACM dates a certificate given in days from now, and imported ones are not eligible for renewal", async () => {
    const { CertificateSummaryList } = await new ACMClient(config()).send(new ListCertificatesCommand({}));
    const app = CertificateSummaryList?.find((c) => c.DomainName === "app.example.com");
    const days = ((app?.NotAfter?.getTime() ?? 0) - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(39);
    expect(days).toBeLessThanOrEqual(40);
    expect(CertificateSummaryList?.map((c) => c.RenewalEligibility)).toEqual(["ELIGIBLE", "INELIGIBLE"]);
  });

  it("S3 answers a lifecycle rule that expires noncurrent versions", async () => {
    const s3Client = new S3Client({ ...config(), forcePathStyle: true });
    const { Rules } = await s3Client.send(new GetBucketLifecycleConfigurationCommand({ Bucket: "acme-state" }));
    expect(Rules?.[0]?.NoncurrentVersionExpiration?.NoncurrentDays).toBe(90);
  });

  it("a member account has none of the management account's state", async () => {
    const { CertificateSummaryList } = await new ACMClient(config(memberKey)).send(new ListCertificatesCommand({}));
    expect(CertificateSummaryList).toEqual([]);
  });
});
