// AWS Backup, per region: vaults (with their lock), backup plans each with its rules (for copy
// actions), and, where a plan exists, the restore testing plans.
import { BackupClient, GetBackupPlanCommand, paginateListBackupPlans, paginateListBackupVaults, paginateListRestoreTestingPlans } from "@aws-sdk/client-backup";
import { z } from "zod";
import { defineOperation } from "../fetcher.js";
import { readPages } from "../snapshot.js";
import type { Collector, NoParams } from "./collector.js";

export const listBackupPlans = defineOperation<NoParams>("backup", "ListBackupPlans", (c) => paginateListBackupPlans({ client: c.get(BackupClient) }, {}));
export const getBackupPlan = defineOperation<{ BackupPlanId: string }>("backup", "GetBackupPlan", async (c, p) => [await c.get(BackupClient).send(new GetBackupPlanCommand(p))]);
/** ListBackupVaults carries each vault's lock (Locked, LockDate), so DescribeBackupVault is not needed. */
export const listBackupVaults = defineOperation<NoParams>("backup", "ListBackupVaults", (c) => paginateListBackupVaults({ client: c.get(BackupClient) }, {}));
export const listRestoreTestingPlans = defineOperation<NoParams>("backup", "ListRestoreTestingPlans", (c) => paginateListRestoreTestingPlans({ client: c.get(BackupClient) }, {}));

const plansPage = z.object({ BackupPlansList: z.array(z.object({ BackupPlanId: z.string() })).default([]) });

export const backupCollector: Collector = {
  service: "backup",
  scope: "region",
  async collect(fetcher, target, region) {
    await Promise.all([
      fetcher.fetch(target, region, listBackupVaults, {}),
      fetcher.fetch(target, region, listBackupPlans, {}).then(async (plans) => {
        const ids = readPages(plans, plansPage).flatMap((p) => p.BackupPlansList.map((plan) => plan.BackupPlanId));
        if (ids.length === 0) return;
        await Promise.all([fetcher.fetch(target, region, listRestoreTestingPlans, {}), ...ids.map((BackupPlanId) => fetcher.fetch(target, region, getBackupPlan, { BackupPlanId }))]);
      }),
    ]);
  },
};
