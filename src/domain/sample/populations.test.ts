// The populations built from the workspace's data, each item with the evidence that already answers
// the auditor's request about it, or a note saying what to provide.
import { describe, expect, it } from "vitest";
import { cloudTrailDayPopulation, daysOf, type EvidenceSummary } from "./cloudtrail-days.js";
import { iamUserPopulation, type UserCheckResult } from "./iam-users.js";
import { joinerPopulation, leaverPopulation } from "./people.js";
import { restoreTestPopulation } from "./restore-tests.js";

const checkIds = { consoleMfa: "iam-user-console-mfa", keyRotation: "iam-access-key-rotation", unusedCredentials: "iam-user-unused-credentials" };
const result = (checkId: string, resource: string, status: string, detail: string, evidenceId: string, account = "111111111111"): UserCheckResult => ({ checkId, account, resource, status, detail, evidenceId });
const evidence = (id: string, fields: Partial<EvidenceSummary> = {}): EvidenceSummary => ({
  id,
  kind: "upload",
  sourceKind: "upload",
  controlIds: [],
  periodStart: null,
  periodEnd: null,
  collectedOn: "2026-03-01",
  ...fields,
});
const period = { start: "2025-07-01", end: "2026-06-30" };

describe("iamUserPopulation", () => {
  const results = [
    result(checkIds.consoleMfa, "arn:aws:iam::111111111111:user/alice", "pass", "alice has MFA", "E-010"),
    result(checkIds.consoleMfa, "arn:aws:iam::111111111111:user/ops/bob", "fail", "bob has a console password and no MFA", "E-010"),
    result(checkIds.keyRotation, "AKIAALICE", "fail", "alice's active key AKIAALICE is 200 days old", "E-011"),
    result(checkIds.unusedCredentials, "arn:aws:iam::111111111111:user/alice", "pass", "alice has no credential unused for more than 45 days", "E-012"),
    result(checkIds.unusedCredentials, "arn:aws:iam::222222222222:user/ci-deployer", "pass", "ci-deployer has no credential unused", "E-013", "222222222222"),
    result(checkIds.consoleMfa, "111111111111", "not-applicable", "No IAM users", "E-014"),
  ];
  const population = iamUserPopulation({ run: { id: "C-002", finishedOn: "2026-06-30" }, results, iamSnapshots: [{ id: "E-001", account: "111111111111" }], checkIds });

  it("finds every user an MFA or credential check judged, once, named by the last part of its ARN", () => {
    expect(population.candidates.map((c) => c.item)).toEqual(["IAM user alice in 111111111111", "IAM user bob in 111111111111", "IAM user ci-deployer in 222222222222"]);
    expect(population.from).toBe("collection run C-002 of 2026-06-30");
  });

  it("links a user to its check results (the key by the user named in its detail) and its account's IAM snapshot", () => {
    const alice = population.candidates[0];
    expect(alice?.evidenceIds).toEqual(["E-010", "E-011", "E-012", "E-001"]);
    expect(alice?.answered).toBe(true);
    expect(alice?.note).toContain("console MFA: pass (alice has MFA)");
    expect(alice?.note).toContain("access key: fail (alice's active key AKIAALICE is 200 days old)");
    expect(population.candidates[1]?.note).toContain("no active access key");
  });

  it("leaves a user without an MFA result open, since the request asks for it", () => {
    const deployer = population.candidates[2];
    expect(deployer?.answered).toBe(false);
    expect(deployer?.note).toContain("console MFA: no result");
  });

  it("asks for the credential reports when nothing was collected", () => {
    const none = iamUserPopulation({ run: null, results: [], iamSnapshots: [], checkIds });
    expect(none.candidates).toEqual([]);
    expect(none.whenEmpty.answered).toBe(false);
    expect(none.whenEmpty.note).toContain("isms collect aws");
  });
});

describe("cloudTrailDayPopulation", () => {
  it("has a day for every day of the period up to today", () => {
    expect(daysOf({ start: "2026-02-27", end: "2026-03-10" }, "2026-03-02")).toEqual(["2026-02-27", "2026-02-28", "2026-03-01", "2026-03-02"]);
    expect(daysOf({ start: "2026-03-03", end: "2026-03-10" }, "2026-03-02")).toEqual([]);
  });

  it("answers a day with the CloudTrail snapshots of trail status, logging results and A.8.15 files that cover it, and nothing else", () => {
    const population = cloudTrailDayPopulation({
      period: { start: "2026-03-01", end: "2026-03-03" },
      today: "2026-06-30",
      evidence: [
        evidence("E-001", { kind: "aws-snapshot", sourceKind: "aws", service: "cloudtrail", operations: ["DescribeTrails", "GetTrailStatus"], periodStart: "2026-03-01", periodEnd: "2026-03-01" }),
        evidence("E-005", { kind: "aws-snapshot", sourceKind: "aws", service: "cloudtrail", operations: ["DescribeTrails"], periodStart: "2026-03-01", periodEnd: "2026-03-01" }),
        evidence("E-002", { kind: "check-result", sourceKind: "aws-check", periodStart: "2026-03-01", periodEnd: "2026-03-01" }),
        evidence("E-003", { kind: "aws-snapshot", sourceKind: "aws", service: "iam", periodStart: "2026-03-01", periodEnd: "2026-03-01" }),
        evidence("E-004", { controlIds: ["8.15"], periodStart: "2026-03-02", periodEnd: "2026-03-03" }),
      ],
      loggingResults: [{ evidenceId: "E-002", status: "pass" }, { evidenceId: "E-002", status: "fail" }],
    });
    const [first, second, third] = population.candidates;
    expect(first?.evidenceIds).toEqual(["E-001", "E-002"]);
    expect(first?.note).toBe("2 evidence record(s) cover the day; the logging check that day: 1 trail(s) logging and delivering, 1 not");
    expect(second?.evidenceIds).toEqual(["E-004"]);
    expect(third?.answered).toBe(true);
  });

  it("says what to provide for a day nothing covers", () => {
    const [day] = cloudTrailDayPopulation({ period: { start: "2026-03-14", end: "2026-03-14" }, today: "2026-06-30", evidence: [], loggingResults: [] }).candidates;
    expect(day?.answered).toBe(false);
    expect(day?.note).toContain("AWSLogs/<account>/CloudTrail/<region>/2026/03/14/");
  });
});

