// Reading --period and --size: good values come back whole; bad ones say what is wrong and how to write it.
import { describe, expect, it } from "vitest";
import { lastTwelveMonths, readPeriod, readSampleSizes } from "./input.js";
import { defaultSampleSizes } from "./model.js";

const errorOf = (read: object): string => ("error" in read && typeof read.error === "string" ? read.error : "no error");

describe("readPeriod", () => {
  it("reads FROM..TO with both days included", () => {
    expect(readPeriod("2025-07-01..2026-06-30")).toEqual({ start: "2025-07-01", end: "2026-06-30" });
    expect(readPeriod(" 2026-01-01 .. 2026-01-01 ")).toEqual({ start: "2026-01-01", end: "2026-01-01" });
  });

  it("refuses text that is not a period, an impossible day and a period that ends before it starts", () => {
    expect(errorOf(readPeriod("2025-07-01"))).toContain("write it as FROM..TO");
    expect(errorOf(readPeriod("2025-02-30..2025-06-30"))).toContain('"2025-02-30" in "2025-02-30..2025-06-30" is not a date');
    expect(errorOf(readPeriod("2026-06-30..2025-07-01"))).toContain("ends before it starts");
  });
});

describe("lastTwelveMonths", () => {
  it("runs from the day after the same day a year ago to today", () => {
    expect(lastTwelveMonths("2026-06-30")).toEqual({ start: "2025-07-01", end: "2026-06-30" });
    expect(lastTwelveMonths("2028-02-29")).toEqual({ start: "2027-03-01", end: "2028-02-29" });
  });
});

describe("readSampleSizes", () => {
  it("changes the kinds given and keeps the defaults of the others", () => {
    expect(readSampleSizes("users=10, days=5")).toEqual({ ...defaultSampleSizes, users: 10, days: 5 });
    expect(readSampleSizes("leavers=0")).toEqual({ ...defaultSampleSizes, leavers: 0 });
  });

  it("refuses an unknown kind, naming the kinds it knows", () => {
    expect(readSampleSizes("user=10")).toEqual({ error: '"user" is not a kind of sample item; use users, days, restores, joiners, leavers' });
  });

  it("refuses a size that is not a whole number from 0 to 500, a pair without =, a kind given twice and nothing at all", () => {
    expect(readSampleSizes("users=ten")).toEqual({ error: "users=ten: the size is a whole number from 0 to 500" });
    expect(readSampleSizes("users=-1")).toEqual({ error: "users=-1: the size is a whole number from 0 to 500" });
    expect(errorOf(readSampleSizes("users=501"))).toContain("from 0 to 500");
    expect(errorOf(readSampleSizes("users="))).toContain("users=: the size");
    expect(errorOf(readSampleSizes("users"))).toContain('"users" is not KIND=N');
    expect(readSampleSizes("users=1,users=2")).toEqual({ error: "users is given twice; give each kind once" });
    expect(errorOf(readSampleSizes(" , "))).toContain("give one or more KIND=N");
  });
});
