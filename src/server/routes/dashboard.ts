// The dashboard over HTTP: readiness per stage with the top findings, SoA status by theme, the risk heat
// maps inherent and residual, evidence freshness and overdue activities, in one request.
import { createRoute, z, type OpenAPIHono } from "@hono/zod-openapi";
import { severities, stages } from "../../readiness/index.js";
import { soaThemes } from "../../domain/soa/index.js";
import type { AppEnv } from "../env.js";
import { authorize } from "../middleware/authorize.js";
import { problemResponses } from "../problem.js";
import { dashboardFor, dashboardView, overdueShown, topFindingsShown } from "./dashboard-view.js";
import { heatmapSchema } from "./risk-schemas.js";
import { day, instant, json, workspaceParam } from "./route-parts.js";

const severity = z.enum(severities);

const stageSchema = z.object({
  stage: z.enum(stages),
  score: z.number().openapi({ description: "0–100, rules weighted by severity" }),
  wouldFail: z.boolean(),
  findings: z.object({ "would-fail-stage1": z.number(), major: z.number(), minor: z.number(), observation: z.number() }),
  topFindings: z
    .array(
      z.object({
        ruleId: z.string(),
        ruleTitle: z.string(),
        severity,
        basis: z.string(),
        message: z.string(),
        fix: z.string(),
        entity: z.object({ type: z.string(), id: z.string().nullable() }),
      }),
    )
    .openapi({ description: `The ${topFindingsShown} worst findings` }),
});

const count = z.number().int();

export const dashboardSchema = z
  .object({
    asOf: instant,
    readiness: z.array(stageSchema).nullable().openapi({ description: "Per stage; null for an auditor" }),
    soaByTheme: z.array(
      z.object({
        theme: z.enum(soaThemes),
        label: z.string(),
        controls: count,
        applicable: count,
        inherited: count,
        notApplicable: count,
        undecided: count,
        implemented: count.openapi({ description: "Statuses count the controls in the SoA: applicable or inherited" }),
        partiallyImplemented: count,
        planned: count,
        notImplemented: count,
        notAssessed: count,
      }),
    ),
    heatmaps: z.object({ inherent: heatmapSchema, residual: heatmapSchema }),
    evidenceFreshness: z.object({
      controls: z.object({ fresh: count, stale: count, none: count }).openapi({ description: "Controls in the SoA by their newest evidence" }),
      kinds: z
        .array(z.object({ kind: z.string(), newestId: z.string(), collectedAt: instant, freshUntil: instant, fresh: z.boolean() }))
        .openapi({ description: "The newest record of each kind of evidence, stale ones first" }),
    }),
    overdueActivities: z.object({
      total: count,
      oldest: z
        .array(z.object({ id: z.string(), title: z.string(), kind: z.string(), owner: z.string().nullable(), due: day, daysOverdue: count, basis: z.string() }))
        .openapi({ description: `The ${overdueShown} longest overdue` }),
    }),
  })
  .openapi("Dashboard");

const dashboardRoute = createRoute({
  method: "get",
  path: "/api/w/{workspace}/dashboard",
  tags: ["dashboard"],
  summary: "Where the ISMS stands: readiness, SoA by theme, risk heat maps, evidence freshness, overdue activities",
  request: { params: workspaceParam },
  responses: { 200: json(dashboardSchema, "The dashboard as the account may see it"), ...problemResponses(401, 403, 404) },
});

export function registerDashboardRoutes(app: OpenAPIHono<AppEnv>): void {
  app.openapi(dashboardRoute, async (c) => {
    authorize(c, "read", "workspace");
    return c.json(dashboardFor(await dashboardView(c.var.db, c.var.workspace), c.var.principal), 200);
  });
}
