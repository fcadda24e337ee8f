// Check over S3 buckets: each bucket blocks public access with all four settings (A.8.3, A.8.12).
import { z } from "zod";
import { readPages } from "../snapshot.js";
import type { Check, CheckResult } from "./check.js";
import { resultsFor } from "./check.js";
import { accountsIn, hasFailed, isUsable, snapshotsOf, stringParam, unreadable } from "./snapshot-query.js";

const blockPage = z.object({
  PublicAccessBlockConfiguration: z.object({
    BlockPublicAcls: z.boolean().optional(),
    IgnorePublicAcls: z.boolean().optional(),
    BlockPublicPolicy: z.boolean().optional(),
    RestrictPublicBuckets: z.boolean().optional(),
  }),
});
const bucketsPage = z.object({ Buckets: z.array(z.object({ Name: z.string() })).default([]) });
const settings = ["BlockPublicAcls", "IgnorePublicAcls", "BlockPublicPolicy", "RestrictPublicBuckets"] as const;
const checkId = "s3-bucket-public-access-block";
const result = resultsFor(checkId);

export const s3BucketPublicAccessBlock: Check = {
  id: checkId,
  title: "S3 buckets block public access with all four settings",
  controls: ["8.3", "8.12"],
  soc2: ["CC6.1", "CC6.7"],
  severity: "high",
  services: ["s3"],
  rationale:
    "A public bucket is the commonest way data leaks from AWS; the bucket's public access block overrides any ACL or policy that would expose it. " +
    "The account-wide block, which overrides this one, is judged by s3-account-public-access-block.",
  remediation: "Turn on all four Block Public Access settings for the bucket (and for the account); serve public content through CloudFront with origin access control.",
  evaluate(snapshots) {
    const blocks = snapshotsOf(snapshots, "s3", "GetPublicAccessBlock");
    const listed = accountsIn(snapshots).flatMap((account): CheckResult[] => {
      const listings = snapshotsOf(snapshots, "s3", "ListBuckets").filter((s) => s.account === account);
      if (listings.length > 0 && !listings.some(isUsable)) return [result(account, "global", account, "unknown", unreadable(listings[0], "ListBuckets"))];
      return listings.flatMap((s) => readPages(s, bucketsPage).flatMap((p) => p.Buckets.map((b) => b.Name)))
        .filter((name) => !blocks.some((b) => b.account === account && stringParam(b, "Bucket") === name))
        .map((name) => result(account, "global", `arn:aws:s3:::${name}`, "unknown", "GetPublicAccessBlock was not collected"));
    });
    const judged = blocks.map((s) => {
      const resource = `arn:aws:s3:::${stringParam(s, "Bucket")}`;
      if (hasFailed(s)) return result(s.account, s.region, resource, "unknown", unreadable(s, "GetPublicAccessBlock"));
      if (s.error) return result(s.account, s.region, resource, "fail", "The bucket has no public access block");
      const config = readPages(s, blockPage)[0]?.PublicAccessBlockConfiguration;
      const off = settings.filter((name) => config?.[name] !== true);
      return off.length === 0
        ? result(s.account, s.region, resource, "pass", "All four public access block settings are on")
        : result(s.account, s.region, resource, "fail", `Off: ${off.join(", ")}`);
    });
    return [...listed, ...judged];
  },
};
