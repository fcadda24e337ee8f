// Checks over EBS: new volumes encrypted by default in every region (A.8.24), and no snapshot the
// account owns restorable by anyone (A.8.12, A.8.3).
import { z } from "zod";
import { readPages } from "../snapshot.js";
import type { Check } from "./check.js";
import { resultsFor } from "./check.js";
import { sibling, unreadableRegion } from "./regional-listing.js";
import { hasFailed, isUsable, snapshotsOf, unreadable } from "./snapshot-query.js";

const encryptionPage = z.object({ EbsEncryptionByDefault: z.boolean().optional() });
const defaultEncryptionId = "ec2-ebs-default-encryption";
const defaultEncryptionResult = resultsFor(defaultEncryptionId);

export const ec2EbsDefaultEncryption: Check = {
  id: defaultEncryptionId,
  title: "EBS encryption by default is on in every collected region",
  controls: ["8.24"],
  soc2: ["CC6.1"],
  severity: "medium",
  services: ["ec2"],
  rationale:
    "With encryption by default, every new EBS volume and snapshot in the region is encrypted whoever creates it and however; without it, encryption depends on each " +
    "template and console click. It is a regional setting, off until turned on, so an unused region is where an unencrypted volume appears unnoticed (A.8.24).",
  remediation: "Turn on EBS encryption by default in every region (aws ec2 enable-ebs-encryption-by-default), optionally with a customer managed KMS key; existing volumes are re-encrypted by snapshot and copy.",
  evaluate: (snapshots) =>
    snapshotsOf(snapshots, "ec2", "GetEbsEncryptionByDefault").flatMap((s) => {
      if (hasFailed(s)) return unreadableRegion(defaultEncryptionResult, s, "GetEbsEncryptionByDefault");
      const on = readPages(s, encryptionPage)[0]?.EbsEncryptionByDefault === true;
      return [defaultEncryptionResult(s.account, s.region, `${s.account}/${s.region}`, on ? "pass" : "fail", on ? "EBS encryption by default is on" : "EBS encryption by default is off")];
    }),
};

const snapshotsPage = z.object({ Snapshots: z.array(z.object({ SnapshotId: z.string(), Encrypted: z.boolean().optional(), Description: z.string().optional() })).default([]) });
const publicSnapshotsId = "ec2-snapshot-not-public";
const publicSnapshotsResult = resultsFor(publicSnapshotsId);

/** The listing of all the account's snapshots has no RestorableByUserIds; the public one has ["all"]. */
const isPublicListing = (params: Record<string, unknown>): boolean => Array.isArray(params.RestorableByUserIds) && params.RestorableByUserIds.includes("all");

export const ec2SnapshotNotPublic: Check = {
  id: publicSnapshotsId,
  title: "No EBS snapshot the account owns is public",
  controls: ["8.12", "8.3"],
  soc2: ["CC6.1", "CC6.7"],
  severity: "critical",
  services: ["ec2"],
  rationale:
    "Anyone with an AWS account can create a volume from a public snapshot and read the whole disk: databases, keys, customer files. Public snapshots are a known, " +
    "actively searched source of leaks, and sharing a disk with the world is never the way to hand data to a vendor (A.8.12 data leakage prevention).",
  remediation:
    "Remove the public permission (aws ec2 modify-snapshot-attribute --attribute createVolumePermission --operation-type remove --group-names all), share with named accounts instead, " +
    "and turn on EBS snapshot block public access in every region.",
  evaluate: (snapshots) =>
    snapshotsOf(snapshots, "ec2", "DescribeSnapshots")
      .filter((s) => !isPublicListing(s.params))
      .flatMap((owned) => {
        if (hasFailed(owned)) return unreadableRegion(publicSnapshotsResult, owned, "DescribeSnapshots");
        const publicListing = sibling(snapshots, owned, "ec2", "DescribeSnapshots", (s) => isPublicListing(s.params));
        return readPages(owned, snapshotsPage).flatMap((p) => p.Snapshots).map((snap) => {
          const arn = `arn:aws:ec2:${owned.region}::snapshot/${snap.SnapshotId}`;
          if (!isUsable(publicListing)) return publicSnapshotsResult(owned.account, owned.region, arn, "unknown", unreadable(publicListing, "DescribeSnapshots (restorable by all)"));
          const isPublic = readPages(publicListing, snapshotsPage).some((p) => p.Snapshots.some((s) => s.SnapshotId === snap.SnapshotId));
          const what = `${snap.Encrypted ? "Encrypted" : "Unencrypted"} snapshot${snap.Description ? ` "${snap.Description}"` : ""}`;
          return isPublic
            ? publicSnapshotsResult(owned.account, owned.region, arn, "fail", `${what} is public: any AWS account can create a volume from it`)
            : publicSnapshotsResult(owned.account, owned.region, arn, "pass", `${what} is not public`);
        });
      }),
};
