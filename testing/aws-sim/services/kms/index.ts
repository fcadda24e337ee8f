// AWS KMS over awsJson1_1 (state.regions.<region>.kms): keys with their manager, state and
// rotation (and the deletion date of a key pending deletion); ListKeys, ListAliases, DescribeKey, GetKeyRotationStatus.
import { z } from "zod";
import { registerBenchState } from "../../bench-scenario.js";
import { stableUuid } from "../../ids.js";
import { jsonService } from "../../json-service.js";
import { paginate } from "../../paginate.js";
import { numberParam, requiredString, stringParam } from "../../params.js";
import { epochSeconds } from "../../protocols.js";
import { SimError } from "../../service.js";
import type { ServiceHandler, SimContext, SimRequest } from "../../service.js";
import { registerServiceState } from "../../state.js";

const kmsKey = z.object({
  /** The key id (a UUID); derived from the alias or description when omitted. */
  id: z.string().optional(),
  alias: z.string().startsWith("alias/").optional(),
  description: z.string().default(""),
  manager: z.enum(["CUSTOMER", "AWS"]).default("CUSTOMER"),
  state: z.enum(["Enabled", "Disabled", "PendingDeletion", "PendingImport"]).default("Enabled"),
  rotation: z.boolean().default(false),
  rotationPeriodDays: z.number().int().default(365),
  spec: z.string().default("SYMMETRIC_DEFAULT"),
  usage: z.enum(["ENCRYPT_DECRYPT", "SIGN_VERIFY", "GENERATE_VERIFY_MAC", "KEY_AGREEMENT"]).default("ENCRYPT_DECRYPT"),
  multiRegion: z.boolean().default(false),
  created: z.string().default("2023-01-15T09:00:00Z"),
  /** When a key in PendingDeletion is deleted (DescribeKey's DeletionDate). */
  deletionDate: z.string().optional(),
});
export const kmsState = z.object({ keys: z.array(kmsKey).default([]) });
registerServiceState("kms", "regional", kmsState);

type KmsKey = z.infer<typeof kmsKey>;

const keyId = (ctx: SimContext, k: KmsKey): string => k.id ?? stableUuid(`${ctx.account.id}/${ctx.region}/${k.alias ?? k.description}`);
const keyArn = (ctx: SimContext, k: KmsKey): string => `arn:aws:kms:${ctx.region}:${ctx.account.id}:key/${keyId(ctx, k)}`;

/** Finds a key by id, key ARN, alias name or alias ARN, as KMS accepts. */
function findKey(req: SimRequest, ctx: SimContext): KmsKey {
  const wanted = requiredString(req.params, "KeyId", "ValidationException");
  const keys = ctx.regionalState("kms", kmsState).keys;
  const aliasName = wanted.startsWith("arn:") && wanted.includes(":alias/") ? wanted.slice(wanted.indexOf(":alias/") + 1) : wanted;
  const key = keys.find((k) => keyId(ctx, k) === wanted || keyArn(ctx, k) === wanted || k.alias === aliasName);
  if (!key) throw new SimError("NotFoundException", `Key '${wanted.startsWith("arn:") ? wanted : `arn:aws:kms:${ctx.region}:${ctx.account.id}:key/${wanted}`}' does not exist`, 400);
  return key;
}

export const kmsHandler: ServiceHandler = jsonService("kms", {
  ListKeys: (req, ctx) => {
    const keys = ctx.regionalState("kms", kmsState).keys;
    const { items, next } = paginate(keys, stringParam(req.params, "Marker"), numberParam(req.params, "Limit"), 100, { maxSize: 1000, invalidCode: "InvalidMarkerException" });
    return { Keys: items.map((k) => ({ KeyId: keyId(ctx, k), KeyArn: keyArn(ctx, k) })), NextMarker: next, Truncated: next !== undefined };
  },
  ListAliases: (req, ctx) => {
    const aliased = ctx.regionalState("kms", kmsState).keys.filter((k) => k.alias !== undefined);
    const { items, next } = paginate(aliased, stringParam(req.params, "Marker"), numberParam(req.params, "Limit"), 100, { maxSize: 100, invalidCode: "InvalidMarkerException" });
    const aliases = items.map((k) => ({ AliasName: k.alias, AliasArn: `arn:aws:kms:${ctx.region}:${ctx.account.id}:${k.alias ?? ""}`, TargetKeyId: keyId(ctx, k) }));
    return { Aliases: aliases, NextMarker: next, Truncated: next !== undefined };
  },
  DescribeKey: (req, ctx) => {
    const k = findKey(req, ctx);
    return {
      KeyMetadata: {
        AWSAccountId: ctx.account.id, KeyId: keyId(ctx, k), Arn: keyArn(ctx, k), CreationDate: epochSeconds(k.created),
        Enabled: k.state === "Enabled", Description: k.description, KeyUsage: k.usage, KeyState: k.state, Origin: "AWS_KMS",
        KeyManager: k.manager, CustomerMasterKeySpec: k.spec, KeySpec: k.spec, MultiRegion: k.multiRegion,
        EncryptionAlgorithms: k.usage === "ENCRYPT_DECRYPT" ? ["SYMMETRIC_DEFAULT"] : undefined,
        ...(k.state === "PendingDeletion" && k.deletionDate ? { DeletionDate: epochSeconds(k.deletionDate), PendingDeletionWindowInDays: 30 } : {}),
      },
    };
  },
  GetKeyRotationStatus: (req, ctx) => {
    const k = findKey(req, ctx);
    if (k.spec !== "SYMMETRIC_DEFAULT") throw new SimError("UnsupportedOperationException", `${keyArn(ctx, k)} key usage or key spec is not supported for this operation.`, 400);
    // AWS managed keys rotate every year and cannot be changed.
    const enabled = k.manager === "AWS" || k.rotation;
    return { KeyRotationEnabled: enabled, KeyId: keyArn(ctx, k), RotationPeriodInDays: enabled ? k.rotationPeriodDays : undefined };
  },
});

export const handlers: ServiceHandler[] = [kmsHandler];

registerBenchState("kms", "regional", ({ resources }) => ({
  keys: Array.from({ length: resources }, (_, i) => ({ alias: `alias/bench-${i}`, rotation: i % 2 === 0 })),
}));
