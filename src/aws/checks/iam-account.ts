// Checks over an account's IAM settings: the root user (A.8.2, A.8.5) and the password policy (A.5.17, A.8.5).
import { z } from "zod";
import { readPages } from "../snapshot.js";
import type { Snapshot } from "../snapshot.js";
import type { Check, CheckResult } from "./check.js";
import { resultsFor } from "./check.js";
import { accountSnapshot, accountsIn, isUsable, unreadable } from "./snapshot-query.js";

const summaryPage = z.object({ SummaryMap: z.record(z.string(), z.number()) });
const rootArn = (account: string) => `arn:aws:iam::${account}:root`;

/** One result per account from a GetAccountSummary value; unknown when the summary cannot be read. */
function evaluateSummary(
  snapshots: readonly Snapshot[],
  checkId: string,
  key: string,
  judge: (value: number) => { pass: boolean; detail: string },
): CheckResult[] {
  const result = resultsFor(checkId);
  return accountsIn(snapshots).map((account) => {
    const summary = accountSnapshot(snapshots, account, "iam", "GetAccountSummary");
    const value = isUsable(summary) ? readPages(summary, summaryPage)[0]?.SummaryMap[key] : undefined;
    if (value === undefined) return result(account, "global", rootArn(account), "unknown", summary?.error ? unreadable(summary, "GetAccountSummary") : `GetAccountSummary has no ${key}`);
    const { pass, detail } = judge(value);
    return result(account, "global", rootArn(account), pass ? "pass" : "fail", detail);
  });
}

export const iamRootMfa: Check = {
  id: "iam-root-mfa",
  title: "The root user has MFA",
  controls: ["8.2", "8.5"],
  soc2: ["CC6.1", "CC6.3"],
  severity: "critical",
  services: ["iam"],
  rationale: "The root user can do anything in the account, including closing it; A.8.2 asks that such privileged access be protected most strongly.",
  remediation: "Sign in as root and assign an MFA device (a hardware key kept in a safe); in an Organization, consider centralized root access management.",
  evaluate: (snapshots) =>
    evaluateSummary(snapshots, "iam-root-mfa", "AccountMFAEnabled", (v) => ({ pass: v === 1, detail: v === 1 ? "The root user has MFA" : "The root user has no MFA" })),
};

export const iamRootAccessKeys: Check = {
  id: "iam-root-access-keys",
  title: "The root user has no access keys",
  controls: ["8.2"],
  soc2: ["CC6.1", "CC6.3"],
  severity: "critical",
  services: ["iam"],
  rationale: "A root access key is an unrestricted, long-lived credential that no policy can limit; A.8.2 restricts privileged access to what is needed.",
  remediation: "Sign in as root, delete its access keys under Security credentials, and use roles for automation.",
  evaluate: (snapshots) =>
    evaluateSummary(snapshots, "iam-root-access-keys", "AccountAccessKeysPresent", (v) => ({
      pass: v === 0,
      detail: v === 0 ? "The root user has no access keys" : "The root user has access keys",
    })),
};

const policyPage = z.object({ PasswordPolicy: z.object({ MinimumPasswordLength: z.number().optional() }) });
const minLength = 14;
const passwordPolicyId = "iam-password-policy-length";
const passwordPolicyResult = resultsFor(passwordPolicyId);

