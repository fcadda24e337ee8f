// Checks over IAM Identity Center: people sign in through an instance, the account's own or its
// organization's (A.5.16, A.8.5), and permission sets keep sessions to a working day (A.8.2, A.8.5).
import { z } from "zod";
import { readPages } from "../snapshot.js";
import type { Snapshot } from "../snapshot.js";
import type { Check, CheckResult } from "./check.js";
import { resultsFor } from "./check.js";
import { membershipOf } from "./identity-organization.js";
import { hasFailed, isUsable, snapshotsOf, stringParam, unreadable } from "./snapshot-query.js";

const instancesPage = z.object({ Instances: z.array(z.object({ InstanceArn: z.string(), Status: z.string().optional() })).default([]) });

/** An account's ListInstances snapshots, disabled regions left out. */
const listingsOf = (snapshots: readonly Snapshot[], account: string): Snapshot[] =>
  snapshotsOf(snapshots, "sso", "ListInstances").filter((s) => s.account === account && s.error?.kind !== "region-disabled");

/** The account's first active instance, whether any listing failed, and whether it was collected at all. */
function instancesOf(snapshots: readonly Snapshot[], account: string): { instance?: { arn: string; region: string }; failed?: Snapshot; collected: boolean } {
  const listings = listingsOf(snapshots, account);
  const instance = listings.flatMap((s) => readPages(s, instancesPage).flatMap((p) => p.Instances.filter((i) => (i.Status ?? "ACTIVE") === "ACTIVE").map((i) => ({ arn: i.InstanceArn, region: s.region }))))[0];
  const failed = listings.find(hasFailed);
  return { ...(instance ? { instance } : {}), ...(failed ? { failed } : {}), collected: listings.length > 0 };
}

const enabledId = "identity-center-enabled";
const enabledResult = resultsFor(enabledId);

/** A member without an instance of its own is judged by its management account's organization instance. */
function judgeAccount(snapshots: readonly Snapshot[], account: string): CheckResult {
  const own = instancesOf(snapshots, account);
  if (own.instance) return enabledResult(account, "global", own.instance.arn, "pass", `Identity Center instance in ${own.instance.region}`);
  if (own.failed) return enabledResult(account, "global", account, "unknown", unreadable(own.failed, "ListInstances"));
  const membership = membershipOf(snapshots, account);
  if (membership.kind === "standalone") return enabledResult(account, "global", account, "fail", "The account is in no organization and has no Identity Center instance");
  if (membership.kind === "unknown") return enabledResult(account, "global", account, "unknown", `No instance of its own, and its organization is unknown: ${membership.reason}`);
  const management = instancesOf(snapshots, membership.managementAccount);
  if (management.instance)
    return enabledResult(account, "global", account, "pass", `Covered by the organization's instance ${management.instance.arn} (account ${membership.managementAccount}, ${management.instance.region})`);
  if (management.failed) return enabledResult(account, "global", account, "unknown", `The management account's ${unreadable(management.failed, "ListInstances")}`);
  if (!management.collected)
    return enabledResult(account, "global", account, "unknown", `The organization's instance is visible only from its management account ${membership.managementAccount}, which was not collected`);
  return enabledResult(account, "global", account, "fail", "Neither the account nor its organization has an Identity Center instance in the collected regions");
}

export const identityCenterEnabled: Check = {
  id: enabledId,
  title: "People sign in through IAM Identity Center (an instance of the account or of its organization)",
  controls: ["5.16", "8.5"],
  soc2: ["CC6.1", "CC6.2"],
  severity: "medium",
  services: ["organizations", "sso"],
  rationale:
    "A.5.16 asks that identities be managed over their whole life cycle; Identity Center gives each person one identity, joined to the company directory, with MFA and short-lived credentials instead of an IAM user per account. " +
    "The organization's instance lives in the management account and serves every member, so a member counts as covered when its management account (per DescribeOrganization) has one.",
  remediation: "Enable IAM Identity Center in the management account's home region, connect the identity provider (or use its directory), require MFA, and move people from IAM users to permission sets.",
  evaluate: (snapshots) => [...new Set(snapshotsOf(snapshots, "sso", "ListInstances").map((s) => s.account))].map((account) => judgeAccount(snapshots, account)),
};

/** A working day: a session that outlives it outlives the person's attention to it. */
const maxSessionHours = 8;
const permissionSetPage = z.object({ PermissionSet: z.object({ Name: z.string().optional(), SessionDuration: z.string().optional() }) });
const permissionSetsPage = z.object({ PermissionSets: z.array(z.string()).default([]) });
const sessionId = "identity-center-session-duration";
const sessionResult = resultsFor(sessionId);

/** Minutes in an ISO 8601 duration of hours, minutes and seconds ("PT8H", "PT1H30M"); undefined otherwise. */
export function durationMinutes(duration: string): number | undefined {
  const match = /^PT(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?$/.exec(duration);
  if (!match || duration === "PT") return undefined;
  return Number(match[1] ?? 0) * 60 + Number(match[2] ?? 0) + Number(match[3] ?? 0) / 60;
}

export const identityCenterSessionDuration: Check = {
  id: sessionId,
  title: `Identity Center permission sets limit sessions to ${maxSessionHours} hours`,
  controls: ["8.2", "8.5"],
  soc2: ["CC6.1"],
  severity: "low",
  services: ["sso"],
  rationale:
    `A.8.5 asks that sessions end when no longer needed, and A.8.2 that privileged access be held only while used; a console or CLI session lasting longer than a working day (${maxSessionHours} hours) stays usable on an unattended laptop or from a stolen token after its owner has gone home. ` +
    "AWS's default is one hour; up to a working day is a defensible choice for daily work.",
  remediation: `Set the permission set's session duration to ${maxSessionHours} hours or less (shorter for administrator sets): IAM Identity Center → Permission sets → Edit, or aws sso-admin update-permission-set --session-duration PT${maxSessionHours}H, then re-provision.`,
  evaluate(snapshots) {
    const described = snapshotsOf(snapshots, "sso", "DescribePermissionSet");
    return snapshotsOf(snapshots, "sso", "ListPermissionSets").flatMap((listing): CheckResult[] => {
      const instance = stringParam(listing, "InstanceArn");
      if (hasFailed(listing)) return [sessionResult(listing.account, listing.region, instance, "unknown", unreadable(listing, "ListPermissionSets"))];
      return readPages(listing, permissionSetsPage).flatMap((page) =>
        page.PermissionSets.map((arn) => {
          const description = described.find((d) => d.account === listing.account && d.region === listing.region && stringParam(d, "PermissionSetArn") === arn);
          const set = isUsable(description) ? readPages(description, permissionSetPage)[0]?.PermissionSet : undefined;
          if (!set) return sessionResult(listing.account, listing.region, arn, "unknown", unreadable(description, "DescribePermissionSet"));
          const name = set.Name ?? arn;
          // AWS's default when none is set is one hour.
          const duration = set.SessionDuration ?? "PT1H";
          const minutes = durationMinutes(duration);
          if (minutes === undefined) return sessionResult(listing.account, listing.region, arn, "unknown", `${name}'s session duration ${duration} could not be read`);
          const long = minutes > maxSessionHours * 60;
          return sessionResult(listing.account, listing.region, arn, long ? "fail" : "pass", `${name}'s sessions last ${duration.slice(2).toLowerCase()}${long ? ` (more than ${maxSessionHours}h)` : ""}`);
        }),
      );
    });
  },
};
