import { describe, expect, it } from "vitest";
import { dayOption } from "./options.js";

describe("a day flag", () => {
  it("takes a day of the calendar", () => {
    expect(dayOption("--due", "2028-02-29")).toBe("2028-02-29");
  });

  it("refuses a day that does not exist, naming the flag", () => {
    expect(() => dayOption("--due", "2027-02-30")).toThrow(/--due: "2027-02-30" is not a date/);
    expect(() => dayOption("--on", "2027-13-01")).toThrow(/--on/);
    expect(() => dayOption("--on", "tomorrow")).toThrow(/write it as YYYY-MM-DD/);
  });
});
