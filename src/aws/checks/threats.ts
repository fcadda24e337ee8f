// The threat detection and vulnerability checks beyond GuardDuty's and Security Hub's presence:
// GuardDuty's plans and findings, Inspector, Systems Manager patching, and Macie.
import type { Check } from "./check.js";
import { guarddutyFindingsTriaged } from "./guardduty-findings.js";
import { guarddutyProtectionPlans } from "./guardduty-protection.js";
import { macieEnabled, macieSensitiveDataFindings } from "./macie-sensitive-data.js";
import { inspectorCriticalFindings } from "./vulnerability-findings.js";
import { ssmManagedInstances, ssmPatchCompliance } from "./vulnerability-patching.js";
import { inspectorCodeScanning, inspectorScanningEnabled } from "./vulnerability-scanning.js";

export const threatChecks: readonly Check[] = [
  guarddutyProtectionPlans,
  guarddutyFindingsTriaged,
  inspectorScanningEnabled,
  inspectorCodeScanning,
  inspectorCriticalFindings,
  ssmManagedInstances,
  ssmPatchCompliance,
  macieEnabled,
  macieSensitiveDataFindings,
];
