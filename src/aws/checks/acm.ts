// Check over ACM certificates in use: more than 30 days from expiry, and renewed by ACM where ACM
// issued them (A.8.24).
import { z } from "zod";
import { readPages } from "../snapshot.js";
import type { Check, CheckResult } from "./check.js";
import { resultsFor } from "./check.js";
import { hasFailed, snapshotsOf, unreadable } from "./snapshot-query.js";

const certificatesPage = z.object({
  CertificateSummaryList: z
    .array(
      z.object({
        CertificateArn: z.string(),
        DomainName: z.string().optional(),
        Status: z.string().optional(),
        Type: z.string().optional(),
        NotAfter: z.coerce.date().optional(),
        InUse: z.boolean().optional(),
        RenewalEligibility: z.string().optional(),
      }),
    )
    .default([]),
});
type Certificate = z.infer<typeof certificatesPage>["CertificateSummaryList"][number];

/** ACM starts managed renewal 60 days before expiry; at 30 days left, renewal has not happened. */
const minimumDaysLeft = 30;
const dayMs = 86_400_000;
const checkId = "acm-certificate-expiry";
const result = resultsFor(checkId);

function judge(cert: Certificate, now: number): Pick<CheckResult, "status" | "detail"> {
  const name = cert.DomainName ?? cert.CertificateArn;
  if (!cert.InUse) return { status: "not-applicable", detail: `${name} is not in use` };
  if (cert.Status === "REVOKED") return { status: "fail", detail: `${name} is revoked and still in use` };
  if (!cert.NotAfter) return { status: "unknown", detail: `${name} has no expiry date in the listing` };
  const expiry = cert.NotAfter.toISOString().slice(0, 10);
  const days = Math.floor((cert.NotAfter.getTime() - now) / dayMs);
  if (days < 0 || cert.Status === "EXPIRED") return { status: "fail", detail: `${name} expired on ${expiry} and is still in use` };
  const amazonIssued = cert.Type === "AMAZON_ISSUED";
  if (days <= minimumDaysLeft)
    return { status: "fail", detail: `${name} expires in ${days} days (${expiry}); ${amazonIssued ? "ACM's managed renewal has not replaced it" : "ACM does not renew imported certificates"}` };
  if (amazonIssued && cert.RenewalEligibility === "INELIGIBLE") return { status: "fail", detail: `${name} expires on ${expiry} and ACM will not renew it (ineligible for managed renewal)` };
  return { status: "pass", detail: `${name} expires in ${days} days (${expiry})${amazonIssued ? " and ACM renews it" : "; imported, so it must be renewed by hand"}` };
}

export const acmCertificateExpiry: Check = {
  id: checkId,
  title: `ACM certificates in use expire in more than ${minimumDaysLeft} days`,
  controls: ["8.24"],
  soc2: ["CC6.7"],
  severity: "high",
  services: ["acm"],
  rationale:
    "An expired certificate breaks TLS for every client, and the usual workaround of skipping certificate validation removes the protection A.8.24 asks cryptography to give. " +
    "ACM renews the certificates it issues from 60 days before expiry when their validation still holds, so one in use with 30 days or fewer left has failed to renew; " +
    "imported certificates are never renewed by ACM. A certificate ACM judges ineligible for renewal will expire unattended.",
  remediation:
    "For an ACM-issued certificate, fix its domain validation (restore the DNS CNAME record) so managed renewal completes, or request a new certificate and move its users to it; " +
    "for an imported one, reimport a renewed certificate before expiry, or replace it with an ACM-issued one. Alarm on the ACM DaysToExpiry metric.",
  evaluate(snapshots) {
    return snapshotsOf(snapshots, "acm", "ListCertificates").flatMap((s): CheckResult[] => {
      if (s.error?.kind === "region-disabled") return [];
      if (hasFailed(s)) return [result(s.account, s.region, `${s.account}/${s.region}`, "unknown", unreadable(s, "ListCertificates"))];
      const now = Date.parse(s.collectedAt);
      return readPages(s, certificatesPage).flatMap((p) =>
        p.CertificateSummaryList.map((cert) => {
          const { status, detail } = judge(cert, now);
          return result(s.account, s.region, cert.CertificateArn, status, detail);
        }),
      );
    });
  },
};
