// Check over Secrets Manager: every secret rotates automatically, on a schedule of at most 90 days,
// and its last rotation is within that schedule (A.5.17, A.8.24). Judged from metadata only.
import { z } from "zod";
import { readPages } from "../snapshot.js";
import type { Check, CheckResult } from "./check.js";
import { resultsFor } from "./check.js";
import { hasFailed, snapshotsOf, unreadable } from "./snapshot-query.js";

const secretsPage = z.object({
  SecretList: z
    .array(
      z.object({
        ARN: z.string(),
        Name: z.string().optional(),
        RotationEnabled: z.boolean().optional(),
        RotationRules: z.object({ AutomaticallyAfterDays: z.number().optional(), ScheduleExpression: z.string().optional() }).optional(),
        LastRotatedDate: z.coerce.date().optional(),
        CreatedDate: z.coerce.date().optional(),
      }),
    )
    .default([]),
});
type Secret = z.infer<typeof secretsPage>["SecretList"][number];

/** FSBP SecretsManager.4's default: a secret is rotated at least every 90 days. */
const maxScheduleDays = 90;
const dayMs = 86_400_000;

/** The schedule in days: AutomaticallyAfterDays, or a rate() expression; a cron schedule is not read. */
export function scheduleDays(rules: Secret["RotationRules"]): number | undefined {
  if (rules?.AutomaticallyAfterDays !== undefined) return rules.AutomaticallyAfterDays;
  const rate = /^rate\((\d+) (hours?|days?)\)$/.exec(rules?.ScheduleExpression ?? "");
  if (!rate) return undefined;
  return rate[2]?.startsWith("hour") ? Number(rate[1]) / 24 : Number(rate[1]);
}

function judgeSecret(secret: Secret, now: Date): { pass: boolean; detail: string } {
  const name = secret.Name ?? secret.ARN;
  if (secret.RotationEnabled !== true) return { pass: false, detail: `${name} does not rotate automatically` };
  const schedule = scheduleDays(secret.RotationRules);
  const limit = Math.min(schedule ?? maxScheduleDays, maxScheduleDays);
  const last = secret.LastRotatedDate ?? secret.CreatedDate;
  const age = last ? Math.floor((now.getTime() - last.getTime()) / dayMs) : undefined;
  const lastText = secret.LastRotatedDate ? `last rotated ${age ?? "?"} days ago` : `never rotated, created ${age ?? "?"} days ago`;
  const scheduleText = schedule === undefined ? `a schedule we cannot read (judged against ${maxScheduleDays} days)` : `every ${schedule} days`;
  if (schedule !== undefined && schedule > maxScheduleDays) return { pass: false, detail: `${name} rotates ${scheduleText}, longer than ${maxScheduleDays}` };
  if (age === undefined || age > limit) return { pass: false, detail: `${name} rotates ${scheduleText} but was ${lastText}: rotation is failing` };
  return { pass: true, detail: `${name} rotates ${scheduleText}, ${lastText}` };
}

const checkId = "secretsmanager-rotation";
const result = resultsFor(checkId);

export const secretsManagerRotation: Check = {
  id: checkId,
  title: `Secrets Manager secrets rotate automatically, at least every ${maxScheduleDays} days, and on schedule`,
  controls: ["5.17", "8.24"],
  soc2: ["CC6.1"],
  severity: "medium",
  services: ["secretsmanager"],
  rationale:
    "A.5.17 and A.8.24 ask that secrets (database passwords, API keys) be managed over their life cycle; rotation bounds how long a leaked secret stays useful. " +
    `A secret whose last rotation is older than its schedule has a rotation function that fails, which looks like rotation on paper and is none (FSBP SecretsManager.1, .2 and .4, with .4's ${maxScheduleDays}-day default). Secret values are never read.`,
  remediation: "Turn on rotation with a rotation function (aws secretsmanager rotate-secret --rotation-rules AutomaticallyAfterDays=30), and for an overdue secret read the rotation Lambda's logs and fix it before rotating again.",
  evaluate(snapshots) {
    return snapshotsOf(snapshots, "secretsmanager", "ListSecrets")
      .filter((s) => s.error?.kind !== "region-disabled")
      .flatMap((listing): CheckResult[] => {
        if (hasFailed(listing)) return [result(listing.account, listing.region, `${listing.account}/${listing.region}`, "unknown", unreadable(listing, "ListSecrets"))];
        const now = new Date(listing.collectedAt);
        return readPages(listing, secretsPage).flatMap((page) =>
          page.SecretList.map((secret) => {
            const { pass, detail } = judgeSecret(secret, now);
            return result(listing.account, listing.region, secret.ARN, pass ? "pass" : "fail", detail);
          }),
        );
      });
  },
};
