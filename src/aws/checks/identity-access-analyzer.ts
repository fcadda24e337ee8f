// Checks over IAM Access Analyzer: an external access analyzer watches each collected region
// (A.5.15, A.8.2, A.8.3) and an unused access analyzer watches each account (A.5.18). An analyzer
// whose zone of trust is the organization (in the delegated administrator) covers every account
// that DescribeOrganization shows to be in the same organization.
import { z } from "zod";
import { readPages } from "../snapshot.js";
import type { Snapshot } from "../snapshot.js";
import type { Check, CheckResult } from "./check.js";
import { resultsFor } from "./check.js";
import { inSameOrganization, membershipOf } from "./identity-organization.js";
import { hasFailed, snapshotsOf, unreadable } from "./snapshot-query.js";

const analyzersPage = z.object({ analyzers: z.array(z.object({ arn: z.string(), name: z.string().optional(), type: z.string(), status: z.string().optional() })).default([]) });
type Analyzer = z.infer<typeof analyzersPage>["analyzers"][number];

/** The usable listings, disabled regions left out. */
const listings = (snapshots: readonly Snapshot[]): Snapshot[] => snapshotsOf(snapshots, "access-analyzer", "ListAnalyzers").filter((s) => s.error?.kind !== "region-disabled");
const activeOf = (s: Snapshot, types: readonly string[]): Analyzer[] =>
  readPages(s, analyzersPage).flatMap((p) => p.analyzers.filter((a) => types.includes(a.type) && (a.status ?? "ACTIVE") === "ACTIVE"));

/** An organization analyzer of `type` in another account of the listing's organization, and whether any exists whose organization is unknown. */
function organizationAnalyzer(snapshots: readonly Snapshot[], account: string, from: readonly Snapshot[], type: string): { covering?: { analyzer: Analyzer; account: string }; undecided: boolean } {
  const elsewhere = from.filter((s) => s.account !== account).flatMap((s) => activeOf(s, [type]).map((analyzer) => ({ analyzer, account: s.account })));
  const covering = elsewhere.find((o) => inSameOrganization(snapshots, account, o.account));
  return { ...(covering ? { covering } : {}), undecided: elsewhere.length > 0 && membershipOf(snapshots, account).kind === "unknown" };
}

const externalId = "access-analyzer-enabled";
const externalResult = resultsFor(externalId);

export const accessAnalyzerEnabled: Check = {
  id: externalId,
  title: "An IAM Access Analyzer for external access covers every collected region",
  controls: ["5.15", "8.2", "8.3"],
  soc2: ["CC6.1", "CC6.6", "CC7.1"],
  severity: "medium",
  services: ["access-analyzer"],
  rationale:
    "A.5.15 and A.8.3 ask that access to information be restricted to whom it is meant for; a bucket policy, key policy or role trust opened to another account or to everyone is exactly what they forbid, and Access Analyzer finds such grants as they appear. " +
    "Analyzers are regional, so each region needs one: the account's own, or the organization's in the delegated administrator, which covers every member.",
  remediation: "From the delegated administrator for Access Analyzer, create an analyzer with the organization as zone of trust in every region you use (or an account analyzer per account and region), and route its findings to Security Hub.",
  evaluate(snapshots) {
    const all = listings(snapshots);
    const places = [...new Map(all.map((s) => [`${s.account}|${s.region}`, { account: s.account, region: s.region }])).values()];
    return places.map(({ account, region }): CheckResult => {
      const place = `${account}/${region}`;
      const here = all.filter((s) => s.account === account && s.region === region);
      const own = here.flatMap((s) => activeOf(s, ["ACCOUNT", "ORGANIZATION"]))[0];
      if (own) return externalResult(account, region, own.arn, "pass", `${own.name ?? own.arn} (${own.type}) analyzes this region`);
      const failedHere = here.find(hasFailed);
      if (failedHere) return externalResult(account, region, place, "unknown", unreadable(failedHere, "ListAnalyzers"));
      const sameRegion = all.filter((s) => s.region === region);
      const { covering, undecided } = organizationAnalyzer(snapshots, account, sameRegion, "ORGANIZATION");
      if (covering) return externalResult(account, region, place, "pass", `Covered by the organization's analyzer ${covering.analyzer.name ?? covering.analyzer.arn} in account ${covering.account}`);
      if (undecided) return externalResult(account, region, place, "unknown", "Another account has an organization analyzer here, but this account's organization is unknown (DescribeOrganization not collected)");
      const otherFailed = sameRegion.find((s) => s.account !== account && hasFailed(s));
      if (otherFailed) return externalResult(account, region, place, "unknown", `No analyzer of its own; account ${otherFailed.account}'s ${unreadable(otherFailed, "ListAnalyzers")}`);
      return externalResult(account, region, place, "fail", "No active external access analyzer, of the account or of its organization, in this region");
    });
  },
};

const unusedId = "access-analyzer-unused-access";
const unusedResult = resultsFor(unusedId);

export const accessAnalyzerUnusedAccess: Check = {
  id: unusedId,
  title: "An IAM Access Analyzer for unused access covers every account",
  controls: ["5.18"],
  soc2: ["CC6.2", "CC6.3"],
  severity: "low",
  services: ["access-analyzer"],
  rationale:
    "A.5.18 asks that access rights be reviewed and removed when no longer needed; an unused access analyzer lists the roles, users, keys, passwords and permissions nobody has used, which is the evidence a periodic access review starts from. " +
    "IAM is global, so one analyzer per account suffices, in any region; the organization's covers every member.",
  remediation: "From the delegated administrator, create an unused access analyzer for the organization (aws accessanalyzer create-analyzer --type ORGANIZATION_UNUSED_ACCESS) with an unused-access age that matches your review cycle, e.g. 90 days.",
  evaluate(snapshots) {
    const all = listings(snapshots);
    return [...new Set(all.map((s) => s.account))].map((account): CheckResult => {
      const own = all.filter((s) => s.account === account);
      const analyzer = own.flatMap((s) => activeOf(s, ["ACCOUNT_UNUSED_ACCESS", "ORGANIZATION_UNUSED_ACCESS"]))[0];
      if (analyzer) return unusedResult(account, "global", analyzer.arn, "pass", `${analyzer.name ?? analyzer.arn} (${analyzer.type}) looks for unused access`);
      const { covering, undecided } = organizationAnalyzer(snapshots, account, all, "ORGANIZATION_UNUSED_ACCESS");
      if (covering) return unusedResult(account, "global", account, "pass", `Covered by the organization's analyzer ${covering.analyzer.name ?? covering.analyzer.arn} in account ${covering.account}`);
      const failed = own.find(hasFailed) ?? all.find((s) => s.account !== account && hasFailed(s));
      if (failed) return unusedResult(account, "global", account, "unknown", `No unused access analyzer found; account ${failed.account} ${failed.region}: ${unreadable(failed, "ListAnalyzers")}`);
      if (undecided) return unusedResult(account, "global", account, "unknown", "Another account has an organization analyzer, but this account's organization is unknown (DescribeOrganization not collected)");
      return unusedResult(account, "global", account, "fail", "No unused access analyzer, of the account or of its organization, in any collected region");
    });
  },
};
