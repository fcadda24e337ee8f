// Secrets Manager, per region: the secrets' metadata with their rotation settings and dates.
// Secret values are never read (GetSecretValue is not an operation of this collector).
import { paginateListSecrets, SecretsManagerClient } from "@aws-sdk/client-secrets-manager";
import { defineOperation } from "../fetcher.js";
import type { Collector, NoParams } from "./collector.js";

export const listSecrets = defineOperation<NoParams>("secretsmanager", "ListSecrets", (c) => paginateListSecrets({ client: c.get(SecretsManagerClient) }, {}));

export const secretsManagerCollector: Collector = {
  service: "secretsmanager",
  scope: "region",
  async collect(fetcher, target, region) {
    await fetcher.fetch(target, region, listSecrets, {});
  },
};
