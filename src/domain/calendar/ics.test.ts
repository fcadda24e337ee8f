import ICAL from "ical.js";
import { describe, expect, it } from "vitest";
import { allDayCalendar, calendarEvents } from "./ics.js";
import type { CalendarItem } from "./item.js";

function parsedEvents(text: string) {
  const calendar = ICAL.Component.fromString(text);
  return calendar.getAllSubcomponents("vevent").map((component) => {
    const event = new ICAL.Event(component);
    return { uid: event.uid, summary: event.summary, description: event.description, start: event.startDate, end: event.endDate };
  });
}

const item: CalendarItem = {
  id: "supplier-review:SUP-001",
  title: "Supplier review: Amazon Web Services, Inc.; EU",
  kind: "supplier-review",
  owner: "P-004",
  due: "2026-12-31",
  lastDone: "2025-12-31",
  overdue: false,
  basis: "A.5.22",
  recurrenceMonths: 12,
};

describe("iCalendar files", () => {
  it("an item becomes an all-day event on its due day whose UID stays the same from one export to the next", () => {
    const context = { workspaceSlug: "acme", ownerName: (id: string) => (id === "P-004" ? "Platform Engineering Lead" : id) };
    const first = parsedEvents(allDayCalendar(calendarEvents([item], context), "Acme ISMS"));
    const second = parsedEvents(allDayCalendar(calendarEvents([{ ...item, due: "2027-01-15" }], context), "Acme ISMS"));
    expect(first).toHaveLength(1);
    const [event] = first;
    expect(event?.uid).toBe("supplier-review:SUP-001@acme.openisms");
    expect(second[0]?.uid).toBe(event?.uid);
    expect(event?.summary).toBe("Supplier review: Amazon Web Services, Inc.; EU");
    expect(event?.description).toContain("Basis: A.5.22");
    expect(event?.description).toContain("Owner: Platform Engineering Lead");
    expect(event?.start.isDate).toBe(true);
    expect(event?.start.toString()).toBe("2026-12-31");
    expect(event?.end.toString()).toBe("2027-01-01");
  });

  it("an event over several days ends the day after its last day, as all-day events do", () => {
    const [event] = parsedEvents(allDayCalendar([{ uid: "gap-analysis@x", summary: "Gap analysis", description: "", start: "2027-02-22", lastDay: "2027-03-14" }], "Plan"));
    expect(event?.start.toString()).toBe("2027-02-22");
    expect(event?.end.toString()).toBe("2027-03-15");
  });
});
