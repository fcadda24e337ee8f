// A first certification laid out in time from its start day: each phase's first and last day and what
// it waits for, for the ISO-only plan (at the slow or fast end of each range) or sequenced with SOC 2.
import { addDays, daysBetween, isDay, type AllDayEvent } from "../calendar/index.js";
import { IsmsError } from "../errors.js";
import { addMonths } from "../risk/calendar.js";
import { certificationPhases, combinedPhases, type MonthsPhase, type Track } from "./phases.js";

export interface PlannedPhase {
  id: string;
  title: string;
  track: Track;
  start: string;
  /** The last day (inclusive). */
  end: string;
  /** Calendar days from start to end, both counted. */
  days: number;
  /** The phases it starts after. */
  after: string[];
}

export interface CertificationPlan {
  start: string;
  end: string;
  /** "slow" takes the upper bound of each duration, "fast" the lower; the SOC 2 sequence has fixed months. */
  pace: "slow" | "fast";
  withSoc2: boolean;
  phases: PlannedPhase[];
}

function checkDay(start: string): void {
  if (!isDay(start)) {
    throw new IsmsError(`The plan's start "${start}" is not a date`, "Write it as YYYY-MM-DD");
  }
}

function phase(fields: Omit<PlannedPhase, "days">): PlannedPhase {
  return { ...fields, days: daysBetween(fields.start, fields.end) + 1 };
}

function plan(start: string, pace: CertificationPlan["pace"], withSoc2: boolean, phases: PlannedPhase[]): CertificationPlan {
  const end = phases.map((p) => p.end).sort().at(-1) ?? start;
  return { start, end, pace, withSoc2, phases };
}

/** The phases of an ISO/IEC 27001 certification alone; each starts the day after those it waits for end. */
export function planCertification(start: string, pace: CertificationPlan["pace"] = "slow"): CertificationPlan {
  checkDay(start);
  const ends = new Map<string, string>();
  const phases = certificationPhases.map((p) => {
    const first = p.after.map((id) => addDays(ends.get(id) ?? start, 1)).sort().at(-1) ?? start;
    const end = addDays(first, p.weeks[pace] * 7 - 1);
    ends.set(p.id, end);
    return phase({ id: p.id, title: p.title, track: p.track, start: first, end, after: [...p.after] });
  });
  return plan(start, pace, false, phases);
}

/** ISO/IEC 27001 and a SOC 2 Type II report in one year, in one table with both tracks. */
export function planCertificationWithSoc2(start: string): CertificationPlan {
  checkDay(start);
  const mark = (months: number) => addMonths(start, months);
  const ends = new Map<string, string>();
  const place = (p: MonthsPhase): { first: string; end: string } => {
    const first = p.afterEnd ? (p.after.map((id) => addDays(ends.get(id) ?? start, 1)).sort().at(-1) ?? mark(p.from)) : mark(p.from);
    if (p.milestone) return { first, end: first };
    if (p.weeks !== undefined) return { first, end: addDays(first, p.weeks * 7 - 1) };
    return { first, end: addDays(mark(p.to ?? p.from), -1) };
  };
  const phases = combinedPhases.map((p) => {
    const { first, end } = place(p);
    ends.set(p.id, end);
    return phase({ id: p.id, title: p.title, track: p.track, start: first, end, after: [...p.after] });
  });
  return plan(start, "slow", true, phases);
}

/** One all-day event per phase; the UID is the phase's, so a re-planned start updates the same events. */
export function planEvents(plan: CertificationPlan): AllDayEvent[] {
  const titles = new Map(plan.phases.map((p) => [p.id, p.title]));
  return plan.phases.map((p) => ({
    uid: `${p.id}${plan.withSoc2 ? ".with-soc2" : ""}.certification-plan@openisms`,
    summary: p.title,
    description: [`Track: ${trackName[p.track]}`, `${p.start} to ${p.end} (${p.days} days)`, ...(p.after.length ? [`After: ${p.after.map((id) => titles.get(id) ?? id).join("; ")}`] : [])].join("\n"),
    start: p.start,
    lastDay: p.end,
  }));
}

export const trackName: Record<Track, string> = { iso27001: "ISO/IEC 27001", soc2: "SOC 2", both: "ISO/IEC 27001 and SOC 2" };
