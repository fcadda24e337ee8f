// Checks over Amazon Macie: Macie watches every region that holds S3 buckets (A.8.11, A.8.12), and the
// sensitive data it finds is reviewed within 30 days, one result per bucket.
import { z } from "zod";
import { readPages } from "../snapshot.js";
import type { Snapshot } from "../snapshot.js";
import type { Check, CheckResult } from "./check.js";
import { resultsFor } from "./check.js";
import { accountSnapshot, hasFailed, isUsable, snapshotsOf, unreadable } from "./snapshot-query.js";

/** Days a sensitive data finding may stay open (not archived) before it counts as not reviewed. */
export const reviewDays = 30;
const dayMs = 86_400_000;

const bucketsPage = z.object({ Buckets: z.array(z.object({ Name: z.string(), BucketRegion: z.string().optional() })).default([]) });
const sessionPage = z.object({ status: z.string().optional() });
const idsPage = z.object({ findingIds: z.array(z.string()).default([]) });
const findingsPage = z.object({
  findings: z
    .array(
      z.object({
        id: z.string(),
        type: z.string().optional(),
        archived: z.boolean().optional(),
        category: z.string().optional(),
        createdAt: z.coerce.date(),
        severity: z.object({ description: z.string().optional() }).optional(),
        resourcesAffected: z.object({ s3Bucket: z.object({ name: z.string().optional(), arn: z.string().optional() }).optional() }).optional(),
      }),
    )
    .default([]),
});
type Finding = z.infer<typeof findingsPage>["findings"][number];

/** How many of the account's buckets are in `region`; undefined when the listing is missing or cannot say. */
function bucketsIn(snapshots: readonly Snapshot[], account: string, region: string): number | undefined {
  const listing = accountSnapshot(snapshots, account, "s3", "ListBuckets");
  if (!isUsable(listing)) return undefined;
  const buckets = readPages(listing, bucketsPage).flatMap((p) => p.Buckets);
  const here = buckets.filter((b) => b.BucketRegion === region).length;
  return here === 0 && buckets.some((b) => b.BucketRegion === undefined) ? undefined : here;
}

const enabledId = "macie-enabled";
const enabled = resultsFor(enabledId);

function judgeSession(snapshots: readonly Snapshot[], s: Snapshot): CheckResult[] {
  const resource = `${s.account}/${s.region}`;
  const buckets = bucketsIn(snapshots, s.account, s.region);
  const holds = buckets === undefined ? "" : `; the region holds ${buckets} bucket${buckets === 1 ? "" : "s"}`;
  const status = isUsable(s) ? (readPages(s, sessionPage)[0]?.status ?? "ENABLED") : undefined;
  if (status === "ENABLED") return [enabled(s.account, s.region, resource, "pass", `Macie is enabled${holds}`)];
  if (buckets === 0) return [];
  const off = status !== undefined || s.error?.kind === "not-enabled";
  if (!off) {
    const why = s.error?.kind === "access-denied" ? ": an SCP or the role's policy denies Macie, so whether it runs is unknown" : "";
    return [enabled(s.account, s.region, resource, "unknown", `${unreadable(s, "GetMacieSession")}${why}${holds}`)];
  }
  const state = status === "PAUSED" ? "Macie is paused" : "Macie is not enabled";
  if (buckets === undefined) return [enabled(s.account, s.region, resource, "unknown", `${state}; whether the region holds buckets is unknown (ListBuckets was not read)`)];
  return [enabled(s.account, s.region, resource, "fail", `${state}${holds}`)];
}

export const macieEnabled: Check = {
  id: enabledId,
  title: "Amazon Macie is enabled in every region that holds S3 buckets",
  controls: ["8.11", "8.12"],
  soc2: ["C1.1", "CC6.7"],
  severity: "medium",
  services: ["macie2", "s3"],
  rationale:
    "A.8.12 asks for measures against data leakage, and A.8.11 that data be masked where policy requires; neither can be shown without knowing where personal data, credentials " +
    "and financial data sit. Macie samples the objects in each bucket of its region for such data and reports buckets that are public or shared.",
  remediation:
    "Enable Macie from its delegated administrator for all member accounts in each region with buckets, with automated sensitive data discovery on. " +
    "Where an SCP denies Macie (macie2:*), exempt the Macie delegated administrator's actions or record why the account is out of scope.",
  evaluate: (snapshots) => snapshotsOf(snapshots, "macie2", "GetMacieSession").filter((s) => s.error?.kind !== "region-disabled").flatMap((s) => judgeSession(snapshots, s)),
};

