// Every collector in one list, and running them for an account: the account-scoped ones once (region
// "global"), the regional ones in each of the target's regions.
import type { Fetcher } from "../fetcher.js";
import type { Target } from "../targets.js";
import { cloudtrailCollector } from "./cloudtrail.js";
import { cloudwatchCollector } from "./cloudwatch.js";
import { configCollector } from "./config.js";
import type { Collector } from "./collector.js";
import { guarddutyCollector } from "./guardduty.js";
import { iamCollector } from "./iam.js";
import { kmsCollector } from "./kms.js";
import { s3Collector } from "./s3.js";
import { securityhubCollector } from "./securityhub.js";
import { accessAnalyzerCollector } from "./access-analyzer.js";
import { acmCollector } from "./acm.js";
import { backupCollector } from "./backup.js";
import { ec2Collector } from "./ec2.js";
import { identityCenterCollector } from "./identity-center.js";
import { inspectorCollector } from "./inspector.js";
import { macieCollector } from "./macie.js";
import { ssmCollector } from "./ssm.js";
import { networkFirewallCollector } from "./network-firewall.js";
import { organizationsCollector } from "./organizations.js";
import { rdsCollector } from "./rds.js";
import { route53resolverCollector } from "./route53resolver.js";
import { secretsManagerCollector } from "./secrets-manager.js";

export type { Collector } from "./collector.js";

export const collectors: readonly Collector[] = [
  // Once per account.
  iamCollector,
  organizationsCollector,
  s3Collector,
  // Once per region.
  cloudtrailCollector,
  cloudwatchCollector,
  configCollector,
  kmsCollector,
  guarddutyCollector,
  securityhubCollector,
  identityCenterCollector,
  accessAnalyzerCollector,
  secretsManagerCollector,
  acmCollector,
  ec2Collector,
  rdsCollector,
  backupCollector,
  route53resolverCollector,
  networkFirewallCollector,
  inspectorCollector,
  ssmCollector,
  macieCollector,
];

/** Global services, once per account. */
export function collectAccount(fetcher: Fetcher, target: Target, list: readonly Collector[] = collectors): Promise<void>[] {
  return list.filter((c) => c.scope === "account").map((c) => c.collect(fetcher, target, "global"));
}

/** Regional services in one enabled region of an account. */
export function collectRegion(fetcher: Fetcher, target: Target, region: string, list: readonly Collector[] = collectors): Promise<void>[] {
  return list.filter((c) => c.scope === "region").map((c) => c.collect(fetcher, target, region));
}
