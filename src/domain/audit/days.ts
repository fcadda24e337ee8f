// Calendar days as "YYYY-MM-DD" strings (UTC), for audit dates and the deadlines of findings.
export { addDays, isCalendarDay } from "../risk/calendar.js";

/** The year of a day ("2026-05-10" → 2026). */
export function yearOf(day: string): number {
  return Number(day.slice(0, 4));
}

