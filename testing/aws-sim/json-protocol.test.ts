import { CloudTrailClient, DescribeTrailsCommand, GetEventSelectorsCommand, GetTrailStatusCommand } from "@aws-sdk/client-cloudtrail";
import { ConfigServiceClient, DescribeComplianceByConfigRuleCommand, DescribeConfigurationRecorderStatusCommand, paginateDescribeConfigRules } from "@aws-sdk/client-config-service";
import { DescribeKeyCommand, GetKeyRotationStatusCommand, KMSClient, ListKeysCommand, paginateListKeys } from "@aws-sdk/client-kms";
import { ListAccountsCommand, ListPoliciesForTargetCommand, OrganizationsClient, paginateListAccounts } from "@aws-sdk/client-organizations";
import { afterEach, describe, expect, it } from "vitest";
import { startSimulator } from "./server.js";
import type { Simulator } from "./server.js";
import { management, managementKey, member, memberKey, twoAccountScenario } from "./test-scenario.js";

let sim: Simulator | undefined;
afterEach(async () => {
  await sim?.close();
  sim = undefined;
});

async function start(state: Record<string, unknown>, extra: Record<string, unknown> = {}): Promise<Simulator> {
  sim = await startSimulator({ scenario: await twoAccountScenario(state, extra) });
  return sim;
}
const config = (s: Simulator, key = managementKey, region = "eu-west-1") => ({ endpoint: s.url, region, credentials: key, maxAttempts: 3 });
const keys = (n: number): unknown[] => Array.from({ length: n }, (_, i) => ({ alias: `alias/key-${i}`, rotation: i % 2 === 0 }));

