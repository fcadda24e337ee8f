import { GetAccountPasswordPolicyCommand, GetAccountSummaryCommand, GetCredentialReportCommand, GenerateCredentialReportCommand, IAMClient, ListUsersCommand, paginateListUsers } from "@aws-sdk/client-iam";
import { AssumeRoleCommand, GetCallerIdentityCommand, STSClient } from "@aws-sdk/client-sts";
import { afterEach, describe, expect, it } from "vitest";
import { startSimulator } from "./server.js";
import type { Simulator } from "./server.js";
import { management, managementKey, member, memberKey, twoAccountScenario } from "./test-scenario.js";

const users = (n: number): unknown[] =>
  Array.from({ length: n }, (_, i) => ({ name: `user-${String(i).padStart(2, "0")}`, created: "2024-03-01T10:00:00Z" }));

let sim: Simulator | undefined;
afterEach(async () => {
  await sim?.close();
  sim = undefined;
});

async function start(state: Record<string, unknown>, extra: Record<string, unknown> = {}): Promise<Simulator> {
  sim = await startSimulator({ scenario: await twoAccountScenario(state, extra) });
  return sim;
}

const iam = (s: Simulator, key = managementKey): IAMClient => new IAMClient({ endpoint: s.url, region: "us-east-1", credentials: key, maxAttempts: 3 });

describe("awsQuery (IAM, STS) through the real SDK", () => {
  it("pages through users with Marker and IsTruncated via the SDK paginator", async () => {
    const s = await start({ [management]: { global: { iam: { users: users(7) } } } });
    const names: string[] = [];
    for await (const page of paginateListUsers({ client: iam(s), pageSize: 3 }, {})) names.push(...(page.Users ?? []).map((u) => u.UserName ?? ""));
    expect(names).toHaveLength(7);
    expect(names[6]).toBe("user-06");
    expect(s.calls.count(["service", "operation"])).toEqual({ "iam ListUsers": 3 });
  });

  it("a throttled call succeeds on the SDK's retry", async () => {
    const s = await start({ [management]: { global: { iam: { users: users(1) } } } });
    s.setFaults({ inject: [{ fault: "throttle", service: "iam", operation: "ListUsers", times: 1 }] });
    const out = await iam(s).send(new ListUsersCommand({}));
    expect(out.Users).toHaveLength(1);
    expect(s.calls.calls.map((c) => c.error ?? "ok")).toEqual(["Throttling", "ok"]);
  });

  it("a service denied by an SCP answers AccessDenied", async () => {
    const s = await start({}, { serviceControlPolicies: [{ id: "p-denyiam01", name: "DenyIam", denyServices: ["iam"], targets: ["ou-ab12-workloads"] }] });
    await expect(iam(s, memberKey).send(new ListUsersCommand({}))).rejects.toMatchObject({ name: "AccessDenied" });
    await expect(iam(s).send(new ListUsersCommand({}))).resolves.toBeDefined();
  });

  it("an unknown access key is an invalid client token", async () => {
    const s = await start({});
    await expect(iam(s, { accessKeyId: "AKIANOBODY00000000", secretAccessKey: "x" }).send(new ListUsersCommand({}))).rejects.toMatchObject({ name: "InvalidClientTokenId" });
  });

  it("a request signed with the wrong secret does not match its signature", async () => {
    const s = await start({});
    const wrong = { accessKeyId: managementKey.accessKeyId, secretAccessKey: "not-the-secret" };
    await expect(iam(s, wrong).send(new ListUsersCommand({}))).rejects.toMatchObject({ name: "SignatureDoesNotMatch" });
  });

  it("a server error is retried by the SDK", async () => {
    const s = await start({});
    s.setFaults({ inject: [{ fault: "serverError", service: "iam" }] });
    await expect(iam(s).send(new ListUsersCommand({}))).resolves.toBeDefined();
    expect(s.calls.calls.map((c) => c.error ?? "ok")).toEqual(["ServiceUnavailable", "ok"]);
  });

  it("an account without a password policy answers NoSuchEntity", async () => {
    const s = await start({});
    await expect(iam(s).send(new GetAccountPasswordPolicyCommand({}))).rejects.toMatchObject({ name: "NoSuchEntityException" });
  });

  it("the account summary and the credential report show root MFA and a user's keys", async () => {
    const s = await start({
      [management]: { global: { iam: { root: { mfa: true }, users: [{ name: "ci", created: "2022-01-01T00:00:00Z", accessKeys: [{ id: "AKIAOLDKEY00000001", created: "2022-01-02T00:00:00Z" }] }] } } },
    });
    const summary = await iam(s).send(new GetAccountSummaryCommand({}));
    expect(summary.SummaryMap?.AccountMFAEnabled).toBe(1);
    await expect(iam(s).send(new GetCredentialReportCommand({}))).rejects.toMatchObject({ name: "CredentialReportNotPresentException" });
    await iam(s).send(new GenerateCredentialReportCommand({}));
    const report = await iam(s).send(new GetCredentialReportCommand({}));
    const rows = Buffer.from(report.Content ?? new Uint8Array()).toString("utf8").split("\n");
    expect(rows[0]?.startsWith("user,arn,user_creation_time,password_enabled")).toBe(true);
    expect(rows[1]).toContain("<root_account>");
    expect(rows[2]).toMatch(/^ci,arn:aws:iam::111111111111:user\/ci,.*,false,N\/A,N\/A,N\/A,false,true,2022-01-02T00:00:00\+00:00/);
  });
});

