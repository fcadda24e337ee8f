// Check over CloudTrail: each account records API activity in every region, with tamper evidence (A.8.15, A.8.16).
import { z } from "zod";
import { readPages } from "../snapshot.js";
import type { Check } from "./check.js";
import { resultsFor } from "./check.js";
import { accountsIn, isUsable, snapshotsOf, unreadable } from "./snapshot-query.js";

const trailsPage = z.object({
  trailList: z
    .array(z.object({ TrailARN: z.string(), IsMultiRegionTrail: z.boolean().optional(), LogFileValidationEnabled: z.boolean().optional() }))
    .default([]),
});
const checkId = "cloudtrail-multi-region-validated";
const result = resultsFor(checkId);

export const cloudtrailMultiRegionValidated: Check = {
  id: checkId,
  title: "Each account has a multi-region CloudTrail trail with log file validation",
  controls: ["8.15", "8.16"],
  soc2: ["CC7.2", "CC7.3"],
  severity: "high",
  rationale:
    "A.8.15 asks that activity be logged and the logs protected; a multi-region trail records API calls in every region, and digest files show whether a log was altered. " +
    "Whether the trail is logging now needs GetTrailStatus, which is not collected yet.",
  remediation: "Create a multi-region trail (or an organization trail from the management account) with log file validation enabled, delivering to a protected S3 bucket.",
  evaluate(snapshots) {
    return accountsIn(snapshots).map((account) => {
      const described = snapshotsOf(snapshots, "cloudtrail", "DescribeTrails").filter((s) => s.account === account);
      const readable = described.filter(isUsable);
      if (readable.length === 0) return result(account, "global", account, "unknown", unreadable(described[0], "DescribeTrails"));
      const trails = readable.flatMap((s) => readPages(s, trailsPage).flatMap((p) => p.trailList));
      const good = trails.find((t) => t.IsMultiRegionTrail === true && t.LogFileValidationEnabled === true);
      if (good) return result(account, "global", good.TrailARN, "pass", "A multi-region trail validates its log files");
      const detail = trails.some((t) => t.IsMultiRegionTrail === true) ? "No multi-region trail has log file validation" : "No multi-region trail";
      return result(account, "global", account, "fail", detail);
    });
  },
};
