// The CloudTrail trails a run saw, once each: DescribeTrails lists a multi-Region trail in every region
// and an organization trail in every member, so the checks that judge a trail read them by ARN here.
import { z } from "zod";
import { readPages } from "../snapshot.js";
import type { Snapshot } from "../snapshot.js";
import { accountsIn, hasFailed, isUsable, snapshotsOf, stringParam, unreadable } from "./snapshot-query.js";

export const trailSchema = z.object({
  TrailARN: z.string(),
  Name: z.string().optional(),
  HomeRegion: z.string().optional(),
  IsMultiRegionTrail: z.boolean().optional(),
  IsOrganizationTrail: z.boolean().optional(),
  KmsKeyId: z.string().optional(),
  CloudWatchLogsLogGroupArn: z.string().optional(),
});
export type Trail = z.infer<typeof trailSchema>;
export const trailsPage = z.object({ trailList: z.array(trailSchema).default([]) });

/** A trail with the account that owns it and its home region, both read from its ARN. */
export interface SeenTrail {
  trail: Trail;
  owner: string;
  home: string;
}

export const arnAccount = (arn: string): string => arn.split(":")[4] ?? "";
const arnRegion = (arn: string): string => arn.split(":")[3] ?? "";

/** Every trail in any readable DescribeTrails snapshot, one per ARN, in first-seen order. */
export function seenTrails(snapshots: readonly Snapshot[]): SeenTrail[] {
  const byArn = new Map<string, SeenTrail>();
  for (const s of snapshotsOf(snapshots, "cloudtrail", "DescribeTrails").filter(isUsable))
    for (const trail of readPages(s, trailsPage).flatMap((p) => p.trailList))
      if (!byArn.has(trail.TrailARN)) byArn.set(trail.TrailARN, { trail, owner: arnAccount(trail.TrailARN), home: trail.HomeRegion ?? arnRegion(trail.TrailARN) });
  return [...byArn.values()];
}

/** The trails `account` sees in any region (its own, and an organization trail of the management account). */
export function trailsVisibleTo(snapshots: readonly Snapshot[], account: string): Trail[] {
  const own = snapshots.filter((s) => s.account === account);
  return seenTrails(snapshotsOf(own, "cloudtrail", "DescribeTrails")).map((t) => t.trail);
}

/** Accounts none of whose DescribeTrails requests could be read (a disabled region aside), with why. */
export function unreadableTrailAccounts(snapshots: readonly Snapshot[]): { account: string; detail: string }[] {
  const described = snapshotsOf(snapshots, "cloudtrail", "DescribeTrails").filter((s) => s.error?.kind !== "region-disabled");
  return accountsIn(described).flatMap((account) => {
    const mine = described.filter((s) => s.account === account);
    return mine.some(isUsable) ? [] : [{ account, detail: unreadable(mine.find(hasFailed), "DescribeTrails") }];
  });
}

/** The snapshot of a per-trail request (GetTrailStatus, GetEventSelectors) asked about `arn`, from any account. */
export function trailSnapshot(snapshots: readonly Snapshot[], operation: string, param: string, arn: string): Snapshot | undefined {
  return snapshotsOf(snapshots, "cloudtrail", operation).find((s) => stringParam(s, param) === arn);
}

/** Why a per-trail request cannot be read; a trail another account owns is asked about by its owner only. */
export function unreadableTrailRequest(asked: Snapshot | undefined, operation: string, owner: string): string {
  return asked ? unreadable(asked, operation) : `${operation} was not collected (account ${owner} owns the trail and is asked about it)`;
}
