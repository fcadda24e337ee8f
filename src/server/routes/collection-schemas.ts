// The shapes of the collection API (A.8.15, A.8.16 and the controls the AWS checks evidence): the runs
// of automated collection, and one run's check results.
import { z } from "@hono/zod-openapi";
import type { CollectionRun, StoredCheckResult } from "../../app/collection.js";
import { instant } from "./route-parts.js";

export const runIdParam = z.object({ workspace: z.string().openapi({ description: "The workspace's slug", example: "acme" }), id: z.string().min(1).max(64).openapi({ example: "C-001" }) });

export const checkStatuses = ["pass", "fail", "not-applicable", "unknown"] as const;
export const resultQuery = z.object({ status: z.enum(checkStatuses).optional().openapi({ description: "Only the results with this verdict" }) });

export const collectionRunSchema = z
  .object({
    id: z.string(),
    source: z.string(),
    startedAt: instant,
    finishedAt: instant,
    caller: z.string().openapi({ description: "The AWS account the run's credentials belong to" }),
    collectorVersion: z.string(),
    options: z.record(z.string(), z.unknown()),
    stats: z.record(z.string(), z.unknown()),
    problems: z.array(z.record(z.string(), z.unknown())).openapi({ description: "What could not be collected, per account and region" }),
  })
  .openapi("CollectionRun");

export const checkResultSchema = z
  .object({
    id: z.string(),
    checkId: z.string(),
    account: z.string(),
    region: z.string(),
    resource: z.string(),
    status: z.string(),
    detail: z.string(),
    severity: z.string(),
    controlIds: z.array(z.string()),
    evidenceId: z.string().nullable(),
  })
  .openapi("CheckResult");

export const runListSchema = z.object({ runs: z.array(collectionRunSchema) });
export const runResultsSchema = z.object({ run: collectionRunSchema, results: z.array(checkResultSchema) });

export const runBody = (r: CollectionRun): z.infer<typeof collectionRunSchema> => ({
  id: r.id,
  source: r.source,
  startedAt: r.startedAt.toISOString(),
  finishedAt: r.finishedAt.toISOString(),
  caller: r.caller,
  collectorVersion: r.collectorVersion,
  options: r.options,
  stats: r.stats,
  problems: r.problems,
});

export const resultBody = (r: StoredCheckResult): z.infer<typeof checkResultSchema> => ({
  id: r.id,
  checkId: r.checkId,
  account: r.account,
  region: r.region,
  resource: r.resource,
  status: r.status,
  detail: r.detail,
  severity: r.severity,
  controlIds: r.controlIds,
  evidenceId: r.evidenceId,
});
