// Snapshot factories for the logging, configuration and compliance checks, and each check's passing
// and failing fixture. Times are relative to the fixtures' collection time.
import type { Snapshot } from "../snapshot.js";
import { cisMonitoringItems } from "./logging-cis-items.js";
import type { CisMonitoringItem } from "./logging-cis-items.js";
import { account, collected, collectedAt, hub } from "./test-snapshots.js";
import type { CheckFixture } from "./test-snapshots.js";

const region = "eu-west-1";
const hoursAgo = (hours: number): string => new Date(Date.parse(collectedAt) - hours * 3_600_000).toISOString();

export const trailArn = (name: string, home = region, owner = account): string => `arn:aws:cloudtrail:${home}:${owner}:trail/${name}`;
export const logGroupArn = (name: string, at = region, owner = account): string => `arn:aws:logs:${at}:${owner}:log-group:${name}:*`;

export interface TrailSpec {
  name: string;
  home?: string;
  owner?: string;
  multiRegion?: boolean;
  kmsKeyId?: string;
  logGroup?: string;
}

/** DescribeTrails in `at`, listing the trails as AWS does (ARN, home region, settings). */
export function describedTrails(at: string, trails: readonly TrailSpec[], owner = account): Snapshot {
  const trailList = trails.map((t) => ({
    Name: t.name,
    TrailARN: trailArn(t.name, t.home ?? at, t.owner ?? owner),
    HomeRegion: t.home ?? at,
    IsMultiRegionTrail: t.multiRegion ?? true,
    ...(t.kmsKeyId ? { KmsKeyId: t.kmsKeyId } : {}),
    ...(t.logGroup ? { CloudWatchLogsLogGroupArn: t.logGroup } : {}),
  }));
  return collected("cloudtrail", "DescribeTrails", [{ trailList }], { account: owner, region: at });
}

/** GetTrailStatus of a trail, asked in its home region by its owner; `deliveredHoursAgo` undefined: never delivered. */
export function trailStatus(arn: string, logging: boolean, deliveredHoursAgo?: number, at = region): Snapshot {
  const delivered = deliveredHoursAgo === undefined ? {} : { LatestDeliveryTime: new Date(hoursAgo(deliveredHoursAgo)) };
  return collected("cloudtrail", "GetTrailStatus", [{ IsLogging: logging, ...delivered }], { region: at, params: { Name: arn } });
}

/** GetEventSelectors of a trail: classic selectors, or advanced ones when `advanced` is given. */
export function eventSelectors(arn: string, selectors: { classic?: { ReadWriteType: string; IncludeManagementEvents: boolean }[]; advanced?: { Field: string; Equals: string[] }[][] }): Snapshot {
  const page = selectors.advanced
    ? { TrailARN: arn, AdvancedEventSelectors: selectors.advanced.map((FieldSelectors) => ({ FieldSelectors })) }
    : { TrailARN: arn, EventSelectors: selectors.classic ?? [] };
  return collected("cloudtrail", "GetEventSelectors", [page], { region, params: { TrailName: arn } });
}

/** A metric filter pattern naming every term of the item (the benchmark's own patterns do, with more syntax). */
export const patternFor = (item: CisMonitoringItem): string => `{ ${item.terms.map((t) => `($.eventName = "${t}")`).join(" || ")} }`;

export interface FilterSpec {
  name: string;
  pattern: string;
  metric: string;
}

export function metricFilters(logGroup: string, filters: readonly FilterSpec[], at = region): Snapshot {
  const metricFilters = filters.map((f) => ({ filterName: f.name, filterPattern: f.pattern, logGroupName: logGroup, metricTransformations: [{ metricName: f.metric, metricNamespace: "CISBenchmark", metricValue: "1" }] }));
  return collected("logs", "DescribeMetricFilters", [{ metricFilters }], { region: at, params: { logGroupName: logGroup } });
}

export function alarms(list: readonly { name: string; metric: string; actions?: string[] }[], at = region): Snapshot {
  const MetricAlarms = list.map((a) => ({ AlarmName: a.name, MetricName: a.metric, Namespace: "CISBenchmark", ActionsEnabled: true, AlarmActions: a.actions ?? [`arn:aws:sns:${at}:${account}:security-alerts`] }));
  return collected("monitoring", "DescribeAlarms", [{ MetricAlarms, CompositeAlarms: [] }], { region: at });
}

