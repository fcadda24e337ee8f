import { describe, expect, it } from "vitest";
import { iamPasswordPolicyStrength } from "./iam-account.js";
import { accessAnalyzerEnabled, accessAnalyzerUnusedAccess } from "./identity-access-analyzer.js";
import { durationMinutes, identityCenterEnabled, identityCenterSessionDuration } from "./identity-center.js";
import { iamRootRecentUse, iamUserUnusedCredentials } from "./identity-credentials.js";
import { iamPolicyNoFullAdmin, iamUserNoDirectPolicies } from "./identity-iam-policies.js";
import { organizationsAllFeatures, organizationsScpGuardrails } from "./identity-organizations.js";
import { scheduleDays, secretsManagerRotation } from "./identity-secrets.js";
import {
  allowAll,
  analyzers,
  customerPolicies,
  daysAgo,
  denyLeaving,
  describeOrganization,
  fullAwsAccess,
  fullCredentialReport,
  instanceArn,
  organizationWithScps,
  permissionSetArn,
  secrets,
  ssoInstances,
  strongPasswordPolicy,
  userPolicies,
} from "./identity.fixtures.js";
import { account, collected, failed } from "./test-snapshots.js";

const member = "222222222222";
const outsider = "333333333333";
const statuses = (results: readonly { status: string }[]) => results.map((r) => r.status);

describe("the IAM identity checks", () => {
  it("a password policy with hard expiry fails even when it remembers enough passwords", () => {
    const [result] = iamPasswordPolicyStrength.evaluate([strongPasswordPolicy({ HardExpiry: true })]);
    expect(result).toMatchObject({ status: "fail", detail: "The policy an expired password locks the user out until an administrator resets it" });
  });

  it("an account without a password policy fails password strength", () => {
    expect(statuses(iamPasswordPolicyStrength.evaluate([failed("iam", "GetAccountPasswordPolicy", "absent", "NoSuchEntity")]))).toEqual(["fail"]);
  });

  it("a password never used counts from its last change, and an old never-used key fails", () => {
    const report = fullCredentialReport({}, [
      { user: "joiner", password_enabled: "true", password_last_used: "no_information", password_last_changed: daysAgo(60) },
      { user: "bot", access_key_2_active: "true", access_key_2_last_rotated: daysAgo(50), access_key_2_last_used_date: "N/A" },
    ]);
    expect(iamUserUnusedCredentials.evaluate([report]).map((r) => [r.status, r.detail])).toEqual([
      ["fail", `joiner: console password never used since ${daysAgo(60).slice(0, 10)}`],
      ["fail", `bot: access key 2 never used since ${daysAgo(50).slice(0, 10)}`],
    ]);
  });

  it("a credential report the role may not read leaves unused credentials and root use unknown", () => {
    const denied = failed("iam", "GetCredentialReport", "access-denied", "AccessDenied");
    expect(statuses(iamUserUnusedCredentials.evaluate([denied]))).toEqual(["unknown"]);
    expect(statuses(iamRootRecentUse.evaluate([denied]))).toEqual(["unknown"]);
  });

  it("a root access key used last week is recent use of the root user", () => {
    const [result] = iamRootRecentUse.evaluate([fullCredentialReport({ access_key_1_active: "true", access_key_1_last_used_date: daysAgo(7) }, [])]);
    expect(result).toMatchObject({ status: "fail", detail: `The root user used access key 1 on ${daysAgo(7).slice(0, 10)}` });
  });

  it("a full-access statement hidden among others fails, and a policy whose version was not read is unknown", () => {
    const [listing, version] = customerPolicies([{ name: "mixed", document: { Statement: [{ Effect: "Deny", Action: "iam:*", Resource: "*" }, ...allowAll.Statement] } }]);
    if (!listing || !version) throw new Error("fixture");
    expect(statuses(iamPolicyNoFullAdmin.evaluate([listing, version]))).toEqual(["fail"]);
    expect(statuses(iamPolicyNoFullAdmin.evaluate([listing]))).toEqual(["unknown"]);
  });

  it("a user whose inline policies could not be listed is unknown", () => {
    const [attached] = userPolicies("alice", []);
    if (!attached) throw new Error("fixture");
    const inline = failed("iam", "ListUserPolicies", "access-denied", "AccessDenied", { params: { UserName: "alice" } });
    expect(iamUserNoDirectPolicies.evaluate([attached, inline])).toMatchObject([{ resource: `arn:aws:iam::${account}:user/alice`, status: "unknown" }]);
  });
});