describe("STS identity", () => {
  const role = { name: "OrganizationAccountAccessRole", trustedAccounts: [management] };

  it("AssumeRole into a member account returns credentials bound to that account", async () => {
    const s = await start({ [member]: { global: { iam: { roles: [role] } } } });
    const sts = new STSClient({ endpoint: s.url, region: "eu-west-1", credentials: managementKey });
    expect((await sts.send(new GetCallerIdentityCommand({}))).Account).toBe(management);
    const assumed = await sts.send(new AssumeRoleCommand({ RoleArn: `arn:aws:iam::${member}:role/${role.name}`, RoleSessionName: "collector" }));
    const creds = assumed.Credentials;
    const asMember = new STSClient({
      endpoint: s.url, region: "eu-west-1",
      credentials: { accessKeyId: creds?.AccessKeyId ?? "", secretAccessKey: creds?.SecretAccessKey ?? "", sessionToken: creds?.SessionToken ?? "" },
    });
    const me = await asMember.send(new GetCallerIdentityCommand({}));
    expect(me.Account).toBe(member);
    expect(me.Arn).toBe(`arn:aws:sts::${member}:assumed-role/${role.name}/collector`);
  });

  it("AssumeRole is denied when the role does not trust the caller's account or does not exist", async () => {
    const s = await start({ [management]: { global: { iam: { roles: [{ name: "Admin", trustedAccounts: [management] }] } } } });
    const sts = new STSClient({ endpoint: s.url, region: "us-east-1", credentials: memberKey });
    await expect(sts.send(new AssumeRoleCommand({ RoleArn: `arn:aws:iam::${management}:role/Admin`, RoleSessionName: "x" }))).rejects.toMatchObject({ name: "AccessDenied" });
    await expect(sts.send(new AssumeRoleCommand({ RoleArn: `arn:aws:iam::${management}:role/Nope`, RoleSessionName: "x" }))).rejects.toMatchObject({ name: "AccessDenied" });
  });

  it("a disabled opt-in region answers as if the token were invalid", async () => {
    const s = await start({});
    const sts = new STSClient({ endpoint: s.url, region: "af-south-1", credentials: managementKey });
    await expect(sts.send(new GetCallerIdentityCommand({}))).rejects.toMatchObject({ name: "InvalidClientTokenId" });
  });

  it("an opt-in region the account enabled answers", async () => {
    sim = await startSimulator({ scenario: await twoAccountScenario({}, {}, { [management]: ["af-south-1"] }) });
    const sts = new STSClient({ endpoint: sim.url, region: "af-south-1", credentials: managementKey });
    await expect(sts.send(new GetCallerIdentityCommand({}))).resolves.toMatchObject({ Account: management });
  });
});
