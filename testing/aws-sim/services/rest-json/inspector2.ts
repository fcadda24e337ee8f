// The simulated Amazon Inspector: an account's activation and per-resource scanning status in a
// region — BatchGetAccountStatus (for the caller, or accounts of its organization) — and its
// vulnerability findings, filtered by ListFindings' filterCriteria.
import { z } from "zod";
import { paginate } from "../../paginate.js";
import { epochSeconds, restJsonSuccess } from "../../protocols.js";
import type { SimContext } from "../../service.js";
import { SimError } from "../../service.js";
import { registerServiceState } from "../../state.js";
import { restJsonService, stringListParam } from "./router.js";

const status = z.enum(["ENABLING", "ENABLED", "DISABLING", "DISABLED", "SUSPENDING", "SUSPENDED"]);

const finding = z.object({
  /** The finding's id, the last part of its ARN. */
  id: z.string().regex(/^[0-9a-f]{32}$/, "an Inspector finding id is 32 lower-case hex digits"),
  type: z.enum(["PACKAGE_VULNERABILITY", "CODE_VULNERABILITY", "NETWORK_REACHABILITY"]).default("PACKAGE_VULNERABILITY"),
  severity: z.enum(["INFORMATIONAL", "LOW", "MEDIUM", "HIGH", "CRITICAL", "UNTRIAGED"]),
  status: z.enum(["ACTIVE", "SUPPRESSED", "CLOSED"]).default("ACTIVE"),
  title: z.string().min(1),
  description: z.string().default(""),
  /** The CVE (or detector id, for code) the finding is about. */
  vulnerabilityId: z.string().optional(),
  resourceType: z.enum(["AWS_EC2_INSTANCE", "AWS_ECR_CONTAINER_IMAGE", "AWS_ECR_REPOSITORY", "AWS_LAMBDA_FUNCTION"]).default("AWS_EC2_INSTANCE"),
  /** The resource's id as Inspector names it: an instance id, an image or function ARN. */
  resourceId: z.string().min(1),
  firstObservedAt: z.string().default("2026-10-01T08:00:00Z"),
  lastObservedAt: z.string().default("2026-11-26T08:00:00Z"),
  fixAvailable: z.enum(["YES", "NO", "PARTIAL"]).default("YES"),
});

export const inspector2StateSchema = z.object({
  status: status.default("DISABLED"),
  /** Scanning per resource type; a type not named takes the account's status. */
  resources: z.object({ ec2: status.optional(), ecr: status.optional(), lambda: status.optional(), lambdaCode: status.optional() }).default({}),
  findings: z.array(finding).default([]),
});
type InspectorFinding = z.infer<typeof finding>;
registerServiceState("inspector2", "regional", inspector2StateSchema);

function accountStatus(ctx: SimContext, accountId: string): Record<string, unknown> {
  const state = ctx.regionalState("inspector2", inspector2StateSchema, ctx.region, accountId);
  const of = (resource: "ec2" | "ecr" | "lambda" | "lambdaCode"): { status: string } => ({ status: state.resources[resource] ?? state.status });
  return {
    accountId,
    state: { status: state.status },
    resourceState: { ec2: of("ec2"), ecr: of("ecr"), lambda: of("lambda"), lambdaCode: of("lambdaCode") },
  };
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);

/** The string fields ListFindings' filterCriteria may name here, read from a finding. */
const stringFields: Record<string, (f: InspectorFinding, accountId: string) => string> = {
  awsAccountId: (_f, accountId) => accountId,
  findingStatus: (f) => f.status,
  severity: (f) => f.severity,
  findingType: (f) => f.type,
  resourceType: (f) => f.resourceType,
  resourceId: (f) => f.resourceId,
  vulnerabilityId: (f) => f.vulnerabilityId ?? "",
  fixAvailable: (f) => f.fixAvailable,
};
const dateFields: Record<string, (f: InspectorFinding) => string> = { firstObservedAt: (f) => f.firstObservedAt, lastObservedAt: (f) => f.lastObservedAt };

