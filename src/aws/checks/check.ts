// What a check over AWS snapshots is: its identity, the Annex A controls and SOC 2 criteria it
// evidences, and a pure `evaluate` from snapshots to one result per resource.
import type { Snapshot } from "../snapshot.js";

export const severities = ["critical", "high", "medium", "low"] as const;
export type Severity = (typeof severities)[number];

/** "unknown" when a snapshot the check needs is missing or failed for a reason other than absence. */
export type CheckStatus = "pass" | "fail" | "not-applicable" | "unknown";

export interface CheckResult {
  checkId: string;
  account: string;
  /** An AWS region, or "global". */
  region: string;
  /** The resource's ARN, or its name where AWS gives none. */
  resource: string;
  status: CheckStatus;
  detail: string;
  /**
   * The Annex A controls this one result bears on, when narrower than the check's own list: a Security
   * Hub or Config finding maps to the controls of its FSBP/CIS control id or rule, not to all of them.
   */
  controls?: readonly string[];
}

export interface Check {
  /** Stable, kebab-case: "iam-user-console-mfa". */
  id: string;
  title: string;
  /** Annex A (ISO/IEC 27001:2022) control ids. */
  controls: readonly string[];
  /** SOC 2 Trust Services Criteria ids. */
  soc2: readonly string[];
  severity: Severity;
  /**
   * The services (signing names, as snapshots name them) whose snapshots the check reads: the raw
   * snapshots of these services are the evidence behind its results.
   */
  services: readonly string[];
  rationale: string;
  remediation: string;
  evaluate(snapshots: readonly Snapshot[]): CheckResult[];
}

/** A result factory bound to one check, so that each result names its check. */
export function resultsFor(checkId: string) {
  return (account: string, region: string, resource: string, status: CheckStatus, detail: string, controls?: readonly string[]): CheckResult => ({
    checkId,
    account,
    region,
    resource,
    status,
    detail,
    ...(controls ? { controls } : {}),
  });
}
