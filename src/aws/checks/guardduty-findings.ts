// Check over GuardDuty's findings: no high or critical finding stays open (not archived) longer than a
// week — evidence that threat information is acted on (A.5.7, A.5.25, A.8.16).
import { z } from "zod";
import { readPages } from "../snapshot.js";
import type { Snapshot } from "../snapshot.js";
import type { Check, CheckResult } from "./check.js";
import { resultsFor } from "./check.js";
import { isUsable, snapshotsOf, stringParam, unreadable } from "./snapshot-query.js";

/** Days a high-severity finding may stay open before it counts as not triaged. */
export const triageDays = 7;
const dayMs = 86_400_000;

const idsPage = z.object({ FindingIds: z.array(z.string()).default([]) });
const findingsPage = z.object({
  Findings: z
    .array(
      z.object({
        Id: z.string(),
        Arn: z.string().optional(),
        Type: z.string().optional(),
        Title: z.string().optional(),
        Severity: z.number(),
        CreatedAt: z.coerce.date(),
        Service: z.object({ Archived: z.boolean().optional() }).optional(),
      }),
    )
    .default([]),
});
const checkId = "guardduty-findings-triaged";
const result = resultsFor(checkId);

const idsParam = (s: Snapshot): string[] => {
  const ids = s.params.FindingIds;
  return Array.isArray(ids) ? ids.filter((id): id is string => typeof id === "string") : [];
};

/** The results for one detector: one per open high-severity finding, or one for the detector when it has none. */
function detectorResults(listed: Snapshot, fetched: readonly Snapshot[]): CheckResult[] {
  const { account, region } = listed;
  const detectorArn = `arn:aws:guardduty:${region}:${account}:detector/${stringParam(listed, "DetectorId")}`;
  if (!isUsable(listed)) return [result(account, region, detectorArn, "unknown", unreadable(listed, "ListFindings"))];
  const ids = readPages(listed, idsPage).flatMap((p) => p.FindingIds);
  if (ids.length === 0) return [result(account, region, detectorArn, "pass", "No open high-severity finding")];
  return ids.map((id) => {
    const batch = fetched.find((s) => idsParam(s).includes(id));
    const finding = batch && isUsable(batch) ? readPages(batch, findingsPage).flatMap((p) => p.Findings).find((f) => f.Id === id) : undefined;
    if (!batch || !finding) return result(account, region, `${detectorArn}/finding/${id}`, "unknown", unreadable(batch, "GetFindings"));
    const resource = finding.Arn ?? `${detectorArn}/finding/${id}`;
    if (finding.Severity < 7 || finding.Service?.Archived === true) return result(account, region, resource, "not-applicable", "Archived or below high severity");
    const days = Math.floor((Date.parse(batch.collectedAt) - finding.CreatedAt.getTime()) / dayMs);
    const what = `${finding.Type ?? finding.Title ?? "Finding"} (severity ${finding.Severity})`;
    return days > triageDays
      ? result(account, region, resource, "fail", `${what} open ${days} days, longer than ${triageDays}`)
      : result(account, region, resource, "pass", `${what} open ${days} days, within ${triageDays}`);
  });
}

export const guarddutyFindingsTriaged: Check = {
  id: checkId,
  title: `GuardDuty's high-severity findings are triaged within ${triageDays} days`,
  controls: ["5.7", "5.25", "8.16"],
  soc2: ["CC7.2", "CC7.3", "CC7.4"],
  severity: "high",
  services: ["guardduty"],
  rationale:
    "A.5.25 asks that security events be assessed and a decision taken on each; a high-severity GuardDuty finding (7 or more) that nobody has archived after a week means the alerts " +
    "reach no one, or no one acts on them, and A.5.7's threat intelligence is gathered without being used.",
  remediation:
    "Investigate the finding: contain the resource if it is a true positive and open an incident, or archive it with a note (and a suppression rule for a known benign pattern). " +
    "Route GuardDuty findings through EventBridge to the on-call channel so that high-severity ones are seen the day they appear.",
  evaluate(snapshots) {
    const fetched = snapshotsOf(snapshots, "guardduty", "GetFindings");
    return snapshotsOf(snapshots, "guardduty", "ListFindings").flatMap((listed) =>
      detectorResults(
        listed,
        fetched.filter((s) => s.account === listed.account && s.region === listed.region && stringParam(s, "DetectorId") === stringParam(listed, "DetectorId")),
      ),
    );
  },
};
