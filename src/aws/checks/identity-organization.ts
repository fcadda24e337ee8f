// Which organization an account belongs to, as its own DescribeOrganization answered: the checks
// that let one account's setup cover another (an organization's analyzer, its Identity Center
// instance, its SCPs) only count it for accounts shown to be in the same organization.
import { z } from "zod";
import { readPages } from "../snapshot.js";
import type { Snapshot } from "../snapshot.js";
import { accountSnapshot, isUsable, unreadable } from "./snapshot-query.js";

export type Membership =
  | { kind: "member"; organizationId: string; organizationArn: string; managementAccount: string; featureSet: string | undefined }
  | { kind: "standalone" }
  | { kind: "unknown"; reason: string };

const organizationPage = z.object({
  Organization: z.object({ Id: z.string(), Arn: z.string().optional(), MasterAccountId: z.string(), FeatureSet: z.string().optional() }),
});

/** "standalone" when Organizations answered that the account is in none (AWSOrganizationsNotInUseException). */
export function membershipOf(snapshots: readonly Snapshot[], account: string): Membership {
  const described = accountSnapshot(snapshots, account, "organizations", "DescribeOrganization");
  if (!isUsable(described)) return { kind: "unknown", reason: unreadable(described, "DescribeOrganization") };
  if (described.error) return { kind: "standalone" };
  const organization = readPages(described, organizationPage)[0]?.Organization;
  if (!organization) return { kind: "unknown", reason: "DescribeOrganization returned no organization" };
  return {
    kind: "member",
    organizationId: organization.Id,
    organizationArn: organization.Arn ?? organization.Id,
    managementAccount: organization.MasterAccountId,
    featureSet: organization.FeatureSet,
  };
}

/** True when both accounts said they belong to the same organization. */
export function inSameOrganization(snapshots: readonly Snapshot[], a: string, b: string): boolean {
  const first = membershipOf(snapshots, a);
  const second = membershipOf(snapshots, b);
  return first.kind === "member" && second.kind === "member" && first.organizationId === second.organizationId;
}
