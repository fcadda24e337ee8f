// S3's scenario state: an account's buckets (in any region; S3 lists them globally) and its
// account-level public access block (S3 Control).
import { z } from "zod";
import { registerServiceState } from "../../state.js";

export const publicAccessBlockSchema = z.object({
  blockPublicAcls: z.boolean().default(true),
  ignorePublicAcls: z.boolean().default(true),
  blockPublicPolicy: z.boolean().default(true),
  restrictPublicBuckets: z.boolean().default(true),
});
export type PublicAccessBlock = z.infer<typeof publicAccessBlockSchema>;

const lifecycleRule = z.object({
  id: z.string().min(1),
  status: z.enum(["Enabled", "Disabled"]).default("Enabled"),
  prefix: z.string().default(""),
  expirationDays: z.number().int().positive().optional(),
  /** Days after which a noncurrent version is deleted (versioned buckets). */
  noncurrentExpirationDays: z.number().int().positive().optional(),
  transitionDays: z.number().int().positive().optional(),
  storageClass: z.string().default("GLACIER"),
});

export const bucketSchema = z.object({
  name: z.string().regex(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, "a bucket name is 3–63 lower-case letters, digits, dots and hyphens"),
  region: z.string().default("us-east-1"),
  createdAt: z.string().default("2023-03-01T10:00:00Z"),
  /** Default encryption; null when the bucket has none (only buckets from before 2023 can). */
  encryption: z
    .object({ algorithm: z.enum(["AES256", "aws:kms", "aws:kms:dsse"]).default("AES256"), kmsKeyId: z.string().optional(), bucketKeyEnabled: z.boolean().default(false) })
    .nullable()
    .default({ algorithm: "AES256", bucketKeyEnabled: false }),
  /** The bucket's public access block; absent when none is configured. */
  publicAccessBlock: publicAccessBlockSchema.optional(),
  /** Whether the bucket has a policy, and whether S3 judges it public. */
  policy: z.enum(["none", "private", "public"]).default("none"),
  versioning: z.enum(["Unversioned", "Enabled", "Suspended"]).default("Unversioned"),
  mfaDelete: z.boolean().default(false),
  logging: z.object({ targetBucket: z.string(), targetPrefix: z.string().default("") }).optional(),
  lifecycleRules: z.array(lifecycleRule).default([]),
});
export type Bucket = z.infer<typeof bucketSchema>;

export const s3StateSchema = z.object({
  buckets: z.array(bucketSchema).default([]),
  /** The account-level public access block (S3 Control); absent when none is configured. */
  accountPublicAccessBlock: publicAccessBlockSchema.optional(),
});
export type S3State = z.infer<typeof s3StateSchema>;

registerServiceState("s3", "global", s3StateSchema);