describe("awsJson1_1 (Organizations, KMS, CloudTrail, Config) through the real SDK", () => {
  it("pages through the organization's accounts with NextToken via the SDK paginator", async () => {
    const s = await start({});
    const ids: string[] = [];
    for await (const page of paginateListAccounts({ client: new OrganizationsClient(config(s)), pageSize: 1 }, {})) ids.push(...(page.Accounts ?? []).map((a) => a.Id ?? ""));
    expect(ids).toEqual([management, member]);
    expect(s.calls.calls.filter((c) => c.params.NextToken !== undefined)).toHaveLength(1);
  });

  it("pages through KMS keys with Marker and Truncated", async () => {
    const s = await start({ [management]: { regions: { "eu-west-1": { kms: { keys: keys(5) } } } } });
    const ids: string[] = [];
    for await (const page of paginateListKeys({ client: new KMSClient(config(s)), pageSize: 2 }, {})) ids.push(...(page.Keys ?? []).map((k) => k.KeyId ?? ""));
    expect(new Set(ids).size).toBe(5);
    const kms = new KMSClient(config(s));
    const rotation = await Promise.all(ids.map((KeyId) => kms.send(new GetKeyRotationStatusCommand({ KeyId }))));
    expect(rotation.map((r) => r.KeyRotationEnabled)).toEqual([true, false, true, false, true]);
    const described = await kms.send(new DescribeKeyCommand({ KeyId: "alias/key-1" }));
    expect(described.KeyMetadata?.CreationDate).toBeInstanceOf(Date);
  });

  it("a throttled call succeeds on the SDK's retry", async () => {
    const s = await start({ [management]: { regions: { "eu-west-1": { kms: { keys: keys(1) } } } } });
    s.setFaults({ inject: [{ fault: "throttle", service: "kms" }] });
    const out = await new KMSClient(config(s)).send(new ListKeysCommand({}));
    expect(out.Keys).toHaveLength(1);
    expect(s.calls.calls.map((c) => c.error ?? "ok")).toEqual(["ThrottlingException", "ok"]);
  });

  it("a token bucket throttles a burst beyond its size", async () => {
    const s = await start({});
    s.setFaults({ rateLimits: { kms: { rate: 0.001, burst: 2 } } });
    const kms = new KMSClient({ ...config(s), maxAttempts: 1 });
    await kms.send(new ListKeysCommand({}));
    await kms.send(new ListKeysCommand({}));
    await expect(kms.send(new ListKeysCommand({}))).rejects.toMatchObject({ name: "ThrottlingException" });
  });

  it("a member account may not list the organization, and an SCP-denied service answers AccessDeniedException", async () => {
    const s = await start({}, { serviceControlPolicies: [{ id: "p-denykms01", name: "DenyKms", denyServices: ["kms"], targets: ["r-ab12"] }] });
    await expect(new OrganizationsClient(config(s, memberKey)).send(new ListAccountsCommand({}))).rejects.toMatchObject({ name: "AccessDeniedException" });
    await expect(new KMSClient(config(s, memberKey)).send(new ListKeysCommand({}))).rejects.toMatchObject({ name: "AccessDeniedException" });
    // SCPs never apply to the management account.
    await expect(new KMSClient(config(s)).send(new ListKeysCommand({}))).resolves.toBeDefined();
    const policies = await new OrganizationsClient(config(s)).send(new ListPoliciesForTargetCommand({ TargetId: "r-ab12", Filter: "SERVICE_CONTROL_POLICY" }));
    expect(policies.Policies?.map((p) => p.Name)).toEqual(["DenyKms"]);
  });

  it("an unknown access key is an unrecognized client", async () => {
    const s = await start({});
    await expect(new KMSClient(config(s, { accessKeyId: "AKIANOBODY00000000", secretAccessKey: "x" })).send(new ListKeysCommand({}))).rejects.toMatchObject({ name: "UnrecognizedClientException" });
  });

  it("a request signed with the wrong secret is an invalid signature", async () => {
    const s = await start({});
    const wrong = { accessKeyId: managementKey.accessKeyId, secretAccessKey: "not-the-secret" };
    await expect(new KMSClient(config(s, wrong)).send(new ListKeysCommand({}))).rejects.toMatchObject({ name: "InvalidSignatureException" });
  });

  it("a member account sees the organization's multi-region trail in every region", async () => {
    const trail = { name: "org-trail", s3Bucket: "org-cloudtrail-logs", multiRegion: true, organization: true, logFileValidation: true };
    const s = await start({ [management]: { regions: { "us-east-1": { cloudtrail: { trails: [trail] } } } } });
    const cloudtrail = new CloudTrailClient(config(s, memberKey, "eu-central-1"));
    const { trailList } = await cloudtrail.send(new DescribeTrailsCommand({}));
    expect(trailList?.map((t) => [t.Name, t.HomeRegion, t.IsOrganizationTrail, t.LogFileValidationEnabled])).toEqual([["org-trail", "us-east-1", true, true]]);
    const status = await cloudtrail.send(new GetTrailStatusCommand({ Name: trailList?.[0]?.TrailARN }));
    expect(status.IsLogging).toBe(true);
    const selectors = await cloudtrail.send(new GetEventSelectorsCommand({ TrailName: "org-trail" }));
    expect(selectors.EventSelectors?.[0]?.IncludeManagementEvents).toBe(true);
    await expect(cloudtrail.send(new DescribeTrailsCommand({ includeShadowTrails: false }))).resolves.toMatchObject({ trailList: [] });
  });

  it("Config reports recorder status, pages rules and filters compliance", async () => {
    const rules = Array.from({ length: 30 }, (_, i) => ({ name: `rule-${i}`, identifier: "S3_BUCKET_VERSIONING_ENABLED", compliance: i < 3 ? "NON_COMPLIANT" : "COMPLIANT" }));
    const s = await start({ [management]: { regions: { "eu-west-1": { config: { recorders: [{ recording: false }], rules } } } } });
    const client = new ConfigServiceClient(config(s));
    const status = await client.send(new DescribeConfigurationRecorderStatusCommand({}));
    expect(status.ConfigurationRecordersStatus?.[0]).toMatchObject({ name: "default", recording: false });
    let count = 0;
    for await (const page of paginateDescribeConfigRules({ client }, {})) count += page.ConfigRules?.length ?? 0;
    expect(count).toBe(30);
    const failing = await client.send(new DescribeComplianceByConfigRuleCommand({ ComplianceTypes: ["NON_COMPLIANT"] }));
    expect(failing.ComplianceByConfigRules?.map((r) => r.ConfigRuleName)).toEqual(["rule-0", "rule-1", "rule-2"]);
  });
});
