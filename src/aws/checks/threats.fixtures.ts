// Test support for the threat detection and vulnerability checks: snapshot factories shaped as the
// collectors record them (SDK output, dates as Date), and each check's passing and failing fixture.
import type { Snapshot } from "../snapshot.js";
import { account, collected, collectedAt, failed } from "./test-snapshots.js";
import type { CheckFixture } from "./test-snapshots.js";

const region = "eu-west-1";
/** A time `days` before the fixtures' collection. */
export const daysBefore = (days: number): Date => new Date(Date.parse(collectedAt) - days * 86_400_000);

export function guarddutyDetector(id: string, features: Record<string, "ENABLED" | "DISABLED">, status: "ENABLED" | "DISABLED" = "ENABLED", where = region): Snapshot {
  const Features = Object.entries(features).map(([Name, Status]) => ({ Name, Status }));
  return collected("guardduty", "GetDetector", [{ Status: status, FindingPublishingFrequency: "SIX_HOURS", Features }], { region: where, params: { DetectorId: id } });
}

export const allPlans = { CLOUD_TRAIL: "ENABLED", S3_DATA_EVENTS: "ENABLED", EBS_MALWARE_PROTECTION: "ENABLED", RUNTIME_MONITORING: "ENABLED" } as const;

export interface GuardDutyFindingSpec {
  id: string;
  severity: number;
  ageDays: number;
  archived?: boolean;
}

/** A detector's high-severity ListFindings and, when it listed any, their GetFindings batch. */
export function guarddutyFindings(detector: string, findings: readonly GuardDutyFindingSpec[]): Snapshot[] {
  const ids = findings.map((f) => f.id);
  const listed = collected("guardduty", "ListFindings", [{ FindingIds: ids }], { region, params: { DetectorId: detector } });
  if (ids.length === 0) return [listed];
  const Findings = findings.map((f) => ({
    Id: f.id,
    Arn: `arn:aws:guardduty:${region}:${account}:detector/${detector}/finding/${f.id}`,
    Type: "UnauthorizedAccess:EC2/SSHBruteForce",
    Title: "SSH brute force attacks against an instance",
    Severity: f.severity,
    CreatedAt: daysBefore(f.ageDays).toISOString(),
    Service: { Archived: f.archived ?? false },
  }));
  return [listed, collected("guardduty", "GetFindings", [{ Findings }], { region, params: { DetectorId: detector, FindingIds: ids } })];
}

type ScanStatus = "ENABLED" | "DISABLED";

/** BatchGetAccountStatus for the fixture account: every resource type ENABLED except those in `off`. */
export function inspectorStatus(off: readonly ("ec2" | "ecr" | "lambda" | "lambdaCode")[] = [], where = region): Snapshot {
  const of = (key: string): { status: ScanStatus } => ({ status: off.some((o) => o === key) ? "DISABLED" : "ENABLED" });
  return collected("inspector2", "BatchGetAccountStatus", [{ accounts: [{ accountId: account, state: { status: "ENABLED" }, resourceState: { ec2: of("ec2"), ecr: of("ecr"), lambda: of("lambda"), lambdaCode: of("lambdaCode") } }], failedAccounts: [] }], {
    region: where,
  });
}

export function inspectorFindings(findings: readonly { id: string; severity: "CRITICAL" | "HIGH"; ageDays: number; cve?: string }[], where = region): Snapshot {
  return collected(
    "inspector2",
    "ListFindings",
    [
      {
        findings: findings.map((f) => ({
          findingArn: `arn:aws:inspector2:${where}:${account}:finding/${f.id}`,
          severity: f.severity,
          status: "ACTIVE",
          title: `${f.cve ?? "CVE-2026-0001"} - openssl`,
          firstObservedAt: daysBefore(f.ageDays),
          fixAvailable: "YES",
          resources: [{ type: "AWS_EC2_INSTANCE", id: "i-0abc12345def67890" }],
          packageVulnerabilityDetails: { vulnerabilityId: f.cve ?? "CVE-2026-0001" },
        })),
      },
    ],
    { region: where, params: { filterCriteria: {} } },
  );
}

export interface ManagedInstanceSpec {
  id: string;
  ping?: "Online" | "ConnectionLost" | "Inactive";
  latest?: boolean;
}

export function ssmInstances(instances: readonly ManagedInstanceSpec[]): Snapshot {
  const list = instances.map((i) => ({ InstanceId: i.id, PingStatus: i.ping ?? "Online", LastPingDateTime: daysBefore(i.ping === undefined || i.ping === "Online" ? 0 : 20), AgentVersion: "3.3.1142.0", IsLatestVersion: i.latest ?? true }));
  return collected("ssm", "DescribeInstanceInformation", [{ InstanceInformationList: list }], { region });
}

export interface PatchStateSpec {
  id: string;
  missing?: number;
  failed?: number;
  ageDays?: number;
}

