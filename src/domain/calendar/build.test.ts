import { describe, expect, it } from "vitest";
import { buildCalendar, dueWithin, type CalendarInput } from "./build.js";
import type { ActivityRecord, CalendarItem } from "./item.js";

const asOf = "2026-06-15";

function input(overrides: Partial<CalendarInput> = {}): CalendarInput {
  return {
    asOf,
    riskReviewMonths: 12,
    riskAssessedOn: [],
    audits: [],
    managementReviews: [],
    people: [
      { id: "P-001", name: "Chief Executive Officer", startDate: null, endDate: null, ismsRoles: ["top-management"] },
      { id: "P-002", name: "Head of Security", startDate: null, endDate: null, ismsRoles: ["isms-owner"] },
      { id: "P-006", name: "Internal auditor", startDate: null, endDate: null, ismsRoles: ["internal-auditor"] },
    ],
    trainingCourses: [{ id: "TC-001", kind: "awareness", validityMonths: 12 }],
    trainingRecords: [],
    supplierDue: [],
    documents: [],
    activities: [],
    evidence: [],
    ...overrides,
  };
}

function activity(fields: Partial<ActivityRecord> & Pick<ActivityRecord, "id" | "kind">): ActivityRecord {
  return { title: fields.kind, owner: null, due: asOf, doneOn: null, recurrenceMonths: null, ...fields };
}

function itemWithId(items: readonly CalendarItem[], id: string): CalendarItem {
  const item = items.find((i) => i.id === id);
  if (!item) throw new Error(`no item ${id} among ${items.map((i) => i.id).join(", ")}`);
  return item;
}

