// Checks over AWS Backup: a plan wherever databases run (A.8.13), vaults with recovery points locked
// (A.8.13), plans that copy to another region (A.8.13, A.8.14, A.5.30), and restore tests (A.5.30).
import { z } from "zod";
import { readPages } from "../snapshot.js";
import type { Snapshot } from "../snapshot.js";
import type { Check, CheckResult } from "./check.js";
import { resultsFor } from "./check.js";
import { dbInstancesIn } from "./rds.js";
import { sibling, unreadableRegion } from "./regional-listing.js";
import { hasFailed, isUsable, snapshotsOf, stringParam, unreadable } from "./snapshot-query.js";

const plansPage = z.object({ BackupPlansList: z.array(z.object({ BackupPlanId: z.string(), BackupPlanArn: z.string().optional(), BackupPlanName: z.string().optional() })).default([]) });
const planNames = (listing: Snapshot): string[] => readPages(listing, plansPage).flatMap((p) => p.BackupPlansList.map((plan) => plan.BackupPlanName ?? plan.BackupPlanId));

const coverageId = "backup-plan-coverage";
const coverageResult = resultsFor(coverageId);

export const backupPlanCoverage: Check = {
  id: coverageId,
  title: "AWS Backup has a plan in every region where databases run",
  controls: ["8.13"],
  soc2: ["A1.2"],
  severity: "medium",
  services: ["backup", "rds"],
  rationale:
    "RDS's own automated backups live and die with the account and are kept 35 days at most; an AWS Backup plan adds scheduled, longer-kept and lockable " +
    "recovery points under the organization's backup policy (A.8.13). Which resources each plan selects is not collected yet: this check sees that a plan exists.",
  remediation: "Create an AWS Backup plan in the region (ideally from an organization backup policy) and assign the databases to it by tag or ARN.",
  evaluate: (snapshots) =>
    snapshotsOf(snapshots, "rds", "DescribeDBInstances").flatMap((databases): CheckResult[] => {
      const count = dbInstancesIn(databases).length;
      if (hasFailed(databases) || count === 0) return [];
      const resource = `${databases.account}/${databases.region}`;
      const plans = sibling(snapshots, databases, "backup", "ListBackupPlans");
      if (!plans) return [coverageResult(databases.account, databases.region, resource, "unknown", unreadable(plans, "ListBackupPlans"))];
      if (hasFailed(plans)) return unreadableRegion(coverageResult, plans, "ListBackupPlans");
      const names = planNames(plans);
      const what = `${count} RDS DB instance${count === 1 ? "" : "s"}`;
      return names.length > 0
        ? [coverageResult(databases.account, databases.region, resource, "pass", `${what}; backup plans: ${names.join(", ")}`)]
        : [coverageResult(databases.account, databases.region, resource, "fail", `${what} and no AWS Backup plan`)];
    }),
};

const vaultsPage = z.object({
  BackupVaultList: z
    .array(
      z.object({
        BackupVaultName: z.string(),
        BackupVaultArn: z.string().optional(),
        VaultType: z.string().optional(),
        NumberOfRecoveryPoints: z.number().optional(),
        Locked: z.boolean().optional(),
        MinRetentionDays: z.number().optional(),
        LockDate: z.coerce.date().optional(),
      }),
    )
    .default([]),
});
const vaultLockId = "backup-vault-lock";
const vaultLockResult = resultsFor(vaultLockId);

export const backupVaultLock: Check = {
  id: vaultLockId,
  title: "Backup vaults that hold recovery points are locked",
  controls: ["8.13"],
  soc2: ["A1.2", "CC6.1"],
  severity: "medium",
  services: ["backup"],
  rationale:
    "Ransomware operators and malicious insiders delete backups before they strike; Vault Lock makes recovery points impossible to delete or shorten before their retention ends, " +
    "for anyone including the root user once its lock date has passed (compliance mode). Without a lock date it is governance mode, which privileged users can remove (A.8.13).",
  remediation: "Apply Vault Lock (aws backup put-backup-vault-lock-configuration) with a minimum retention and, after testing, a lock date (ChangeableForDays) to enter compliance mode.",
  evaluate: (snapshots) =>
    snapshotsOf(snapshots, "backup", "ListBackupVaults").flatMap((listing) => {
      if (hasFailed(listing)) return unreadableRegion(vaultLockResult, listing, "ListBackupVaults");
      const now = Date.parse(listing.collectedAt);
      return readPages(listing, vaultsPage).flatMap((p) => p.BackupVaultList).map((vault) => {
        const result = (status: CheckResult["status"], detail: string) =>
          vaultLockResult(listing.account, listing.region, vault.BackupVaultArn ?? `arn:aws:backup:${listing.region}:${listing.account}:backup-vault:${vault.BackupVaultName}`, status, `${vault.BackupVaultName}: ${detail}`);
        const points = vault.NumberOfRecoveryPoints ?? 0;
        if (!vault.Locked) return points === 0 ? result("not-applicable", "an empty vault without a lock") : result("fail", `${points} recovery points in a vault without Vault Lock`);
        const retention = vault.MinRetentionDays === undefined ? "" : `, minimum retention ${vault.MinRetentionDays} days`;
        if (!vault.LockDate) return result("pass", `Vault Lock in governance mode (no lock date)${retention}`);
        const date = vault.LockDate.toISOString().slice(0, 10);
        return vault.LockDate.getTime() <= now
          ? result("pass", `Vault Lock in compliance mode since ${date}${retention}`)
          : result("pass", `Vault Lock enters compliance mode on ${date}${retention}`);
      });
    }),
};

