// The collectors: which requests to make per account (global services, once) and per account and
// region, following each listing to its per-resource requests. They only fetch; checks come later.
import { z } from "zod";
import type { Fetcher } from "./fetcher.js";
import {
  describeHub,
  describeKey,
  describeTrails,
  generateCredentialReport,
  getAccountPasswordPolicy,
  getAccountSummary,
  getCredentialReport,
  getKeyRotationStatus,
  getPublicAccessBlock,
  listAccessKeys,
  listBuckets,
  listDetectors,
  listKeys,
  listMfaDevices,
  listUsers,
} from "./operations.js";
import type { Snapshot } from "./snapshot.js";
import type { Target } from "./targets.js";

/** The pages of a snapshot read through `schema` (AWS responses are parsed at the edge); none on error. */
export function readPages<T>(snapshot: Snapshot, schema: z.ZodType<T>): T[] {
  return snapshot.error ? [] : snapshot.pages.flatMap((page) => {
    const parsed = schema.safeParse(page);
    return parsed.success ? [parsed.data] : [];
  });
}

const usersPage = z.object({ Users: z.array(z.object({ UserName: z.string() })).default([]) });
const bucketsPage = z.object({ Buckets: z.array(z.object({ Name: z.string(), BucketRegion: z.string().optional() })).default([]) });
const keysPage = z.object({ Keys: z.array(z.object({ KeyId: z.string() })).default([]) });
const keyMetadata = z.object({ KeyMetadata: z.object({ KeyManager: z.string().optional(), KeySpec: z.string().optional(), KeyState: z.string().optional() }) });
const reportState = z.object({ State: z.string().optional() });

async function collectIam(fetcher: Fetcher, target: Target): Promise<void> {
  const region = "global";
  await Promise.all([
    fetcher.fetch(target, region, getAccountPasswordPolicy, {}),
    fetcher.fetch(target, region, getAccountSummary, {}),
    fetcher.fetch(target, region, generateCredentialReport, {}).then(async (generated) => {
      if (readPages(generated, reportState).some((p) => p.State === "COMPLETE")) await fetcher.fetch(target, region, getCredentialReport, {});
    }),
    fetcher.fetch(target, region, listUsers, {}).then((users) =>
      Promise.all(
        readPages(users, usersPage).flatMap((page) =>
          page.Users.flatMap(({ UserName }) => [fetcher.fetch(target, region, listMfaDevices, { UserName }), fetcher.fetch(target, region, listAccessKeys, { UserName })]),
        ),
      ),
    ),
  ]);
}

/** A bucket's settings are asked in the bucket's region (S3 answers PermanentRedirect elsewhere). */
async function collectS3(fetcher: Fetcher, target: Target): Promise<void> {
  const buckets = await fetcher.fetch(target, "global", listBuckets, {});
  await Promise.all(
    readPages(buckets, bucketsPage).flatMap((page) => page.Buckets.map(({ Name, BucketRegion }) => fetcher.fetch(target, BucketRegion ?? "global", getPublicAccessBlock, { Bucket: Name }))),
  );
}

/** Customer managed symmetric keys have rotation to report; AWS managed keys rotate by themselves. */
async function collectKms(fetcher: Fetcher, target: Target, region: string): Promise<void> {
  const keys = await fetcher.fetch(target, region, listKeys, {});
  await Promise.all(
    readPages(keys, keysPage).flatMap((page) =>
      page.Keys.map(async ({ KeyId }) => {
        const described = await fetcher.fetch(target, region, describeKey, { KeyId });
        const rotatable = readPages(described, keyMetadata).some(
          ({ KeyMetadata: m }) => m.KeyManager === "CUSTOMER" && (m.KeySpec ?? "SYMMETRIC_DEFAULT") === "SYMMETRIC_DEFAULT" && m.KeyState !== "PendingDeletion",
        );
        if (rotatable) await fetcher.fetch(target, region, getKeyRotationStatus, { KeyId });
      }),
    ),
  );
}

/** Global services, once per account. */
export async function collectAccount(fetcher: Fetcher, target: Target): Promise<void> {
  await Promise.all([collectIam(fetcher, target), collectS3(fetcher, target)]);
}

/** Regional services in one enabled region of an account. */
export async function collectRegion(fetcher: Fetcher, target: Target, region: string): Promise<void> {
  await Promise.all([
    fetcher.fetch(target, region, describeTrails, {}),
    fetcher.fetch(target, region, listDetectors, {}),
    fetcher.fetch(target, region, describeHub, {}),
    collectKms(fetcher, target, region),
  ]);
}
