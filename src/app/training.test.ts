// When training counts and who is overdue, from plain data: expiry from the course's validity, the record
// that counts longest, and the gaps of people in scope on a day.
import { describe, expect, it } from "vitest";
import { expiryOf, findTrainingGaps, trainingStanding, type TrainingCourse, type TrainingRecord } from "./training.js";

const courses: TrainingCourse[] = [
  { workspaceId: "ws", id: "TC-001", title: "Security awareness", kind: "awareness", description: null, validityMonths: 12 },
  { workspaceId: "ws", id: "TC-002", title: "ISMS roles", kind: "role", description: null, validityMonths: 24 },
];

let recordCount = 0;
function aRecord(personId: string, courseId: string, completedOn: string): TrainingRecord {
  recordCount += 1;
  const validity = courses.find((c) => c.id === courseId)?.validityMonths ?? null;
  return { id: `TR-${recordCount}`, personId, courseId, completedOn, expiresOn: expiryOf(completedOn, validity), evidenceRef: null };
}

function aPerson(id: string, overrides: { ismsRoles?: string[]; startDate?: string | null; endDate?: string | null } = {}) {
  return { id, name: `Person ${id}`, startDate: "2024-01-01", endDate: null, ismsRoles: [], ...overrides };
}

describe("training expiry", () => {
  it("runs the course's validity in months from the completion day", () => {
    expect(expiryOf("2025-03-04", 12)).toBe("2026-03-04");
    expect(expiryOf("2024-02-29", 12)).toBe("2025-02-28");
  });

  it("never comes for a course without recurrence", () => {
    expect(expiryOf("2025-03-04", null)).toBeNull();
  });
});

describe("a person's standing on one kind of training", () => {
  it("counts the record that runs longest, not the latest one entered", () => {
    const longest = aRecord("P-1", "TC-002", "2024-06-01");
    const shorter = aRecord("P-1", "TC-001", "2024-09-01");
    expect(trainingStanding([longest, shorter], "2025-10-01", 30)).toEqual({ state: "current", record: longest });
  });

  it("is expired from the expiry day on and expiring in the days before it", () => {
    const record = aRecord("P-1", "TC-001", "2024-05-10");
    expect(trainingStanding([record], "2025-05-10", 30).state).toBe("expired");
    expect(trainingStanding([record], "2025-05-09", 30).state).toBe("expiring");
    expect(trainingStanding([record], "2025-04-09", 30).state).toBe("current");
  });

  it("ignores completions after the day judged", () => {
    expect(trainingStanding([aRecord("P-1", "TC-001", "2025-06-01")], "2025-05-01", 30)).toEqual({ state: "missing", record: null });
  });
});

describe("training gaps", () => {
  const asOf = "2025-06-30";

  it("names someone in scope whose awareness training has expired, with the expired record", () => {
    const gaps = findTrainingGaps({ people: [aPerson("P-1")], courses, records: [aRecord("P-1", "TC-001", "2024-06-01")], asOf, withinDays: 30 });
    expect(gaps).toHaveLength(1);
    expect(gaps[0]).toMatchObject({ personId: "P-1", need: "awareness", state: "expired", latest: { courseTitle: "Security awareness", expiresOn: "2025-06-01" } });
  });

  it("names an ISMS role holder without role training, with the roles that call for it", () => {
    const auditor = aPerson("P-2", { ismsRoles: ["internal-auditor", "top-management"] });
    const gaps = findTrainingGaps({ people: [auditor], courses, records: [aRecord("P-2", "TC-001", "2025-02-01")], asOf, withinDays: 30 });
    expect(gaps).toEqual([{ personId: "P-2", name: "Person P-2", need: "role", state: "missing", roles: ["internal-auditor"], latest: null }]);
  });

  it("does not ask for role training from people without an ISMS role, nor awareness training twice", () => {
    const gaps = findTrainingGaps({ people: [aPerson("P-3")], courses, records: [aRecord("P-3", "TC-001", "2025-03-01")], asOf, withinDays: 30 });
    expect(gaps).toEqual([]);
  });

  it("lists awareness expiring within the given days and not beyond them", () => {
    const records = [aRecord("P-4", "TC-001", "2024-07-20")];
    expect(findTrainingGaps({ people: [aPerson("P-4")], courses, records, asOf, withinDays: 30 }).map((g) => g.state)).toEqual(["expiring"]);
    expect(findTrainingGaps({ people: [aPerson("P-4")], courses, records, asOf, withinDays: 10 })).toEqual([]);
  });

  it("leaves out people who have not started or have left by the day judged", () => {
    const people = [aPerson("P-5", { startDate: "2025-07-01" }), aPerson("P-6", { endDate: "2025-06-29" }), aPerson("P-7", { endDate: asOf })];
    expect(findTrainingGaps({ people, courses, records: [], asOf, withinDays: 30 }).map((g) => g.personId)).toEqual(["P-7"]);
  });
});
