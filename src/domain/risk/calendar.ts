// Calendar days for risk reviews and due dates: UTC "YYYY-MM-DD" strings, which compare as text.

/** The UTC calendar day of `date`, as "YYYY-MM-DD". */
export function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** `day` plus `months`, kept on the last day of a shorter month (2025-01-31 + 1 → 2025-02-28). */
export function addMonths(day: string, months: number): string {
  const [year, month, date] = day.split("-").map(Number);
  if (year === undefined || month === undefined || date === undefined) return day;
  const target = new Date(Date.UTC(year, month - 1 + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(date, lastDay));
  return isoDay(target);
}

/** `day` plus `days` calendar days (minus, when negative), as YYYY-MM-DD. */
export function addDays(day: string, days: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return isoDay(date);
}

/** Whether `text` is a real calendar day written YYYY-MM-DD (2026-02-30 is not, though Date.parse takes it). */
export function isCalendarDay(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && isoDay(date) === text;
}
