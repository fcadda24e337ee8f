// Test support: small factories for AWS snapshots as the collectors record them, one account and
// region by default, so that a check's fixture says only what the check reads.
import type { ErrorKind, Snapshot } from "../snapshot.js";

export const account = "111111111111";

/** [check id, snapshots every resource of which passes, snapshots with at least one failing resource]. */
export type CheckFixture = readonly [string, Snapshot[], Snapshot[]];
export const collectedAt = "2026-06-01T00:00:00.000Z";

interface Where {
  account?: string;
  region?: string;
  params?: Record<string, unknown>;
}

/** A collected snapshot of `service` `operation` with the given pages. */
export function collected(service: string, operation: string, pages: unknown[], where: Where = {}): Snapshot {
  return { account: where.account ?? account, region: where.region ?? "global", service, operation, params: where.params ?? {}, collectedAt, pages };
}

/** A snapshot whose request failed with an error of `kind`. */
export function failed(service: string, operation: string, kind: ErrorKind, code: string, where: Where = {}): Snapshot {
  return { ...collected(service, operation, [], where), error: { kind, code, message: `${code} (fixture)` } };
}

export interface ReportUser {
  user: string;
  password: boolean;
  mfa: boolean;
}

/** IAM's credential report, decoded to CSV text, with the root account's row first. */
export function credentialReport(users: readonly ReportUser[]): Snapshot {
  const header = "user,arn,user_creation_time,password_enabled,password_last_used,mfa_active,access_key_1_active";
  const rows = [
    `<root_account>,arn:aws:iam::${account}:root,2020-01-01T00:00:00+00:00,not_supported,2026-01-01T00:00:00+00:00,true,false`,
    ...users.map((u) => `${u.user},arn:aws:iam::${account}:user/${u.user},2024-01-01T00:00:00+00:00,${u.password},N/A,${u.mfa},false`),
  ];
  return collected("iam", "GetCredentialReport", [{ Content: [header, ...rows].join("\n"), ReportFormat: "text/csv" }]);
}

export function listUsers(names: readonly string[]): Snapshot {
  return collected("iam", "ListUsers", [{ Users: names.map((UserName) => ({ UserName })) }]);
}

/** A user's access keys, each created `ageDays` before the collection. */
export function accessKeys(user: string, keys: readonly { id: string; ageDays: number; status?: "Active" | "Inactive" }[]): Snapshot {
  const created = (days: number) => new Date(Date.parse(collectedAt) - days * 86_400_000).toISOString();
  return collected("iam", "ListAccessKeys", [{ AccessKeyMetadata: keys.map((k) => ({ UserName: user, AccessKeyId: k.id, Status: k.status ?? "Active", CreateDate: created(k.ageDays) })) }], {
    params: { UserName: user },
  });
}

export function accountSummary(summary: Record<string, number>): Snapshot {
  return collected("iam", "GetAccountSummary", [{ SummaryMap: summary }]);
}

export function passwordPolicy(minimumLength: number): Snapshot {
  return collected("iam", "GetAccountPasswordPolicy", [{ PasswordPolicy: { MinimumPasswordLength: minimumLength, RequireSymbols: true, PasswordReusePrevention: 24, AllowUsersToChangePassword: true } }]);
}

export function trails(region: string, list: readonly { name: string; multiRegion: boolean; validation: boolean }[]): Snapshot {
  const trailList = list.map((t) => ({ Name: t.name, TrailARN: `arn:aws:cloudtrail:${region}:${account}:trail/${t.name}`, IsMultiRegionTrail: t.multiRegion, LogFileValidationEnabled: t.validation }));
  return collected("cloudtrail", "DescribeTrails", [{ trailList }], { region });
}

export function listBuckets(names: readonly string[]): Snapshot {
  return collected("s3", "ListBuckets", [{ Buckets: names.map((Name) => ({ Name, BucketRegion: "eu-west-1" })) }]);
}

/** A bucket's public access block with every setting on, except those named in `off`. */
export function publicAccessBlock(bucket: string, off: readonly string[] = []): Snapshot {
  const settings = ["BlockPublicAcls", "IgnorePublicAcls", "BlockPublicPolicy", "RestrictPublicBuckets"];
  const config = Object.fromEntries(settings.map((name) => [name, !off.includes(name)]));
  return collected("s3", "GetPublicAccessBlock", [{ PublicAccessBlockConfiguration: config }], { region: "eu-west-1", params: { Bucket: bucket } });
}

/** DescribeKey and, for a customer managed key, GetKeyRotationStatus. */
export function kmsKey(keyId: string, manager: "CUSTOMER" | "AWS", rotation?: boolean): Snapshot[] {
  const where = { region: "eu-west-1", params: { KeyId: keyId } };
  const metadata = { KeyId: keyId, Arn: `arn:aws:kms:eu-west-1:${account}:key/${keyId}`, KeyManager: manager, KeySpec: "SYMMETRIC_DEFAULT", KeyState: "Enabled" };
  const described = collected("kms", "DescribeKey", [{ KeyMetadata: metadata }], where);
  return rotation === undefined ? [described] : [described, collected("kms", "GetKeyRotationStatus", [{ KeyRotationEnabled: rotation }], where)];
}

export function detectors(region: string, ids: readonly string[]): Snapshot {
  return collected("guardduty", "ListDetectors", [{ DetectorIds: ids }], { region });
}

export function hub(region: string): Snapshot {
  return collected("securityhub", "DescribeHub", [{ HubArn: `arn:aws:securityhub:${region}:${account}:hub/default` }], { region });
}
