// IAM over awsQuery: users, MFA, access keys (metadata and last use, never secrets), password
// policy, account summary, credential report, roles, customer managed policies (with their default
// version's document), the policies attached to or embedded in a user, login profiles.
import { unknownOperation } from "../../aws-errors.js";
import { registerBenchState } from "../../bench-scenario.js";
import { stableId } from "../../ids.js";
import { paginate } from "../../paginate.js";
import { numberParam, requiredString, stringParam } from "../../params.js";
import { querySuccess } from "../../protocols.js";
import { SimError } from "../../service.js";
import type { ServiceHandler, SimContext, SimRequest } from "../../service.js";
import { XmlList } from "../../xml.js";
import type { XmlValue } from "../../xml.js";
import { credentialReportCsv } from "./credential-report.js";
import { iamState } from "./state.js";
import type { IamState, IamUser } from "./state.js";

const namespace = "https://iam.amazonaws.com/doc/2010-05-08/";
type Result = { [key: string]: XmlValue };

const noSuchEntity = (message: string): SimError => new SimError("NoSuchEntity", message, 404);

/** Marker/MaxItems/IsTruncated pagination (default and maximum page: 100 and 1000, as IAM's). */
function page<T>(req: SimRequest, items: readonly T[]): { items: T[]; more: Result } {
  const { items: slice, next } = paginate(items, stringParam(req.params, "Marker"), numberParam(req.params, "MaxItems"), 100, { maxSize: 1000, invalidCode: "InvalidInput" });
  return { items: slice, more: { IsTruncated: next !== undefined, Marker: next } };
}

/** The user named in the request, or the calling IAM user when the name is omitted. */
function targetUser(req: SimRequest, state: IamState): IamUser {
  const name = stringParam(req.params, "UserName") ?? /:user\/(?:.*\/)?([^/]+)$/.exec(req.principalArn)?.[1];
  const user = state.users.find((u) => u.name === name);
  if (!user) throw noSuchEntity(`The user with name ${name ?? "(none)"} cannot be found.`);
  return user;
}

const userArn = (accountId: string, u: IamUser): string => `arn:aws:iam::${accountId}:user${u.path}${u.name}`;

function trustPolicy(accountIds: string[], services: string[]): string {
  const statements = [
    ...accountIds.map((id) => ({ Effect: "Allow", Principal: { AWS: `arn:aws:iam::${id}:root` }, Action: "sts:AssumeRole" })),
    ...services.map((service) => ({ Effect: "Allow", Principal: { Service: service }, Action: "sts:AssumeRole" })),
  ];
  return encodeURIComponent(JSON.stringify({ Version: "2012-10-17", Statement: statements }));
}

type Operation = (req: SimRequest, state: IamState, ctx: SimContext) => Result;

