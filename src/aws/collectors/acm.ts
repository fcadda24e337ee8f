// ACM, per region: every certificate with its status, expiry, use and renewal eligibility (the
// list's summaries carry all a check reads, so no certificate is described).
import { ACMClient, paginateListCertificates } from "@aws-sdk/client-acm";
import type { KeyAlgorithm } from "@aws-sdk/client-acm";
import { defineOperation } from "../fetcher.js";
import type { Collector } from "./collector.js";

/** ListCertificates answers RSA 1024/2048 certificates only unless asked for the other key types. */
export const certificateKeyTypes: KeyAlgorithm[] = ["RSA_1024", "RSA_2048", "RSA_3072", "RSA_4096", "EC_prime256v1", "EC_secp384r1", "EC_secp521r1"];

export const listCertificates = defineOperation<{ Includes: { keyTypes: KeyAlgorithm[] } }>("acm", "ListCertificates", (c, p) =>
  paginateListCertificates({ client: c.get(ACMClient) }, p),
);

export const acmCollector: Collector = {
  service: "acm",
  scope: "region",
  async collect(fetcher, target, region) {
    await fetcher.fetch(target, region, listCertificates, { Includes: { keyTypes: certificateKeyTypes } });
  },
};
