// iCalendar (RFC 5545) text of all-day events, for any calendar application to import. A stable UID
// per event makes a re-import update the events it already has instead of adding copies.
import { createEvents, type DateArray, type EventAttributes } from "ics";
import { addDays } from "./days.js";
import type { CalendarItem } from "./item.js";

export interface AllDayEvent {
  uid: string;
  summary: string;
  description: string;
  start: string;
  /** The last day it covers (inclusive); the start day when left out. */
  lastDay?: string;
}

function dateArray(day: string): DateArray {
  const [year = 0, month = 0, date = 0] = day.split("-").map(Number);
  return [year, month, date];
}

/** The events as one VCALENDAR named `name`. */
export function allDayCalendar(events: readonly AllDayEvent[], name: string): string {
  const attributes: EventAttributes[] = events.map((e) => ({
    uid: e.uid,
    title: e.summary,
    description: e.description,
    start: dateArray(e.start),
    // DTEND of an all-day event is the day after the last one it covers.
    end: dateArray(addDays(e.lastDay ?? e.start, 1)),
    transp: "TRANSPARENT",
  }));
  const { error, value } = createEvents(attributes, { productId: "-//OpenISMS//ISMS calendar//EN", calName: name });
  if (error || value === null) throw error ?? new Error("the iCalendar writer returned nothing");
  return value;
}

/** The calendar's items as events: one per item on its due day, the basis and owner in the description. */
export function calendarEvents(items: readonly CalendarItem[], context: { workspaceSlug: string; ownerName(id: string): string }): AllDayEvent[] {
  return items.map((item) => ({
    uid: `${item.id}@${context.workspaceSlug}.openisms`,
    summary: item.title,
    description: [
      `Basis: ${item.basis}`,
      `Owner: ${item.owner ? context.ownerName(item.owner) : "not named"}`,
      `Last done: ${item.lastDone ?? "never"}`,
      ...(item.recurrenceMonths ? [`Every ${item.recurrenceMonths} month${item.recurrenceMonths === 1 ? "" : "s"}`] : []),
      ...(item.overdue ? ["Overdue"] : []),
    ].join("\n"),
    start: item.due,
  }));
}