const operations: Record<string, Operation> = {
  ListUsers: (req, state, ctx) => {
    const prefix = stringParam(req.params, "PathPrefix") ?? "/";
    const { items, more } = page(req, state.users.filter((u) => u.path.startsWith(prefix)));
    const users = items.map((u) => ({
      Path: u.path, UserName: u.name, UserId: stableId("AIDA", `${ctx.account.id}/${u.name}`), Arn: userArn(ctx.account.id, u),
      CreateDate: u.created, PasswordLastUsed: u.console?.lastUsed,
    }));
    return { Users: users, ...more };
  },
  ListMFADevices: (req, state) => {
    const user = targetUser(req, state);
    const { items, more } = page(req, user.mfaDevices);
    return { MFADevices: items.map((d) => ({ UserName: user.name, SerialNumber: d.serial, EnableDate: d.enabled })), ...more };
  },
  ListAccessKeys: (req, state) => {
    const user = targetUser(req, state);
    const { items, more } = page(req, user.accessKeys);
    return { AccessKeyMetadata: items.map((k) => ({ UserName: user.name, AccessKeyId: k.id, Status: k.status, CreateDate: k.created })), ...more };
  },
  GetAccessKeyLastUsed: (req, state) => {
    const id = requiredString(req.params, "AccessKeyId", "ValidationError");
    const user = state.users.find((u) => u.accessKeys.some((k) => k.id === id));
    const key = user?.accessKeys.find((k) => k.id === id);
    if (!user || !key) throw new SimError("AccessDenied", `User: ${req.principalArn} is not authorized to perform: iam:GetAccessKeyLastUsed on resource: access key ${id}`, 403);
    const used = key.lastUsed;
    return { UserName: user.name, AccessKeyLastUsed: { LastUsedDate: used?.date, ServiceName: used?.service ?? "N/A", Region: used?.region ?? "N/A" } };
  },
  GetAccountPasswordPolicy: (_req, state, ctx) => {
    const p = state.passwordPolicy;
    if (!p) throw noSuchEntity(`The Password Policy with domain name ${ctx.account.id} cannot be found.`);
    return {
      PasswordPolicy: {
        MinimumPasswordLength: p.minimumPasswordLength, RequireSymbols: p.requireSymbols, RequireNumbers: p.requireNumbers,
        RequireUppercaseCharacters: p.requireUppercase, RequireLowercaseCharacters: p.requireLowercase,
        AllowUsersToChangePassword: p.allowUsersToChangePassword, ExpirePasswords: p.maxPasswordAge !== undefined,
        MaxPasswordAge: p.maxPasswordAge, PasswordReusePrevention: p.passwordReusePrevention, HardExpiry: p.hardExpiry,
      },
    };
  },
  GetAccountSummary: (_req, state) => {
    const devices = state.users.reduce((n, u) => n + u.mfaDevices.length, 0);
    const summary: Record<string, number> = {
      Users: state.users.length, UsersQuota: 5000, Groups: 0, GroupsQuota: 300, Roles: state.roles.length, RolesQuota: 1000,
      Policies: state.policies.length, PoliciesQuota: 1500, MFADevices: devices + (state.root.mfa ? 1 : 0), MFADevicesInUse: devices + (state.root.mfa ? 1 : 0),
      AccountMFAEnabled: state.root.mfa ? 1 : 0, AccountAccessKeysPresent: state.root.accessKeys > 0 ? 1 : 0,
      AccountSigningCertificatesPresent: 0, AccessKeysPerUserQuota: 2, ServerCertificates: 0, ServerCertificatesQuota: 20,
    };
    return { SummaryMap: new XmlList(Object.entries(summary).map(([key, value]) => ({ key, value })), "entry") };
  },
  GenerateCredentialReport: (_req, state) => {
    const fresh = state.credentialReportGenerated !== undefined && Date.now() - Date.parse(state.credentialReportGenerated) < 4 * 3_600_000;
    if (!fresh) state.credentialReportGenerated = new Date().toISOString();
    return { State: "COMPLETE", Description: fresh ? "Report is fresh; no new report was generated." : "No report exists. Starting a new report generation task" };
  },
  GetCredentialReport: (_req, state, ctx) => {
    if (!state.credentialReportGenerated) throw new SimError("ReportNotPresent", "Unable to find a credential report. Call GenerateCredentialReport.", 410);
    const csv = credentialReportCsv(ctx.account.id, state, ctx.account.joined);
    return { Content: Buffer.from(csv).toString("base64"), ReportFormat: "text/csv", GeneratedTime: state.credentialReportGenerated };
  },
  ListRoles: (req, state, ctx) => {
    const prefix = stringParam(req.params, "PathPrefix") ?? "/";
    const { items, more } = page(req, state.roles.filter((r) => r.path.startsWith(prefix)));
    const roles = items.map((r) => ({
      Path: r.path, RoleName: r.name, RoleId: stableId("AROA", `${ctx.account.id}/${r.name}`), Arn: `arn:aws:iam::${ctx.account.id}:role${r.path}${r.name}`,
      CreateDate: r.created, AssumeRolePolicyDocument: trustPolicy(r.trustedAccounts, r.trustedServices), Description: r.description || undefined,
      MaxSessionDuration: r.maxSessionDuration,
    }));
    return { Roles: roles, ...more };
  },
  ListPolicies: (req, state, ctx) => {
    // Only customer managed policies are simulated: Scope=AWS lists none.
    const scope = stringParam(req.params, "Scope") ?? "All";
    const onlyAttached = stringParam(req.params, "OnlyAttached") === "true";
    const local = scope === "AWS" ? [] : state.policies.filter((p) => !onlyAttached || p.attachmentCount > 0);
    const { items, more } = page(req, local);
    const policies = items.map((p) => ({
      PolicyName: p.name, PolicyId: stableId("ANPA", `${ctx.account.id}/${p.name}`), Arn: `arn:aws:iam::${ctx.account.id}:policy${p.path}${p.name}`,
      Path: p.path, DefaultVersionId: "v1", AttachmentCount: p.attachmentCount, PermissionsBoundaryUsageCount: 0, IsAttachable: true,
      CreateDate: p.created, UpdateDate: p.updated ?? p.created,
    }));
    return { Policies: policies, ...more };
  },
  GetPolicyVersion: (req, state, ctx) => {
    const arn = requiredString(req.params, "PolicyArn", "ValidationError");
    const versionId = requiredString(req.params, "VersionId", "ValidationError");
    const policy = state.policies.find((p) => `arn:aws:iam::${ctx.account.id}:policy${p.path}${p.name}` === arn);
    // Every simulated policy has one version, v1 (as ListPolicies' DefaultVersionId says).
    if (!policy || versionId !== "v1") throw noSuchEntity(`Policy ${arn} version ${versionId} does not exist or is not attachable.`);
    return { PolicyVersion: { Document: encodeURIComponent(JSON.stringify(policy.document)), VersionId: "v1", IsDefaultVersion: true, CreateDate: policy.updated ?? policy.created } };
  },
  ListAttachedUserPolicies: (req, state) => {
    const { items, more } = page(req, targetUser(req, state).attachedPolicies);
    return { AttachedPolicies: items.map((arn) => ({ PolicyName: arn.slice(arn.lastIndexOf("/") + 1), PolicyArn: arn })), ...more };
  },
  ListUserPolicies: (req, state) => {
    const { items, more } = page(req, targetUser(req, state).inlinePolicies);
    return { PolicyNames: items.map((p) => p.name), ...more };
  },
  GetLoginProfile: (req, state) => {
    const user = targetUser(req, state);
    if (!user.console) throw noSuchEntity(`Login Profile for User ${user.name} cannot be found.`);
    return { LoginProfile: { UserName: user.name, CreateDate: user.console.created ?? user.created, PasswordResetRequired: false } };
  },
};

