// Passing and failing fixtures of the identity and access checks, and the factories that build
// their snapshots as the collectors record them (one account, 111111111111, as checks.test.ts wants).
import type { Snapshot } from "../snapshot.js";
import { account, collected, collectedAt } from "./test-snapshots.js";
import type { CheckFixture } from "./test-snapshots.js";

/** An ISO time `days` before the fixtures' collection. */
export const daysAgo = (days: number): string => new Date(Date.parse(collectedAt) - days * 86_400_000).toISOString().replace(/\.\d{3}Z$/, "+00:00");

const reportColumns = [
  "user", "arn", "user_creation_time", "password_enabled", "password_last_used", "password_last_changed", "password_next_rotation", "mfa_active",
  "access_key_1_active", "access_key_1_last_rotated", "access_key_1_last_used_date", "access_key_1_last_used_region", "access_key_1_last_used_service",
  "access_key_2_active", "access_key_2_last_rotated", "access_key_2_last_used_date", "access_key_2_last_used_region", "access_key_2_last_used_service",
  "cert_1_active", "cert_1_last_rotated", "cert_2_active", "cert_2_last_rotated",
] as const;
type ReportRow = Partial<Record<(typeof reportColumns)[number], string>>;

/** The credential report with all of AWS's columns; the root row first, cells AWS would write "N/A" by default. */
export function fullCredentialReport(root: ReportRow, users: readonly ReportRow[]): Snapshot {
  const rootRow: ReportRow = { user: "<root_account>", arn: `arn:aws:iam::${account}:root`, user_creation_time: daysAgo(2000), password_enabled: "not_supported", password_last_used: "no_information", mfa_active: "true", access_key_1_active: "false", access_key_2_active: "false", ...root };
  const userRow = (u: ReportRow): ReportRow => ({ arn: `arn:aws:iam::${account}:user/${u.user ?? ""}`, user_creation_time: daysAgo(400), password_enabled: "false", mfa_active: "true", access_key_1_active: "false", access_key_2_active: "false", ...u });
  const line = (row: ReportRow) => reportColumns.map((c) => row[c] ?? "N/A").join(",");
  return collected("iam", "GetCredentialReport", [{ Content: [reportColumns.join(","), line(rootRow), ...users.map((u) => line(userRow(u)))].join("\n"), ReportFormat: "text/csv" }]);
}

export function strongPasswordPolicy(overrides: Record<string, unknown> = {}): Snapshot {
  const policy = { MinimumPasswordLength: 14, PasswordReusePrevention: 24, AllowUsersToChangePassword: true, ExpirePasswords: false, HardExpiry: false, ...overrides };
  return collected("iam", "GetAccountPasswordPolicy", [{ PasswordPolicy: policy }]);
}

/** ListPolicies (attached customer managed) and each policy's default version with its URL-encoded document. */
export function customerPolicies(policies: readonly { name: string; document: unknown }[]): Snapshot[] {
  const arn = (name: string) => `arn:aws:iam::${account}:policy/${name}`;
  const listing = collected("iam", "ListPolicies", [{ Policies: policies.map((p) => ({ PolicyName: p.name, Arn: arn(p.name), DefaultVersionId: "v1", AttachmentCount: 1 })) }], {
    params: { Scope: "Local", OnlyAttached: true },
  });
  const versions = policies.map((p) =>
    collected("iam", "GetPolicyVersion", [{ PolicyVersion: { Document: encodeURIComponent(JSON.stringify(p.document)), VersionId: "v1", IsDefaultVersion: true } }], { params: { PolicyArn: arn(p.name), VersionId: "v1" } }),
  );
  return [listing, ...versions];
}

export const allowAll = { Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "*", Resource: "*" }] };
export const deployOnly = { Version: "2012-10-17", Statement: { Effect: "Allow", Action: ["ecr:*", "ecs:UpdateService"], Resource: "*" } };

/** A user's attached and inline policies as ListAttachedUserPolicies and ListUserPolicies give them. */
export function userPolicies(user: string, attached: readonly string[], inline: readonly string[] = []): Snapshot[] {
  const where = { params: { UserName: user } };
  return [
    collected("iam", "ListAttachedUserPolicies", [{ AttachedPolicies: attached.map((name) => ({ PolicyName: name, PolicyArn: `arn:aws:iam::aws:policy/${name}` })) }], where),
    collected("iam", "ListUserPolicies", [{ PolicyNames: [...inline] }], where),
  ];
}

