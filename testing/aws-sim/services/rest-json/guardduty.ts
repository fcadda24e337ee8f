// The simulated GuardDuty: detectors per region (none where GuardDuty is off), their features and
// findings — ListDetectors, GetDetector, ListFindings, GetFindings.
import { z } from "zod";
import { paginate } from "../../paginate.js";
import { epochSeconds, restJsonSuccess } from "../../protocols.js";
import type { SimContext } from "../../service.js";
import { SimError } from "../../service.js";
import { registerServiceState } from "../../state.js";
import { findingFilter } from "./guardduty-criteria.js";
import { restJsonService, stringListParam } from "./router.js";

const finding = z.object({
  id: z.string().min(1),
  type: z.string().min(1),
  severity: z.number().min(0).max(10),
  title: z.string().min(1),
  description: z.string().default(""),
  resourceType: z.string().default("Instance"),
  createdAt: z.string().default("2026-01-10T08:00:00Z"),
  updatedAt: z.string().default("2026-01-10T08:00:00Z"),
  archived: z.boolean().default(false),
});

const detector = z.object({
  id: z.string().regex(/^[a-z0-9]{32}$/, "a detector id is 32 lower-case letters and digits"),
  status: z.enum(["ENABLED", "DISABLED"]).default("ENABLED"),
  createdAt: z.string().default("2023-02-01T09:00:00Z"),
  findingPublishingFrequency: z.enum(["FIFTEEN_MINUTES", "ONE_HOUR", "SIX_HOURS"]).default("SIX_HOURS"),
  /** GuardDuty's protection plans, e.g. S3_DATA_EVENTS, EKS_AUDIT_LOGS, RDS_LOGIN_EVENTS → ENABLED/DISABLED. */
  features: z.record(z.string(), z.enum(["ENABLED", "DISABLED"])).default({ CLOUD_TRAIL: "ENABLED", DNS_LOGS: "ENABLED", FLOW_LOGS: "ENABLED" }),
  findings: z.array(finding).default([]),
});

export const guardDutyStateSchema = z.object({ detectors: z.array(detector).default([]) });
registerServiceState("guardduty", "regional", guardDutyStateSchema);

/** What ListFindings' criteria may filter on (updatedAt in epoch milliseconds, as GuardDuty compares it). */
const criteriaFields = ["id", "type", "severity", "service.archived", "resource.resourceType", "updatedAt"];
function criteriaAttributes(f: z.infer<typeof finding>): Record<string, string | number> {
  return { id: f.id, type: f.type, severity: f.severity, "service.archived": String(f.archived), "resource.resourceType": f.resourceType, updatedAt: Date.parse(f.updatedAt) };
}

function detectorOf(ctx: SimContext, id: string | undefined): z.infer<typeof detector> {
  const found = ctx.regionalState("guardduty", guardDutyStateSchema).detectors.find((d) => d.id === id);
  if (!found) throw new SimError("BadRequestException", "The request is rejected because the input detectorId is not owned by the current account.", 400);
  return found;
}

export const guardDuty = restJsonService("guardduty", [
  {
    method: "GET",
    path: "/detector",
    operation: "ListDetectors",
    answer(req, ctx) {
      const ids = ctx.regionalState("guardduty", guardDutyStateSchema).detectors.map((d) => d.id);
      const page = paginate(ids, req.params.nextToken, req.params.maxResults, 50, { maxSize: 50, invalidCode: "BadRequestException" });
      return restJsonSuccess({ detectorIds: page.items, nextToken: page.next });
    },
  },
  {
    method: "GET",
    path: "/detector/{DetectorId}",
    operation: "GetDetector",
    answer(_req, ctx, labels) {
      const d = detectorOf(ctx, labels.DetectorId);
      return restJsonSuccess({
        createdAt: d.createdAt,
        updatedAt: d.createdAt,
        findingPublishingFrequency: d.findingPublishingFrequency,
        serviceRole: `arn:aws:iam::${ctx.account.id}:role/aws-service-role/guardduty.amazonaws.com/AWSServiceRoleForAmazonGuardDuty`,
        status: d.status,
        features: Object.entries(d.features).map(([name, status]) => ({ name, status, updatedAt: epochSeconds(d.createdAt) })),
        tags: {},
      });
    },
  },
  {
    method: "POST",
    path: "/detector/{DetectorId}/findings",
    operation: "ListFindings",
    answer(req, ctx, labels) {
      const meets = findingFilter(criteriaFields, req.params.findingCriteria, "GuardDuty");
      const ids = detectorOf(ctx, labels.DetectorId).findings.filter((f) => meets(criteriaAttributes(f))).map((f) => f.id);
      const page = paginate(ids, req.params.nextToken, req.params.maxResults, 50, { maxSize: 50, invalidCode: "BadRequestException" });
      return restJsonSuccess({ findingIds: page.items, nextToken: page.next });
    },
  },
  {
    method: "POST",
    path: "/detector/{DetectorId}/findings/get",
    operation: "GetFindings",
    answer(req, ctx, labels) {
      const wanted = new Set(stringListParam(req.params, "findingIds"));
      if (wanted.size > 50) throw new SimError("BadRequestException", "findingIds may name at most 50 findings", 400);
      const findings = detectorOf(ctx, labels.DetectorId).findings.filter((f) => wanted.has(f.id));
      return restJsonSuccess({
        findings: findings.map((f) => ({
          accountId: ctx.account.id,
          arn: `arn:aws:guardduty:${ctx.region}:${ctx.account.id}:detector/${labels.DetectorId ?? ""}/finding/${f.id}`,
          createdAt: f.createdAt,
          updatedAt: f.updatedAt,
          id: f.id,
          partition: "aws",
          region: ctx.region,
          resource: { resourceType: f.resourceType },
          schemaVersion: "2.0",
          severity: f.severity,
          title: f.title,
          description: f.description,
          type: f.type,
          service: { archived: f.archived, count: 1, detectorId: labels.DetectorId, serviceName: "guardduty" },
        })),
      });
    },
  },
]);