/** A multi-region trail delivering to log group "cloudtrail", with a filter and an alarm for every CIS item except those in `without`. */
export function cisMonitoring(without: readonly string[] = []): Snapshot[] {
  const items = cisMonitoringItems.filter((i) => !without.includes(i.id));
  return [
    describedTrails(region, [{ name: "org-trail", logGroup: logGroupArn("cloudtrail") }]),
    metricFilters("cloudtrail", items.map((i) => ({ name: i.id, pattern: patternFor(i), metric: i.id }))),
    alarms(items.map((i) => ({ name: `${i.id}-alarm`, metric: i.id }))),
  ];
}

export interface RecorderSpec {
  allSupported?: boolean;
  global?: boolean;
  recording?: boolean;
  lastStatus?: string;
  channel?: boolean;
}

/** The three Config recorder requests of one region; `undefined` for a region without a recorder. */
export function configRecorder(at: string, spec: RecorderSpec | undefined): Snapshot[] {
  const recorders = spec ? [{ name: "default", recordingGroup: { allSupported: spec.allSupported ?? true, includeGlobalResourceTypes: spec.global ?? false, resourceTypes: [] } }] : [];
  const status = spec ? [{ name: "default", recording: spec.recording ?? true, lastStatus: spec.lastStatus ?? "Success" }] : [];
  const channels = spec && spec.channel !== false ? [{ name: "default", s3BucketName: "config-bucket" }] : [];
  return [
    collected("config", "DescribeConfigurationRecorders", [{ ConfigurationRecorders: recorders }], { region: at }),
    collected("config", "DescribeConfigurationRecorderStatus", [{ ConfigurationRecordersStatus: status }], { region: at }),
    collected("config", "DescribeDeliveryChannels", [{ DeliveryChannels: channels }], { region: at }),
  ];
}

export interface RuleSpec {
  name: string;
  identifier: string;
  owner?: string;
  compliance: string;
  count?: number;
}

/** DescribeConfigRules and DescribeComplianceByConfigRule of one region. */
export function configRules(rules: readonly RuleSpec[], at = region): Snapshot[] {
  const ConfigRules = rules.map((r) => ({
    ConfigRuleName: r.name,
    ConfigRuleArn: `arn:aws:config:${at}:${account}:config-rule/config-rule-${r.name}`,
    ConfigRuleState: "ACTIVE",
    Source: { Owner: r.owner ?? "AWS", SourceIdentifier: r.identifier },
  }));
  const ComplianceByConfigRules = rules.map((r) => ({
    ConfigRuleName: r.name,
    Compliance: { ComplianceType: r.compliance, ...(r.count === undefined ? {} : { ComplianceContributorCount: { CappedCount: r.count, CapExceeded: false } }) },
  }));
  return [collected("config", "DescribeConfigRules", [{ ConfigRules }], { region: at }), collected("config", "DescribeComplianceByConfigRule", [{ ComplianceByConfigRules }], { region: at })];
}

/** DescribeHub and GetEnabledStandards, each standard given by its path and version ("cis-aws-foundations-benchmark/v/1.4.0"). */
export function hubStandards(standards: readonly string[], at = region, status = "READY"): Snapshot[] {
  const StandardsSubscriptions = standards.map((s) => ({ StandardsArn: `arn:aws:securityhub:${at}::standards/${s}`, StandardsStatus: status }));
  return [hub(at), collected("securityhub", "GetEnabledStandards", [{ StandardsSubscriptions }], { region: at })];
}

export const fsbp = "aws-foundational-security-best-practices/v/1.0.0";
export const cis = "cis-aws-foundations-benchmark/v/1.4.0";

export interface FindingSpec {
  control: string;
  status: "PASSED" | "FAILED";
  resource: string;
  owner?: string;
  resourceRegion?: string;
  workflow?: string;
  updatedAt?: string;
}

