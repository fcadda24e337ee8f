// The simulated Amazon Inspector: an account's activation and per-resource scanning status in a
// region — BatchGetAccountStatus (for the caller, or accounts of its organization).
import { z } from "zod";
import { restJsonSuccess } from "../../protocols.js";
import type { SimContext } from "../../service.js";
import { registerServiceState } from "../../state.js";
import { restJsonService, stringListParam } from "./router.js";

const status = z.enum(["ENABLING", "ENABLED", "DISABLING", "DISABLED", "SUSPENDING", "SUSPENDED"]);

export const inspector2StateSchema = z.object({
  status: status.default("DISABLED"),
  /** Scanning per resource type; a type not named takes the account's status. */
  resources: z.object({ ec2: status.optional(), ecr: status.optional(), lambda: status.optional(), lambdaCode: status.optional() }).default({}),
});
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
]);
