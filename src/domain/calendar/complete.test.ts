import { describe, expect, it } from "vitest";
import { IsmsError } from "../errors.js";
import { completeActivity, recordUnplannedActivity } from "./complete.js";
import type { ActivityRecord } from "./item.js";

const review: ActivityRecord = { id: "ACT-001", kind: "access-review", title: "Quarterly access review", owner: "P-002", due: "2026-03-31", doneOn: null, recurrenceMonths: 3 };

describe("recording a completion", () => {
  it("a recurring activity done late falls due again its interval after the day it was done", () => {
    const { done, next } = completeActivity(review, { on: "2026-04-20", today: "2026-05-01", nextId: "ACT-009" });
    expect(done).toEqual({ ...review, doneOn: "2026-04-20" });
    expect(next).toEqual({ ...review, id: "ACT-009", due: "2026-07-20", doneOn: null });
  });

  it("a one-off activity has no next occurrence", () => {
    expect(completeActivity({ ...review, recurrenceMonths: null }, { on: "2026-03-30", today: "2026-05-01", nextId: "ACT-009" }).next).toBeNull();
  });

  it("an activity already done, or a completion in the future, is refused with what to do", () => {
    expect(() => completeActivity({ ...review, doneOn: "2026-03-30" }, { on: "2026-04-01", today: "2026-05-01", nextId: "ACT-009" })).toThrow(
      "ACT-001 (Quarterly access review) was already done on 2026-03-30",
    );
    expect(() => completeActivity(review, { on: "2026-05-02", today: "2026-05-01", nextId: "ACT-009" })).toThrow(IsmsError);
    expect(() => completeActivity(review, { on: "2026-05-02", today: "2026-05-01", nextId: "ACT-009" })).toThrow("--on 2026-05-02 is after today (2026-05-01)");
  });

  it("an unplanned test is recorded as done on its day, with its next occurrence", () => {
    const { done, next } = recordUnplannedActivity(
      { id: "ACT-004", kind: "disaster-recovery-test", title: "Disaster recovery test", owner: "P-004", recurrenceMonths: 12 },
      { on: "2026-02-28", today: "2026-03-01", nextId: "ACT-005" },
    );
    expect(done).toMatchObject({ id: "ACT-004", due: "2026-02-28", doneOn: "2026-02-28" });
    expect(next).toMatchObject({ id: "ACT-005", due: "2027-02-28", doneOn: null, kind: "disaster-recovery-test" });
  });
});