/** A control finding in the AWS Security Finding Format, with the fields the check reads. */
export function asff(f: FindingSpec): Record<string, unknown> {
  const owner = f.owner ?? account;
  return {
    Id: `arn:aws:securityhub:${region}:${owner}:security-control/${f.control}/finding/${f.resource}`,
    ProductName: "Security Hub",
    AwsAccountId: owner,
    Region: region,
    Title: `Control ${f.control}`,
    RecordState: "ACTIVE",
    UpdatedAt: f.updatedAt ?? hoursAgo(2),
    Severity: { Label: "HIGH" },
    Workflow: { Status: f.workflow ?? "NEW" },
    Compliance: { Status: f.status, SecurityControlId: f.control },
    Resources: [{ Type: "Other", Id: f.resource, Region: f.resourceRegion ?? region }],
  };
}

/** GetFindings (every page) of one account's hub in one region. */
export function findings(list: readonly FindingSpec[], where: { account?: string; region?: string } = {}): Snapshot {
  return collected("securityhub", "GetFindings", [{ Findings: list.map(asff) }], { account: where.account ?? account, region: where.region ?? region });
}

const org = trailArn("org-trail");
const debug = trailArn("debug", region);

export const loggingFixtures: readonly CheckFixture[] = [
  [
    "cloudtrail-logging-active",
    [describedTrails(region, [{ name: "org-trail" }]), describedTrails("us-east-1", [{ name: "org-trail", home: region }]), trailStatus(org, true, 1)],
    [describedTrails(region, [{ name: "org-trail" }, { name: "debug", multiRegion: false }]), trailStatus(org, true, 1), trailStatus(debug, false, 24 * 90)],
  ],
  [
    "cloudtrail-kms-encryption",
    [describedTrails(region, [{ name: "org-trail", kmsKeyId: `arn:aws:kms:${region}:${account}:key/k1` }])],
    [describedTrails(region, [{ name: "org-trail", kmsKeyId: `arn:aws:kms:${region}:${account}:key/k1` }, { name: "debug", multiRegion: false }])],
  ],
  [
    "cloudtrail-cloudwatch-logs",
    [describedTrails(region, [{ name: "org-trail", logGroup: logGroupArn("cloudtrail") }])],
    [describedTrails(region, [{ name: "org-trail" }])],
  ],
  [
    "cloudtrail-management-events",
    [
      describedTrails(region, [{ name: "org-trail" }, { name: "debug", multiRegion: false }]),
      eventSelectors(org, { classic: [{ ReadWriteType: "All", IncludeManagementEvents: true }] }),
      eventSelectors(debug, { advanced: [[{ Field: "eventCategory", Equals: ["Management"] }]] }),
    ],
    [
      describedTrails(region, [{ name: "org-trail" }]),
      eventSelectors(org, { advanced: [[{ Field: "eventCategory", Equals: ["Management"] }, { Field: "readOnly", Equals: ["false"] }]] }),
    ],
  ],
  ["cloudwatch-cis-alarms", cisMonitoring(), cisMonitoring(["cis-4.3-root-usage"])],
  [
    "config-recorder-all-resources",
    [...configRecorder("us-east-1", { global: true }), ...configRecorder(region, {})],
    [...configRecorder("us-east-1", { global: true }), ...configRecorder(region, { recording: false })],
  ],
  [
    "config-rule-results",
    configRules([{ name: "s3-versioning", identifier: "S3_BUCKET_VERSIONING_ENABLED", compliance: "COMPLIANT" }, { name: "tagging", identifier: "acme-tagging", owner: "CUSTOM_LAMBDA", compliance: "NOT_APPLICABLE" }]),
    configRules([{ name: "s3-versioning", identifier: "S3_BUCKET_VERSIONING_ENABLED", compliance: "NON_COMPLIANT", count: 2 }]),
  ],
  ["securityhub-standards", hubStandards([fsbp, cis]), hubStandards([fsbp])],
  [
    "securityhub-findings",
    [findings([{ control: "S3.8", status: "PASSED", resource: "arn:aws:s3:::logs" }, { control: "S3.8", status: "FAILED", resource: "arn:aws:s3:::old", workflow: "SUPPRESSED" }])],
    [findings([{ control: "S3.8", status: "FAILED", resource: "arn:aws:s3:::uploads" }])],
  ],
];
