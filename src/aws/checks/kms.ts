// Checks over KMS: customer managed symmetric keys rotate their key material yearly (A.8.24), and
// no customer managed key is on its way to deletion unreviewed (A.8.10, A.8.24).
import { z } from "zod";
import { readPages } from "../snapshot.js";
import type { Check } from "./check.js";
import { resultsFor } from "./check.js";
import { isUsable, snapshotsOf, stringParam, unreadable } from "./snapshot-query.js";

const keyMetadata = z.object({
  KeyMetadata: z.object({ KeyId: z.string(), Arn: z.string().optional(), KeyManager: z.string().optional(), KeySpec: z.string().optional(), KeyState: z.string().optional() }),
});
const rotationPage = z.object({ KeyRotationEnabled: z.boolean().optional() });
const checkId = "kms-key-rotation";
const result = resultsFor(checkId);

export const kmsKeyRotation: Check = {
  id: checkId,
  title: "Customer managed KMS keys rotate automatically",
  controls: ["8.24"],
  soc2: ["CC6.1", "CC6.7"],
  severity: "medium",
  services: ["kms"],
  rationale: "A.8.24 asks for rules on the key life cycle; automatic rotation limits how much data one key version protects. AWS managed keys rotate by themselves.",
  remediation: "Enable automatic rotation on the key (aws kms enable-key-rotation), optionally with a rotation period shorter than a year.",
  evaluate(snapshots) {
    const rotations = snapshotsOf(snapshots, "kms", "GetKeyRotationStatus");
    return snapshotsOf(snapshots, "kms", "DescribeKey").flatMap((described) => {
      const metadata = readPages(described, keyMetadata)[0]?.KeyMetadata;
      const keyId = stringParam(described, "KeyId");
      if (!metadata) return [result(described.account, described.region, keyId, "unknown", unreadable(described, "DescribeKey"))];
      const rotatable = metadata.KeyManager === "CUSTOMER" && (metadata.KeySpec ?? "SYMMETRIC_DEFAULT") === "SYMMETRIC_DEFAULT" && metadata.KeyState !== "PendingDeletion";
      if (!rotatable) return [];
      const resource = metadata.Arn ?? keyId;
      const rotation = rotations.find((r) => r.account === described.account && r.region === described.region && stringParam(r, "KeyId") === keyId);
      if (!isUsable(rotation)) return [result(described.account, described.region, resource, "unknown", unreadable(rotation, "GetKeyRotationStatus"))];
      const enabled = readPages(rotation, rotationPage)[0]?.KeyRotationEnabled === true;
      return [result(described.account, described.region, resource, enabled ? "pass" : "fail", enabled ? "Automatic rotation is on" : "Automatic rotation is off")];
    });
  },
};

const deletionMetadata = z.object({
  KeyMetadata: z.object({ KeyId: z.string(), Arn: z.string().optional(), KeyManager: z.string().optional(), KeyState: z.string().optional(), DeletionDate: z.coerce.date().optional() }),
});
const pendingStates = new Set(["PendingDeletion", "PendingReplicaDeletion"]);
const dayMs = 86_400_000;
const deletionId = "kms-keys-pending-deletion";
const deletionResult = resultsFor(deletionId);

export const kmsKeysPendingDeletion: Check = {
  id: deletionId,
  title: "No customer managed KMS key is scheduled for deletion",
  controls: ["8.10", "8.24"],
  soc2: ["CC6.1", "A1.2"],
  severity: "high",
  services: ["kms"],
  rationale:
    "Deleting a KMS key makes everything encrypted under it unreadable for good, backups and snapshots included: done on purpose it is a way of deleting information (A.8.10), " +
    "done by mistake or by an attacker it destroys data. KMS waits 7 to 30 days before deleting; each scheduled key should be reviewed in that window (FSBP KMS.3).",
  remediation:
    "Confirm with the key's owner that no data, backup or service still needs the key (CloudTrail shows its recent use); if one does, cancel the deletion (aws kms cancel-key-deletion) " +
    "and re-enable the key. Alarm on ScheduleKeyDeletion events.",
  evaluate(snapshots) {
    return snapshotsOf(snapshots, "kms", "DescribeKey").flatMap((described) => {
      const metadata = readPages(described, deletionMetadata)[0]?.KeyMetadata;
      const keyId = stringParam(described, "KeyId");
      if (!metadata) return [deletionResult(described.account, described.region, keyId, "unknown", unreadable(described, "DescribeKey"))];
      if (metadata.KeyManager !== "CUSTOMER") return [];
      const resource = metadata.Arn ?? keyId;
      if (!pendingStates.has(metadata.KeyState ?? "")) return [deletionResult(described.account, described.region, resource, "pass", "The key is not scheduled for deletion")];
      const when = metadata.DeletionDate;
      const days = when ? Math.ceil((when.getTime() - Date.parse(described.collectedAt)) / dayMs) : undefined;
      const detail = when ? `Scheduled for deletion on ${when.toISOString().slice(0, 10)} (in ${days} days)` : "Scheduled for deletion";
      return [deletionResult(described.account, described.region, resource, "fail", detail)];
    });
  },
};
