// Checks over IAM users: console passwords protected by MFA, and access keys rotated (A.5.17, A.8.5).
import { z } from "zod";
import { readPages } from "../snapshot.js";
import type { Snapshot } from "../snapshot.js";
import type { Check, CheckResult } from "./check.js";
import { resultsFor } from "./check.js";
import { credentialReportRows } from "./credential-report.js";
import { accountSnapshot, accountsIn, hasFailed, isUsable, snapshotsOf, stringParam, unreadable } from "./snapshot-query.js";

const mfaDevicesPage = z.object({ MFADevices: z.array(z.object({ SerialNumber: z.string() })).default([]) });

/** Users named in a ListMFADevices snapshot that lists at least one device. */
function usersWithMfaDevices(snapshots: readonly Snapshot[], account: string): Set<string> {
  return new Set(
    snapshotsOf(snapshots, "iam", "ListMFADevices")
      .filter((s) => s.account === account && readPages(s, mfaDevicesPage).some((p) => p.MFADevices.length > 0))
      .map((s) => stringParam(s, "UserName")),
  );
}

const consoleMfaId = "iam-user-console-mfa";
const consoleMfaResult = resultsFor(consoleMfaId);

export const iamUserConsoleMfa: Check = {
  id: consoleMfaId,
  title: "IAM users who can sign in to the console have MFA",
  controls: ["5.17", "8.5"],
  soc2: ["CC6.1"],
  severity: "high",
  services: ["iam"],
  rationale: "A console password alone is one phished or reused secret away from the account; MFA is the secure authentication A.8.5 asks for.",
  remediation: "Assign an MFA device (preferably a FIDO2 security key) to each listed user, or remove their console password if they do not need one.",
  evaluate(snapshots) {
    return accountsIn(snapshots).flatMap((account): CheckResult[] => {
      const report = accountSnapshot(snapshots, account, "iam", "GetCredentialReport");
      if (!isUsable(report) || report.error) return [consoleMfaResult(account, "global", account, "unknown", unreadable(report, "GetCredentialReport"))];
      const withDevices = usersWithMfaDevices(snapshots, account);
      const users = credentialReportRows(report).filter((row) => row.user !== "<root_account>");
      if (users.length === 0) return [consoleMfaResult(account, "global", account, "not-applicable", "No IAM users")];
      return users.map((row) => {
        const user = row.user ?? "";
        const resource = row.arn ?? user;
        if (row.password_enabled !== "true") return consoleMfaResult(account, "global", resource, "not-applicable", `${user} has no console password`);
        const mfa = row.mfa_active === "true" || withDevices.has(user);
        return consoleMfaResult(account, "global", resource, mfa ? "pass" : "fail", mfa ? `${user} has MFA` : `${user} has a console password and no MFA`);
      });
    });
  },
};

const accessKeysPage = z.object({
  AccessKeyMetadata: z.array(z.object({ AccessKeyId: z.string(), Status: z.string().optional(), CreateDate: z.coerce.date() })).default([]),
});
const maxKeyAgeDays = 90;
const dayMs = 86_400_000;
const keyAgeId = "iam-access-key-rotation";
const keyAgeResult = resultsFor(keyAgeId);

export const iamAccessKeyRotation: Check = {
  id: keyAgeId,
  title: `Active IAM access keys are no older than ${maxKeyAgeDays} days`,
  controls: ["5.17", "8.5"],
  soc2: ["CC6.1"],
  severity: "medium",
  services: ["iam"],
  rationale: "Long-lived access keys leak into code, laptops and logs; rotating them bounds how long a leaked key stays useful (CIS AWS Foundations 1.14).",
  remediation: "Create a new key, move its users to it, deactivate and then delete the old key; better, replace user keys with roles and IAM Identity Center.",
  evaluate(snapshots) {
    const unreadableAccounts = accountsIn(snapshots).flatMap((account) => {
      const users = accountSnapshot(snapshots, account, "iam", "ListUsers");
      return isUsable(users) ? [] : [keyAgeResult(account, "global", account, "unknown", unreadable(users, "ListUsers"))];
    });
    const keys = snapshotsOf(snapshots, "iam", "ListAccessKeys").flatMap((s): CheckResult[] => {
      const user = stringParam(s, "UserName");
      if (hasFailed(s)) return [keyAgeResult(s.account, "global", user, "unknown", unreadable(s, "ListAccessKeys"))];
      const now = Date.parse(s.collectedAt);
      return readPages(s, accessKeysPage).flatMap((page) =>
        page.AccessKeyMetadata.filter((key) => key.Status === "Active").map((key) => {
          const days = Math.floor((now - key.CreateDate.getTime()) / dayMs);
          const old = days > maxKeyAgeDays;
          return keyAgeResult(s.account, "global", key.AccessKeyId, old ? "fail" : "pass", `${user}'s active key ${key.AccessKeyId} is ${days} days old`);
        }),
      );
    });
    return [...unreadableAccounts, ...keys];
  },
};
