// Checks over the credential report's dates: IAM users' passwords and access keys left unused
// (A.5.18) and the root user in use (A.8.2, A.8.5). "Now" is when the report was collected.
import type { Snapshot } from "../snapshot.js";
import type { Check, CheckResult } from "./check.js";
import { resultsFor } from "./check.js";
import { credentialReportRows } from "./credential-report.js";
import type { CredentialReportRow } from "./credential-report.js";
import { accountSnapshot, accountsIn, isUsable, unreadable } from "./snapshot-query.js";

const dayMs = 86_400_000;

/** A report cell as a date; "N/A", "no_information" and "not_supported" are not dates. */
function reportDate(value: string | undefined): Date | undefined {
  if (!value || !/^\d{4}-\d{2}-\d{2}T/.test(value)) return undefined;
  const time = Date.parse(value);
  return Number.isNaN(time) ? undefined : new Date(time);
}

const daysBetween = (from: Date, to: Date): number => Math.floor((to.getTime() - from.getTime()) / dayMs);
const day = (date: Date): string => date.toISOString().slice(0, 10);

/** The usable credential report of each collected account, or the reason it cannot be read. */
function reportsByAccount(snapshots: readonly Snapshot[]): { account: string; report?: Snapshot; problem?: string }[] {
  return accountsIn(snapshots).map((account) => {
    const report = accountSnapshot(snapshots, account, "iam", "GetCredentialReport");
    return isUsable(report) && !report.error ? { account, report } : { account, problem: unreadable(report, "GetCredentialReport") };
  });
}

/** CIS AWS Foundations 1.12: credentials unused for 45 days or more are disabled. */
const maxUnusedDays = 45;
const unusedId = "iam-user-unused-credentials";
const unusedResult = resultsFor(unusedId);

/** Each active credential of a user row that has gone unused for longer than the limit, described. */
function staleCredentials(row: CredentialReportRow, now: Date): { judged: number; stale: string[] } {
  const created = reportDate(row.user_creation_time);
  let judged = 0;
  const stale: string[] = [];
  const judge = (what: string, lastUsed: Date | undefined, since: Date | undefined) => {
    judged += 1;
    if (lastUsed) {
      const days = daysBetween(lastUsed, now);
      if (days > maxUnusedDays) stale.push(`${what} last used ${day(lastUsed)} (${days} days ago)`);
    } else if (since && daysBetween(since, now) > maxUnusedDays) stale.push(`${what} never used since ${day(since)}`);
  };
  // "N/A" in password_last_used means AWS has no password to speak of; "no_information" means never used.
  if (row.password_enabled === "true" && row.password_last_used !== "N/A")
    judge("console password", reportDate(row.password_last_used), reportDate(row.password_last_changed) ?? created);
  for (const n of [1, 2])
    if (row[`access_key_${n}_active`] === "true") judge(`access key ${n}`, reportDate(row[`access_key_${n}_last_used_date`]), reportDate(row[`access_key_${n}_last_rotated`]) ?? created);
  return { judged, stale };
}

export const iamUserUnusedCredentials: Check = {
  id: unusedId,
  title: `IAM users have no console password or active access key unused for more than ${maxUnusedDays} days`,
  controls: ["5.18"],
  soc2: ["CC6.2", "CC6.3"],
  severity: "medium",
  services: ["iam"],
  rationale:
    "A.5.18 asks that access rights be removed when no longer needed; a password or key nobody uses is access nobody watches, often left by someone who changed role or left. " +
    `CIS AWS Foundations 1.12 sets the limit at ${maxUnusedDays} days; a credential never used counts from its creation.`,
  remediation: "Ask the owner whether the access is still needed; if not, delete the login profile or deactivate and delete the key (aws iam delete-login-profile, aws iam update-access-key --status Inactive).",
  evaluate(snapshots) {
    return reportsByAccount(snapshots).flatMap(({ account, report, problem }): CheckResult[] => {
      if (!report) return [unusedResult(account, "global", account, "unknown", problem ?? "GetCredentialReport was not collected")];
      const now = new Date(report.collectedAt);
      const users = credentialReportRows(report).filter((row) => row.user !== "<root_account>");
      return users.map((row) => {
        const user = row.user ?? "";
        const resource = row.arn ?? user;
        const { judged, stale } = staleCredentials(row, now);
        if (judged === 0) return unusedResult(account, "global", resource, "not-applicable", `${user} has no console password or active access key`);
        if (stale.length > 0) return unusedResult(account, "global", resource, "fail", `${user}: ${stale.join("; ")}`);
        return unusedResult(account, "global", resource, "pass", `${user} has no credential unused for more than ${maxUnusedDays} days`);
      });
    });
  },
};

/** The root user's use in the last 90 days is a finding to explain, not a setting to change. */
const rootWindowDays = 90;
const rootUseId = "iam-root-recent-use";
const rootUseResult = resultsFor(rootUseId);

export const iamRootRecentUse: Check = {
  id: rootUseId,
  title: `The root user was not used in the last ${rootWindowDays} days`,
  controls: ["8.2", "8.5"],
  soc2: ["CC6.1", "CC6.3"],
  severity: "high",
  services: ["iam"],
  rationale:
    "A.8.2 asks that privileged access be restricted and used only when needed; the root user cannot be limited by any IAM policy, so everyday work must go through roles (CIS AWS Foundations 1.7). " +
    `A sign-in or key use in the last ${rootWindowDays} days is either one of the few tasks only root can do, which should be on record, or a habit to stop.`,
  remediation:
    "Find the sessions in CloudTrail (userIdentity.type = Root); if the task needed root, record who did it, when and why (change ticket); otherwise move the work to a role. Keep root's credentials in a safe with MFA, or use centralized root access management in the Organization.",
  evaluate(snapshots) {
    return reportsByAccount(snapshots).map(({ account, report, problem }) => {
      const resource = `arn:aws:iam::${account}:root`;
      const root = report ? credentialReportRows(report).find((row) => row.user === "<root_account>") : undefined;
      if (!report || !root) return rootUseResult(account, "global", resource, "unknown", problem ?? "The credential report has no row for the root user");
      const now = new Date(report.collectedAt);
      const uses = [
        ["signed in", reportDate(root.password_last_used)],
        ["used access key 1", reportDate(root.access_key_1_last_used_date)],
        ["used access key 2", reportDate(root.access_key_2_last_used_date)],
      ] as const;
      const recent = uses.flatMap(([what, date]) => (date && daysBetween(date, now) <= rootWindowDays ? [`${what} on ${day(date)}`] : []));
      if (recent.length > 0) return rootUseResult(account, "global", resource, "fail", `The root user ${recent.join(", ")}`);
      const last = uses.flatMap(([, date]) => (date ? [date] : [])).sort((a, b) => b.getTime() - a.getTime())[0];
      return rootUseResult(account, "global", resource, "pass", last ? `The root user was last used on ${day(last)}` : "The credential report records no use of the root user");
    });
  },
};
