// The --period FROM..TO flag shared by the commands that work on a span of days (packages, samples, evidence).
import { isCalendarDay } from "../domain/risk/calendar.js";
import { UsageError } from "./usage.js";

export interface DayPeriod {
  start: string;
  end: string;
}

/** Parses "2026-01-01..2026-03-31" (both days included); a usage error says what was wrong and how to write it. */
export function parsePeriodFlag(text: string, flag = "--period"): DayPeriod {
  const match = /^\s*(\S+)\s*\.\.\s*(\S+)\s*$/.exec(text);
  const [, start, end] = match ?? [];
  if (start === undefined || end === undefined) throw new UsageError(`${flag} "${text}": give two days joined by "..", e.g. 2026-01-01..2026-03-31`);
  for (const day of [start, end]) if (!isCalendarDay(day)) throw new UsageError(`${flag} "${text}": "${day}" is not a day; write YYYY-MM-DD`);
  if (start > end) throw new UsageError(`${flag} "${text}": the period ends before it starts; put the earlier day first`);
  return { start, end };
}
