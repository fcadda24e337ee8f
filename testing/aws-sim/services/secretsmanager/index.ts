// Secrets Manager over awsJson1_1 (state.regions.<region>.secretsmanager): secrets' metadata and
// rotation. Secret values are never simulated: GetSecretValue answers AccessDeniedException.
import { z } from "zod";
import { accessDenied } from "../../aws-errors.js";
import { jsonService } from "../../json-service.js";
import { jsonPage } from "../../paginate.js";
import { epochSeconds } from "../../protocols.js";
import type { ServiceHandler } from "../../service.js";
import { registerServiceState } from "../../state.js";

export const secretsState = z.object({
  secrets: z
    .array(z.object({
      name: z.string().min(1),
      created: z.string().default("2023-01-15T09:00:00Z"),
      rotationDays: z.number().int().optional(),
      lastRotated: z.string().optional(),
      lastAccessed: z.string().optional(),
      kmsKeyId: z.string().optional(),
    }))
    .default([]),
});
registerServiceState("secretsmanager", "regional", secretsState);

export const secretsManagerHandler: ServiceHandler = jsonService("secretsmanager", {
  ListSecrets: (req, ctx) => {
    const { items, next } = jsonPage(req.params, ctx.regionalState("secretsmanager", secretsState).secrets, { size: 100, invalidCode: "InvalidNextTokenException" });
    return {
      SecretList: items.map((s) => ({
        ARN: `arn:aws:secretsmanager:${ctx.region}:${ctx.account.id}:secret:${s.name}-AbCdEf`, Name: s.name, KmsKeyId: s.kmsKeyId,
        RotationEnabled: s.rotationDays !== undefined, RotationRules: s.rotationDays !== undefined ? { AutomaticallyAfterDays: s.rotationDays } : undefined,
        LastRotatedDate: s.lastRotated ? epochSeconds(s.lastRotated) : undefined, LastAccessedDate: s.lastAccessed ? epochSeconds(s.lastAccessed) : undefined,
        LastChangedDate: epochSeconds(s.lastRotated ?? s.created), CreatedDate: epochSeconds(s.created),
      })),
      NextToken: next,
    };
  },
  GetSecretValue: (req) => {
    throw accessDenied("awsJson1_1", `User: ${req.principalArn} is not authorized to perform: secretsmanager:GetSecretValue (the simulator holds no secret values)`);
  },
});

export const handlers: ServiceHandler[] = [secretsManagerHandler];
