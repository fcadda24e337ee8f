// AWS CloudTrail over awsJson1_1 (state.regions.<home region>.cloudtrail): trails as each account
// and region sees them — multi-region trails in every region, organization trails in every member.
import { z } from "zod";
import { registerBenchState } from "../../bench-scenario.js";
import { regionEnabled } from "../../access.js";
import { jsonService } from "../../json-service.js";
import { requiredString, stringList } from "../../params.js";
import { epochSeconds } from "../../protocols.js";
import { SimError } from "../../service.js";
import type { ServiceHandler, SimContext, SimRequest } from "../../service.js";
import { registerServiceState } from "../../state.js";

const eventSelector = z.object({
  readWriteType: z.enum(["All", "ReadOnly", "WriteOnly"]).default("All"),
  includeManagementEvents: z.boolean().default(true),
  dataResources: z.array(z.object({ type: z.string(), values: z.array(z.string()) })).default([]),
});
const fieldSelector = z.object({
  field: z.string(),
  equals: z.array(z.string()).optional(),
  notEquals: z.array(z.string()).optional(),
  startsWith: z.array(z.string()).optional(),
  notStartsWith: z.array(z.string()).optional(),
});
const advancedEventSelector = z.object({ name: z.string().optional(), fieldSelectors: z.array(fieldSelector).min(1) });
const trail = z.object({
  name: z.string().min(1),
  s3Bucket: z.string(),
  s3KeyPrefix: z.string().optional(),
  multiRegion: z.boolean().default(false),
  organization: z.boolean().default(false),
  logFileValidation: z.boolean().default(false),
  includeGlobalServiceEvents: z.boolean().default(true),
  kmsKeyId: z.string().optional(),
  cloudWatchLogsLogGroupArn: z.string().optional(),
  logging: z.boolean().default(true),
  latestDelivery: z.string().optional(),
  latestDeliveryError: z.string().optional(),
  eventSelectors: z.array(eventSelector).default([{ readWriteType: "All", includeManagementEvents: true, dataResources: [] }]),
  /** Set: the trail uses advanced event selectors instead (AWS answers one kind or the other). */
  advancedEventSelectors: z.array(advancedEventSelector).optional(),
});
export const cloudtrailState = z.object({ trails: z.array(trail).default([]) });
registerServiceState("cloudtrail", "regional", cloudtrailState);

type Trail = z.infer<typeof trail>;
interface Visible {
  trail: Trail;
  owner: string;
  home: string;
  arn: string;
}

/** The trails an account sees in the request's region; shadow trails are those homed elsewhere. */
function visibleTrails(ctx: SimContext, includeShadow: boolean): Visible[] {
  const out: Visible[] = [];
  const s = ctx.scenario;
  const add = (owner: string, include: (t: Trail, home: string) => boolean): void => {
    const account = s.accounts.find((a) => a.id === owner);
    for (const home of Object.keys(account?.state.regions ?? {})) {
      for (const t of ctx.regionalState("cloudtrail", cloudtrailState, home, owner).trails)
        if (include(t, home)) out.push({ trail: t, owner, home, arn: `arn:aws:cloudtrail:${home}:${owner}:trail/${t.name}` });
    }
  };
  const inRegion = (t: Trail, home: string): boolean => home === ctx.region || (includeShadow && t.multiRegion);
  add(ctx.account.id, inRegion);
  const management = s.organization.managementAccount;
  if (ctx.account.id !== management && regionEnabled(s, ctx.account.id, ctx.region))
    add(management, (t, home) => t.organization && inRegion(t, home));
  return out;
}

function findTrail(ctx: SimContext, name: string): Visible {
  const found = visibleTrails(ctx, true).find((v) => v.trail.name === name || v.arn === name);
  if (!found) throw new SimError("TrailNotFoundException", `Unknown trail: ${name} for the user: ${ctx.account.id}`, 400);
  return found;
}

const trailOut = (v: Visible): Record<string, unknown> => ({
  Name: v.trail.name, S3BucketName: v.trail.s3Bucket, S3KeyPrefix: v.trail.s3KeyPrefix, IncludeGlobalServiceEvents: v.trail.includeGlobalServiceEvents,
  IsMultiRegionTrail: v.trail.multiRegion, HomeRegion: v.home, TrailARN: v.arn, LogFileValidationEnabled: v.trail.logFileValidation,
  CloudWatchLogsLogGroupArn: v.trail.cloudWatchLogsLogGroupArn, KmsKeyId: v.trail.kmsKeyId, HasCustomEventSelectors: v.trail.advancedEventSelectors !== undefined || v.trail.eventSelectors.some((e) => e.dataResources.length > 0 || !e.includeManagementEvents),
  HasInsightSelectors: false, IsOrganizationTrail: v.trail.organization,
});

const named = (req: SimRequest, field: string): string => requiredString(req.params, field, "InvalidTrailNameException");

export const cloudtrailHandler: ServiceHandler = jsonService("cloudtrail", {
  DescribeTrails: (req, ctx) => {
    const names = stringList(req.params, "trailNameList");
    const includeShadow = req.params.includeShadowTrails !== false;
    const trails = visibleTrails(ctx, includeShadow).filter((v) => names.length === 0 || names.includes(v.trail.name) || names.includes(v.arn));
    return { trailList: trails.map(trailOut) };
  },
  GetTrailStatus: (req, ctx) => {
    const { trail: t } = findTrail(ctx, named(req, "Name"));
    const delivered = t.logging ? (t.latestDelivery ?? new Date(Date.now() - 5 * 60_000).toISOString()) : t.latestDelivery;
    return {
      IsLogging: t.logging, LatestDeliveryTime: delivered ? epochSeconds(delivered) : undefined, LatestDeliveryError: t.latestDeliveryError,
      StartLoggingTime: t.logging ? epochSeconds("2023-01-15T09:00:00Z") : undefined,
      LatestDigestDeliveryTime: t.logFileValidation && delivered ? epochSeconds(delivered) : undefined,
    };
  },
  GetEventSelectors: (req, ctx) => {
    const v = findTrail(ctx, named(req, "TrailName"));
    const advanced = v.trail.advancedEventSelectors;
    if (advanced) {
      const selectors = advanced.map((a) => ({
        Name: a.name,
        FieldSelectors: a.fieldSelectors.map((f) => ({ Field: f.field, Equals: f.equals, NotEquals: f.notEquals, StartsWith: f.startsWith, NotStartsWith: f.notStartsWith })),
      }));
      return { TrailARN: v.arn, AdvancedEventSelectors: selectors };
    }
    const selectors = v.trail.eventSelectors.map((e) => ({
      ReadWriteType: e.readWriteType, IncludeManagementEvents: e.includeManagementEvents,
      DataResources: e.dataResources.map((d) => ({ Type: d.type, Values: d.values })), ExcludeManagementEventSources: [],
    }));
    return { TrailARN: v.arn, EventSelectors: selectors };
  },
});

export const handlers: ServiceHandler[] = [cloudtrailHandler];

registerBenchState("cloudtrail", "regional", ({ accountIndex, regionIndex }) =>
  accountIndex === 0 && regionIndex === 0
    ? { trails: [{ name: "org-trail", s3Bucket: "bench-cloudtrail", multiRegion: true, organization: true, logFileValidation: true }] }
    : undefined,
);
