// Check over GuardDuty's detectors: the protection plans that reach beyond the foundational logs are
// on — S3 Protection, Malware Protection for EC2 and Runtime Monitoring (A.8.7, A.8.12, A.8.16).
import { z } from "zod";
import { readPages } from "../snapshot.js";
import type { Check } from "./check.js";
import { resultsFor } from "./check.js";
import { isUsable, snapshotsOf, stringParam, unreadable } from "./snapshot-query.js";

/** The plans a detector must have on, each with the feature names that count for it (Runtime Monitoring superseded EKS Runtime Monitoring). */
export const requiredPlans: readonly { plan: string; features: readonly string[] }[] = [
  { plan: "S3 Protection", features: ["S3_DATA_EVENTS"] },
  { plan: "Malware Protection for EC2", features: ["EBS_MALWARE_PROTECTION"] },
  { plan: "Runtime Monitoring", features: ["RUNTIME_MONITORING", "EKS_RUNTIME_MONITORING"] },
];

const detectorPage = z.object({
  Status: z.string().optional(),
  Features: z.array(z.object({ Name: z.string().optional(), Status: z.string().optional() })).default([]),
});
const checkId = "guardduty-protection-plans";
const result = resultsFor(checkId);

export const guarddutyProtectionPlans: Check = {
  id: checkId,
  title: "GuardDuty detectors have S3 Protection, Malware Protection for EC2 and Runtime Monitoring on",
  controls: ["8.7", "8.12", "8.16"],
  soc2: ["CC6.8", "CC7.1", "CC7.2"],
  severity: "medium",
  services: ["guardduty"],
  rationale:
    "A detector with only its foundational sources sees API calls, flow logs and DNS, not what happens to data or on hosts. S3 Protection watches object-level access for exfiltration (A.8.12), " +
    "Malware Protection for EC2 scans the volumes of instances that behave suspiciously (A.8.7), and Runtime Monitoring watches processes and files on EC2, ECS and EKS (A.8.16). " +
    "A plan costs nothing where there is nothing for it to watch, so each is expected on in every region with a detector.",
  remediation:
    "Turn the plans on for the organization from the GuardDuty delegated administrator (aws guardduty update-organization-configuration with S3_DATA_EVENTS, EBS_MALWARE_PROTECTION and RUNTIME_MONITORING " +
    "set to ALL), and on each existing detector with aws guardduty update-detector --features.",
  evaluate: (snapshots) =>
    snapshotsOf(snapshots, "guardduty", "GetDetector").map((s) => {
      const resource = `arn:aws:guardduty:${s.region}:${s.account}:detector/${stringParam(s, "DetectorId")}`;
      const detector = isUsable(s) ? readPages(s, detectorPage)[0] : undefined;
      if (!detector) return result(s.account, s.region, resource, "unknown", unreadable(s, "GetDetector"));
      if (detector.Status === "DISABLED") return result(s.account, s.region, resource, "fail", "The detector is suspended: no plan runs");
      const enabled = new Set(detector.Features.filter((f) => f.Status === "ENABLED").map((f) => f.Name));
      const off = requiredPlans.filter(({ features }) => !features.some((name) => enabled.has(name))).map(({ plan }) => plan);
      return off.length === 0
        ? result(s.account, s.region, resource, "pass", `On: ${requiredPlans.map(({ plan }) => plan).join(", ")}`)
        : result(s.account, s.region, resource, "fail", `Off: ${off.join(", ")}`);
    }),
};
