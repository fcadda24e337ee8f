import { describe, expect, it } from "vitest";
import { parsePeriodFlag } from "./period.js";

describe("the --period flag", () => {
  it("reads two days joined by two dots", () => {
    expect(parsePeriodFlag("2026-01-01..2026-03-31")).toEqual({ start: "2026-01-01", end: "2026-03-31" });
    expect(parsePeriodFlag(" 2026-02-28 .. 2026-02-28 ")).toEqual({ start: "2026-02-28", end: "2026-02-28" });
  });

  it("refuses a missing end, a day that does not exist and a reversed period, naming the flag", () => {
    expect(() => parsePeriodFlag("2026-01-01")).toThrow(/^--period: "2026-01-01" is not a period; write it as FROM\.\.TO/);
    expect(() => parsePeriodFlag("2026-02-30..2026-03-01", "--window")).toThrow(/^--window: "2026-02-30" .* is not a date/);
    expect(() => parsePeriodFlag("2026-03-01..2026-01-01")).toThrow(/ends before it starts/);
  });
});
