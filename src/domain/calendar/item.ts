// One entry of the ISMS calendar and the activity rows it is built from; days are "YYYY-MM-DD".

export interface CalendarItem {
  /** Stable across runs: "management-review", "awareness-training:P-003", "ACT-004". */
  id: string;
  title: string;
  kind: string;
  /** A person id, or null when nobody is named. */
  owner: string | null;
  due: string;
  /** The newest completion up to the calendar's day; null when never done. */
  lastDone: string | null;
  overdue: boolean;
  /** The clause or Annex A control it serves ("9.3", "A.5.22"). */
  basis: string;
  /** Months from a completion to the next due day; null for a one-off. */
  recurrenceMonths: number | null;
}

/** An activities row with its completion as a day. */
export interface ActivityRecord {
  id: string;
  kind: string;
  title: string;
  owner: string | null;
  due: string;
  doneOn: string | null;
  recurrenceMonths: number | null;
}

/** Orders ids naturally (ACT-2 before ACT-10). */
export function compareIds(a: string, b: string): number {
  return a.localeCompare(b, "en", { numeric: true });
}

/** By due day, then id: the order the calendar is read in. */
export function byDue(a: CalendarItem, b: CalendarItem): number {
  return a.due.localeCompare(b.due) || compareIds(a.id, b.id);
}
