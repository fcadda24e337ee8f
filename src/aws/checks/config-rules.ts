// Check over AWS Config rules: each rule's compliance, one result per rule, under the Annex A controls
// its managed rule identifier maps to (custom and unmapped rules under A.5.36 only).
import { z } from "zod";
import { readPages } from "../snapshot.js";
import type { Snapshot } from "../snapshot.js";
import type { Check, CheckResult } from "./check.js";
import { resultsFor } from "./check.js";
import { allMappedControls, controlsOfConfigRule, findingMap, unmappedControls } from "./finding-map.js";
import { isUsable, snapshotsOf, unreadable } from "./snapshot-query.js";

const rulesPage = z.object({
  ConfigRules: z
    .array(z.object({
      ConfigRuleName: z.string(),
      ConfigRuleArn: z.string().optional(),
      ConfigRuleState: z.string().optional(),
      Source: z.object({ Owner: z.string().optional(), SourceIdentifier: z.string().optional() }).optional(),
    }))
    .default([]),
});
const compliancePage = z.object({
  ComplianceByConfigRules: z
    .array(z.object({
      ConfigRuleName: z.string(),
      Compliance: z.object({ ComplianceType: z.string().optional(), ComplianceContributorCount: z.object({ CappedCount: z.number().optional(), CapExceeded: z.boolean().optional() }).optional() }).optional(),
    }))
    .default([]),
});

const checkId = "config-rule-results";
const result = resultsFor(checkId);

function judgeRegion(rules: Snapshot, snapshots: readonly Snapshot[]): CheckResult[] {
  const { account, region } = rules;
  if (!isUsable(rules)) return [result(account, region, `${account}/${region}`, "unknown", unreadable(rules, "DescribeConfigRules"))];
  const list = readPages(rules, rulesPage).flatMap((p) => p.ConfigRules).filter((r) => r.ConfigRuleState !== "DELETING");
  if (list.length === 0) return [];
  const compliance = snapshotsOf(snapshots, "config", "DescribeComplianceByConfigRule").find((s) => s.account === account && s.region === region);
  const byName = new Map(isUsable(compliance) ? readPages(compliance, compliancePage).flatMap((p) => p.ComplianceByConfigRules).map((c) => [c.ConfigRuleName, c.Compliance] as const) : []);
  return list.map((rule) => {
    const managed = rule.Source?.Owner === "AWS" ? rule.Source.SourceIdentifier : undefined;
    const controls = (managed && controlsOfConfigRule(managed)) || unmappedControls;
    const name = `${rule.ConfigRuleName} (${managed ?? `custom: ${rule.Source?.Owner ?? "?"}`})`;
    const resource = rule.ConfigRuleArn ?? rule.ConfigRuleName;
    if (!isUsable(compliance)) return result(account, region, resource, "unknown", `${name}: ${unreadable(compliance, "DescribeComplianceByConfigRule")}`, controls);
    const c = byName.get(rule.ConfigRuleName);
    switch (c?.ComplianceType) {
      case "COMPLIANT":
        return result(account, region, resource, "pass", `${name}: compliant`, controls);
      case "NON_COMPLIANT": {
        const count = c.ComplianceContributorCount?.CappedCount;
        const many = count === undefined ? "" : ` — ${count}${c.ComplianceContributorCount?.CapExceeded ? "+" : ""} non-compliant resource${count === 1 ? "" : "s"}`;
        return result(account, region, resource, "fail", `${name}: non-compliant${many}`, controls);
      }
      case "NOT_APPLICABLE":
        return result(account, region, resource, "not-applicable", `${name}: no resource in scope`, controls);
      default:
        return result(account, region, resource, "unknown", `${name}: not yet evaluated (${c?.ComplianceType ?? "no compliance reported"})`, controls);
    }
  });
}

export const configRuleResults: Check = {
  id: checkId,
  title: "AWS Config rules report their resources compliant",
  controls: allMappedControls(findingMap.configRules),
  soc2: ["CC4.1", "CC7.1"],
  severity: "medium",
  services: ["config"],
  rationale:
    "A.5.36 asks that compliance with the organization's rules be reviewed regularly; Config rules evaluate resources against those rules continuously, and A.8.9 needs the configuration they check. " +
    "Each rule's result counts under the Annex A controls its subject bears on (a versioning rule under backup, an encryption rule under cryptography); custom rules count under A.5.36.",
  remediation: "Open the rule's non-compliant resources in the Config console (or aws configservice get-compliance-details-by-config-rule), fix them or record an accepted exception, and re-evaluate the rule.",
  evaluate: (snapshots) => snapshotsOf(snapshots, "config", "DescribeConfigRules").filter((s) => s.error?.kind !== "region-disabled").flatMap((rules) => judgeRegion(rules, snapshots)),
};