export const iamPasswordPolicyLength: Check = {
  id: passwordPolicyId,
  title: `The account has a password policy requiring at least ${minLength} characters`,
  controls: ["5.17"],
  soc2: ["CC6.1"],
  severity: "medium",
  services: ["iam"],
  rationale: "A.5.17 asks for rules on the quality of authentication information; length is what makes a password hard to guess (CIS AWS Foundations 1.8).",
  remediation: `Set an account password policy with a minimum length of ${minLength} or more (IAM → Account settings, or aws iam update-account-password-policy).`,
  evaluate(snapshots) {
    return accountsIn(snapshots).map((account) => {
      const policy = accountSnapshot(snapshots, account, "iam", "GetAccountPasswordPolicy");
      const resource = `${account}/password-policy`;
      if (!isUsable(policy)) return passwordPolicyResult(account, "global", resource, "unknown", unreadable(policy, "GetAccountPasswordPolicy"));
      if (policy.error) return passwordPolicyResult(account, "global", resource, "fail", "The account has no password policy");
      const length = readPages(policy, policyPage)[0]?.PasswordPolicy.MinimumPasswordLength ?? 0;
      const pass = length >= minLength;
      return passwordPolicyResult(account, "global", resource, pass ? "pass" : "fail", `The minimum password length is ${length}`);
    });
  },
};

const strengthPage = z.object({
  PasswordPolicy: z.object({ PasswordReusePrevention: z.number().optional(), AllowUsersToChangePassword: z.boolean().optional(), HardExpiry: z.boolean().optional() }),
});
/** CIS AWS Foundations 1.9 asks that the last 24 passwords may not be reused. */
const minReusePrevention = 24;
const passwordStrengthId = "iam-password-policy-strength";
const passwordStrengthResult = resultsFor(passwordStrengthId);

/** What the policy lacks, in an auditor's words; empty when it meets the requirement. */
function passwordPolicyGaps(policy: z.infer<typeof strengthPage>["PasswordPolicy"]): string[] {
  const reuse = policy.PasswordReusePrevention ?? 0;
  return [
    ...(reuse >= minReusePrevention ? [] : [`remembers ${reuse} previous passwords (needs ${minReusePrevention})`]),
    ...(policy.AllowUsersToChangePassword === true ? [] : ["users cannot change their own password"]),
    ...(policy.HardExpiry === true ? ["an expired password locks the user out until an administrator resets it"] : []),
  ];
}

export const iamPasswordPolicyStrength: Check = {
  id: passwordStrengthId,
  title: `The account's password policy prevents reusing the last ${minReusePrevention} passwords and lets users change their own`,
  controls: ["5.17", "8.5"],
  soc2: ["CC6.1"],
  severity: "low",
  services: ["iam"],
  rationale:
    `A.5.17 asks for rules that keep authentication information good: a password that comes back after a change was never really changed, so we require the last ${minReusePrevention} to be remembered (CIS AWS Foundations 1.9), and users must be able to change a password they suspect is known. ` +
    "We do not require character classes or periodic expiry: NIST SP 800-63B advises against both because they push people to predictable passwords; length is judged by iam-password-policy-length. " +
    "Hard expiry is flagged because it turns every expiry into an administrator reset, a path for social engineering.",
  remediation: `aws iam update-account-password-policy with --password-reuse-prevention ${minReusePrevention} --allow-users-to-change-password --no-hard-expiry (and your minimum length), or IAM → Account settings → Password policy.`,
  evaluate(snapshots) {
    return accountsIn(snapshots).map((account) => {
      const policy = accountSnapshot(snapshots, account, "iam", "GetAccountPasswordPolicy");
      const resource = `${account}/password-policy`;
      if (!isUsable(policy)) return passwordStrengthResult(account, "global", resource, "unknown", unreadable(policy, "GetAccountPasswordPolicy"));
      if (policy.error) return passwordStrengthResult(account, "global", resource, "fail", "The account has no password policy: AWS's default remembers no previous passwords");
      const read = readPages(policy, strengthPage)[0];
      if (!read) return passwordStrengthResult(account, "global", resource, "unknown", "GetAccountPasswordPolicy returned no policy");
      const gaps = passwordPolicyGaps(read.PasswordPolicy);
      return gaps.length === 0
        ? passwordStrengthResult(account, "global", resource, "pass", `The policy remembers ${read.PasswordPolicy.PasswordReusePrevention ?? 0} passwords and users may change their own`)
        : passwordStrengthResult(account, "global", resource, "fail", `The policy ${gaps.join("; ")}`);
    });
  },
};
