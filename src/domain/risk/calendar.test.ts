import { describe, expect, it } from "vitest";
import { addMonths, isoDay } from "./calendar.js";

describe("calendar days", () => {
  it("a date's day is taken in UTC", () => {
    expect(isoDay(new Date("2025-03-31T23:30:00-02:00"))).toBe("2025-04-01");
  });

  it("adding months keeps the day of the month, across a year end", () => {
    expect(addMonths("2024-11-15", 12)).toBe("2025-11-15");
    expect(addMonths("2024-11-15", 3)).toBe("2025-02-15");
  });

  it("adding months to the end of a month stops at the end of a shorter month", () => {
    expect(addMonths("2025-01-31", 1)).toBe("2025-02-28");
    expect(addMonths("2024-01-31", 1)).toBe("2024-02-29");
    expect(addMonths("2024-02-29", 12)).toBe("2025-02-28");
  });
});
