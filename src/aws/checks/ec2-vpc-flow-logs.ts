// Check that every VPC records its traffic in flow logs (A.8.15, A.8.16, A.8.20).
import { z } from "zod";
import { readPages } from "../snapshot.js";
import type { Check } from "./check.js";
import { resultsFor } from "./check.js";
import { sibling, unreadableRegion } from "./regional-listing.js";
import { hasFailed, isUsable, snapshotsOf, unreadable } from "./snapshot-query.js";

const vpcsPage = z.object({ Vpcs: z.array(z.object({ VpcId: z.string(), OwnerId: z.string().optional(), IsDefault: z.boolean().optional() })).default([]) });
const flowLogsPage = z.object({
  FlowLogs: z
    .array(z.object({ FlowLogId: z.string(), ResourceId: z.string().optional(), TrafficType: z.string().optional(), FlowLogStatus: z.string().optional(), LogDestinationType: z.string().optional() }))
    .default([]),
});
const checkId = "ec2-vpc-flow-logs";
const result = resultsFor(checkId);

export const ec2VpcFlowLogs: Check = {
  id: checkId,
  title: "Every VPC has an active flow log that records rejected traffic",
  controls: ["8.16", "8.20", "8.15"],
  soc2: ["CC7.2", "CC7.3"],
  severity: "medium",
  services: ["ec2"],
  rationale:
    "Flow logs are the record of who talked to what inside a VPC: without them an incident cannot be traced across the network and probing goes unseen (A.8.16 monitoring, A.8.15 logging). " +
    "CIS asks that at least rejected traffic be logged; a log of accepted traffic alone misses the probing.",
  remediation: "Create a VPC flow log with traffic type ALL (or at least REJECT) delivered to the central log archive bucket or a CloudWatch Logs group with a retention period.",
  evaluate(snapshots) {
    return snapshotsOf(snapshots, "ec2", "DescribeVpcs").flatMap((listing) => {
      if (hasFailed(listing)) return unreadableRegion(result, listing, "DescribeVpcs");
      const flowLogs = sibling(snapshots, listing, "ec2", "DescribeFlowLogs");
      return readPages(listing, vpcsPage).flatMap((p) => p.Vpcs).map((vpc) => {
        const arn = `arn:aws:ec2:${listing.region}:${vpc.OwnerId ?? listing.account}:vpc/${vpc.VpcId}`;
        if (!isUsable(flowLogs)) return result(listing.account, listing.region, arn, "unknown", unreadable(flowLogs, "DescribeFlowLogs"));
        const active = readPages(flowLogs, flowLogsPage).flatMap((f) => f.FlowLogs).filter((f) => f.ResourceId === vpc.VpcId && (f.FlowLogStatus ?? "ACTIVE") === "ACTIVE");
        const recordsRejected = active.find((f) => f.TrafficType === "ALL" || f.TrafficType === "REJECT");
        if (recordsRejected) return result(listing.account, listing.region, arn, "pass", `Flow log ${recordsRejected.FlowLogId} records ${recordsRejected.TrafficType} traffic to ${recordsRejected.LogDestinationType ?? "its destination"}`);
        if (active.length > 0) return result(listing.account, listing.region, arn, "fail", `The VPC's flow logs record accepted traffic only (${active.map((f) => f.FlowLogId).join(", ")})`);
        return result(listing.account, listing.region, arn, "fail", `${vpc.IsDefault ? "The default VPC" : "The VPC"} has no active flow log`);
      });
    });
  },
};
