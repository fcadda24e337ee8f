// Reading what a person asks of a sample: the period ("2025-07-01..2026-06-30") and the sizes
// ("users=10,days=5"). Each reader returns the value or an error that says what is wrong and how to write it.
import { addDays, addMonths, isCalendarDay } from "../risk/calendar.js";
import { defaultSampleSizes, sampleKinds, type Period, type SampleKind, type SampleSizes } from "./model.js";

export type Read<T> = T | { error: string };

/** The largest size `--size` takes: beyond it a sample stops being a sample. */
export const maxSampleSize = 500;

/** "FROM..TO", both real days, FROM not after TO. */
export function readPeriod(text: string): Read<Period> {
  const match = /^\s*(\S+?)\s*\.\.\s*(\S+)\s*$/.exec(text);
  const start = match?.[1];
  const end = match?.[2];
  if (start === undefined || end === undefined) return { error: `"${text}" is not a period; write it as FROM..TO, e.g. 2025-07-01..2026-06-30` };
  for (const day of [start, end]) if (!isCalendarDay(day)) return { error: `"${day}" in "${text}" is not a date; write days as YYYY-MM-DD, e.g. 2025-07-01..2026-06-30` };
  if (start > end) return { error: `"${text}" ends before it starts; give the earlier day first` };
  return { start, end };
}

/** The twelve months up to and including `today`. */
export function lastTwelveMonths(today: string): Period {
  return { start: addDays(addMonths(today, -12), 1), end: today };
}

const kindList = sampleKinds.join(", ");

/** "users=10,days=5": sizes for some kinds, the defaults for the others. A kind given twice is an error. */
export function readSampleSizes(text: string, defaults: SampleSizes = defaultSampleSizes): Read<SampleSizes> {
  const sizes: SampleSizes = { ...defaults };
  const seen = new Set<string>();
  const parts = text.split(",").map((p) => p.trim());
  if (parts.every((p) => p === "")) return { error: `give one or more KIND=N, e.g. users=10,days=5 (kinds: ${kindList})` };
  for (const part of parts) {
    if (part === "") continue;
    const match = /^([a-z-]+)\s*=\s*(\S*)$/i.exec(part);
    const name = match?.[1]?.toLowerCase();
    if (!match || name === undefined) return { error: `"${part}" is not KIND=N; write e.g. users=10,days=5 (kinds: ${kindList})` };
    const kind = sampleKinds.find((k): k is SampleKind => k === name);
    if (!kind) return { error: `"${match[1]}" is not a kind of sample item; use ${kindList}` };
    if (seen.has(kind)) return { error: `${kind} is given twice; give each kind once` };
    seen.add(kind);
    const n = Number(match[2]);
    if (match[2] === "" || !Number.isInteger(n) || n < 0 || n > maxSampleSize) return { error: `${kind}=${match[2] ?? ""}: the size is a whole number from 0 to ${maxSampleSize}` };
    sizes[kind] = n;
  }
  return sizes;
}
