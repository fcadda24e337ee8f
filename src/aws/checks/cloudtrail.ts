// Checks over CloudTrail: each account records API activity in every region with tamper evidence, and
// each trail is logging, encrypted with a KMS key, sent to CloudWatch Logs and records management
// events (A.8.15 logging, A.8.16 monitoring, A.8.24 cryptography, A.8.32 change management).
import { z } from "zod";
import { readPages } from "../snapshot.js";
import type { Snapshot } from "../snapshot.js";
import type { Check, CheckResult, CheckStatus } from "./check.js";
import { resultsFor } from "./check.js";
import { managementEventCoverage } from "./logging-event-selectors.js";
import { seenTrails, trailSnapshot, unreadableTrailAccounts, unreadableTrailRequest } from "./logging-trails.js";
import type { SeenTrail } from "./logging-trails.js";
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
  services: ["cloudtrail"],
  rationale:
    "A.8.15 asks that activity be logged and the logs protected; a multi-region trail records API calls in every region, and digest files show whether a log was altered. " +
    "Whether the trail is logging now is judged by cloudtrail-logging-active.",
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

type Verdict = { status: CheckStatus; detail: string };

/** One result per trail the run saw, on its owner and home region; "unknown" for accounts whose trails could not be listed. */
function perTrail(checkId: string, snapshots: readonly Snapshot[], judge: (seen: SeenTrail) => Verdict): CheckResult[] {
  const result = resultsFor(checkId);
  return [
    ...seenTrails(snapshots).map((seen) => {
      const { status, detail } = judge(seen);
      return result(seen.owner, seen.home, seen.trail.TrailARN, status, detail);
    }),
    ...unreadableTrailAccounts(snapshots).map(({ account, detail }) => result(account, "global", account, "unknown", detail)),
  ];
}

const dayMs = 86_400_000;
const statusPage = z.object({ IsLogging: z.boolean().optional(), LatestDeliveryTime: z.coerce.date().optional(), LatestDeliveryError: z.string().optional() });

export const cloudtrailLoggingActive: Check = {
  id: "cloudtrail-logging-active",
  title: "Each CloudTrail trail is logging and delivered logs in the last 24 hours",
  controls: ["8.15"],
  soc2: ["CC7.2", "CC7.3"],
  severity: "high",
  services: ["cloudtrail"],
  rationale:
    "A.8.15 asks that event logs be produced and kept; a trail that was stopped, or whose delivery to S3 fails, records nothing while it still looks configured. " +
    "CloudTrail delivers log files within minutes of activity, so a day without a delivery means the log has a gap.",
  remediation: "Start logging on the trail (aws cloudtrail start-logging --name <trail>), fix the delivery error it reports (bucket policy, KMS key policy), and alarm on StopLogging.",
  evaluate: (snapshots) =>
    perTrail("cloudtrail-logging-active", snapshots, ({ trail, owner }) => {
      const asked = trailSnapshot(snapshots, "GetTrailStatus", "Name", trail.TrailARN);
      if (!isUsable(asked)) return { status: "unknown", detail: unreadableTrailRequest(asked, "GetTrailStatus", owner) };
      const status = readPages(asked, statusPage)[0];
      if (status?.IsLogging !== true) return { status: "fail", detail: "Logging is stopped" };
      const error = status.LatestDeliveryError ? `; delivery error: ${status.LatestDeliveryError}` : "";
      const delivered = status.LatestDeliveryTime;
      if (!delivered) return { status: "fail", detail: `Logging, but no log file was ever delivered${error}` };
      const hours = Math.floor((Date.parse(asked.collectedAt) - delivered.getTime()) / 3_600_000);
      if (hours * 3_600_000 >= dayMs) return { status: "fail", detail: `Logging, but the last log file was delivered ${hours} hours before collection${error}` };
      return { status: "pass", detail: `Logging; last delivery ${delivered.toISOString()}${error}` };
    }),
};

export const cloudtrailKmsEncryption: Check = {
  id: "cloudtrail-kms-encryption",
  title: "Each CloudTrail trail encrypts its log files with a KMS key",
  controls: ["8.15", "8.24"],
  soc2: ["CC6.1", "CC7.2"],
  severity: "medium",
  services: ["cloudtrail"],
  rationale:
    "A.8.15 asks that logs be protected from unauthorized access; with SSE-KMS, reading the audit log needs decrypt permission on the key as well as access to the bucket, and every use of the key is itself logged (A.8.24).",
  remediation: "Create a customer managed KMS key whose policy lets CloudTrail encrypt and only log readers decrypt, and set it on the trail (aws cloudtrail update-trail --kms-key-id).",
  evaluate: (snapshots) =>
    perTrail("cloudtrail-kms-encryption", snapshots, ({ trail }) =>
      trail.KmsKeyId ? { status: "pass", detail: `Encrypted with ${trail.KmsKeyId}` } : { status: "fail", detail: "Log files use S3's default encryption, not a KMS key" },
    ),
};

export const cloudtrailCloudwatchLogs: Check = {
  id: "cloudtrail-cloudwatch-logs",
  title: "Each CloudTrail trail sends its events to CloudWatch Logs",
  controls: ["8.15", "8.16"],
  soc2: ["CC7.2", "CC7.3"],
  severity: "medium",
  services: ["cloudtrail"],
  rationale:
    "A.8.16 asks that activity be monitored for anomalies; events in S3 are read after the fact, while events in CloudWatch Logs can feed metric filters and alarms within minutes.",
  remediation: "Configure the trail to deliver to a CloudWatch Logs log group with a role CloudTrail can assume (aws cloudtrail update-trail --cloud-watch-logs-log-group-arn --cloud-watch-logs-role-arn).",
  evaluate: (snapshots) =>
    perTrail("cloudtrail-cloudwatch-logs", snapshots, ({ trail }) =>
      trail.CloudWatchLogsLogGroupArn
        ? { status: "pass", detail: `Delivers to ${trail.CloudWatchLogsLogGroupArn}` }
        : { status: "fail", detail: "Not sent to CloudWatch Logs" },
    ),
};

export const cloudtrailManagementEvents: Check = {
  id: "cloudtrail-management-events",
  title: "Each CloudTrail trail records read and write management events",
  controls: ["8.15", "8.32"],
  soc2: ["CC7.2", "CC8.1"],
  severity: "high",
  services: ["cloudtrail"],
  rationale:
    "Management events are the control-plane calls that create, change and delete resources; A.8.32 needs a record of changes, and the read events show reconnaissance before an incident (A.8.15). " +
    "A trail whose selectors log only data events, or only writes, leaves gaps in that record.",
  remediation: "Set an event selector that includes management events with ReadWriteType All, or an advanced selector with eventCategory = Management and no readOnly filter.",
  evaluate: (snapshots) =>
    perTrail("cloudtrail-management-events", snapshots, ({ trail, owner }) => {
      const asked = trailSnapshot(snapshots, "GetEventSelectors", "TrailName", trail.TrailARN);
      if (!isUsable(asked)) return { status: "unknown", detail: unreadableTrailRequest(asked, "GetEventSelectors", owner) };
      const { read, write } = managementEventCoverage(asked);
      if (read && write) return { status: "pass", detail: "Records read and write management events" };
      if (read || write) return { status: "fail", detail: `Records ${read ? "read" : "write"} management events only` };
      return { status: "fail", detail: "Records no management events" };
    }),
};
