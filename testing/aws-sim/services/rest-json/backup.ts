// The simulated AWS Backup: backup plans, vaults (with vault lock) and restore testing plans per
// region — ListBackupPlans, ListBackupVaults, DescribeBackupVault, ListRestoreTestingPlans.
import { createHash } from "node:crypto";
import { z } from "zod";
import { paginate } from "../../paginate.js";
import { epochSeconds, restJsonSuccess } from "../../protocols.js";
import type { SimContext } from "../../service.js";
import { registerServiceState } from "../../state.js";
import { notFound, restJsonService } from "./router.js";

const plan = z.object({
  /** The plan id; by default one derived from the account and the name, so runs agree. */
  id: z.string().optional(),
  name: z.string().min(1),
  createdAt: z.string().default("2023-03-01T10:00:00Z"),
  lastExecutionDate: z.string().optional(),
});

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

export const backup = restJsonService("backup", [
  {
    method: "GET",
    path: "/backup/plans",
    operation: "ListBackupPlans",
    answer(req, ctx) {
      const plans = ctx.regionalState("backup", backupStateSchema).plans.map((p) => ({ ...p, id: p.id ?? planId(ctx, p.name) })).map((p) => ({
        BackupPlanArn: arn(ctx, `backup-plan:${p.id}`),
        BackupPlanId: p.id,
        BackupPlanName: p.name,
        CreationDate: epochSeconds(p.createdAt),
        VersionId: Buffer.from(p.id).toString("base64").slice(0, 32),
        LastExecutionDate: seconds(p.lastExecutionDate),
      }));
      const page = paginate(plans, req.params.nextToken, req.params.maxResults, 100, pageOptions);
      return restJsonSuccess({ BackupPlansList: page.items, NextToken: page.next });
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
