// AWS Certificate Manager over awsJson1_1 (state.regions.<region>.acm): certificates, their
// status, expiry and renewal eligibility.
import { z } from "zod";
import { stableUuid } from "../../ids.js";
import { jsonService } from "../../json-service.js";
import { jsonPage } from "../../paginate.js";
import { requiredString, stringList } from "../../params.js";
import { epochSeconds } from "../../protocols.js";
import { SimError } from "../../service.js";
import type { ServiceHandler, SimContext } from "../../service.js";
import { registerServiceState } from "../../state.js";

const certificate = z.object({
  domain: z.string().min(1),
  status: z.enum(["ISSUED", "PENDING_VALIDATION", "EXPIRED", "REVOKED", "FAILED", "INACTIVE"]).default("ISSUED"),
  type: z.enum(["AMAZON_ISSUED", "IMPORTED", "PRIVATE"]).default("AMAZON_ISSUED"),
  /** The expiry date, or (expiresInDays) days after each answer, so a demo stays current. */
  notAfter: z.string().optional(),
  expiresInDays: z.number().int().optional(),
  inUse: z.boolean().default(true),
  keyAlgorithm: z.string().default("RSA_2048"),
  /** Default: Amazon issued certificates in use are eligible for managed renewal, others not. */
  renewalEligibility: z.enum(["ELIGIBLE", "INELIGIBLE"]).optional(),
}).refine((c) => (c.notAfter === undefined) !== (c.expiresInDays === undefined), "a certificate has either notAfter or expiresInDays");
export const acmState = z.object({ certificates: z.array(certificate).default([]) });
registerServiceState("acm", "regional", acmState);

type Certificate = z.infer<typeof certificate>;
const dayMs = 86_400_000;
const notAfter = (c: Certificate): number => epochSeconds(c.notAfter ?? new Date(Date.now() + (c.expiresInDays ?? 0) * dayMs));
const renewalEligibility = (c: Certificate): string => c.renewalEligibility ?? (c.type === "AMAZON_ISSUED" && c.inUse ? "ELIGIBLE" : "INELIGIBLE");
const arnOf = (ctx: SimContext, c: Certificate): string => `arn:aws:acm:${ctx.region}:${ctx.account.id}:certificate/${stableUuid(`${ctx.account.id}/${ctx.region}/${c.domain}`)}`;

export const acmHandler: ServiceHandler = jsonService("acm", {
  ListCertificates: (req, ctx) => {
    const statuses = stringList(req.params, "CertificateStatuses");
    const certs = ctx.regionalState("acm", acmState).certificates.filter((c) => statuses.length === 0 || statuses.includes(c.status));
    const { items, next } = jsonPage(req.params, certs, { limit: "MaxItems", size: 100, max: 1000, invalidCode: "InvalidArgsException" });
    return {
      CertificateSummaryList: items.map((c) => ({
        CertificateArn: arnOf(ctx, c), DomainName: c.domain, Status: c.status, Type: c.type, NotAfter: notAfter(c), InUse: c.inUse,
        KeyAlgorithm: c.keyAlgorithm, RenewalEligibility: renewalEligibility(c),
      })),
      NextToken: next,
    };
  },
  DescribeCertificate: (req, ctx) => {
    const arn = requiredString(req.params, "CertificateArn", "ValidationException");
    const c = ctx.regionalState("acm", acmState).certificates.find((x) => arnOf(ctx, x) === arn);
    if (!c) throw new SimError("ResourceNotFoundException", `Could not find certificate ${arn}.`, 400);
    return {
      Certificate: {
        CertificateArn: arn, DomainName: c.domain, Status: c.status, Type: c.type, NotAfter: notAfter(c), KeyAlgorithm: c.keyAlgorithm,
        InUseBy: c.inUse ? [`arn:aws:elasticloadbalancing:${ctx.region}:${ctx.account.id}:loadbalancer/app/web/1`] : [],
        RenewalEligibility: renewalEligibility(c),
      },
    };
  },
});

export const handlers: ServiceHandler[] = [acmHandler];