describe("the ISMS calendar", () => {
  it("a management review falls due a quarter after the newest one held, and a planned one is not a completion", () => {
    const items = buildCalendar(
      input({
        managementReviews: [
          { heldOn: "2025-12-01", status: "held" },
          { heldOn: "2026-02-10", status: "held" },
          { heldOn: "2026-05-01", status: "planned" },
        ],
      }),
    );
    expect(itemWithId(items, "management-review")).toMatchObject({ due: "2026-05-10", lastDone: "2026-02-10", overdue: true, owner: "P-001", basis: "9.3", recurrenceMonths: 3 });
  });

  it("the risk assessment falls due at the methodology's interval after the newest assessment", () => {
    const items = buildCalendar(input({ riskReviewMonths: 6, riskAssessedOn: ["2026-01-20", "2026-03-02"] }));
    expect(itemWithId(items, "risk-assessment")).toMatchObject({ due: "2026-09-02", lastDone: "2026-03-02", overdue: false, owner: "P-002", recurrenceMonths: 6 });
  });

  it("the internal audit falls due a year after the newest completed internal audit, not after a planned or external one", () => {
    const audit = { plannedStart: null, plannedEnd: null, actualStart: null, actualEnd: null };
    const items = buildCalendar(
      input({
        audits: [
          { ...audit, kind: "internal", status: "completed", plannedEnd: "2025-05-01", actualEnd: "2025-05-20" },
          { ...audit, kind: "internal", status: "planned", plannedStart: "2026-05-01" },
          { ...audit, kind: "stage2", status: "completed", actualEnd: "2026-01-10" },
        ],
      }),
    );
    expect(itemWithId(items, "internal-audit")).toMatchObject({ due: "2026-05-20", lastDone: "2025-05-20", overdue: true, owner: "P-006", basis: "9.2" });
  });

  it("an activity never done and never planned is due on the calendar's day, not yet overdue", () => {
    const items = buildCalendar(input());
    for (const kind of ["risk-assessment", "internal-audit", "management-review", "access-review", "incident-response-test", "disaster-recovery-test", "backup-restore-test"]) {
      expect(itemWithId(items, kind)).toMatchObject({ due: asOf, lastDone: null, overdue: false });
    }
  });

  it("a yearly test counts as done by a done activity or by evidence of its kind, whichever is newer", () => {
    const items = buildCalendar(
      input({
        activities: [activity({ id: "ACT-001", kind: "incident-response-test", due: "2025-03-01", doneOn: "2025-03-04", owner: "P-002" })],
        evidence: [
          { kind: "incident-response-test", collectedOn: "2025-04-11" },
          { kind: "disaster-recovery-test", collectedOn: "2025-09-30" },
        ],
      }),
    );
    expect(itemWithId(items, "incident-response-test")).toMatchObject({ due: "2026-04-11", lastDone: "2025-04-11", overdue: true, owner: "P-002", basis: "A.5.24" });
    expect(itemWithId(items, "disaster-recovery-test")).toMatchObject({ due: "2026-09-30", overdue: false, basis: "A.5.30" });
  });

  it("a planned activity stands for the next occurrence of its kind unless it is planned later than the interval allows", () => {
    const onTime = buildCalendar(
      input({
        activities: [
          activity({ id: "ACT-001", kind: "access-review", due: "2026-03-31", doneOn: "2026-04-02", recurrenceMonths: 3 }),
          activity({ id: "ACT-002", kind: "access-review", title: "Quarterly access review", due: "2026-06-30", recurrenceMonths: 3, owner: "P-002" }),
        ],
      }),
    );
    expect(onTime.filter((i) => i.kind === "access-review")).toEqual([
      { id: "ACT-002", title: "Quarterly access review", kind: "access-review", owner: "P-002", due: "2026-06-30", lastDone: "2026-04-02", overdue: false, basis: "A.5.18", recurrenceMonths: 3 },
    ]);

    const late = buildCalendar(input({ activities: [activity({ id: "ACT-003", kind: "backup-restore-test", due: "2027-01-31", recurrenceMonths: 12 })], evidence: [{ kind: "backup-restore-test", collectedOn: "2025-05-01" }] }));
    expect(late.filter((i) => i.kind === "backup-restore-test").map((i) => [i.id, i.due, i.overdue])).toEqual([
      ["backup-restore-test", "2026-05-01", true],
      ["ACT-003", "2027-01-31", false],
    ]);
  });

  it("a done recurring activity of another kind yields its next occurrence until one is planned", () => {
    const done = activity({ id: "ACT-007", kind: "vulnerability-scan-review", title: "Scanner findings review", due: "2026-05-01", doneOn: "2026-05-03", recurrenceMonths: 1, owner: "P-002" });
    expect(buildCalendar(input({ activities: [done] })).find((i) => i.kind === "vulnerability-scan-review")).toMatchObject({
      id: "ACT-007:next",
      title: "Scanner findings review",
      due: "2026-06-03",
      overdue: true,
      basis: "8.1",
    });
    const planned = activity({ ...done, id: "ACT-008", due: "2026-06-03", doneOn: null });
    expect(buildCalendar(input({ activities: [done, planned] })).filter((i) => i.kind === "vulnerability-scan-review").map((i) => i.id)).toEqual(["ACT-008"]);
    const oneOff = activity({ ...done, recurrenceMonths: null });
    expect(buildCalendar(input({ activities: [oneOff] })).some((i) => i.kind === "vulnerability-scan-review")).toBe(false);
  });

  it("a completion after the calendar's day leaves the activity open on that day", () => {
    const items = buildCalendar(input({ activities: [activity({ id: "ACT-001", kind: "access-review", due: "2026-06-01", doneOn: "2026-06-20", recurrenceMonths: 3 })] }));
    expect(itemWithId(items, "ACT-001")).toMatchObject({ due: "2026-06-01", overdue: true, lastDone: null });
  });

  it("awareness training is due per person when their record expires, at joining when never trained, and not for leavers", () => {
    const items = buildCalendar(
      input({
        people: [
          { id: "P-001", name: "Ada", startDate: "2024-01-01", endDate: null, ismsRoles: [] },
          { id: "P-002", name: "Ben", startDate: "2026-02-01", endDate: null, ismsRoles: [] },
          { id: "P-003", name: "Cy", startDate: "2026-07-01", endDate: null, ismsRoles: [] },
          { id: "P-004", name: "Dee", startDate: "2020-01-01", endDate: "2026-03-31", ismsRoles: [] },
        ],
        trainingCourses: [
          { id: "TC-001", kind: "awareness", validityMonths: 12 },
          { id: "TC-002", kind: "role", validityMonths: 12 },
        ],
        trainingRecords: [
          { courseId: "TC-001", personId: "P-001", completedOn: "2025-09-01", expiresOn: null },
          { courseId: "TC-002", personId: "P-002", completedOn: "2026-03-01", expiresOn: null },
        ],
      }),
    );
    const awareness = items.filter((i) => i.kind === "awareness-training");
    expect(awareness.map((i) => [i.id, i.due, i.overdue, i.owner])).toEqual([
      ["awareness-training:P-002", "2026-02-01", true, "P-002"],
      ["awareness-training:P-003", "2026-07-01", false, "P-003"],
      ["awareness-training:P-001", "2026-09-01", false, "P-001"],
    ]);
    expect(itemWithId(items, "awareness-training:P-001")).toMatchObject({ title: "Awareness training: Ada", lastDone: "2025-09-01", basis: "7.3, A.6.3" });
  });

  it("the supplier register's due items show with their owners, a review carrying its last day", () => {
    const supplier = { name: "Amazon Web Services", owner: "P-004", lastReview: "2025-06-01" };
    const items = buildCalendar(
      input({
        supplierDue: [
          { ...supplier, supplierId: "SUP-001", kind: "review", what: "security review overdue", due: "2026-06-01" },
          { ...supplier, supplierId: "SUP-001", kind: "certification", what: "ISO/IEC 27001 expires", due: "2026-08-31", certification: "ISO/IEC 27001" },
          { ...supplier, supplierId: "SUP-001", kind: "contract", what: "contract ends", due: "2026-12-31" },
        ],
      }),
    );
    expect(items.filter((i) => i.id.startsWith("supplier-")).map((i) => [i.id, i.title, i.due, i.overdue, i.owner, i.lastDone, i.basis])).toEqual([
      ["supplier-review:SUP-001", "Supplier review: Amazon Web Services", "2026-06-01", true, "P-004", "2025-06-01", "A.5.22"],
      ["supplier-certification:SUP-001:ISO/IEC 27001", "Amazon Web Services: ISO/IEC 27001 expires", "2026-08-31", false, "P-004", null, "A.5.22"],
      ["supplier-contract:SUP-001", "Amazon Web Services: contract ends", "2026-12-31", false, "P-004", null, "A.5.20"],
    ]);
  });

  it("documents fall due on their review date; a draft without one is not listed", () => {
    const items = buildCalendar(
      input({
        documents: [
          { id: "POL-ISP", title: "Information Security Policy", owner: "P-002", nextReview: "2027-01-10", reviewIntervalMonths: 12, lastPublished: "2026-01-10" },
          { id: "POL-DRAFT", title: "Draft", owner: null, nextReview: null, reviewIntervalMonths: 12, lastPublished: null },
        ],
      }),
    );
    expect(items.filter((i) => i.kind === "document-review")).toEqual([
      { id: "document-review:POL-ISP", title: "Document review: Information Security Policy", kind: "document-review", owner: "P-002", due: "2027-01-10", lastDone: "2026-01-10", overdue: false, basis: "7.5.2", recurrenceMonths: 12 },
    ]);
  });

  it("the calendar is ordered by due day, and within a number of days keeps the overdue items", () => {
    const items = buildCalendar(input({ managementReviews: [{ heldOn: "2026-01-01", status: "held" }], riskAssessedOn: ["2026-01-01"] }));
    expect(items.map((i) => i.due)).toEqual([...items.map((i) => i.due)].sort());
    const soon = dueWithin(items, asOf, 30);
    expect(soon.some((i) => i.id === "management-review" && i.overdue)).toBe(true);
    expect(soon.some((i) => i.id === "risk-assessment")).toBe(false);
    expect(soon.every((i) => i.due <= "2026-07-15")).toBe(true);
  });
});
