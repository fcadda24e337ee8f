// Day arithmetic the calendar and the plan share, on UTC "YYYY-MM-DD" strings (which compare as text).
export { addDays } from "../risk/calendar.js";

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** The newest of some days, or null. */
export function newestDay(days: readonly (string | null | undefined)[]): string | null {
  let newest: string | null = null;
  for (const day of days) if (day && (newest === null || day > newest)) newest = day;
  return newest;
}

/** Whether `text` is a real day written "YYYY-MM-DD". */
export function isDay(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === text;
}
