// Checks over who can reach each S3 bucket and whether that is recorded: no bucket policy open to
// the public (A.8.3, A.8.12), and server access logging on (A.8.15).
import type { Check } from "./check.js";
import { accessLogTargets, isPublicPolicy, judgeBuckets, loggingOf } from "./s3-buckets.js";

const policyId = "s3-bucket-policy-not-public";

export const s3BucketPolicyNotPublic: Check = {
  id: policyId,
  title: "S3 bucket policies do not grant public access",
  controls: ["8.3", "8.12"],
  soc2: ["CC6.1", "CC6.6"],
  severity: "critical",
  services: ["s3"],
  rationale:
    "S3 judges a bucket policy public when it grants access to anyone (a wildcard principal without a narrowing condition such as a source VPC or organization). " +
    "Such a policy exposes every object it covers to the internet; A.8.3 restricts access to information to those who need it, and A.8.12 asks that leakage be prevented.",
  remediation:
    "Remove the public statement from the bucket policy, or narrow it with aws:PrincipalOrgID, aws:SourceVpce or a named principal; " +
    "serve public web content through CloudFront with origin access control, and turn on the bucket's and the account's Block Public Access.",
  evaluate(snapshots) {
    return judgeBuckets(snapshots, policyId, "GetBucketPolicyStatus", ({ snapshot, absent }) => {
      if (absent) return { status: "pass", detail: "The bucket has no bucket policy" };
      return isPublicPolicy(snapshot) ? { status: "fail", detail: "The bucket policy grants public access" } : { status: "pass", detail: "The bucket policy is not public" };
    });
  },
};

const loggingId = "s3-bucket-access-logging";

export const s3BucketAccessLogging: Check = {
  id: loggingId,
  title: "S3 buckets log requests with server access logging",
  controls: ["8.15"],
  soc2: ["CC7.2"],
  severity: "low",
  services: ["s3"],
  rationale:
    "Server access logs record every request made to a bucket, including reads by anonymous or external principals that CloudTrail records only when S3 data events are on; " +
    "A.8.15 asks that such activity be logged, kept and protected. A bucket that receives other buckets' access logs is not judged: logging it to itself would loop.",
  remediation:
    "Turn on server access logging to a central log bucket with a prefix per bucket (aws s3api put-bucket-logging), or record S3 data events for the bucket in an organization trail.",
  evaluate(snapshots) {
    const logTargets = accessLogTargets(snapshots);
    return judgeBuckets(snapshots, loggingId, "GetBucketLogging", ({ name, snapshot }) => {
      const logging = loggingOf(snapshot);
      if (logging) return { status: "pass", detail: `Access logs go to ${logging.TargetBucket}/${logging.TargetPrefix ?? ""}` };
      if (logTargets.has(name)) return { status: "not-applicable", detail: "The bucket receives other buckets' access logs" };
      return { status: "fail", detail: "Server access logging is off" };
    });
  },
};
