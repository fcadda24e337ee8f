// Stage 2 rules on operation (8.1, Annex A): the yearly backup restore, incident response and disaster
// recovery tests, and the review of critical suppliers.
import { dayOf, lookupsOf, withinYear } from "../lookups.js";
import { defineRule, viaRegisterFile, type ReadinessFinding, type ReadinessRule } from "../rule.js";
import { criticalSupplier, yearlyTests } from "../vocabulary.js";

export const yearlyTestsDone = defineRule(
  {
    id: "S2-continuity-tests",
    stage: "stage2",
    severity: "minor",
    basis: "A.8.13, A.5.24, A.5.30",
    title: "A backup restore test, an incident response test and a disaster recovery test were done within the last 12 months",
  },
  (snapshot, finding) => {
    const lookups = lookupsOf(snapshot);
    const done = (kind: string) =>
      snapshot.activities.some((a) => a.kind === kind && withinYear(dayOf(a.doneAt), lookups)) ||
      snapshot.evidence.some((e) => e.kind === kind && withinYear(dayOf(e.collectedAt), lookups));
    return yearlyTests
      .filter((test) => !done(test.kind))
      .map((test) =>
        finding(
          { type: "activity", id: null },
          `No ${test.name} was done in the last 12 months (${test.basis})`,
          `Run one and keep its record, as a done activity or as evidence of kind ${test.kind}: ${viaRegisterFile("activities")}`,
        ),
      );
  },
);

export const criticalSuppliersReviewed = defineRule(
  {
    id: "S2-critical-suppliers-reviewed",
    stage: "stage2",
    severity: "minor",
    basis: "A.5.22",
    title: "Every critical supplier's security was reviewed within the last 12 months, and no review is overdue",
  },
  (snapshot, finding) => {
    const lookups = lookupsOf(snapshot);
    const findings: ReadinessFinding[] = [];
    for (const s of snapshot.suppliers.filter((x) => x.criticality === criticalSupplier)) {
      const entity = { type: "supplier", id: s.id };
      const fix = `Review their security (certificates, reports, incidents, contract) and record the dates: ${viaRegisterFile("suppliers")}`;
      if (!withinYear(s.lastReview, lookups)) {
        const when = s.lastReview ? `was last reviewed on ${s.lastReview}` : "has never been reviewed";
        findings.push(finding(entity, `Critical supplier ${s.id} (${s.name}) ${when}`, fix));
      } else if (s.nextReview && s.nextReview < lookups.today) {
        findings.push(finding(entity, `The review of critical supplier ${s.id} (${s.name}) was due on ${s.nextReview}`, fix));
      }
    }
    return findings;
  },
);

export const operationRules: readonly ReadinessRule[] = [yearlyTestsDone, criticalSuppliersReviewed];
