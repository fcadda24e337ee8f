// The days an auditor samples to see that logging ran (A.8.15, A.8.16): every day of the period up to
// today, each answered by the CloudTrail snapshots, logging checks and attached files that cover it.
import { addDays } from "../risk/calendar.js";
import type { Period, Population, SampleCandidate } from "./model.js";

/** An evidence record, as far as the sample reads it. */
export interface EvidenceSummary {
  id: string;
  kind: string;
  /** source.kind: "aws", "aws-check", "upload"… */
  sourceKind: string;
  /** source.service for AWS snapshots. */
  service?: string | undefined;
  /** The API operations a snapshot holds (source.operation, split). */
  operations?: readonly string[] | undefined;
  controlIds: readonly string[];
  periodStart: string | null;
  periodEnd: string | null;
  collectedOn: string;
  title?: string | null | undefined;
}

/** Whether the record covers the day: its period does, or, without one, it was collected that day. */
export function covers(record: Pick<EvidenceSummary, "periodStart" | "periodEnd" | "collectedOn">, day: string): boolean {
  if (record.periodStart && record.periodEnd) return record.periodStart <= day && day <= record.periodEnd;
  return record.collectedOn === day;
}

export interface CloudTrailDayInput {
  period: Period;
  today: string;
  /** Evidence that may show CloudTrail at work: its snapshots, the logging check's result records, files attached to A.8.15. */
  evidence: readonly EvidenceSummary[];
  /** Results of the check that a trail is logging and delivered in the last day, with the evidence record holding each. */
  loggingResults: readonly { evidenceId: string | null; status: string }[];
}

/** The days of the period, up to today. */
export function daysOf(period: Period, today: string): string[] {
  const days: string[] = [];
  const last = period.end < today ? period.end : today;
  for (let day = period.start; day <= last; day = addDays(day, 1)) days.push(day);
  return days;
}

const loggingControl = "8.15";

/**
 * A CloudTrail snapshot that shows delivery: the one of a trail's home region, which holds GetTrailStatus
 * (the last delivery time). The other regions' snapshots only list trails, one per region and account.
 */
const showsDelivery = (e: EvidenceSummary) => e.kind === "aws-snapshot" && e.service === "cloudtrail" && (e.operations ?? []).includes("GetTrailStatus");

/** Every day of the period up to today, with the evidence covering it. */
export function cloudTrailDayPopulation(input: CloudTrailDayInput): Population {
  const statusOf = new Map<string, string[]>();
  for (const r of input.loggingResults) if (r.evidenceId) statusOf.set(r.evidenceId, [...(statusOf.get(r.evidenceId) ?? []), r.status]);
  const relevant = input.evidence.filter(
    (e) => showsDelivery(e) || statusOf.has(e.id) || (e.sourceKind === "upload" && e.controlIds.includes(loggingControl)),
  );
  const candidates = daysOf(input.period, input.today).map((day): SampleCandidate => {
    const found = relevant.filter((e) => covers(e, day));
    const statuses = found.flatMap((e) => statusOf.get(e.id) ?? []);
    const count = (status: string) => statuses.filter((s) => s === status).length;
    const verdict = statuses.length ? `; the logging check that day: ${count("pass")} trail(s) logging and delivering, ${count("fail")} not` : "";
    return {
      key: day,
      on: day,
      item: `CloudTrail delivery on ${day}`,
      evidenceIds: found.map((e) => e.id),
      records: [],
      answered: found.length > 0,
      note: found.length
        ? `${found.length} evidence record(s) cover the day${verdict}`
        : `No CloudTrail evidence covers ${day}: provide the log files CloudTrail delivered that day (an S3 listing of AWSLogs/<account>/CloudTrail/<region>/${day.replaceAll("-", "/")}/ with that day's digest files)`,
    };
  });
  return {
    kind: "days",
    candidates,
    from: `the period's days, ${input.period.start} to ${input.period.end < input.today ? input.period.end : input.today}`,
    whenEmpty: { item: "CloudTrail delivery in the period", evidenceIds: [], records: [], answered: false, note: "No day of the period has passed yet: sample a period that has begun" },
  };
}