describe("the Identity Center checks", () => {
  it("a member is covered by its management account's instance", () => {
    const snapshots = [describeOrganization(account, "ALL", member), ssoInstances("eu-west-1", [], member), ssoInstances("eu-west-1", [instanceArn])];
    const results = identityCenterEnabled.evaluate(snapshots);
    expect(results.find((r) => r.account === member)).toMatchObject({ status: "pass", detail: `Covered by the organization's instance ${instanceArn} (account ${account}, eu-west-1)` });
  });

  it("a member whose management account was not collected is unknown, not failing", () => {
    const results = identityCenterEnabled.evaluate([describeOrganization(account, "ALL", member), ssoInstances("eu-west-1", [], member)]);
    expect(statuses(results)).toEqual(["unknown"]);
  });

  it("a region whose instances could not be listed leaves the account unknown", () => {
    const denied = failed("sso", "ListInstances", "access-denied", "AccessDeniedException", { region: "us-east-1" });
    expect(statuses(identityCenterEnabled.evaluate([ssoInstances("eu-west-1", []), denied]))).toEqual(["unknown"]);
  });

  it("a permission set without a session duration has AWS's one hour", () => {
    const listing = collected("sso", "ListPermissionSets", [{ PermissionSets: [permissionSetArn("Plain")] }], { region: "eu-west-1", params: { InstanceArn: instanceArn } });
    const described = collected("sso", "DescribePermissionSet", [{ PermissionSet: { Name: "Plain" } }], { region: "eu-west-1", params: { InstanceArn: instanceArn, PermissionSetArn: permissionSetArn("Plain") } });
    expect(identityCenterSessionDuration.evaluate([listing, described])).toMatchObject([{ status: "pass", detail: "Plain's sessions last 1h" }]);
    expect(identityCenterSessionDuration.evaluate([listing])).toMatchObject([{ status: "unknown" }]);
  });

  it("reads ISO 8601 session durations in minutes", () => {
    expect([durationMinutes("PT8H"), durationMinutes("PT1H30M"), durationMinutes("PT45M"), durationMinutes("P1D"), durationMinutes("PT")]).toEqual([480, 90, 45, undefined, undefined]);
  });
});

describe("the Access Analyzer checks", () => {
  const orgAnalyzer = analyzers("eu-west-1", [{ name: "org", type: "ORGANIZATION" }, { name: "org-unused", type: "ORGANIZATION_UNUSED_ACCESS" }], member);

  it("an organization analyzer in the delegated administrator covers the other members, not outsiders", () => {
    const snapshots = [
      describeOrganization("999999999999", "ALL", account),
      describeOrganization("999999999999", "ALL", member),
      collected("organizations", "DescribeOrganization", [{ Organization: { Id: "o-another00001", MasterAccountId: outsider } }], { account: outsider }),
      analyzers("eu-west-1", [], account),
      analyzers("eu-west-1", [], outsider),
      orgAnalyzer,
    ];
    const external = Object.fromEntries(accessAnalyzerEnabled.evaluate(snapshots).map((r) => [r.account, r.status]));
    expect(external).toEqual({ [account]: "pass", [outsider]: "fail", [member]: "pass" });
    const unused = Object.fromEntries(accessAnalyzerUnusedAccess.evaluate(snapshots).map((r) => [r.account, r.status]));
    expect(unused).toEqual({ [account]: "pass", [outsider]: "fail", [member]: "pass" });
  });

  it("an organization analyzer elsewhere is no proof for an account whose organization is unknown", () => {
    expect(statuses(accessAnalyzerEnabled.evaluate([analyzers("eu-west-1", [], account), orgAnalyzer]).filter((r) => r.account === account))).toEqual(["unknown"]);
  });

  it("a denied listing is unknown, a disabled region is left out, and a disabled analyzer does not count", () => {
    const results = accessAnalyzerEnabled.evaluate([
      failed("access-analyzer", "ListAnalyzers", "access-denied", "AccessDeniedException", { region: "us-east-1" }),
      failed("access-analyzer", "ListAnalyzers", "region-disabled", "UnrecognizedClientException", { region: "me-south-1" }),
      analyzers("eu-west-1", [{ name: "old", type: "ACCOUNT", status: "DISABLED" }]),
    ]);
    expect(results.map((r) => [r.region, r.status])).toEqual([
      ["us-east-1", "unknown"],
      ["eu-west-1", "fail"],
    ]);
  });
});

