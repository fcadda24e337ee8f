// The calendar's recurring activities: the planned activities rows, and for each recurring kind the next
// occurrence due from its newest completion (a done activity, or the register that records it).
import { addMonths } from "../risk/calendar.js";
import { newestDay } from "./days.js";
import { compareIds, type ActivityRecord, type CalendarItem } from "./item.js";
import { operationalBasis, recurringKinds, type RecurringKind } from "./program.js";

export interface SeriesContext {
  asOf: string;
  /** Completions of a recurring kind recorded elsewhere than in activities (audits held, evidence collected). */
  completions: ReadonlyMap<string, readonly string[]>;
  /** Months between occurrences of a kind when the data sets them (the risk methodology's review interval). */
  months: ReadonlyMap<string, number>;
  /** The person holding an ISMS role, who owns a recurring kind nobody else was named for. */
  holderOf(role: string): string | null;
}

interface Series {
  known: RecurringKind | undefined;
  rows: ActivityRecord[];
}

/**
 * Activities of a recurring kind form one series whatever their titles; others form a series per kind
 * and title, as `isms calendar done` continues them.
 */
function seriesKey(row: Pick<ActivityRecord, "kind" | "title">): string {
  return recurringKinds.some((k) => k.kind === row.kind) ? row.kind : `${row.kind}\u0000${row.title.trim().toLowerCase()}`;
}

function groupSeries(activities: readonly ActivityRecord[]): Series[] {
  const series = new Map<string, Series>(recurringKinds.map((known) => [known.kind, { known, rows: [] }]));
  for (const row of activities) {
    const key = seriesKey(row);
    const existing = series.get(key) ?? { known: undefined, rows: [] };
    existing.rows.push(row);
    series.set(key, existing);
  }
  return [...series.values()];
}

/** Items for the planned activities and the next occurrence of each recurring series. */
export function seriesItems(activities: readonly ActivityRecord[], context: SeriesContext): CalendarItem[] {
  return groupSeries(activities).flatMap((series) => itemsOfSeries(series, context));
}

function itemsOfSeries({ known, rows }: Series, context: SeriesContext): CalendarItem[] {
  const { asOf } = context;
  // A completion after the calendar's day had not happened yet on that day.
  const doneBy = (row: ActivityRecord) => row.doneOn !== null && row.doneOn <= asOf;
  const done = rows.filter(doneBy).sort((a, b) => (a.doneOn ?? "").localeCompare(b.doneOn ?? "") || compareIds(a.id, b.id));
  const open = rows.filter((row) => !doneBy(row));
  const external = known ? (context.completions.get(known.kind) ?? []).filter((day) => day <= asOf) : [];
  const lastDone = newestDay([...done.map((row) => row.doneOn), ...external]);
  const newest = [...rows].sort((a, b) => a.due.localeCompare(b.due) || compareIds(a.id, b.id)).at(-1);
  const months = newest?.recurrenceMonths ?? (known ? (context.months.get(known.kind) ?? known.months) : null);
  const basis = known?.basis ?? operationalBasis;

  const items: CalendarItem[] = open.map((row) => ({
    id: row.id,
    title: row.title,
    kind: row.kind,
    owner: row.owner,
    due: row.due,
    lastDone,
    overdue: row.due < asOf,
    basis,
    recurrenceMonths: row.recurrenceMonths,
  }));

  const next = nextOccurrence(lastDone, months, asOf, known !== undefined);
  const earliestPlanned = open.map((row) => row.due).sort()[0];
  // A planned occurrence stands for the next one unless it is planned later than the interval allows.
  if (next === null || (earliestPlanned !== undefined && (lastDone === null || earliestPlanned <= next))) return items;
  const lastRow = done.at(-1);
  const owner = newest?.owner ?? (known ? context.holderOf(known.ownerRole) : null);
  items.push({
    id: known ? known.kind : `${lastRow?.id ?? "activity"}:next`,
    title: known?.title ?? lastRow?.title ?? "",
    kind: known?.kind ?? lastRow?.kind ?? "",
    owner,
    due: next,
    lastDone,
    overdue: next < asOf,
    basis,
    recurrenceMonths: months,
  });
  return items;
}

/** Due `months` after the last completion; a known activity never done is due on the calendar's day. */
function nextOccurrence(lastDone: string | null, months: number | null, asOf: string, known: boolean): string | null {
  if (lastDone === null) return known ? asOf : null;
  return months === null ? null : addMonths(lastDone, months);
}
