// The simulated AWS Backup: backup plans (with their rules and copy actions), vaults (with vault lock)
// and restore testing plans per region — ListBackupPlans, GetBackupPlan, ListBackupVaults,
// DescribeBackupVault, ListRestoreTestingPlans.
import { createHash } from "node:crypto";
import { z } from "zod";
import { paginate } from "../../paginate.js";
import { epochSeconds, restJsonSuccess } from "../../protocols.js";
import type { SimContext } from "../../service.js";
import { registerServiceState } from "../../state.js";
import { notFound, restJsonService } from "./router.js";

const rule = z.object({
  name: z.string().min(1),
  vault: z.string().default("Default"),
  schedule: z.string().default("cron(0 5 ? * * *)"),
  deleteAfterDays: z.number().int().positive().optional(),
  /** Destination vault ARNs: a copy in another region or account. */
  copyTo: z.array(z.string().startsWith("arn:aws:backup:", "a copy destination is a backup vault ARN")).default([]),
});

const plan = z.object({
  /** The plan id; by default one derived from the account and the name, so runs agree. */
  id: z.string().optional(),
  name: z.string().min(1),
  createdAt: z.string().default("2023-03-01T10:00:00Z"),
  lastExecutionDate: z.string().optional(),
  /** AWS requires at least one rule; by default a daily backup to the Default vault. */
  rules: z.array(rule).min(1).default([{ name: "daily", vault: "Default", schedule: "cron(0 5 ? * * *)", copyTo: [] }]),
});
type Plan = z.infer<typeof plan>;

const vault = z.object({
  name: z.string().regex(/^[a-zA-Z0-9\-_]{2,50}$/, "a vault name is 2–50 letters, digits, hyphens and underscores"),
  type: z.enum(["BACKUP_VAULT", "LOGICALLY_AIR_GAPPED_BACKUP_VAULT", "RESTORE_ACCESS_BACKUP_VAULT"]).default("BACKUP_VAULT"),
  createdAt: z.string().default("2023-03-01T10:00:00Z"),
  encryptionKeyArn: z.string().optional(),
  recoveryPoints: z.number().int().nonnegative().default(0),
  /** Vault lock: absent when the vault is not locked. */
  lock: z
    .object({ minRetentionDays: z.number().int().positive().optional(), maxRetentionDays: z.number().int().positive().optional(), lockDate: z.string().optional() })
    .optional(),
});

const restoreTestingPlan = z.object({
  name: z.string().regex(/^[a-zA-Z0-9_]{1,50}$/, "a restore testing plan name is letters, digits and underscores"),
  schedule: z.string().default("cron(0 5 ? * MON *)"),
  createdAt: z.string().default("2024-01-15T10:00:00Z"),
  lastExecutionTime: z.string().optional(),
});

export const backupStateSchema = z.object({
  plans: z.array(plan).default([]),
  vaults: z.array(vault).default([]),
  restoreTestingPlans: z.array(restoreTestingPlan).default([]),
});
registerServiceState("backup", "regional", backupStateSchema);