describe("restoreTestPopulation", () => {
  const activity = (id: string, doneOn: string, evidenceRefs: string[] = []) => ({ id, title: "Quarterly backup restore test", doneOn, evidenceRefs });

  it("links a done restore test to the evidence named when it was done and to files attached to A.8.13 that day", () => {
    const population = restoreTestPopulation({
      period,
      activities: [activity("ACT-002", "2026-02-26", ["E-020", "TICKET-1"]), activity("ACT-009", "2024-02-26")],
      evidence: [evidence("E-020"), evidence("E-021", { controlIds: ["8.13"], collectedOn: "2026-02-26" }), evidence("E-022", { controlIds: ["8.13"], collectedOn: "2026-03-01" })],
    });
    expect(population.candidates.map((c) => [c.key, c.evidenceIds, c.records])).toEqual([["ACT-002", ["E-020", "E-021"], [{ register: "activities", id: "ACT-002" }]]]);
  });

  it("counts restore-test evidence that no activity names as a test of its own", () => {
    const population = restoreTestPopulation({
      period,
      activities: [activity("ACT-002", "2026-02-26", ["E-020"])],
      evidence: [evidence("E-020", { kind: "backup-restore-test" }), evidence("E-030", { kind: "backup-restore-test", title: "Restore of orders-db", periodStart: "2026-05-01", periodEnd: "2026-05-02" })],
    });
    expect(population.candidates.map((c) => [c.key, c.on, c.answered])).toEqual([["ACT-002", "2026-02-26", true], ["E-030", "2026-05-02", true]]);
    expect(population.candidates[1]?.item).toBe("Backup restore test recorded as E-030 (Restore of orders-db) on 2026-05-02");
  });

  it("leaves a test done without evidence open, and asks for the last test when there was none", () => {
    const open = restoreTestPopulation({ period, activities: [activity("ACT-002", "2026-02-26")], evidence: [] });
    expect(open.candidates[0]?.answered).toBe(false);
    expect(open.candidates[0]?.note).toContain("ACT-002 was recorded as done on 2026-02-26 with no evidence");
    const none = restoreTestPopulation({ period, activities: [], evidence: [] });
    expect(none.whenEmpty.item).toBe("The last backup restore test before 2026-06-30");
  });
});

describe("joiners and leavers", () => {
  const people = [
    { id: "P-007", name: "Lena Vogel", startDate: "2025-03-03", endDate: null },
    { id: "P-008", name: "Omar Haddad", startDate: "2025-08-14", endDate: null },
    { id: "P-009", name: "Ada Park", startDate: "2025-09-01", endDate: null },
    { id: "P-003", name: "Noah Patel", startDate: "2022-09-12", endDate: "2026-05-31" },
  ];

  it("takes the joiners of the period with their awareness records, the proof linked when it is evidence", () => {
    const population = joinerPopulation({
      period,
      people,
      awareness: [{ id: "TR-004", personId: "P-008", courseId: "TC-001", completedOn: "2025-08-20", evidenceRef: "E-040" }, { id: "TR-005", personId: "P-003", courseId: "TC-001", completedOn: "2025-01-20", evidenceRef: "LMS-1" }],
      evidenceIds: new Set(["E-040"]),
    });
    expect(population.candidates.map((c) => c.key)).toEqual(["P-008", "P-009"]);
    const [omar, ada] = population.candidates;
    expect(omar?.records).toEqual([{ register: "people", id: "P-008" }, { register: "training_records", id: "TR-004" }]);
    expect(omar?.evidenceIds).toEqual(["E-040"]);
    expect(omar?.note).toBe("Awareness training TC-001 completed 2025-08-20, 6 day(s) after joining (TR-004, proof: E-040)");
    expect(ada?.answered).toBe(false);
    expect(ada?.note).toContain("isms training record --person P-009");
  });

  it("takes the leavers of the period, open until the exit is shown, naming what they still own", () => {
    const population = leaverPopulation({ period, people, stillOwns: new Map([["P-003", ["R-006", "ACT-001"]]]) });
    expect(population.candidates.map((c) => [c.item, c.answered])).toEqual([["Noah Patel (P-003), left 2026-05-31", false]]);
    expect(population.candidates[0]?.note).toContain("they still own 2 open item(s) to reassign: R-006, ACT-001");
  });
});
