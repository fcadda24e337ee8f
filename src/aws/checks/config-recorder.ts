// Check over AWS Config: in every collected region a recorder records all supported resource types,
// is recording and delivering, through a delivery channel; and each account records its global (IAM)
// resources in at least one region (A.8.9 configuration management, A.8.32 change management).
import { z } from "zod";
import { readPages } from "../snapshot.js";
import type { Snapshot } from "../snapshot.js";
import type { Check, CheckResult } from "./check.js";
import { resultsFor } from "./check.js";
import { accountsIn, hasFailed, isUsable, snapshotsOf, unreadable } from "./snapshot-query.js";

const recordersPage = z.object({
  ConfigurationRecorders: z
    .array(z.object({
      name: z.string().default("default"),
      arn: z.string().optional(),
      recordingGroup: z
        .object({ allSupported: z.boolean().optional(), includeGlobalResourceTypes: z.boolean().optional(), resourceTypes: z.array(z.string()).default([]) })
        .optional(),
    }))
    .default([]),
});
const statusPage = z.object({
  ConfigurationRecordersStatus: z.array(z.object({ name: z.string().default("default"), recording: z.boolean().optional(), lastStatus: z.string().optional() })).default([]),
});
const channelsPage = z.object({ DeliveryChannels: z.array(z.object({ name: z.string().optional() })).default([]) });

const checkId = "config-recorder-all-resources";
const result = resultsFor(checkId);

const inRegion = (snapshots: readonly Snapshot[], operation: string, account: string, region: string): Snapshot | undefined =>
  snapshotsOf(snapshots, "config", operation).find((s) => s.account === account && s.region === region);

/** One region's recorder: what is wrong with it, in the words an auditor reads. */
function judgeRegion(snapshots: readonly Snapshot[], recorders: Snapshot): CheckResult {
  const { account, region } = recorders;
  const recorder = readPages(recorders, recordersPage).flatMap((p) => p.ConfigurationRecorders)[0];
  if (!recorder) return result(account, region, `${account}/${region}`, "fail", "No configuration recorder: resource changes in this region are not recorded");
  const resource = recorder.arn ?? recorder.name;
  const status = inRegion(snapshots, "DescribeConfigurationRecorderStatus", account, region);
  const channels = inRegion(snapshots, "DescribeDeliveryChannels", account, region);
  if (!isUsable(status)) return result(account, region, resource, "unknown", unreadable(status, "DescribeConfigurationRecorderStatus"));
  if (!isUsable(channels)) return result(account, region, resource, "unknown", unreadable(channels, "DescribeDeliveryChannels"));
  const state = readPages(status, statusPage).flatMap((p) => p.ConfigurationRecordersStatus).find((s) => s.name === recorder.name);
  const problems = [
    ...(recorder.recordingGroup?.allSupported === true ? [] : [`records only ${recorder.recordingGroup?.resourceTypes.length ?? 0} selected resource types`]),
    ...(state?.recording === true ? [] : ["is not recording"]),
    ...(state?.recording === true && state.lastStatus?.toLowerCase() !== "success" ? [`last recording status is ${state.lastStatus ?? "unknown"}`] : []),
    ...(readPages(channels, channelsPage).some((p) => p.DeliveryChannels.length > 0) ? [] : ["has no delivery channel"]),
  ];
  return problems.length === 0
    ? result(account, region, resource, "pass", "Records all supported resource types; recording; last status Success; delivery channel set")
    : result(account, region, resource, "fail", `The recorder ${problems.join("; ")}`);
}

/** Global resource types (IAM) are recorded in one region of the account; unknown when no region could be read. */
function judgeGlobal(account: string, regional: readonly Snapshot[]): CheckResult | undefined {
  const readable = regional.filter(isUsable);
  if (readable.length === 0) return undefined;
  const recording = readable.find((s) =>
    readPages(s, recordersPage)
      .flatMap((p) => p.ConfigurationRecorders)
      .some((r) => r.recordingGroup?.includeGlobalResourceTypes === true || (r.recordingGroup?.allSupported !== true && r.recordingGroup?.resourceTypes.some((t) => t.startsWith("AWS::IAM::")))),
  );
  if (recording) return result(account, "global", account, "pass", `Global resources (IAM users, roles, policies) are recorded in ${recording.region}`);
  const failed: Snapshot | undefined = regional.find(hasFailed);
  if (failed) return result(account, "global", account, "unknown", `No readable region records global resources; ${unreadable(failed, "DescribeConfigurationRecorders")} in ${failed.region}`);
  return result(account, "global", account, "fail", "No region records global resources: changes to IAM users, roles and policies are not in Config's history");
}

export const configRecorderAllResources: Check = {
  id: checkId,
  title: "AWS Config records all resource types in every region, and global resources in one",
  controls: ["8.9", "8.32"],
  soc2: ["CC7.1", "CC8.1"],
  severity: "medium",
  services: ["config"],
  rationale:
    "A.8.9 asks that configurations be recorded and monitored, and A.8.32 that changes be traceable; AWS Config keeps each resource's configuration history, but only in regions with a recorder that is running, covers every type and delivers its snapshots. " +
    "IAM is global, so one region must record global resources too.",
  remediation:
    "In every region, create a configuration recorder with allSupported = true and a delivery channel to the log archive bucket, and start it (or enable Config through Control Tower or a StackSet); set includeGlobalResourceTypes on one region's recorder.",
  evaluate(snapshots) {
    const described = snapshotsOf(snapshots, "config", "DescribeConfigurationRecorders").filter((s) => s.error?.kind !== "region-disabled");
    return accountsIn(described).flatMap((account) => {
      const mine = described.filter((s) => s.account === account);
      const regional = mine.map((s) => (hasFailed(s) ? result(account, s.region, `${account}/${s.region}`, "unknown", unreadable(s, "DescribeConfigurationRecorders")) : judgeRegion(snapshots, s)));
      const global = judgeGlobal(account, mine);
      return global ? [...regional, global] : regional;
    });
  },
};
