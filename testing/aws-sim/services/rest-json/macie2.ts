// The simulated Amazon Macie: the account's Macie session in a region, or Macie's AccessDenied
// "Macie is not enabled" where it is off — GetMacieSession — and its sensitive data and policy
// findings: ListFindings (with findingCriteria) and GetFindings.
import { z } from "zod";
import { paginate } from "../../paginate.js";
import { restJsonSuccess } from "../../protocols.js";
import type { SimContext } from "../../service.js";
import { SimError } from "../../service.js";
import { registerServiceState } from "../../state.js";
import { findingFilter } from "./guardduty-criteria.js";
import { restJsonService, stringListParam } from "./router.js";

const severities = { Low: 1, Medium: 2, High: 3 } as const;

const finding = z.object({
  id: z.string().regex(/^[0-9a-f]{32}$/, "a Macie finding id is 32 lower-case hex digits"),
  /** e.g. SensitiveData:S3Object/Personal, SensitiveData:S3Object/Credentials, Policy:IAMUser/S3BucketPublic. */
  type: z.string().regex(/^(SensitiveData|Policy):/, "a Macie finding type starts SensitiveData: or Policy:"),
  severity: z.enum(["Low", "Medium", "High"]),
  bucket: z.string().min(1),
  objectKey: z.string().optional(),
  title: z.string().min(1),
  createdAt: z.string().default("2026-09-01T08:00:00Z"),
  updatedAt: z.string().default("2026-09-01T08:00:00Z"),
  archived: z.boolean().default(false),
  count: z.number().int().default(1),
});
type MacieFinding = z.infer<typeof finding>;

export const macie2StateSchema = z.object({
  /** Absent (or DISABLED) when Macie is not enabled in the region. */
  status: z.enum(["ENABLED", "PAUSED", "DISABLED"]).default("DISABLED"),
  createdAt: z.string().default("2023-04-01T09:00:00Z"),
  findingPublishingFrequency: z.enum(["FIFTEEN_MINUTES", "ONE_HOUR", "SIX_HOURS"]).default("SIX_HOURS"),
  findings: z.array(finding).default([]),
});
registerServiceState("macie2", "regional", macie2StateSchema);

/** The session, or the AccessDeniedException Macie answers every request with where it is off. */
function sessionOf(ctx: SimContext): z.infer<typeof macie2StateSchema> {
  const session = ctx.regionalState("macie2", macie2StateSchema);
  if (session.status === "DISABLED") throw new SimError("AccessDeniedException", "Macie is not enabled.", 403);
  return session;
}

const category = (f: MacieFinding): string => (f.type.startsWith("SensitiveData:") ? "CLASSIFICATION" : "POLICY");

/** What ListFindings' criteria may filter on, by Macie's field names (dates in epoch milliseconds). */
const criteriaFields = ["id", "type", "category", "severity.description", "severity.score", "archived", "resourcesAffected.s3Bucket.name", "createdAt", "updatedAt"];
function criteriaAttributes(f: MacieFinding): Record<string, string | number> {
  return {
    id: f.id,
    type: f.type,
    category: category(f),
    "severity.description": f.severity,
    "severity.score": severities[f.severity],
    archived: String(f.archived),
    "resourcesAffected.s3Bucket.name": f.bucket,
    createdAt: Date.parse(f.createdAt),
    updatedAt: Date.parse(f.updatedAt),
  };
}

function findingOutput(ctx: SimContext, f: MacieFinding): Record<string, unknown> {
  return {
    accountId: ctx.account.id,
    archived: f.archived,
    category: category(f),
    count: f.count,
    createdAt: f.createdAt,
    updatedAt: f.updatedAt,
    id: f.id,
    partition: "aws",
    region: ctx.region,
    schemaVersion: "1.0",
    severity: { description: f.severity, score: severities[f.severity] },
    title: f.title,
    description: f.title,
    type: f.type,
    resourcesAffected: {
      s3Bucket: { name: f.bucket, arn: `arn:aws:s3:::${f.bucket}`, owner: { id: ctx.account.id } },
      ...(f.objectKey ? { s3Object: { bucketArn: `arn:aws:s3:::${f.bucket}`, key: f.objectKey, path: `${f.bucket}/${f.objectKey}` } } : {}),
    },
  };
}

export const macie2 = restJsonService("macie2", [
  {
    method: "GET",
    path: "/macie",
    operation: "GetMacieSession",
    answer(_req, ctx) {
      const session = sessionOf(ctx);
      return restJsonSuccess({
        createdAt: session.createdAt,
        updatedAt: session.createdAt,
        findingPublishingFrequency: session.findingPublishingFrequency,
        serviceRole: `arn:aws:iam::${ctx.account.id}:role/aws-service-role/macie.amazonaws.com/AWSServiceRoleForAmazonMacie`,
        status: session.status,
      });
    },
  },
  {
    method: "POST",
    path: "/findings",
    operation: "ListFindings",
    answer(req, ctx) {
      const meets = findingFilter(criteriaFields, req.params.findingCriteria, "Macie");
      const ids = sessionOf(ctx).findings.filter((f) => meets(criteriaAttributes(f))).map((f) => f.id);
      const page = paginate(ids, req.params.nextToken, req.params.maxResults, 50, { maxSize: 50, invalidCode: "ValidationException" });
      return restJsonSuccess({ findingIds: page.items, nextToken: page.next });
    },
  },
  {
    method: "POST",
    path: "/findings/describe",
    operation: "GetFindings",
    answer(req, ctx) {
      const wanted = new Set(stringListParam(req.params, "findingIds"));
      if (wanted.size > 50) throw new SimError("ValidationException", "findingIds may name at most 50 findings", 400);
      return restJsonSuccess({ findings: sessionOf(ctx).findings.filter((f) => wanted.has(f.id)).map((f) => findingOutput(ctx, f)) });
    },
  },
]);