const arn = (ctx: SimContext, resource: string): string => `arn:aws:backup:${ctx.region}:${ctx.account.id}:${resource}`;
function planId(ctx: SimContext, name: string): string {
  const hex = createHash("sha256").update(`${ctx.account.id}/${ctx.region}/${name}`).digest("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}
const seconds = (iso: string | undefined): number | undefined => (iso ? epochSeconds(iso) : undefined);
const pageOptions = { maxSize: 1000, invalidCode: "InvalidParameterValueException" };

function vaultOutput(v: z.infer<typeof vault>, ctx: SimContext): Record<string, unknown> {
  return {
    BackupVaultName: v.name,
    BackupVaultArn: arn(ctx, `backup-vault:${v.name}`),
    VaultType: v.type,
    VaultState: "AVAILABLE",
    CreationDate: epochSeconds(v.createdAt),
    EncryptionKeyArn: v.encryptionKeyArn ?? `arn:aws:kms:${ctx.region}:${ctx.account.id}:key/aws/backup`,
    NumberOfRecoveryPoints: v.recoveryPoints,
    Locked: v.lock !== undefined,
    MinRetentionDays: v.lock?.minRetentionDays,
    MaxRetentionDays: v.lock?.maxRetentionDays,
    LockDate: seconds(v.lock?.lockDate),
  };
}

const versionId = (id: string): string => Buffer.from(id).toString("base64").slice(0, 32);

function planOutput(p: Plan, ctx: SimContext): Record<string, unknown> {
  const id = p.id ?? planId(ctx, p.name);
  return {
    BackupPlanArn: arn(ctx, `backup-plan:${id}`),
    BackupPlanId: id,
    BackupPlanName: p.name,
    CreationDate: epochSeconds(p.createdAt),
    VersionId: versionId(id),
    LastExecutionDate: seconds(p.lastExecutionDate),
  };
}

function ruleOutput(r: z.infer<typeof rule>, planKey: string): Record<string, unknown> {
  const lifecycle = r.deleteAfterDays === undefined ? undefined : { DeleteAfterDays: r.deleteAfterDays };
  return {
    RuleName: r.name,
    RuleId: createHash("sha256").update(`${planKey}/${r.name}`).digest("hex").slice(0, 36),
    TargetBackupVaultName: r.vault,
    ScheduleExpression: r.schedule,
    StartWindowMinutes: 60,
    CompletionWindowMinutes: 180,
    Lifecycle: lifecycle,
    CopyActions: r.copyTo.map((DestinationBackupVaultArn) => ({ DestinationBackupVaultArn, Lifecycle: lifecycle })),
  };
}

export const backup = restJsonService("backup", [
  {
    method: "GET",
    path: "/backup/plans",
    operation: "ListBackupPlans",
    answer(req, ctx) {
      const plans = ctx.regionalState("backup", backupStateSchema).plans.map((p) => planOutput(p, ctx));
      const page = paginate(plans, req.params.nextToken, req.params.maxResults, 100, pageOptions);
      return restJsonSuccess({ BackupPlansList: page.items, NextToken: page.next });
    },
  },
  {
    method: "GET",
    path: "/backup/plans/{BackupPlanId}",
    operation: "GetBackupPlan",
    answer(_req, ctx, labels) {
      const found = ctx.regionalState("backup", backupStateSchema).plans.find((p) => (p.id ?? planId(ctx, p.name)) === labels.BackupPlanId);
      if (!found) throw notFound(`Backup plan ${labels.BackupPlanId ?? ""}`, "ResourceNotFoundException", 400);
      const rules = found.rules.map((r) => ruleOutput(r, `${ctx.account.id}/${ctx.region}/${found.name}`));
      return restJsonSuccess({ ...planOutput(found, ctx), BackupPlan: { BackupPlanName: found.name, Rules: rules } });
    },
  },
  {
    method: "GET",
    path: "/backup-vaults",
    operation: "ListBackupVaults",
    answer(req, ctx) {
      const vaults = ctx.regionalState("backup", backupStateSchema).vaults.map((v) => vaultOutput(v, ctx));
      const page = paginate(vaults, req.params.nextToken, req.params.maxResults, 100, pageOptions);
      return restJsonSuccess({ BackupVaultList: page.items, NextToken: page.next });
    },
  },
  {
    method: "GET",
    path: "/backup-vaults/{BackupVaultName}",
    operation: "DescribeBackupVault",
    answer(_req, ctx, labels) {
      const found = ctx.regionalState("backup", backupStateSchema).vaults.find((v) => v.name === labels.BackupVaultName);
      if (!found) throw notFound(`Backup vault ${labels.BackupVaultName ?? ""}`, "ResourceNotFoundException", 400);
      return restJsonSuccess(vaultOutput(found, ctx));
    },
  },
  {
    method: "GET",
    path: "/restore-testing/plans",
    operation: "ListRestoreTestingPlans",
    answer(req, ctx) {
      const plans = ctx.regionalState("backup", backupStateSchema).restoreTestingPlans.map((p) => ({
        RestoreTestingPlanArn: arn(ctx, `restore-testing-plan:${p.name}-${planId(ctx, p.name).slice(0, 8)}`),
        RestoreTestingPlanName: p.name,
        ScheduleExpression: p.schedule,
        ScheduleExpressionTimezone: "Etc/UTC",
        StartWindowHours: 24,
        CreationTime: epochSeconds(p.createdAt),
        LastExecutionTime: seconds(p.lastExecutionTime),
      }));
      const page = paginate(plans, req.params.NextToken, req.params.MaxResults, 100, pageOptions);
      return restJsonSuccess({ RestoreTestingPlans: page.items, NextToken: page.next });
    },
  },
]);