export const instanceArn = "arn:aws:sso:::instance/ssoins-1111111111111111";
export const permissionSetArn = (name: string) => `arn:aws:sso:::permissionSet/ssoins-1111111111111111/ps-${name.toLowerCase()}`;

export function ssoInstances(region: string, arns: readonly string[], inAccount = account): Snapshot {
  return collected("sso", "ListInstances", [{ Instances: arns.map((InstanceArn) => ({ InstanceArn, IdentityStoreId: "d-1111111111", OwnerAccountId: inAccount, Status: "ACTIVE" })) }], {
    region,
    account: inAccount,
  });
}

/** An instance's permission sets, listed and described, with their session durations. */
export function permissionSets(sets: readonly { name: string; duration: string }[]): Snapshot[] {
  const where = { region: "eu-west-1" };
  return [
    collected("sso", "ListPermissionSets", [{ PermissionSets: sets.map((s) => permissionSetArn(s.name)) }], { ...where, params: { InstanceArn: instanceArn } }),
    ...sets.map((s) =>
      collected("sso", "DescribePermissionSet", [{ PermissionSet: { Name: s.name, PermissionSetArn: permissionSetArn(s.name), SessionDuration: s.duration } }], {
        ...where,
        params: { InstanceArn: instanceArn, PermissionSetArn: permissionSetArn(s.name) },
      }),
    ),
  ];
}

export function analyzers(region: string, list: readonly { name: string; type: string; status?: string }[], inAccount = account): Snapshot {
  const out = list.map((a) => ({ arn: `arn:aws:access-analyzer:${region}:${inAccount}:analyzer/${a.name}`, name: a.name, type: a.type, status: a.status ?? "ACTIVE" }));
  return collected("access-analyzer", "ListAnalyzers", [{ analyzers: out }], { region, account: inAccount });
}

export function secrets(region: string, list: readonly { name: string; rotationDays?: number; rotatedDaysAgo?: number }[]): Snapshot {
  const secretList = list.map((s) => ({
    ARN: `arn:aws:secretsmanager:${region}:${account}:secret:${s.name}-AbCdEf`,
    Name: s.name,
    RotationEnabled: s.rotationDays !== undefined,
    ...(s.rotationDays !== undefined ? { RotationRules: { AutomaticallyAfterDays: s.rotationDays } } : {}),
    ...(s.rotatedDaysAgo !== undefined ? { LastRotatedDate: daysAgo(s.rotatedDaysAgo) } : {}),
    CreatedDate: daysAgo(700),
  }));
  return collected("secretsmanager", "ListSecrets", [{ SecretList: secretList }], { region });
}

export const organizationId = "o-fixture0001";

export function describeOrganization(management: string, featureSet = "ALL", inAccount = account): Snapshot {
  const organization = { Id: organizationId, Arn: `arn:aws:organizations::${management}:organization/${organizationId}`, FeatureSet: featureSet, MasterAccountId: management };
  return collected("organizations", "DescribeOrganization", [{ Organization: organization }], { account: inAccount });
}

/**
 * The fixture account as management of an organization: the root r-fx01 holds it and the OU
 * ou-fx01-workloads, which holds `member`; each SCP is attached to the given targets.
 */
export function organizationWithScps(member: string, scps: readonly { id: string; name: string; awsManaged?: boolean; content: unknown; targets: readonly string[] }[]): Snapshot[] {
  const parent = (ParentId: string, ous: readonly string[], accounts: readonly string[]) => [
    collected("organizations", "ListOrganizationalUnitsForParent", [{ OrganizationalUnits: ous.map((Id) => ({ Id })) }], { params: { ParentId } }),
    collected("organizations", "ListAccountsForParent", [{ Accounts: accounts.map((Id) => ({ Id, Name: Id === member ? "workload" : "management" })) }], { params: { ParentId } }),
  ];
  const policy = (id: string) => ({ params: { PolicyId: id } });
  return [
    describeOrganization(account),
    collected("organizations", "ListRoots", [{ Roots: [{ Id: "r-fx01" }] }]),
    ...parent("r-fx01", ["ou-fx01-workloads"], [account]),
    ...parent("ou-fx01-workloads", [], [member]),
    collected("organizations", "ListPolicies", [{ Policies: scps.map((p) => ({ Id: p.id, Name: p.name, AwsManaged: p.awsManaged ?? false, Type: "SERVICE_CONTROL_POLICY" })) }], {
      params: { Filter: "SERVICE_CONTROL_POLICY" },
    }),
    ...scps.flatMap((p) => [
      collected("organizations", "DescribePolicy", [{ Policy: { PolicySummary: { Id: p.id, Name: p.name }, Content: JSON.stringify(p.content) } }], policy(p.id)),
      collected("organizations", "ListTargetsForPolicy", [{ Targets: p.targets.map((TargetId) => ({ TargetId })) }], policy(p.id)),
    ]),
  ];
}

