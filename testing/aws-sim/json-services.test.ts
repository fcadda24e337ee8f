import { ACMClient, DescribeCertificateCommand, ListCertificatesCommand } from "@aws-sdk/client-acm";
import { CloudWatchClient, DescribeAlarmsCommand } from "@aws-sdk/client-cloudwatch";
import { CloudWatchLogsClient, DescribeMetricFiltersCommand, paginateDescribeLogGroups } from "@aws-sdk/client-cloudwatch-logs";
import { IdentitystoreClient, ListGroupMembershipsCommand, ListGroupsCommand, ListUsersCommand } from "@aws-sdk/client-identitystore";
import { GetSecretValueCommand, ListSecretsCommand, SecretsManagerClient } from "@aws-sdk/client-secrets-manager";
import { ListAccountAssignmentsCommand, ListInstancesCommand, ListPermissionSetsCommand, SSOAdminClient } from "@aws-sdk/client-sso-admin";
import { DescribeInstancePatchStatesCommand, ListResourceComplianceSummariesCommand, SSMClient } from "@aws-sdk/client-ssm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSimulator } from "./server.js";
import type { Simulator } from "./server.js";
import { management, managementKey, member, twoAccountScenario } from "./test-scenario.js";

let sim: Simulator;
beforeAll(async () => {
  const region = {
    logs: { logGroups: Array.from({ length: 3 }, (_, i) => ({ name: `/app/${i}`, retentionDays: i === 0 ? undefined : 365, metricFilters: i === 0 ? [{ name: "root-usage", pattern: '{ $.userIdentity.type = "Root" }', metricName: "RootUsage" }] : [] })) },
    monitoring: { alarms: [{ name: "root-usage", metricName: "RootUsage", alarmActions: ["arn:aws:sns:eu-west-1:111111111111:security"] }] },
    sso: {
      instance: {},
      permissionSets: [{ name: "AdministratorAccess" }],
      users: [{ userName: "alice", email: "alice@example.com" }],
      groups: [{ name: "admins", members: ["alice"] }],
      assignments: [{ account: member, permissionSet: "AdministratorAccess", principal: "admins" }],
    },
    secretsmanager: { secrets: [{ name: "db", rotationDays: 30, lastRotated: "2026-11-01T00:00:00Z" }, { name: "legacy-api" }] },
    acm: { certificates: [{ domain: "app.example.com", notAfter: "2027-01-10T00:00:00Z" }, { domain: "old.example.com", status: "EXPIRED", notAfter: "2024-01-10T00:00:00Z", inUse: false }] },
    ssm: { instances: [{ id: "i-0abc12345def67890", missingPatches: 4, criticalMissing: 1 }, { id: "i-0abc12345def67891" }] },
  };
  sim = await startSimulator({ scenario: await twoAccountScenario({ [management]: { regions: { "eu-west-1": region } } }) });
});
afterAll(() => sim.close());
const config = () => ({ endpoint: sim.url, region: "eu-west-1", credentials: managementKey });

describe("the other awsJson services through the real SDK", () => {
  it("CloudWatch Logs pages log groups and lists metric filters; CloudWatch lists alarms", async () => {
    const groups = [];
    for await (const page of paginateDescribeLogGroups({ client: new CloudWatchLogsClient(config()), pageSize: 2 }, {})) groups.push(...(page.logGroups ?? []));
    expect(groups.map((g) => [g.logGroupName, g.retentionInDays])).toEqual([["/app/0", undefined], ["/app/1", 365], ["/app/2", 365]]);
    const { metricFilters } = await new CloudWatchLogsClient(config()).send(new DescribeMetricFiltersCommand({ logGroupName: "/app/0" }));
    expect(metricFilters?.[0]?.metricTransformations?.[0]?.metricName).toBe("RootUsage");
    const { MetricAlarms } = await new CloudWatchClient(config()).send(new DescribeAlarmsCommand({}));
    expect(MetricAlarms?.[0]).toMatchObject({ AlarmName: "root-usage", MetricName: "RootUsage" });
  });

  it("Identity Center lists the instance, permission sets, assignments, users and group members", async () => {
    const sso = new SSOAdminClient(config());
    const { Instances } = await sso.send(new ListInstancesCommand({}));
    const instance = Instances?.[0];
    const { PermissionSets } = await sso.send(new ListPermissionSetsCommand({ InstanceArn: instance?.InstanceArn }));
    const { AccountAssignments } = await sso.send(new ListAccountAssignmentsCommand({ InstanceArn: instance?.InstanceArn, AccountId: member, PermissionSetArn: PermissionSets?.[0] }));
    expect(AccountAssignments?.[0]?.PrincipalType).toBe("GROUP");
    const store = new IdentitystoreClient(config());
    const { Users } = await store.send(new ListUsersCommand({ IdentityStoreId: instance?.IdentityStoreId }));
    const { Groups } = await store.send(new ListGroupsCommand({ IdentityStoreId: instance?.IdentityStoreId }));
    expect(Groups?.[0]?.GroupId).toBe(AccountAssignments?.[0]?.PrincipalId);
    const { GroupMemberships } = await store.send(new ListGroupMembershipsCommand({ IdentityStoreId: instance?.IdentityStoreId, GroupId: Groups?.[0]?.GroupId }));
    expect(GroupMemberships?.[0]?.MemberId).toEqual({ UserId: Users?.[0]?.UserId });
  });

  it("Secrets Manager shows rotation but never a secret value", async () => {
    const client = new SecretsManagerClient(config());
    const { SecretList } = await client.send(new ListSecretsCommand({}));
    expect(SecretList?.map((s) => [s.Name, s.RotationEnabled])).toEqual([["db", true], ["legacy-api", false]]);
    await expect(client.send(new GetSecretValueCommand({ SecretId: "db" }))).rejects.toMatchObject({ name: "AccessDeniedException" });
  });

  it("ACM lists certificates with expiry, and SSM shows patch compliance", async () => {
    const acm = new ACMClient(config());
    const { CertificateSummaryList } = await acm.send(new ListCertificatesCommand({ CertificateStatuses: ["EXPIRED"] }));
    expect(CertificateSummaryList?.map((c) => c.DomainName)).toEqual(["old.example.com"]);
    const cert = await acm.send(new DescribeCertificateCommand({ CertificateArn: CertificateSummaryList?.[0]?.CertificateArn }));
    expect(cert.Certificate?.NotAfter?.getUTCFullYear()).toBe(2024);
    const ssm = new SSMClient(config());
    const { ResourceComplianceSummaryItems } = await ssm.send(new ListResourceComplianceSummariesCommand({}));
    expect(ResourceComplianceSummaryItems?.map((r) => r.Status)).toEqual(["NON_COMPLIANT", "COMPLIANT"]);
    const { InstancePatchStates } = await ssm.send(new DescribeInstancePatchStatesCommand({ InstanceIds: ["i-0abc12345def67890"] }));
    expect(InstancePatchStates?.[0]?.CriticalNonCompliantCount).toBe(1);
  });
});
