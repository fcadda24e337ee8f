// Systems Manager over awsJson1_1 (state.regions.<region>.ssm): managed instances and their patch
// compliance (DescribeInstanceInformation, DescribeInstancePatchStates, ListResourceComplianceSummaries).
import { z } from "zod";
import { jsonService } from "../../json-service.js";
import { jsonPage } from "../../paginate.js";
import { stringList } from "../../params.js";
import { epochSeconds } from "../../protocols.js";
import type { ServiceHandler } from "../../service.js";
import { registerServiceState } from "../../state.js";

const instance = z.object({
  id: z.string().regex(/^(i|mi)-[0-9a-f]{8,17}$/, "an instance id looks like i-0abc12345def67890"),
  platform: z.enum(["Linux", "Windows", "MacOS"]).default("Linux"),
  platformName: z.string().default("Amazon Linux"),
  pingStatus: z.enum(["Online", "ConnectionLost", "Inactive"]).default("Online"),
  lastPing: z.string().default("2026-11-26T06:00:00Z"),
  missingPatches: z.number().int().default(0),
  criticalMissing: z.number().int().default(0),
  installedPatches: z.number().int().default(120),
  lastPatchScan: z.string().default("2026-11-25T03:00:00Z"),
});
export const ssmState = z.object({ instances: z.array(instance).default([]) });
registerServiceState("ssm", "regional", ssmState);

export const ssmHandler: ServiceHandler = jsonService("ssm", {
  DescribeInstanceInformation: (req, ctx) => {
    const { items, next } = jsonPage(req.params, ctx.regionalState("ssm", ssmState).instances, { size: 50, invalidCode: "InvalidNextToken" });
    return {
      InstanceInformationList: items.map((i) => ({
        InstanceId: i.id, PingStatus: i.pingStatus, LastPingDateTime: epochSeconds(i.lastPing), PlatformType: i.platform, PlatformName: i.platformName,
        AgentVersion: "3.3.1142.0", IsLatestVersion: true, ResourceType: "EC2Instance",
      })),
      NextToken: next,
    };
  },
  DescribeInstancePatchStates: (req, ctx) => {
    const ids = stringList(req.params, "InstanceIds");
    const wanted = ctx.regionalState("ssm", ssmState).instances.filter((i) => ids.includes(i.id));
    const { items, next } = jsonPage(req.params, wanted, { size: 10, max: 50, invalidCode: "InvalidNextToken" });
    return {
      InstancePatchStates: items.map((i) => ({
        InstanceId: i.id, PatchGroup: "default", BaselineId: "pb-0c10e65780EXAMPLE", Operation: "Scan",
        OperationStartTime: epochSeconds(i.lastPatchScan), OperationEndTime: epochSeconds(i.lastPatchScan),
        InstalledCount: i.installedPatches, MissingCount: i.missingPatches, FailedCount: 0, CriticalNonCompliantCount: i.criticalMissing,
        SecurityNonCompliantCount: i.criticalMissing, OtherNonCompliantCount: 0, NotApplicableCount: 0,
      })),
      NextToken: next,
    };
  },
  ListResourceComplianceSummaries: (req, ctx) => {
    const { items, next } = jsonPage(req.params, ctx.regionalState("ssm", ssmState).instances, { size: 50, invalidCode: "InvalidNextToken" });
    return {
      ResourceComplianceSummaryItems: items.map((i) => ({
        ComplianceType: "Patch", ResourceType: "ManagedInstance", ResourceId: i.id, Status: i.missingPatches > 0 ? "NON_COMPLIANT" : "COMPLIANT",
        OverallSeverity: i.criticalMissing > 0 ? "CRITICAL" : i.missingPatches > 0 ? "MEDIUM" : "UNSPECIFIED",
        ExecutionSummary: { ExecutionTime: epochSeconds(i.lastPatchScan) },
        CompliantSummary: { CompliantCount: i.installedPatches },
        NonCompliantSummary: { NonCompliantCount: i.missingPatches },
      })),
      NextToken: next,
    };
  },
});

export const handlers: ServiceHandler[] = [ssmHandler];