export const fullAwsAccess = { id: "p-FullAWSAccess", name: "FullAWSAccess", awsManaged: true, content: allowAll, targets: ["r-fx01", "ou-fx01-workloads"] };
export const denyLeaving = { id: "p-denyleave1", name: "DenyLeavingOrganization", content: { Version: "2012-10-17", Statement: [{ Effect: "Deny", Action: "organizations:LeaveOrganization", Resource: "*" }] } };
const member = "222222222222";

export const identityFixtures: readonly CheckFixture[] = [
  ["iam-password-policy-strength", [strongPasswordPolicy()], [strongPasswordPolicy({ PasswordReusePrevention: 5 })]],
  [
    "iam-user-unused-credentials",
    [
      fullCredentialReport({}, [
        { user: "alice", password_enabled: "true", password_last_used: daysAgo(10), access_key_1_active: "true", access_key_1_last_rotated: daysAgo(60), access_key_1_last_used_date: daysAgo(2) },
        { user: "new-hire", password_enabled: "true", password_last_used: "no_information", password_last_changed: daysAgo(3), user_creation_time: daysAgo(3) },
        { user: "retired-bot", access_key_1_active: "false", access_key_1_last_rotated: daysAgo(900) },
      ]),
    ],
    [fullCredentialReport({}, [{ user: "carol", password_enabled: "true", password_last_used: daysAgo(100) }])],
  ],
  ["iam-root-recent-use", [fullCredentialReport({ password_last_used: daysAgo(200) }, [])], [fullCredentialReport({ password_last_used: daysAgo(5) }, [])]],
  ["iam-policy-no-full-admin", customerPolicies([{ name: "deploy-pipeline", document: deployOnly }]), customerPolicies([{ name: "deploy-pipeline", document: deployOnly }, { name: "ops-admin", document: allowAll }])],
  ["iam-user-no-direct-policies", userPolicies("alice", []), [...userPolicies("alice", []), ...userPolicies("bob", ["AdministratorAccess"], ["s3-debug"])]],
  ["identity-center-enabled", [ssoInstances("eu-west-1", [instanceArn]), ssoInstances("us-east-1", [])], [describeOrganization(account), ssoInstances("eu-west-1", []), ssoInstances("us-east-1", [])]],
  [
    "identity-center-session-duration",
    permissionSets([{ name: "AdministratorAccess", duration: "PT1H" }, { name: "ReadOnly", duration: "PT8H" }]),
    permissionSets([{ name: "AdministratorAccess", duration: "PT1H" }, { name: "Developer", duration: "PT12H" }]),
  ],
  ["access-analyzer-enabled", [analyzers("eu-west-1", [{ name: "account", type: "ACCOUNT" }])], [analyzers("eu-west-1", [{ name: "account", type: "ACCOUNT" }]), analyzers("us-east-1", [])]],
  ["access-analyzer-unused-access", [analyzers("eu-west-1", [{ name: "unused", type: "ACCOUNT_UNUSED_ACCESS" }])], [analyzers("eu-west-1", [{ name: "account", type: "ACCOUNT" }])]],
  [
    "secretsmanager-rotation",
    [secrets("eu-west-1", [{ name: "prod/db", rotationDays: 30, rotatedDaysAgo: 12 }])],
    [secrets("eu-west-1", [{ name: "prod/db", rotationDays: 30, rotatedDaysAgo: 12 }, { name: "stripe-key" }])],
  ],
  [
    "organizations-scp-guardrails",
    organizationWithScps(member, [fullAwsAccess, { ...denyLeaving, targets: ["r-fx01"] }]),
    organizationWithScps(member, [fullAwsAccess, { ...denyLeaving, targets: [] }]),
  ],
  ["organizations-all-features", [describeOrganization(account)], [describeOrganization(account, "CONSOLIDATED_BILLING")]],
];
