// The logging, monitoring, configuration and compliance checks (A.8.15, A.8.16, A.8.9, A.8.32, A.5.36),
// in one list for the check registry.
import type { Check } from "./check.js";
import { cloudtrailCloudwatchLogs, cloudtrailKmsEncryption, cloudtrailLoggingActive, cloudtrailManagementEvents } from "./cloudtrail.js";
import { configRecorderAllResources } from "./config-recorder.js";
import { configRuleResults } from "./config-rules.js";
import { cloudwatchCisAlarms } from "./logging-cis-alarms.js";
import { securityhubFindings } from "./securityhub-findings.js";
import { securityhubStandards } from "./securityhub-standards.js";

export const loggingChecks: readonly Check[] = [
  cloudtrailLoggingActive,
  cloudtrailKmsEncryption,
  cloudtrailCloudwatchLogs,
  cloudtrailManagementEvents,
  cloudwatchCisAlarms,
  configRecorderAllResources,
  configRuleResults,
  securityhubStandards,
  securityhubFindings,
];
