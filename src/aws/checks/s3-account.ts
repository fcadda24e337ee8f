// Check over each account's S3 Block Public Access (S3 Control): all four settings on, so that no
// bucket of the account, present or future, can be made public by an ACL or policy (A.8.12, A.8.3).
import { z } from "zod";
import { readPages } from "../snapshot.js";
import type { Check } from "./check.js";
import { resultsFor } from "./check.js";
import { hasFailed, snapshotsOf, unreadable } from "./snapshot-query.js";

const blockPage = z.object({
  PublicAccessBlockConfiguration: z.object({
    BlockPublicAcls: z.boolean().optional(),
    IgnorePublicAcls: z.boolean().optional(),
    BlockPublicPolicy: z.boolean().optional(),
    RestrictPublicBuckets: z.boolean().optional(),
  }),
});
const settings = ["BlockPublicAcls", "IgnorePublicAcls", "BlockPublicPolicy", "RestrictPublicBuckets"] as const;
const checkId = "s3-account-public-access-block";
const result = resultsFor(checkId);

export const s3AccountPublicAccessBlock: Check = {
  id: checkId,
  title: "Each account blocks public access to S3 with all four account-level settings",
  controls: ["8.12", "8.3"],
  soc2: ["CC6.1", "CC6.6"],
  severity: "high",
  services: ["s3"],
  rationale:
    "A bucket's own block can be left off when the bucket is made, or turned off later by anyone who may edit it; the account-level block overrides every bucket, " +
    "including those not made yet, and is the control A.8.12 (data leakage prevention) expects for storage that should never be public. " +
    "An account that must serve public content from S3 should say so in its risk treatment.",
  remediation:
    "Turn on all four settings for the account (S3 console → Block Public Access settings for this account, or aws s3control put-public-access-block); " +
    "serve public content through CloudFront with origin access control instead of public buckets.",
  evaluate(snapshots) {
    return snapshotsOf(snapshots, "s3", "GetAccountPublicAccessBlock").map((s) => {
      if (hasFailed(s)) return result(s.account, s.region, s.account, "unknown", unreadable(s, "GetAccountPublicAccessBlock"));
      if (s.error) return result(s.account, s.region, s.account, "fail", "The account has no account-level public access block");
      const config = readPages(s, blockPage)[0]?.PublicAccessBlockConfiguration;
      if (!config) return result(s.account, s.region, s.account, "unknown", "GetAccountPublicAccessBlock answered no configuration");
      const off = settings.filter((name) => config[name] !== true);
      return off.length === 0
        ? result(s.account, s.region, s.account, "pass", "All four account-level public access block settings are on")
        : result(s.account, s.region, s.account, "fail", `Off: ${off.join(", ")}`);
    });
  },
};
