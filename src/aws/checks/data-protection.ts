// The data protection and web filtering checks (A.8.10, A.8.12, A.8.13, A.8.15, A.8.23, A.8.24)
// in one list, for the lead's list of every AWS check.
import { acmCertificateExpiry } from "./acm.js";
import type { Check } from "./check.js";
import { kmsKeysPendingDeletion } from "./kms.js";
import { s3AccountPublicAccessBlock } from "./s3-account.js";
import { s3BucketDefaultEncryption, s3BucketLifecycle, s3BucketVersioning } from "./s3-bucket-data.js";
import { s3BucketAccessLogging, s3BucketPolicyNotPublic } from "./s3-bucket-exposure.js";
import { webFiltering } from "./web-filtering.js";

export const dataProtectionChecks: readonly Check[] = [
  s3AccountPublicAccessBlock,
  s3BucketPolicyNotPublic,
  s3BucketDefaultEncryption,
  s3BucketVersioning,
  s3BucketLifecycle,
  s3BucketAccessLogging,
  kmsKeysPendingDeletion,
  acmCertificateExpiry,
  webFiltering,
];