const findingsId = "macie-sensitive-data-findings";
const reviewed = resultsFor(findingsId);

/** One result per bucket with open findings: failing when any has been open longer than `reviewDays`. */
function bucketResult(listed: Snapshot, collectedAt: string, bucket: string, findings: readonly Finding[]): CheckResult {
  const ages = findings.map((f) => Math.floor((Date.parse(collectedAt) - f.createdAt.getTime()) / dayMs));
  const oldest = Math.max(...ages);
  const types = [...new Set(findings.map((f) => `${f.type ?? "SensitiveData"} (${f.severity?.description ?? "unrated"})`))].join(", ");
  const summary = `${findings.length} open sensitive data finding${findings.length === 1 ? "" : "s"}, the oldest ${oldest} days: ${types}`;
  return reviewed(listed.account, listed.region, `arn:aws:s3:::${bucket}`, oldest > reviewDays ? "fail" : "pass", oldest > reviewDays ? `${summary}; not reviewed within ${reviewDays} days` : summary);
}

function regionResults(listed: Snapshot, fetched: readonly Snapshot[]): CheckResult[] {
  const resource = `${listed.account}/${listed.region}`;
  if (hasFailed(listed)) return [reviewed(listed.account, listed.region, resource, "unknown", unreadable(listed, "ListFindings"))];
  const ids = readPages(listed, idsPage).flatMap((p) => p.findingIds);
  if (ids.length === 0) return [reviewed(listed.account, listed.region, resource, "pass", "No open sensitive data finding")];
  const usable = fetched.filter((s) => isUsable(s));
  const found = usable.flatMap((s) => readPages(s, findingsPage).flatMap((p) => p.findings.map((f) => ({ f, collectedAt: s.collectedAt }))));
  const missing = ids.filter((id) => !found.some(({ f }) => f.id === id));
  const open = found.filter(({ f }) => ids.includes(f.id) && f.archived !== true && (f.category ?? "CLASSIFICATION") === "CLASSIFICATION");
  const byBucket = new Map<string, typeof open>();
  for (const entry of open) {
    const bucket = entry.f.resourcesAffected?.s3Bucket?.name ?? "unknown-bucket";
    byBucket.set(bucket, [...(byBucket.get(bucket) ?? []), entry]);
  }
  return [
    ...(missing.length > 0 ? [reviewed(listed.account, listed.region, resource, "unknown", `${missing.length} listed finding(s) could not be read: ${unreadable(fetched.find(hasFailed), "GetFindings")}`)] : []),
    ...[...byBucket].map(([bucket, entries]) => bucketResult(listed, entries[0]?.collectedAt ?? listed.collectedAt, bucket, entries.map(({ f }) => f))),
  ];
}

export const macieSensitiveDataFindings: Check = {
  id: findingsId,
  title: `Macie's sensitive data findings are reviewed within ${reviewDays} days`,
  controls: ["8.11", "8.12"],
  soc2: ["C1.1", "CC7.3"],
  severity: "medium",
  services: ["macie2"],
  rationale:
    "A sensitive data finding says Macie saw personal, financial or credential data in an object. Either the data belongs there, and the finding is archived with a suppression rule, " +
    "or it does not, and must be removed, masked (A.8.11) or better protected (A.8.12). An open finding a month later means nobody made that decision.",
  remediation:
    "Review the bucket's findings: delete or mask data that should not be there, tighten the bucket's access if the data is expected, and archive the finding with a suppression rule " +
    "that records why. Send Macie findings to the data owner's queue through EventBridge or Security Hub.",
  evaluate(snapshots) {
    const fetched = snapshotsOf(snapshots, "macie2", "GetFindings");
    return snapshotsOf(snapshots, "macie2", "ListFindings").flatMap((listed) => regionResults(listed, fetched.filter((s) => s.account === listed.account && s.region === listed.region)));
  },
};
