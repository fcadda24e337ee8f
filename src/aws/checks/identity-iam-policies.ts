// Checks over IAM policies: no attached customer managed policy grants every action on every
// resource (A.8.2), and users get their permissions through groups or roles, not directly (A.5.15, A.5.18).
import { z } from "zod";
import { readPages } from "../snapshot.js";
import type { Snapshot } from "../snapshot.js";
import type { Check, CheckResult } from "./check.js";
import { resultsFor } from "./check.js";
import { accountsIn, accountSnapshot, hasFailed, isUsable, snapshotsOf, stringParam, unreadable } from "./snapshot-query.js";

const oneOrMany = z.union([z.string(), z.array(z.string())]).transform((v) => (Array.isArray(v) ? v : [v]));
const statement = z.object({ Effect: z.string(), Action: oneOrMany.optional(), Resource: oneOrMany.optional() });
const policyDocument = z.object({ Statement: z.union([statement, z.array(statement)]).transform((v) => (Array.isArray(v) ? v : [v])) });
const versionPage = z.object({ PolicyVersion: z.object({ Document: z.string() }) });
const policiesPage = z.object({ Policies: z.array(z.object({ Arn: z.string(), PolicyName: z.string().optional(), DefaultVersionId: z.string() })).default([]) });

/** IAM returns policy documents URL-encoded (RFC 3986); undefined when the text is not a policy. */
export function parsePolicyDocument(encoded: string): z.infer<typeof policyDocument> | undefined {
  try {
    const parsed = policyDocument.safeParse(JSON.parse(decodeURIComponent(encoded)));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

/** An Allow of action "*" on resource "*", conditions or not (as FSBP IAM.1 and CIS 1.16 judge it). */
const grantsEverything = (s: z.infer<typeof statement>): boolean => s.Effect === "Allow" && (s.Action ?? []).includes("*") && (s.Resource ?? []).includes("*");

const fullAdminId = "iam-policy-no-full-admin";
const fullAdminResult = resultsFor(fullAdminId);

export const iamPolicyNoFullAdmin: Check = {
  id: fullAdminId,
  title: 'No attached customer managed IAM policy allows "*" on "*"',
  controls: ["8.2"],
  soc2: ["CC6.1", "CC6.3"],
  severity: "high",
  services: ["iam"],
  rationale:
    'A.8.2 asks that privileged access be granted only as needed and to whom it is allocated; a home-made policy allowing every action on every resource is administrator access under a name that hides it (CIS AWS Foundations 1.16, FSBP IAM.1). ' +
    "AWS's own AdministratorAccess, attached knowingly, is visible as such and is not judged here.",
  remediation: "Replace the statement with the actions and resources the policy's users need (IAM Access Analyzer can generate a policy from CloudTrail activity); if full access is truly meant, attach AdministratorAccess to a role with a recorded owner instead.",
  evaluate(snapshots) {
    const versions = snapshotsOf(snapshots, "iam", "GetPolicyVersion");
    return snapshotsOf(snapshots, "iam", "ListPolicies").flatMap((listing): CheckResult[] => {
      if (hasFailed(listing)) return [fullAdminResult(listing.account, "global", listing.account, "unknown", unreadable(listing, "ListPolicies"))];
      return readPages(listing, policiesPage).flatMap((page) =>
        page.Policies.map(({ Arn, PolicyName, DefaultVersionId }) => {
          const name = PolicyName ?? Arn;
          const version = versions.find((v) => v.account === listing.account && stringParam(v, "PolicyArn") === Arn && stringParam(v, "VersionId") === DefaultVersionId);
          const encoded = isUsable(version) ? readPages(version, versionPage)[0]?.PolicyVersion.Document : undefined;
          const document = encoded === undefined ? undefined : parsePolicyDocument(encoded);
          if (!document) return fullAdminResult(listing.account, "global", Arn, "unknown", version?.error || !version ? unreadable(version, "GetPolicyVersion") : `${name}'s document could not be read`);
          const everything = document.Statement.some(grantsEverything);
          return fullAdminResult(listing.account, "global", Arn, everything ? "fail" : "pass", everything ? `${name} allows every action on every resource` : `${name} does not allow "*" on "*"`);
        }),
      );
    });
  },
};

const attachedPage = z.object({ AttachedPolicies: z.array(z.object({ PolicyName: z.string().optional(), PolicyArn: z.string() })).default([]) });
const inlinePage = z.object({ PolicyNames: z.array(z.string()).default([]) });
const directId = "iam-user-no-direct-policies";
const directResult = resultsFor(directId);

const usersPage = z.object({ Users: z.array(z.object({ UserName: z.string(), Arn: z.string().optional() })).default([]) });

/** A user's ARN as ListUsers gave it (with its path), or built from the name. */
function userArn(snapshots: readonly Snapshot[], account: string, user: string): string {
  const users = accountSnapshot(snapshots, account, "iam", "ListUsers");
  const listed = users ? readPages(users, usersPage).flatMap((p) => p.Users).find((u) => u.UserName === user) : undefined;
  return listed?.Arn ?? `arn:aws:iam::${account}:user/${user}`;
}

/** One result per user whose attached policies were listed; the inline listing of the same user completes it. */
function judgeUser(snapshots: readonly Snapshot[], attached: Snapshot, inlines: readonly Snapshot[]): CheckResult {
  const user = stringParam(attached, "UserName");
  const resource = userArn(snapshots, attached.account, user);
  const inline = inlines.find((s) => s.account === attached.account && stringParam(s, "UserName") === user);
  if (hasFailed(attached)) return directResult(attached.account, "global", resource, "unknown", unreadable(attached, "ListAttachedUserPolicies"));
  if (!isUsable(inline)) return directResult(attached.account, "global", resource, "unknown", unreadable(inline, "ListUserPolicies"));
  const managed = readPages(attached, attachedPage).flatMap((p) => p.AttachedPolicies.map((a) => a.PolicyName ?? a.PolicyArn));
  const embedded = readPages(inline, inlinePage).flatMap((p) => p.PolicyNames);
  if (managed.length === 0 && embedded.length === 0) return directResult(attached.account, "global", resource, "pass", `${user} has no policy of their own`);
  const parts = [...(managed.length > 0 ? [`attached: ${managed.join(", ")}`] : []), ...(embedded.length > 0 ? [`inline: ${embedded.join(", ")}`] : [])];
  return directResult(attached.account, "global", resource, "fail", `${user} has policies of their own (${parts.join("; ")})`);
}

export const iamUserNoDirectPolicies: Check = {
  id: directId,
  title: "IAM users get their permissions through groups or roles, not policies of their own",
  controls: ["5.15", "5.18"],
  soc2: ["CC6.1", "CC6.2", "CC6.3"],
  severity: "low",
  services: ["iam"],
  rationale:
    "A.5.15 asks for access rules by role and A.5.18 for rights that can be reviewed and removed; permissions attached to one user escape both, because nobody reviews them with the role and they stay when the person moves (CIS AWS Foundations 1.15).",
  remediation: "Put the user in a group that carries the policy (or, for people, move them to IAM Identity Center), then detach the user's managed policies and delete their inline ones.",
  evaluate(snapshots) {
    const unreadableAccounts = accountsIn(snapshots).flatMap((account) => {
      const users = accountSnapshot(snapshots, account, "iam", "ListUsers");
      return users && hasFailed(users) ? [directResult(account, "global", account, "unknown", unreadable(users, "ListUsers"))] : [];
    });
    const inlines = snapshotsOf(snapshots, "iam", "ListUserPolicies");
    return [...unreadableAccounts, ...snapshotsOf(snapshots, "iam", "ListAttachedUserPolicies").map((attached) => judgeUser(snapshots, attached, inlines))];
  },
};
