// Checks over AWS Organizations: the organization has all features on (A.5.23), and a service
// control policy beyond FullAWSAccess applies to each member account (A.5.23, A.8.2). The tree and
// the SCPs are read in the management account, the only one allowed to list them.
import { z } from "zod";
import { readPages } from "../snapshot.js";
import type { Snapshot } from "../snapshot.js";
import type { Check, CheckResult } from "./check.js";
import { resultsFor } from "./check.js";
import { membershipOf } from "./identity-organization.js";
import { accountSnapshot, hasFailed, isUsable, snapshotsOf, stringParam, unreadable } from "./snapshot-query.js";

const organizationAccounts = (snapshots: readonly Snapshot[]): string[] => [...new Set(snapshotsOf(snapshots, "organizations", "DescribeOrganization").map((s) => s.account))];

const featuresId = "organizations-all-features";
const featuresResult = resultsFor(featuresId);

export const organizationsAllFeatures: Check = {
  id: featuresId,
  title: "The organization has all features enabled",
  controls: ["5.23"],
  soc2: ["CC5.2", "CC6.1"],
  severity: "medium",
  services: ["organizations"],
  rationale:
    "A.5.23 asks that the use of cloud services be governed; an organization with consolidated billing only cannot apply service control policies, delegate security services or run an organization trail, so no guardrail reaches its members.",
  remediation: "In the management account, start enabling all features (aws organizations enable-all-features) and have every member account approve it.",
  evaluate(snapshots) {
    const judged = new Set<string>();
    return organizationAccounts(snapshots).flatMap((account): CheckResult[] => {
      const membership = membershipOf(snapshots, account);
      if (membership.kind === "standalone") return [featuresResult(account, "global", account, "not-applicable", "The account is in no organization")];
      if (membership.kind === "unknown") return [featuresResult(account, "global", account, "unknown", membership.reason)];
      if (judged.has(membership.organizationId)) return [];
      judged.add(membership.organizationId);
      const { organizationArn: arn, featureSet } = membership;
      if (featureSet === undefined) return [featuresResult(account, "global", arn, "unknown", "DescribeOrganization gave no feature set")];
      return [featuresResult(account, "global", arn, featureSet === "ALL" ? "pass" : "fail", featureSet === "ALL" ? "All features are enabled" : `The feature set is ${featureSet}`)];
    });
  },
};

const policiesPage = z.object({ Policies: z.array(z.object({ Id: z.string(), Name: z.string().optional(), AwsManaged: z.boolean().optional() })).default([]) });
const describedPage = z.object({ Policy: z.object({ Content: z.string().optional() }) });
const targetsPage = z.object({ Targets: z.array(z.object({ TargetId: z.string() })).default([]) });
const unitsPage = z.object({ OrganizationalUnits: z.array(z.object({ Id: z.string() })).default([]) });
const accountsPage = z.object({ Accounts: z.array(z.object({ Id: z.string(), Name: z.string().optional() })).default([]) });
const statement = z.object({ Effect: z.string(), Action: z.union([z.string(), z.array(z.string())]).optional() });
const scpContent = z.object({ Statement: z.union([statement, z.array(statement)]).transform((v) => (Array.isArray(v) ? v : [v])) });

/** A policy restricts when it denies something or allows less than every action (an allow list). */
function restricts(content: string): boolean | undefined {
  try {
    const parsed = scpContent.safeParse(JSON.parse(content));
    if (!parsed.success) return undefined;
    const allowsAll = parsed.data.Statement.some((s) => s.Effect === "Allow" && [s.Action ?? []].flat().includes("*"));
    return parsed.data.Statement.some((s) => s.Effect === "Deny") || !allowsAll;
  } catch {
    return undefined;
  }
}

/** What the management account read of its organization: the tree (parent of each child) and the SCPs. */
interface OrganizationView {
  management: string;
  organizationId: string;
  parents: Map<string, string>;
  accounts: { id: string; name?: string }[];
  /** A tree listing that failed: the accounts beneath it are missing. */
  treeProblem?: string;
  policies: Snapshot;
  byPolicy: (operation: string, policyId: string) => Snapshot | undefined;
}

function organizationView(snapshots: readonly Snapshot[], management: string, organizationId: string, policies: Snapshot): OrganizationView {
  const mine = snapshots.filter((s) => s.account === management && s.service === "organizations");
  const parents = new Map<string, string>();
  const accounts: { id: string; name?: string }[] = [];
  for (const listing of mine.filter((s) => s.operation === "ListOrganizationalUnitsForParent"))
    for (const ou of readPages(listing, unitsPage).flatMap((p) => p.OrganizationalUnits)) parents.set(ou.Id, stringParam(listing, "ParentId"));
  for (const listing of mine.filter((s) => s.operation === "ListAccountsForParent"))
    for (const a of readPages(listing, accountsPage).flatMap((p) => p.Accounts)) {
      parents.set(a.Id, stringParam(listing, "ParentId"));
      accounts.push({ id: a.Id, ...(a.Name ? { name: a.Name } : {}) });
    }
  const failedTree = mine.find((s) => (s.operation.endsWith("ForParent") || s.operation === "ListRoots") && hasFailed(s));
  return {
    management,
    organizationId,
    parents,
    accounts,
    ...(failedTree ? { treeProblem: unreadable(failedTree, failedTree.operation) } : {}),
    policies,
    byPolicy: (operation, policyId) => mine.find((s) => s.operation === operation && stringParam(s, "PolicyId") === policyId),
  };
}

