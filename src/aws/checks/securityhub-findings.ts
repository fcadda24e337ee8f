// Check over Security Hub control findings: each active, unsuppressed finding that passed or failed,
// one result per resource it names, under the Annex A controls of its security control id (A.5.36
// for ids the finding map does not name).
import { z } from "zod";
import { readPages } from "../snapshot.js";
import type { Check, CheckResult } from "./check.js";
import { resultsFor } from "./check.js";
import { allMappedControls, controlsOfSecurityControl, findingMap, unmappedControls } from "./finding-map.js";
import { hasFailed, snapshotsOf, unreadable } from "./snapshot-query.js";

const finding = z.object({
  Id: z.string(),
  AwsAccountId: z.string(),
  Region: z.string().optional(),
  Title: z.string().default(""),
  ProductName: z.string().optional(),
  RecordState: z.string().optional(),
  UpdatedAt: z.string().default(""),
  Severity: z.object({ Label: z.string().optional() }).optional(),
  Workflow: z.object({ Status: z.string().optional() }).optional(),
  Compliance: z.object({ Status: z.string().optional(), SecurityControlId: z.string().optional() }).optional(),
  Resources: z.array(z.object({ Id: z.string(), Type: z.string().optional(), Region: z.string().optional() })).default([]),
});
type Finding = z.infer<typeof finding>;
const findingsPage = z.object({ Findings: z.array(z.unknown()).default([]) });

const checkId = "securityhub-findings";
const result = resultsFor(checkId);

/** The findings of every readable GetFindings page, one per Id (an aggregator and a member may both hold it), the latest kept. */
function distinctFindings(pages: readonly unknown[]): Finding[] {
  const byId = new Map<string, Finding>();
  for (const raw of pages) {
    const parsed = finding.safeParse(raw);
    if (!parsed.success) continue;
    const seen = byId.get(parsed.data.Id);
    if (!seen || seen.UpdatedAt < parsed.data.UpdatedAt) byId.set(parsed.data.Id, parsed.data);
  }
  return [...byId.values()];
}

/** Security Hub's own control findings, live and not suppressed, with a verdict (the request filters so too). */
const judged = (f: Finding): boolean =>
  (f.ProductName ?? "Security Hub") === "Security Hub" &&
  (f.RecordState ?? "ACTIVE") === "ACTIVE" &&
  f.Workflow?.Status !== "SUPPRESSED" &&
  (f.Compliance?.Status === "PASSED" || f.Compliance?.Status === "FAILED");

function resultsOf(f: Finding): CheckResult[] {
  const controlId = f.Compliance?.SecurityControlId ?? "?";
  const controls = controlsOfSecurityControl(controlId) ?? unmappedControls;
  const passed = f.Compliance?.Status === "PASSED";
  const severity = !passed && f.Severity?.Label ? ` (${f.Severity.Label.toLowerCase()})` : "";
  const detail = `${controlId} ${passed ? "passed" : "failed"}${severity}: ${f.Title}`;
  return f.Resources.map((r) => result(f.AwsAccountId, r.Region ?? f.Region ?? "global", r.Id, passed ? "pass" : "fail", detail, controls));
}

export const securityhubFindings: Check = {
  id: checkId,
  title: "Security Hub control findings pass",
  controls: allMappedControls(findingMap.securityHubControls),
  soc2: ["CC4.1", "CC7.1"],
  severity: "medium",
  services: ["securityhub"],
  rationale:
    "A.5.36 asks that compliance with security rules be reviewed; Security Hub evaluates each resource against the FSBP and CIS controls and keeps the verdict as a finding. " +
    "Each finding counts under the Annex A controls its subject bears on (a public bucket under access restriction and leakage prevention), on the account and region of the resource.",
  remediation:
    "Fix the resource as the control's remediation guide says (linked from the finding), or, where the organization accepts the risk, suppress the finding with a note and record the exception in the risk register.",
  evaluate(snapshots) {
    const asked = snapshotsOf(snapshots, "securityhub", "GetFindings");
    const failedRequests = asked
      .filter((s) => hasFailed(s) && s.error?.kind !== "not-enabled" && s.error?.kind !== "region-disabled")
      .map((s) => result(s.account, s.region, `${s.account}/${s.region}`, "unknown", unreadable(s, "GetFindings")));
    const pages = asked.flatMap((s) => readPages(s, findingsPage).flatMap((p) => p.Findings));
    return [...distinctFindings(pages).filter(judged).flatMap(resultsOf), ...failedRequests];
  },
};