const planPage = z.object({
  BackupPlanArn: z.string().optional(),
  BackupPlan: z.object({
    BackupPlanName: z.string(),
    Rules: z.array(z.object({ RuleName: z.string(), CopyActions: z.array(z.object({ DestinationBackupVaultArn: z.string() })).default([]) })).default([]),
  }),
});
const crossRegionId = "backup-cross-region-copy";
const crossRegionResult = resultsFor(crossRegionId);

/** "arn:aws:backup:eu-south-2:123456789012:backup-vault:dr" → its region and account. */
function vaultLocation(arn: string): { region: string; account: string } {
  const [, , , region = "", account = ""] = arn.split(":");
  return { region, account };
}

export const backupCrossRegionCopy: Check = {
  id: crossRegionId,
  title: "Backup plans copy their recovery points to another region",
  controls: ["8.13", "8.14", "5.30"],
  soc2: ["A1.2", "CC9.1"],
  severity: "medium",
  services: ["backup"],
  rationale:
    "Backups kept only in the region they protect are lost with it; a copy action to a vault in another region (better, in another account too) is what lets " +
    "the business resume elsewhere, as A.5.30 ICT readiness for business continuity expects.",
  remediation: "Add a copy action to the plan's rules with a destination vault in the disaster recovery region (and, ideally, in a separate backup account), with its own lifecycle.",
  evaluate(snapshots) {
    const plans = snapshotsOf(snapshots, "backup", "GetBackupPlan");
    return snapshotsOf(snapshots, "backup", "ListBackupPlans").flatMap((listing) => {
      if (hasFailed(listing)) return unreadableRegion(crossRegionResult, listing, "ListBackupPlans");
      return readPages(listing, plansPage).flatMap((p) => p.BackupPlansList).map((listed) => {
        const arn = listed.BackupPlanArn ?? listed.BackupPlanId;
        const got = plans.find((s) => s.account === listing.account && s.region === listing.region && stringParam(s, "BackupPlanId") === listed.BackupPlanId);
        const plan = got && isUsable(got) ? readPages(got, planPage)[0]?.BackupPlan : undefined;
        if (!plan) return crossRegionResult(listing.account, listing.region, arn, "unknown", unreadable(got, "GetBackupPlan"));
        const copies = plan.Rules.flatMap((rule) => rule.CopyActions.map((copy) => ({ rule: rule.RuleName, ...vaultLocation(copy.DestinationBackupVaultArn) })));
        const elsewhere = copies.filter((c) => c.region !== listing.region);
        if (elsewhere.length > 0) return crossRegionResult(listing.account, listing.region, arn, "pass", `${plan.BackupPlanName}: ${elsewhere.map((c) => `rule ${c.rule} copies to ${c.region}${c.account === listing.account ? "" : ` (account ${c.account})`}`).join("; ")}`);
        const sameRegion = copies.length > 0 ? ` (its copies stay in ${listing.region})` : "";
        return crossRegionResult(listing.account, listing.region, arn, "fail", `${plan.BackupPlanName}: no rule copies to another region${sameRegion}`);
      });
    });
  },
};

const restoreTestingPage = z.object({
  RestoreTestingPlans: z.array(z.object({ RestoreTestingPlanName: z.string(), RestoreTestingPlanArn: z.string().optional(), LastExecutionTime: z.coerce.date().optional() })).default([]),
});
const restoreTestingId = "backup-restore-testing";
const restoreTestingResult = resultsFor(restoreTestingId);

export const backupRestoreTesting: Check = {
  id: restoreTestingId,
  title: "Regions with backup plans have a restore testing plan",
  controls: ["8.13", "5.30"],
  soc2: ["A1.3"],
  severity: "medium",
  services: ["backup"],
  rationale:
    "A backup never restored is a hope, not a control: A.8.13 asks that backups be tested and A.5.30 that continuity arrangements be exercised. AWS Backup restore testing " +
    "restores recovery points on a schedule and records whether and how fast they came back, which is the evidence an auditor asks for.",
  remediation: "Create a restore testing plan in the region with a selection covering each protected resource type, and review its restore jobs' results.",
  evaluate: (snapshots) =>
    snapshotsOf(snapshots, "backup", "ListBackupPlans").flatMap((listing): CheckResult[] => {
      if (hasFailed(listing) || planNames(listing).length === 0) return [];
      const resource = `${listing.account}/${listing.region}`;
      const testing = sibling(snapshots, listing, "backup", "ListRestoreTestingPlans");
      if (!isUsable(testing)) return [restoreTestingResult(listing.account, listing.region, resource, "unknown", unreadable(testing, "ListRestoreTestingPlans"))];
      const plan = readPages(testing, restoreTestingPage).flatMap((p) => p.RestoreTestingPlans)[0];
      if (!plan) return [restoreTestingResult(listing.account, listing.region, resource, "fail", "Backup plans exist but no restore testing plan")];
      const lastRun = plan.LastExecutionTime ? `last run ${plan.LastExecutionTime.toISOString().slice(0, 10)}` : "not run yet";
      return [restoreTestingResult(listing.account, listing.region, plan.RestoreTestingPlanArn ?? resource, "pass", `Restore testing plan ${plan.RestoreTestingPlanName}, ${lastRun}`)];
    }),
};