/** One field's filters as Inspector combines them: any EQUALS/PREFIX may match, every NOT_EQUALS must hold. */
function meetsStringFilters(actual: string, filters: Record<string, unknown>[]): boolean {
  const value = (f: Record<string, unknown>): string => (typeof f.value === "string" ? f.value : "");
  const positive = filters.filter((f) => f.comparison === "EQUALS" || f.comparison === "PREFIX");
  const negative = filters.filter((f) => f.comparison === "NOT_EQUALS");
  const matched = positive.length === 0 || positive.some((f) => (f.comparison === "EQUALS" ? actual === value(f) : actual.startsWith(value(f))));
  return matched && negative.every((f) => actual !== value(f));
}

/** Date filters carry epoch seconds (startInclusive, endInclusive); any one range may match. */
function meetsDateFilters(actual: string, filters: Record<string, unknown>[]): boolean {
  const at = epochSeconds(actual);
  const bound = (v: unknown, fallback: number): number => (typeof v === "number" ? v : fallback);
  return filters.some((f) => at >= bound(f.startInclusive, -Infinity) && at <= bound(f.endInclusive, Infinity));
}

function meetsFilterCriteria(f: InspectorFinding, accountId: string, criteria: unknown): boolean {
  if (!isRecord(criteria)) return true;
  return Object.entries(criteria).every(([field, list]) => {
    const filters = Array.isArray(list) ? list.filter(isRecord) : [];
    const readString = stringFields[field];
    if (readString) return meetsStringFilters(readString(f, accountId), filters);
    const readDate = dateFields[field];
    if (readDate) return meetsDateFilters(readDate(f), filters);
    throw new SimError("ValidationException", `The simulated Inspector filters findings on ${[...Object.keys(stringFields), ...Object.keys(dateFields)].join(", ")}, not ${field}`, 400);
  });
}

function findingOutput(ctx: SimContext, f: InspectorFinding): Record<string, unknown> {
  return {
    findingArn: `arn:aws:inspector2:${ctx.region}:${ctx.account.id}:finding/${f.id}`,
    awsAccountId: ctx.account.id,
    type: f.type,
    title: f.title,
    description: f.description,
    severity: f.severity,
    status: f.status,
    firstObservedAt: epochSeconds(f.firstObservedAt),
    lastObservedAt: epochSeconds(f.lastObservedAt),
    updatedAt: epochSeconds(f.lastObservedAt),
    fixAvailable: f.fixAvailable,
    remediation: { recommendation: { text: f.fixAvailable === "NO" ? "No fix is available yet." : "Update the affected package to the fixed version." } },
    resources: [{ type: f.resourceType, id: f.resourceId, partition: "aws", region: ctx.region }],
    ...(f.type === "PACKAGE_VULNERABILITY" && f.vulnerabilityId ? { packageVulnerabilityDetails: { vulnerabilityId: f.vulnerabilityId, source: "NVD" } } : {}),
  };
}

export const inspector2 = restJsonService("inspector2", [
  {
    method: "POST",
    path: "/status/batch/get",
    operation: "BatchGetAccountStatus",
    answer(req, ctx) {
      const asked = stringListParam(req.params, "accountIds");
      const ids = asked.length > 0 ? asked : [ctx.account.id];
      const known = new Set(ctx.scenario.accounts.map((a) => a.id));
      return restJsonSuccess({
        accounts: ids.filter((id) => known.has(id)).map((id) => accountStatus(ctx, id)),
        failedAccounts: ids
          .filter((id) => !known.has(id))
          .map((id) => ({ accountId: id, errorCode: "ACCOUNT_IS_ISOLATED", errorMessage: `Account ${id} is not a member of the organization`, status: "DISABLED" })),
      });
    },
  },
  {
    method: "POST",
    path: "/findings/list",
    operation: "ListFindings",
    answer(req, ctx) {
      const state = ctx.regionalState("inspector2", inspector2StateSchema);
      if (state.status !== "ENABLED") throw new SimError("AccessDeniedException", "Invoking account does not have access to ListFindings. Amazon Inspector is not enabled.", 403);
      const matching = state.findings.filter((f) => meetsFilterCriteria(f, ctx.account.id, req.params.filterCriteria));
      const page = paginate(matching, req.params.nextToken, req.params.maxResults, 50, { maxSize: 100, invalidCode: "ValidationException" });
      return restJsonSuccess({ findings: page.items.map((f) => findingOutput(ctx, f)), nextToken: page.next });
    },
  },
]);
