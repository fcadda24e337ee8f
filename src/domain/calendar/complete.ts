// Recording that an activity was done: the row gets its completion day and, when it recurs, the next
// occurrence falls due its interval after the completion (not after the day it was planned for).
import { IsmsError } from "../errors.js";
import { addMonths } from "../risk/calendar.js";
import { isDay } from "./days.js";
import type { ActivityRecord } from "./item.js";

export interface Completion {
  done: ActivityRecord;
  /** The next occurrence of a recurring activity; null for a one-off. */
  next: ActivityRecord | null;
}

export interface CompletionOptions {
  /** The day it was done. */
  on: string;
  /** Today: a completion cannot be recorded for a later day. */
  today: string;
  /** The id the next occurrence gets. */
  nextId: string;
}

/** Marks a planned activity done and plans its next occurrence. */
export function completeActivity(row: ActivityRecord, options: CompletionOptions): Completion {
  if (row.doneOn !== null) {
    throw new IsmsError(`${row.id} (${row.title}) was already done on ${row.doneOn}`, "Record the completion on its next occurrence: isms calendar");
  }
  return completion({ ...row, doneOn: options.on }, options);
}

/** A completion of an activity nobody planned: a done row on the day, and its next occurrence. */
export function recordUnplannedActivity(row: Omit<ActivityRecord, "due" | "doneOn">, options: CompletionOptions): Completion {
  return completion({ ...row, due: options.on, doneOn: options.on }, options);
}

function completion(done: ActivityRecord, options: CompletionOptions): Completion {
  if (!isDay(options.on)) throw new IsmsError(`--on "${options.on}" is not a date`, "Write the day it was done as YYYY-MM-DD");
  if (options.on > options.today) {
    throw new IsmsError(`--on ${options.on} is after today (${options.today})`, "Record a completion once it has happened, on the day it happened");
  }
  const next =
    done.recurrenceMonths === null
      ? null
      : { ...done, id: options.nextId, due: addMonths(options.on, done.recurrenceMonths), doneOn: null };
  return { done, next };
}
