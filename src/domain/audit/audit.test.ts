import { describe, expect, it } from "vitest";
import { defaultFindingDueDate, parseRequirement, requirementRef } from "./audit.js";
import { addDays, isCalendarDay } from "./days.js";

/** Why `text` is refused as a requirement; empty when it is not. */
function problemOf(text: string): string {
  const parsed = parseRequirement(text);
  return "problem" in parsed ? parsed.problem : "";
}

describe("what a finding is raised against", () => {
  it("reads a clause and a control in the catalog's spelling", () => {
    expect(parseRequirement("9.2")).toEqual({ kind: "clause", id: "9.2" });
    expect(parseRequirement("clause 5.2")).toEqual({ kind: "clause", id: "5.2" });
    expect(parseRequirement("5.15")).toEqual({ kind: "control", id: "5.15" });
    expect(parseRequirement("A.5.2")).toEqual({ kind: "control", id: "5.2" });
  });

  it("asks which is meant when an id is both a clause and a control", () => {
    expect(problemOf("7.2")).toContain('write "clause 7.2" or "A.7.2"');
  });

  it("refuses what is neither", () => {
    expect(problemOf("A.9.2")).toContain("not an Annex A control");
    expect(problemOf("11.1")).toContain("neither a clause");
  });

  it("stores a control with its A. prefix, so that it never reads as a clause", () => {
    expect(requirementRef({ kind: "control", id: "5.2" })).toBe("A.5.2");
    expect(requirementRef({ kind: "clause", id: "5.2" })).toBe("5.2");
  });
});

describe("the deadline of a finding", () => {
  it("gives a minor nonconformity of the certification body 90 days", () => {
    expect(defaultFindingDueDate("stage2", "minor_nonconformity", "2026-03-01")).toBe("2026-05-30");
    expect(defaultFindingDueDate("surveillance", "minor_nonconformity", "2026-12-15")).toBe("2027-03-15");
  });

  it("leaves the organization's own findings and the body's other findings without a default", () => {
    expect(defaultFindingDueDate("internal", "minor_nonconformity", "2026-03-01")).toBeNull();
    expect(defaultFindingDueDate("stage2", "observation", "2026-03-01")).toBeNull();
  });

  it("counts days across months and years, and knows a real day from a misspelt one", () => {
    expect(addDays("2026-02-27", 3)).toBe("2026-03-02");
    expect(addDays("2026-01-01", -1)).toBe("2025-12-31");
    expect(isCalendarDay("2026-02-28")).toBe(true);
    expect(isCalendarDay("2026-02-30")).toBe(false);
    expect(isCalendarDay("26-02-01")).toBe(false);
  });
});
