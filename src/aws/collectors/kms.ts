// KMS, per region: every key described; customer managed symmetric keys also have their rotation
// status asked (AWS managed keys rotate by themselves).
import { DescribeKeyCommand, GetKeyRotationStatusCommand, KMSClient, paginateListKeys } from "@aws-sdk/client-kms";
import { z } from "zod";
import { defineOperation } from "../fetcher.js";
import { readPages } from "../snapshot.js";
import type { Collector, NoParams } from "./collector.js";

export const listKeys = defineOperation<NoParams>("kms", "ListKeys", (c) => paginateListKeys({ client: c.get(KMSClient) }, {}));
export const describeKey = defineOperation<{ KeyId: string }>("kms", "DescribeKey", async (c, p) => [await c.get(KMSClient).send(new DescribeKeyCommand(p))]);
export const getKeyRotationStatus = defineOperation<{ KeyId: string }>("kms", "GetKeyRotationStatus", async (c, p) => [await c.get(KMSClient).send(new GetKeyRotationStatusCommand(p))]);

const keysPage = z.object({ Keys: z.array(z.object({ KeyId: z.string() })).default([]) });
const keyMetadata = z.object({ KeyMetadata: z.object({ KeyManager: z.string().optional(), KeySpec: z.string().optional(), KeyState: z.string().optional() }) });

export const kmsCollector: Collector = {
  service: "kms",
  scope: "region",
  async collect(fetcher, target, region) {
    const keys = await fetcher.fetch(target, region, listKeys, {});
    await Promise.all(
      readPages(keys, keysPage).flatMap((page) =>
        page.Keys.map(async ({ KeyId }) => {
          const described = await fetcher.fetch(target, region, describeKey, { KeyId });
          const rotatable = readPages(described, keyMetadata).some(
            ({ KeyMetadata: m }) => m.KeyManager === "CUSTOMER" && (m.KeySpec ?? "SYMMETRIC_DEFAULT") === "SYMMETRIC_DEFAULT" && m.KeyState !== "PendingDeletion",
          );
          if (rotatable) await fetcher.fetch(target, region, getKeyRotationStatus, { KeyId });
        }),
      ),
    );
  },
};
