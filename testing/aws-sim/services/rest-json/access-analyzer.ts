// The simulated IAM Access Analyzer: the analyzers of a region (account or organization zone of
// trust, external or unused access) — ListAnalyzers.
import { z } from "zod";
import { paginate } from "../../paginate.js";
import { restJsonSuccess } from "../../protocols.js";
import { registerServiceState } from "../../state.js";
import { restJsonService, stringParam } from "./router.js";

const analyzer = z.object({
  name: z.string().min(1),
  type: z.enum(["ACCOUNT", "ORGANIZATION", "ACCOUNT_UNUSED_ACCESS", "ORGANIZATION_UNUSED_ACCESS", "ACCOUNT_INTERNAL_ACCESS", "ORGANIZATION_INTERNAL_ACCESS"]).default("ACCOUNT"),
  status: z.enum(["ACTIVE", "CREATING", "DISABLED", "FAILED"]).default("ACTIVE"),
  createdAt: z.string().default("2023-02-01T09:00:00Z"),
  lastResourceAnalyzedAt: z.string().optional(),
});

export const accessAnalyzerStateSchema = z.object({ analyzers: z.array(analyzer).default([]) });
registerServiceState("access-analyzer", "regional", accessAnalyzerStateSchema);

export const accessAnalyzer = restJsonService("access-analyzer", [
  {
    method: "GET",
    path: "/analyzer",
    operation: "ListAnalyzers",
    answer(req, ctx) {
      const type = stringParam(req.params, "type");
      const analyzers = ctx
        .regionalState("access-analyzer", accessAnalyzerStateSchema)
        .analyzers.filter((a) => !type || a.type === type)
        .map((a) => ({
          arn: `arn:aws:access-analyzer:${ctx.region}:${ctx.account.id}:analyzer/${a.name}`,
          name: a.name,
          type: a.type,
          status: a.status,
          createdAt: a.createdAt,
          lastResourceAnalyzedAt: a.lastResourceAnalyzedAt,
          tags: {},
        }));
      const page = paginate(analyzers, req.params.nextToken, req.params.maxResults, 100, { maxSize: 1000, invalidCode: "ValidationException" });
      return restJsonSuccess({ analyzers: page.items, nextToken: page.next });
    },
  },
]);