export const iamHandler: ServiceHandler = {
  service: "iam",
  protocol: "awsQuery",
  handle(req, ctx) {
    const operation = operations[req.operation];
    if (!operation) throw unknownOperation("awsQuery", "iam", req.operation);
    return querySuccess(req.operation, namespace, operation(req, ctx.globalState("iam", iamState), ctx), ctx.requestId);
  },
};

export const handlers: ServiceHandler[] = [iamHandler];

// Bench: M users per account (every third without MFA, every fourth with an access key) and the collector role.
registerBenchState("iam", "global", ({ accountId, managementAccount, resources }) => ({
  root: { mfa: true },
  users: Array.from({ length: resources }, (_, i) => ({
    name: `user-${i}`,
    created: "2024-01-01T00:00:00Z",
    console: { created: "2024-01-01T00:00:00Z" },
    mfaDevices: i % 3 === 0 ? [] : [{ serial: `arn:aws:iam::${accountId}:mfa/user-${i}`, enabled: "2024-01-01T00:00:00Z" }],
    accessKeys: i % 4 === 0 ? [{ id: `AKIA${stableId("", `${accountId}/${i}`, 16)}`, created: "2024-01-01T00:00:00Z" }] : [],
  })),
  roles: [{ name: "ISMSCollector", trustedAccounts: [managementAccount] }],
}));