export function ssmPatchStates(asked: readonly string[], states: readonly PatchStateSpec[]): Snapshot {
  const InstancePatchStates = states.map((s) => ({
    InstanceId: s.id,
    Operation: "Install",
    OperationEndTime: daysBefore(s.ageDays ?? 2),
    MissingCount: s.missing ?? 0,
    FailedCount: s.failed ?? 0,
    CriticalNonCompliantCount: Math.min(1, s.missing ?? 0),
    SecurityNonCompliantCount: s.missing ?? 0,
  }));
  return collected("ssm", "DescribeInstancePatchStates", [{ InstancePatchStates }], { region, params: { InstanceIds: [...asked] } });
}

export function s3Buckets(buckets: readonly { name: string; region: string }[]): Snapshot {
  return collected("s3", "ListBuckets", [{ Buckets: buckets.map((b) => ({ Name: b.name, BucketRegion: b.region })) }]);
}

export function macieSession(status: "ENABLED" | "PAUSED", where = region): Snapshot {
  return collected("macie2", "GetMacieSession", [{ status, findingPublishingFrequency: "SIX_HOURS" }], { region: where });
}

/** GetMacieSession where Macie is off: AccessDeniedException "Macie is not enabled.". */
export const macieOff = (where = region): Snapshot => failed("macie2", "GetMacieSession", "not-enabled", "AccessDeniedException", { region: where });

/** Macie's open sensitive data ListFindings and their GetFindings batch. */
export function macieFindings(findings: readonly { id: string; bucket: string; ageDays: number; type?: string }[]): Snapshot[] {
  const ids = findings.map((f) => f.id);
  const listed = collected("macie2", "ListFindings", [{ findingIds: ids }], { region, params: { findingCriteria: {} } });
  if (ids.length === 0) return [listed];
  const output = findings.map((f) => ({
    id: f.id,
    type: f.type ?? "SensitiveData:S3Object/Personal",
    category: "CLASSIFICATION",
    archived: false,
    createdAt: daysBefore(f.ageDays),
    severity: { description: "High", score: 3 },
    resourcesAffected: { s3Bucket: { name: f.bucket, arn: `arn:aws:s3:::${f.bucket}` } },
  }));
  return [listed, collected("macie2", "GetFindings", [{ findings: output }], { region, params: { findingIds: ids } })];
}

export const threatFixtures: readonly CheckFixture[] = [
  ["guardduty-protection-plans", [guarddutyDetector("d1", allPlans)], [guarddutyDetector("d1", { ...allPlans, EBS_MALWARE_PROTECTION: "DISABLED" })]],
  [
    "guardduty-findings-triaged",
    [...guarddutyFindings("d1", [{ id: "f1", severity: 8, ageDays: 2 }]), ...guarddutyFindings("d2", [])],
    guarddutyFindings("d1", [{ id: "f1", severity: 8, ageDays: 2 }, { id: "f2", severity: 7.5, ageDays: 30 }]),
  ],
  // Two regions, as the other regional checks' passing fixtures have: runChecks over all of them then judges Inspector in both.
  ["inspector-scanning-enabled", [inspectorStatus(), inspectorStatus([], "us-east-1")], [inspectorStatus(["ecr"])]],
  ["inspector-code-scanning", [inspectorStatus(), inspectorStatus([], "us-east-1")], [inspectorStatus(["lambdaCode"])]],
  [
    "inspector-critical-findings",
    [inspectorStatus(), inspectorFindings([{ id: "a1", severity: "HIGH", ageDays: 10 }]), inspectorStatus([], "us-east-1"), inspectorFindings([], "us-east-1")],
    [inspectorStatus(), inspectorFindings([{ id: "a1", severity: "HIGH", ageDays: 10 }, { id: "a2", severity: "CRITICAL", ageDays: 45 }])],
  ],
  ["ssm-managed-instances", [ssmInstances([{ id: "i-0aaa00000000000a1" }])], [ssmInstances([{ id: "i-0aaa00000000000a1" }, { id: "i-0aaa00000000000a2", ping: "ConnectionLost" }])]],
  [
    "ssm-patch-compliance",
    [ssmInstances([{ id: "i-0aaa00000000000a1" }]), ssmPatchStates(["i-0aaa00000000000a1"], [{ id: "i-0aaa00000000000a1" }])],
    [ssmInstances([{ id: "i-0aaa00000000000a1" }]), ssmPatchStates(["i-0aaa00000000000a1"], [{ id: "i-0aaa00000000000a1", missing: 3 }])],
  ],
  [
    "macie-enabled",
    // No bucket listing here: the S3 checks would judge its buckets when runChecks runs over every passing fixture.
    [macieSession("ENABLED")],
    [s3Buckets([{ name: "customer-data", region }]), macieOff()],
  ],
  ["macie-sensitive-data-findings", macieFindings([{ id: "m1", bucket: "customer-data", ageDays: 5 }]), macieFindings([{ id: "m1", bucket: "customer-data", ageDays: 60 }])],
];
