// How long a piece of evidence shows a control operating, by kind: a snapshot of AWS ages in a week,
// a restore test or a policy in a year. Pure; the readiness rules and the SoA ask it.

/** Days a record of each kind stays fresh after the end of what it covers. */
export const freshnessWindowDays: Readonly<Record<string, number>> = {
  // Collected from AWS: re-collected weekly at least, so a week-old snapshot still describes today.
  "aws-snapshot": 7,
  "check-result": 7,
  "config-snapshot": 7,
  "config-findings": 7,
  "config-rule-results": 7,
  "securityhub-findings": 7,
  // Documents and records of yearly activities (7.5, 7.2 c, 5.24, 5.30, 8.13).
  policy: 365,
  document: 365,
  "document-upload": 365,
  "policy-upload": 365,
  "training-record": 365,
  "backup-restore-test": 365,
  "incident-response-test": 365,
  "disaster-recovery-test": 365,
};

/** Any other kind: a quarter, the usual cadence of reviews an auditor samples. */
export const defaultFreshnessDays = 90;

/** The fields freshness reads from an evidence record. */
export interface FreshnessInput {
  kind: string;
  collectedAt: Date;
  /** The last day the evidence covers (YYYY-MM-DD); when given, freshness runs from the end of that day. */
  periodEnd?: string | null | undefined;
}

const dayMs = 24 * 60 * 60 * 1000;

export function freshnessDays(kind: string): number {
  return Object.hasOwn(freshnessWindowDays, kind) ? (freshnessWindowDays[kind] ?? defaultFreshnessDays) : defaultFreshnessDays;
}

/**
 * The last instant the record is fresh: the window after the end of its period (midnight UTC after the
 * period's last day) where given, else after its collection.
 */
export function freshUntil(record: FreshnessInput): Date {
  const start = record.periodEnd ? Date.parse(`${record.periodEnd}T00:00:00Z`) + dayMs : record.collectedAt.getTime();
  if (Number.isNaN(start)) throw new RangeError(`"${record.periodEnd}" is not a date (YYYY-MM-DD)`);
  return new Date(start + freshnessDays(record.kind) * dayMs);
}

/** Whether the record counts as current evidence at `asOf`: already collected then, and not past its window. */
export function isFresh(record: FreshnessInput, asOf: Date): boolean {
  const at = asOf.getTime();
  return record.collectedAt.getTime() <= at && at <= freshUntil(record).getTime();
}
