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
  agentVersion: z.string().default("3.3.1142.0"),
  /** False when a newer SSM Agent than `agentVersion` is published for the platform. */
  agentIsLatest: z.boolean().default(true),
  missingPatches: z.number().int().default(0),
  criticalMissing: z.number().int().default(0),
  failedPatches: z.number().int().default(0),
  installedPatches: z.number().int().default(120),
  /** The last patch operation (AWS-RunPatchBaseline's Scan or Install) and when it ended. */
  lastPatchOperation: z.enum(["Scan", "Install"]).default("Scan"),
  lastPatchScan: z.string().default("2026-11-25T03:00:00Z"),
  /** False for an instance that no patch baseline has ever run on: it has no patch state. */
  patched: z.boolean().default(true),
});
export const ssmState = z.object({ instances: z.array(instance).default([]) });
registerServiceState("ssm", "regional", ssmState);

export const ssmHandler: ServiceHandler = jsonService("ssm", {
  DescribeInstanceInformation: (req, ctx) => {
    const { items, next } = jsonPage(req.params, ctx.regionalState("ssm", ssmState).instances, { size: 50, invalidCode: "InvalidNextToken" });
    return {
      InstanceInformationList: items.map((i) => ({
        InstanceId: i.id, PingStatus: i.pingStatus, LastPingDateTime: epochSeconds(i.lastPing), PlatformType: i.platform, PlatformName: i.platformName,
        AgentVersion: i.agentVersion, IsLatestVersion: i.agentIsLatest, ResourceType: i.id.startsWith("mi-") ? "ManagedInstance" : "EC2Instance",
      })),
      NextToken: next,
    };
  },
  DescribeInstancePatchStates: (req, ctx) => {
    const ids = stringList(req.params, "InstanceIds");
    const wanted = ctx.regionalState("ssm", ssmState).instances.filter((i) => i.patched && ids.includes(i.id));
    const { items, next } = jsonPage(req.params, wanted, { size: 10, max: 50, invalidCode: "InvalidNextToken" });
    return {
      InstancePatchStates: items.map((i) => ({
        InstanceId: i.id, PatchGroup: "default", BaselineId: "pb-0c10e65780EXAMPLE", Operation: i.lastPatchOperation,
        OperationStartTime: epochSeconds(i.lastPatchScan), OperationEndTime: epochSeconds(i.lastPatchScan),
        InstalledCount: i.installedPatches, MissingCount: i.missingPatches, FailedCount: i.failedPatches, CriticalNonCompliantCount: i.criticalMissing,
        SecurityNonCompliantCount: i.criticalMissing, OtherNonCompliantCount: 0, NotApplicableCount: 0,
      })),
      NextToken: next,
    };
  },
  ListResourceComplianceSummaries: (req, ctx) => {
    const patched = ctx.regionalState("ssm", ssmState).instances.filter((i) => i.patched);
    const { items, next } = jsonPage(req.params, patched, { size: 50, invalidCode: "InvalidNextToken" });
    return {
      ResourceComplianceSummaryItems: items.map((i) => ({
        ComplianceType: "Patch", ResourceType: "ManagedInstance", ResourceId: i.id, Status: i.missingPatches + i.failedPatches > 0 ? "NON_COMPLIANT" : "COMPLIANT",
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
