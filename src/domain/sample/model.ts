// The auditor's sample: the kinds of item a Stage 2 or surveillance auditor samples, what each is asked
// for, and the shapes a population, a drawn sample and its evidence requests take. Pure data.

export const auditKinds = ["stage1", "stage2", "surveillance"] as const;
export type AuditKind = (typeof auditKinds)[number];

export const requestStatuses = ["open", "provided", "accepted"] as const;
export type RequestStatus = (typeof requestStatuses)[number];

export const sampleKinds = ["users", "days", "restores", "joiners", "leavers"] as const;
export type SampleKind = (typeof sampleKinds)[number];
export type SampleSizes = Record<SampleKind, number>;

export interface SampleKindSpec {
  kind: SampleKind;
  /** The request's topic (evidence_requests.topic). */
  topic: string;
  title: string;
  defaultSize: number;
  /** random: a draw from the seed; latest: the most recent ones, as an auditor asks for "the last restore test". */
  rule: "random" | "latest";
  /** The Annex A controls the request tests. */
  controlIds: readonly string[];
  question: string;
}

/**
 * What an auditor commonly samples at Stage 2 (the sizes are the defaults `--size` changes): 25 IAM users
 * for authentication and access (A.5.17, A.5.18, A.8.5), three days of logging (A.8.15, A.8.16), the last
 * restore test (A.8.13), five joiners' awareness training (A.6.3; 7.3) and five leavers' exits (A.5.11, A.5.18, A.6.5).
 */
export const sampleKindSpecs: readonly SampleKindSpec[] = [
  {
    kind: "users",
    topic: "iam-users",
    title: "IAM users",
    defaultSize: 25,
    rule: "random",
    controlIds: ["5.17", "5.18", "8.5"],
    question: "Show this IAM user's MFA, the age of its access keys and whether its credentials are in use",
  },
  {
    kind: "days",
    topic: "cloudtrail-days",
    title: "CloudTrail delivery days",
    defaultSize: 3,
    rule: "random",
    controlIds: ["8.15", "8.16"],
    question: "Show that CloudTrail was logging and delivered log files on this day",
  },
  {
    kind: "restores",
    topic: "backup-restore-tests",
    title: "backup restore tests",
    defaultSize: 1,
    rule: "latest",
    controlIds: ["8.13"],
    question: "Show this backup restore test: what was restored, from which backup, when, and the result",
  },
  {
    kind: "joiners",
    topic: "joiners",
    title: "joiners",
    defaultSize: 5,
    rule: "random",
    controlIds: ["6.3"],
    question: "Show this joiner's information security awareness training",
  },
  {
    kind: "leavers",
    topic: "leavers",
    title: "leavers",
    defaultSize: 5,
    rule: "random",
    controlIds: ["5.11", "5.18", "6.5"],
    question: "Show that this leaver's access was removed and their assets returned when they left",
  },
];

export function sampleKindSpec(kind: SampleKind): SampleKindSpec {
  const spec = sampleKindSpecs.find((s) => s.kind === kind);
  if (!spec) throw new Error(`no sample kind ${kind}`);
  return spec;
}

export const defaultSampleSizes: SampleSizes = {
  users: sampleKindSpec("users").defaultSize,
  days: sampleKindSpec("days").defaultSize,
  restores: sampleKindSpec("restores").defaultSize,
  joiners: sampleKindSpec("joiners").defaultSize,
  leavers: sampleKindSpec("leavers").defaultSize,
};

/** A period of days, both ends included (YYYY-MM-DD). */
export interface Period {
  start: string;
  end: string;
}

/** A row of another register that answers a request (a training record, a done activity, a person). */
export interface RecordRef {
  register: string;
  id: string;
}

/**
 * One thing that may be sampled, with what the data already holds to answer the request about it.
 * `key` is unique and stable within its population (it seeds the draw); `on` orders it in time.
 */
export interface SampleCandidate {
  key: string;
  on?: string | undefined;
  /** The sampled thing as the request names it: "IAM user alice in 111111111111". */
  item: string;
  evidenceIds: string[];
  records: RecordRef[];
  /** Whether the evidence and records found answer the request. */
  answered: boolean;
  /** What the data shows, or what to provide when nothing answers. */
  note: string;
}

/** Everything of one kind that may be sampled, and where it came from. */
export interface Population {
  kind: SampleKind;
  candidates: SampleCandidate[];
  /** "collection run C-002 of 2026-06-30", "the people register". */
  from: string;
  /** The request made when there is nothing to sample: the auditor then asks for the population itself. */
  whenEmpty: Omit<SampleCandidate, "key" | "on">;
}

/** A request before it has an id. */
export interface RequestDraft {
  topic: string;
  question: string;
  item: string;
  controlIds: string[];
  status: RequestStatus;
  evidenceIds: string[];
  records: RecordRef[];
  note: string;
}

/** How one kind was sampled: asked for, found, drawn, and whether the whole population was taken. */
export interface KindSummary {
  kind: SampleKind;
  title: string;
  asked: number;
  population: number;
  drawn: number;
  whole: boolean;
  from: string;
}