describe("the Secrets Manager rotation check", () => {
  it("fails a secret rotated less often than its schedule or on a schedule longer than 90 days", () => {
    const results = secretsManagerRotation.evaluate([
      secrets("eu-west-1", [{ name: "overdue", rotationDays: 30, rotatedDaysAgo: 45 }, { name: "yearly", rotationDays: 365, rotatedDaysAgo: 10 }, { name: "never-rotated", rotationDays: 30 }]),
    ]);
    expect(results.map((r) => r.detail)).toEqual([
      "overdue rotates every 30 days but was last rotated 45 days ago: rotation is failing",
      "yearly rotates every 365 days, longer than 90",
      "never-rotated rotates every 30 days but was never rotated, created 700 days ago: rotation is failing",
    ]);
    expect(statuses(results)).toEqual(["fail", "fail", "fail"]);
  });

  it("reads rate() schedules and leaves cron schedules to the 90-day limit", () => {
    expect([scheduleDays({ ScheduleExpression: "rate(12 hours)" }), scheduleDays({ ScheduleExpression: "rate(10 days)" }), scheduleDays({ ScheduleExpression: "cron(0 4 1 * ? *)" })]).toEqual([0.5, 10, undefined]);
  });

  it("a region whose secrets could not be listed is unknown", () => {
    const results = secretsManagerRotation.evaluate([failed("secretsmanager", "ListSecrets", "access-denied", "AccessDeniedException", { region: "eu-west-1" })]);
    expect(results).toMatchObject([{ resource: `${account}/eu-west-1`, status: "unknown" }]);
  });
});

describe("the Organizations checks", () => {
  it("a customer SCP that allows everything is no guardrail", () => {
    const copy = { id: "p-allowall01", name: "AllowAll", content: allowAll, targets: ["r-fx01"] };
    expect(statuses(organizationsScpGuardrails.evaluate(organizationWithScps(member, [fullAwsAccess, copy])))).toEqual(["fail"]);
  });

  it("an SCP whose targets could not be listed leaves members unknown", () => {
    const snapshots = organizationWithScps(member, [{ ...denyLeaving, targets: ["r-fx01"] }]).map((s) =>
      s.operation === "ListTargetsForPolicy" ? failed("organizations", "ListTargetsForPolicy", "retries-exhausted", "TooManyRequestsException", { params: s.params }) : s,
    );
    expect(statuses(organizationsScpGuardrails.evaluate(snapshots))).toEqual(["unknown"]);
  });

  it("a member collected without its management account is unknown for SCPs", () => {
    const results = organizationsScpGuardrails.evaluate([describeOrganization("999999999999", "ALL", member)]);
    expect(results).toMatchObject([{ account: member, status: "unknown" }]);
    expect(results[0]?.detail).toContain("SCPs are read in the management account 999999999999");
  });

  it("an account in no organization is not applicable to both organization checks", () => {
    const standalone = failed("organizations", "DescribeOrganization", "absent", "AWSOrganizationsNotInUseException");
    expect(statuses(organizationsScpGuardrails.evaluate([standalone]))).toEqual(["not-applicable"]);
    expect(statuses(organizationsAllFeatures.evaluate([standalone]))).toEqual(["not-applicable"]);
  });

  it("the organization's feature set is judged once, however many members were collected", () => {
    expect(statuses(organizationsAllFeatures.evaluate([describeOrganization(account), describeOrganization(account, "ALL", member)]))).toEqual(["pass"]);
  });
});
