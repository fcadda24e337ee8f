// Calendar days as "YYYY-MM-DD" strings (UTC), for audit dates and the deadlines of findings.
import { isoDay } from "../risk/calendar.js";

/** `day` plus `days` (minus, when negative). */
export function addDays(day: string, days: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return isoDay(date);
}

/** The year of a day ("2026-05-10" → 2026). */
export function yearOf(day: string): number {
  return Number(day.slice(0, 4));
}

/** Whether `text` is a real calendar day written YYYY-MM-DD (2026-02-30 is not). */
export function isCalendarDay(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && isoDay(date) === text;
}
