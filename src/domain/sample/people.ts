// The joiners and leavers an auditor samples: joiners of the period with their awareness training
// (A.6.3; 7.3), leavers of the period with their leaving date and what still names them (A.5.11, A.5.18, A.6.5).
import { daysBetween } from "../calendar/days.js";
import type { Period, Population, RecordRef, SampleCandidate } from "./model.js";

export interface SampledPerson {
  id: string;
  name: string;
  startDate: string | null;
  endDate: string | null;
}

export interface AwarenessRecord {
  id: string;
  personId: string;
  courseId: string;
  completedOn: string;
  /** Where the proof is: an evidence id (E-012) or free text (an LMS reference). */
  evidenceRef: string | null;
}

const within = (day: string | null, period: Period): day is string => day !== null && period.start <= day && day <= period.end;
const person = (p: SampledPerson): RecordRef => ({ register: "people", id: p.id });

export interface JoinerInput {
  period: Period;
  people: readonly SampledPerson[];
  /** Completions of awareness courses. */
  awareness: readonly AwarenessRecord[];
  /** The workspace's evidence ids that training records may name. */
  evidenceIds: ReadonlySet<string>;
}

/** Everyone whose start date falls in the period, with their awareness training. */
export function joinerPopulation(input: JoinerInput): Population {
  const candidates = input.people.flatMap((p): SampleCandidate[] => {
    if (!within(p.startDate, input.period)) return [];
    const start = p.startDate;
    const records = input.awareness.filter((r) => r.personId === p.id).sort((a, b) => a.completedOn.localeCompare(b.completedOn));
    const first = records.find((r) => r.completedOn >= start) ?? records.at(-1);
    const evidenceIds = [...new Set(records.flatMap((r) => (r.evidenceRef && input.evidenceIds.has(r.evidenceRef) ? [r.evidenceRef] : [])))];
    const when = first ? daysBetween(start, first.completedOn) : 0;
    const timing = when >= 0 ? `${when} day(s) after joining` : `${-when} day(s) before joining`;
    return [
      {
        key: p.id,
        on: start,
        item: `${p.name} (${p.id}), joined ${start}`,
        evidenceIds,
        records: [person(p), ...records.map((r) => ({ register: "training_records", id: r.id }))],
        answered: first !== undefined,
        note: first
          ? `Awareness training ${first.courseId} completed ${first.completedOn}, ${timing} (${first.id}${first.evidenceRef ? `, proof: ${first.evidenceRef}` : ""})`
          : `No awareness training is recorded for ${p.name}: record it with isms training record --person ${p.id} --course <course> --completed <day>, or provide the certificate`,
      },
    ];
  });
  return {
    kind: "joiners",
    candidates,
    from: "the people register's start dates",
    whenEmpty: {
      item: `Joiners from ${input.period.start} to ${input.period.end}`,
      evidenceIds: [],
      records: [],
      answered: false,
      note: "No one in the people register started in the period: provide the HR list of joiners for the period (or import it with isms people import)",
    },
  };
}

export interface LeaverInput {
  period: Period;
  people: readonly SampledPerson[];
  /** What still names each person as owner or approver: "R-006". */
  stillOwns: ReadonlyMap<string, readonly string[]>;
}

/** Everyone whose leaving date falls in the period. The register says when; proof of the exit must be provided. */
export function leaverPopulation(input: LeaverInput): Population {
  const candidates = input.people.flatMap((p): SampleCandidate[] => {
    if (!within(p.endDate, input.period)) return [];
    const owns = input.stillOwns.get(p.id) ?? [];
    const ownership = owns.length ? `; they still own ${owns.length} open item(s) to reassign: ${owns.join(", ")}` : "";
    return [
      {
        key: p.id,
        on: p.endDate,
        item: `${p.name} (${p.id}), left ${p.endDate}`,
        evidenceIds: [],
        records: [person(p)],
        answered: false,
        note: `The people register records the leaving date ${p.endDate}${ownership}. Provide the offboarding record: accounts disabled (identity provider, AWS, code host) and assets returned, with their dates`,
      },
    ];
  });
  return {
    kind: "leavers",
    candidates,
    from: "the people register's leaving dates",
    whenEmpty: {
      item: `Leavers from ${input.period.start} to ${input.period.end}`,
      evidenceIds: [],
      records: [],
      answered: false,
      note: "No one in the people register left in the period: provide the HR list of leavers for the period to confirm it",
    },
  };
}
