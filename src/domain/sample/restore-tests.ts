// The backup restore tests an auditor asks for (A.8.13): the calendar's restore-test activities done in
// the period, and restore-test evidence recorded without one, each with the evidence that shows it.
import { covers, type EvidenceSummary } from "./cloudtrail-days.js";
import type { Period, Population, SampleCandidate } from "./model.js";

/** The kind of a restore test, as an activity and as evidence (src/readiness/vocabulary.ts yearlyTests). */
export const restoreTestKind = "backup-restore-test";
const backupControl = "8.13";

export interface DoneActivity {
  id: string;
  title: string;
  doneOn: string;
  /** The evidence named when it was recorded as done (kept in the audit log). */
  evidenceRefs: readonly string[];
}

export interface RestoreTestInput {
  period: Period;
  /** Done activities of the restore-test kind. */
  activities: readonly DoneActivity[];
  /** Restore-test evidence, files attached to A.8.13, and the evidence the activities name. */
  evidence: readonly EvidenceSummary[];
}

const within = (day: string, period: Period) => period.start <= day && day <= period.end;
const dayOf = (e: EvidenceSummary) => e.periodEnd ?? e.collectedOn;

const provideHint = "provide the restore report (what was restored, from which backup, when, the result and the time it took)";

/** The restore tests of the period: activities first, then restore-test evidence no activity names. */
export function restoreTestPopulation(input: RestoreTestInput): Population {
  const byId = new Map(input.evidence.map((e) => [e.id, e]));
  const isRestoreEvidence = (e: EvidenceSummary) => e.kind === restoreTestKind || (e.sourceKind === "upload" && e.controlIds.includes(backupControl));
  const claimed = new Set<string>();
  const fromActivities = input.activities
    .filter((a) => within(a.doneOn, input.period))
    .map((a): SampleCandidate => {
      const named = a.evidenceRefs.filter((ref) => byId.has(ref));
      const sameDay = input.evidence.filter((e) => isRestoreEvidence(e) && covers(e, a.doneOn)).map((e) => e.id);
      const evidenceIds = [...new Set([...named, ...sameDay])];
      for (const id of evidenceIds) claimed.add(id);
      return {
        key: a.id,
        on: a.doneOn,
        item: `Backup restore test ${a.id} (${a.title}) done on ${a.doneOn}`,
        evidenceIds,
        records: [{ register: "activities", id: a.id }],
        answered: evidenceIds.length > 0,
        note: evidenceIds.length ? `Recorded as done on ${a.doneOn}` : `${a.id} was recorded as done on ${a.doneOn} with no evidence: ${provideHint}`,
      };
    });
  const fromEvidence = input.evidence
    .filter((e) => e.kind === restoreTestKind && within(dayOf(e), input.period) && !claimed.has(e.id))
    .map((e): SampleCandidate => ({
      key: e.id,
      on: dayOf(e),
      item: `Backup restore test recorded as ${e.id}${e.title ? ` (${e.title})` : ""} on ${dayOf(e)}`,
      evidenceIds: [e.id],
      records: [],
      answered: true,
      note: `Evidence ${e.id} of ${dayOf(e)}`,
    }));
  return {
    kind: "restores",
    candidates: [...fromActivities, ...fromEvidence],
    from: "the calendar's done restore tests and restore-test evidence",
    whenEmpty: {
      item: `The last backup restore test before ${input.period.end}`,
      evidenceIds: [],
      records: [],
      answered: false,
      note: `No backup restore test is recorded from ${input.period.start} to ${input.period.end}: ${provideHint}; record the test with isms calendar done <activity> --on <day>`,
    },
  };
}