/** The account's OUs and root, nearest first. */
function ancestorsOf(view: OrganizationView, account: string): string[] {
  const chain: string[] = [];
  for (let parent = view.parents.get(account); parent !== undefined && !chain.includes(parent); parent = view.parents.get(parent)) chain.push(parent);
  return chain;
}

const guardrailsId = "organizations-scp-guardrails";
const guardrailsResult = resultsFor(guardrailsId);

/** One member account, judged by the SCPs attached to it or to any of its ancestors. Recorded in the management account, where SCPs live. */
function judgeMember(view: OrganizationView, member: { id: string; name?: string }): CheckResult {
  const resource = `arn:aws:organizations::${view.management}:account/${view.organizationId}/${member.id}`;
  const label = member.name ? `${member.id} (${member.name})` : member.id;
  const ancestors = ancestorsOf(view, member.id);
  const path = new Set([member.id, ...ancestors]);
  const guardrails: string[] = [];
  const doubts: string[] = [];
  for (const policy of readPages(view.policies, policiesPage).flatMap((page) => page.Policies.filter((p) => p.AwsManaged !== true))) {
    const name = policy.Name ?? policy.Id;
    const targets = view.byPolicy("ListTargetsForPolicy", policy.Id);
    if (!targets || hasFailed(targets)) {
      doubts.push(`${name}'s targets`);
      continue;
    }
    const attached = readPages(targets, targetsPage).flatMap((p) => p.Targets.map((t) => t.TargetId)).filter((t) => path.has(t));
    if (attached.length === 0) continue;
    const described = view.byPolicy("DescribePolicy", policy.Id);
    const content = described ? readPages(described, describedPage)[0]?.Policy.Content : undefined;
    const restrictive = content === undefined ? undefined : restricts(content);
    if (restrictive === undefined) doubts.push(`${name}'s content`);
    else if (restrictive) guardrails.push(`${name} (on ${attached.join(", ")})`);
  }
  if (guardrails.length > 0) return guardrailsResult(view.management, "global", resource, "pass", `${label}: ${guardrails.join("; ")}`);
  if (doubts.length > 0) return guardrailsResult(view.management, "global", resource, "unknown", `${label}: no guardrail found, and these could not be read: ${doubts.join(", ")}`);
  return guardrailsResult(view.management, "global", resource, "fail", `${label}: no SCP beyond FullAWSAccess applies to it or to ${ancestors.join(", ") || "its parents"}`);
}

/** The results of one organization, from its management account's listings; unknown when they were not collected. */
function judgeOrganization(snapshots: readonly Snapshot[], reader: string, management: string, organizationId: string): CheckResult[] {
  const policies = accountSnapshot(snapshots, management, "organizations", "ListPolicies");
  const where = `arn:aws:organizations::${management}:organization/${organizationId}`;
  if (!isUsable(policies) || policies.error)
    return [guardrailsResult(reader, "global", where, "unknown", `SCPs are read in the management account ${management}: ${unreadable(policies, "ListPolicies")}`)];
  const view = organizationView(snapshots, management, organizationId, policies);
  const members = view.accounts.filter((a) => a.id !== management).map((member) => judgeMember(view, member));
  return view.treeProblem ? [...members, guardrailsResult(management, "global", where, "unknown", `Some accounts may be missing: ${view.treeProblem}`)] : members;
}

export const organizationsScpGuardrails: Check = {
  id: guardrailsId,
  title: "A service control policy beyond FullAWSAccess applies to every member account",
  controls: ["5.23", "8.2"],
  soc2: ["CC6.1", "CC6.3"],
  severity: "medium",
  services: ["organizations"],
  rationale:
    "A.5.23 asks for rules on how cloud services are used and A.8.2 that privileged access be bounded; SCPs are the only limit that even an account's administrators cannot lift (leaving the organization, stopping CloudTrail, using unapproved regions or services). " +
    "A member under FullAWSAccess alone has none of these guardrails. The management account is exempt: SCPs never apply to it. Results are recorded in the management account, where SCPs are read.",
  remediation:
    "Attach SCPs that deny what no one should do (organizations:LeaveOrganization, cloudtrail:StopLogging and DeleteTrail, disabling GuardDuty or Config, unused regions) to the root or to every OU, and test them in a sandbox OU first.",
  evaluate(snapshots) {
    const judged = new Set<string>();
    return organizationAccounts(snapshots).flatMap((account): CheckResult[] => {
      const membership = membershipOf(snapshots, account);
      if (membership.kind === "standalone") return [guardrailsResult(account, "global", account, "not-applicable", "The account is in no organization")];
      if (membership.kind === "unknown") return [guardrailsResult(account, "global", account, "unknown", membership.reason)];
      if (judged.has(membership.organizationId)) return [];
      judged.add(membership.organizationId);
      return judgeOrganization(snapshots, account, membership.managementAccount, membership.organizationId);
    });
  },
};
