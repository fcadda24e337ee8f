import { describe, expect, it } from "vitest";
import { defaultFreshnessDays, freshnessDays, freshUntil, isFresh } from "./freshness.js";

const collectedAt = new Date("2026-03-01T12:00:00Z");
const daysLater = (days: number, ms = 0) => new Date(collectedAt.getTime() + days * 86_400_000 + ms);

describe("freshness", () => {
  it("gives AWS snapshots and check results a week, tests and policies a year, anything else a quarter", () => {
    expect(freshnessDays("aws-snapshot")).toBe(7);
    expect(freshnessDays("check-result")).toBe(7);
    expect(freshnessDays("securityhub-findings")).toBe(7);
    expect(freshnessDays("policy")).toBe(365);
    expect(freshnessDays("backup-restore-test")).toBe(365);
    expect(freshnessDays("training-record")).toBe(365);
    expect(freshnessDays("access-review")).toBe(defaultFreshnessDays);
    expect(freshnessDays("toString")).toBe(defaultFreshnessDays);
  });

  it("keeps a snapshot fresh up to exactly seven days after collection, and not a millisecond longer", () => {
    const snapshot = { kind: "aws-snapshot", collectedAt };
    expect(freshUntil(snapshot)).toEqual(daysLater(7));
    expect(isFresh(snapshot, collectedAt)).toBe(true);
    expect(isFresh(snapshot, daysLater(7))).toBe(true);
    expect(isFresh(snapshot, daysLater(7, 1))).toBe(false);
  });

  it("does not count evidence collected after the moment asked about", () => {
    expect(isFresh({ kind: "aws-snapshot", collectedAt }, daysLater(0, -1))).toBe(false);
  });

  it("runs the window from the end of the period's last day when a period is given", () => {
    const restoreTest = { kind: "backup-restore-test", collectedAt, periodEnd: "2026-02-27" };
    expect(freshUntil(restoreTest)).toEqual(new Date("2027-02-28T00:00:00Z"));
    expect(isFresh(restoreTest, new Date("2027-02-28T00:00:00Z"))).toBe(true);
    expect(isFresh(restoreTest, new Date("2027-02-28T00:00:00.001Z"))).toBe(false);
  });

  it("uses the collection time when the period end is null", () => {
    expect(freshUntil({ kind: "other", collectedAt, periodEnd: null })).toEqual(daysLater(90));
  });
});
