// Surveillance rules (8.1, 6.1.3 d): the yearly and quarterly activities on schedule, and the SoA
// published again after the scope changed.
import { dayOf, lookupsOf } from "../lookups.js";
import { defineRule, viaRegisterFile, type ReadinessFinding, type ReadinessRule } from "../rule.js";

export const activitiesOnSchedule = defineRule(
  {
    id: "SV-activities-on-schedule",
    stage: "surveillance",
    severity: "minor",
    basis: "8.1",
    title: "The recurring ISMS activities (access reviews, risk reviews, tests, audits) are planned ahead and none is overdue",
  },
  (snapshot, finding) => {
    const { today } = lookupsOf(snapshot);
    const findings: ReadinessFinding[] = [];
    if (!snapshot.activities.some((a) => a.due > today)) {
      findings.push(
        finding(
          { type: "activity", id: null },
          "No ISMS activity is scheduled after today",
          `Plan the year: quarterly access reviews, the yearly risk review, tests, internal audit and management review: ${viaRegisterFile("activities")}`,
        ),
      );
    }
    for (const a of snapshot.activities.filter((x) => x.due < today && !x.doneAt)) {
      findings.push(finding({ type: "activity", id: a.id }, `${a.title} (${a.id}) was due on ${a.due} and is not done`, `Do it and record when it was done: ${viaRegisterFile("activities")}`));
    }
    return findings;
  },
);

export const soaAfterScopeChange = defineRule(
  {
    id: "SV-soa-after-scope-change",
    stage: "surveillance",
    severity: "minor",
    basis: "6.1.3 d)",
    title: "The SoA was published again after the last change of scope",
  },
  ({ scope, soaVersions }, finding) => {
    const changed = scope?.changedAt ?? scope?.approvedAt ?? null;
    const latest = [...soaVersions].sort((a, b) => b.approvedAt.getTime() - a.approvedAt.getTime())[0];
    if (!changed || !latest || latest.approvedAt.getTime() >= changed.getTime()) return [];
    return [
      finding(
        { type: "soa_version", id: `v${latest.version}` },
        `The scope changed on ${dayOf(changed) ?? "?"}, after SoA v${latest.version} was published on ${dayOf(latest.approvedAt) ?? "?"}`,
        "Review every control's applicability against the new scope and publish the SoA again: isms soa publish --by <person>",
      ),
    ];
  },
);

export const surveillanceRules: readonly ReadinessRule[] = [activitiesOnSchedule, soaAfterScopeChange];
