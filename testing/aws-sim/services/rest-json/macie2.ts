// The simulated Amazon Macie: the account's Macie session in a region, or Macie's AccessDenied
// "Macie is not enabled" where it is off — GetMacieSession.
import { z } from "zod";
import { restJsonSuccess } from "../../protocols.js";
import { SimError } from "../../service.js";
import { registerServiceState } from "../../state.js";
import { restJsonService } from "./router.js";

export const macie2StateSchema = z.object({
  /** Absent (or DISABLED) when Macie is not enabled in the region. */
  status: z.enum(["ENABLED", "PAUSED", "DISABLED"]).default("DISABLED"),
  createdAt: z.string().default("2023-04-01T09:00:00Z"),
  findingPublishingFrequency: z.enum(["FIFTEEN_MINUTES", "ONE_HOUR", "SIX_HOURS"]).default("SIX_HOURS"),
});
registerServiceState("macie2", "regional", macie2StateSchema);

export const macie2 = restJsonService("macie2", [
  {
    method: "GET",
    path: "/macie",
    operation: "GetMacieSession",
    answer(_req, ctx) {
      const session = ctx.regionalState("macie2", macie2StateSchema);
      if (session.status === "DISABLED") throw new SimError("AccessDeniedException", "Macie is not enabled.", 403);
      return restJsonSuccess({
        createdAt: session.createdAt,
        updatedAt: session.createdAt,
        findingPublishingFrequency: session.findingPublishingFrequency,
        serviceRole: `arn:aws:iam::${ctx.account.id}:role/aws-service-role/macie.amazonaws.com/AWSServiceRoleForAmazonMacie`,
        status: session.status,
      });
    },
  },
]);
