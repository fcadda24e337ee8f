// The simulated AWS Account Management API: each region's opt-in status for an account —
// ListRegions (the caller's own, or a member's when the management account asks).
import { z } from "zod";
import { accessDenied } from "../../aws-errors.js";
import { paginate } from "../../paginate.js";
import { restJsonSuccess } from "../../protocols.js";
import { registerServiceState } from "../../state.js";
import { restJsonService, stringListParam, stringParam } from "./router.js";

export const accountStateSchema = z.object({
  /** Opt-in regions being enabled or disabled right now (otherwise the account's optInRegions decide). */
  regionsInTransition: z.record(z.string(), z.enum(["ENABLING", "DISABLING"])).default({}),
});
registerServiceState("account", "global", accountStateSchema);

export const account = restJsonService("account", [
  {
    method: "POST",
    path: "/listRegions",
    operation: "ListRegions",
    answer(req, ctx) {
      const accountId = stringParam(req.params, "AccountId") ?? ctx.account.id;
      if (accountId !== ctx.account.id && ctx.account.id !== ctx.scenario.organization.managementAccount)
        throw accessDenied("restJson1", `Only the management account may list the regions of account ${accountId}`);
      const target = ctx.scenario.accounts.find((a) => a.id === accountId);
      if (!target) throw accessDenied("restJson1", `Account ${accountId} is not a member of the organization`);
      const transitions = ctx.globalState("account", accountStateSchema, accountId).regionsInTransition;
      const regions = [
        ...ctx.scenario.regions.default.map((r) => ({ RegionName: r, RegionOptStatus: "ENABLED_BY_DEFAULT" })),
        ...ctx.scenario.regions.optIn.map((r) => ({ RegionName: r, RegionOptStatus: transitions[r] ?? (target.optInRegions.includes(r) ? "ENABLED" : "DISABLED") })),
      ].sort((a, b) => a.RegionName.localeCompare(b.RegionName));
      const wanted = stringListParam(req.params, "RegionOptStatusContains");
      const listed = wanted.length > 0 ? regions.filter((r) => wanted.includes(r.RegionOptStatus)) : regions;
      const page = paginate(listed, req.params.NextToken, req.params.MaxResults, 20, { maxSize: 50, invalidCode: "ValidationException" });
      return restJsonSuccess({ Regions: page.items, NextToken: page.next });
    },
  },
]);
