// Check over KMS: customer managed symmetric keys rotate their key material yearly (A.8.24).
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
