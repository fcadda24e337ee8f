import { describe, expect, it } from "vitest";
import { assessAuditProgramme, cycleOf, mainClauses, proposeAudits, type ProgrammeAudit, type ProgrammeInput } from "./programme.js";

const controls = Array.from({ length: 10 }, (_, i) => ({ id: `5.${i + 1}`, title: `Control 5.${i + 1}` }));

function audit(fields: Partial<ProgrammeAudit> & { id: string }): ProgrammeAudit {
  return { title: `Audit ${fields.id}`, kind: "internal", status: "planned", day: "2026-10-01", clauses: [], controls: [], ...fields };
}

function programme(audits: ProgrammeAudit[], overrides: Partial<ProgrammeInput> = {}): ProgrammeInput {
  return { year: 2026, cycleYears: 3, cycleStart: 2026, audits, includedControls: controls, ...overrides };
}

describe("the internal audit programme", () => {
  it("places a year in its certification cycle", () => {
    expect(cycleOf(2026, 2026, 3)).toEqual({ from: 2026, to: 2028 });
    expect(cycleOf(2029, 2026, 3)).toEqual({ from: 2029, to: 2031 });
    expect(cycleOf(2025, 2026, 3)).toEqual({ from: 2023, to: 2025 });
  });

  it("counts a clause covered in a year by an audit listing it or one of its sub-clauses", () => {
    const result = assessAuditProgramme(programme([audit({ id: "AUD-001", clauses: ["4", "5", "9.2", "9.3"], status: "completed" })]));
    expect(result.clauses.find((c) => c.clause === "9")?.coveredBy).toEqual([{ auditId: "AUD-001", title: "Audit AUD-001", status: "completed", day: "2026-10-01", via: ["9.2", "9.3"] }]);
    expect(result.uncoveredClauses).toEqual(["6", "7", "8", "10"]);
  });

  it("counts a control covered by an audit anywhere in the cycle, but a clause only in its own year", () => {
    const audits = [audit({ id: "AUD-001", day: "2027-03-01", clauses: [...mainClauses], controls: ["5.1", "5.2"] })];
    const result = assessAuditProgramme(programme(audits));
    expect(result.uncoveredClauses).toEqual([...mainClauses]);
    expect(result.uncoveredControls).toEqual(["5.3", "5.4", "5.5", "5.6", "5.7", "5.8", "5.9", "5.10"]);
    expect(assessAuditProgramme(programme(audits, { year: 2029 })).uncoveredControls).toHaveLength(10);
  });

  it("ignores cancelled audits, audits by the certification body, and lists undated ones", () => {
    const audits = [
      audit({ id: "AUD-001", status: "cancelled", clauses: ["4"] }),
      audit({ id: "AUD-002", kind: "stage2", clauses: ["5"] }),
      audit({ id: "AUD-003", day: null, clauses: ["6"] }),
    ];
    const result = assessAuditProgramme(programme(audits));
    expect(result.uncoveredClauses).toEqual([...mainClauses]);
    expect(result.unscheduled).toEqual(["AUD-003"]);
  });

  it("proposes one audit a year of clauses 4–10 and a third of the uncovered controls", () => {
    const proposals = proposeAudits(programme([]), "2026-05-01");
    expect(proposals.map((p) => p.year)).toEqual([2026, 2027, 2028]);
    expect(proposals.map((p) => p.clauses)).toEqual([[...mainClauses], [...mainClauses], [...mainClauses]]);
    expect(proposals.map((p) => p.controls.length)).toEqual([4, 3, 3]);
    expect(proposals.flatMap((p) => p.controls).sort()).toEqual(controls.map((c) => c.id).sort());
    expect(proposals[0]).toMatchObject({ title: "Internal audit 2026", plannedStart: "2026-09-01", plannedEnd: "2026-09-05" });
    expect(proposals[0]?.scope).toBe("The ISMS: clauses 4–10 of ISO/IEC 27001:2022, and 4 Annex A controls of the SoA");
  });

  it("closes exactly the gaps that the audits on record leave", () => {
    const audits = [audit({ id: "AUD-001", clauses: [...mainClauses], controls: controls.slice(0, 8).map((c) => c.id) })];
    const proposals = proposeAudits(programme(audits), "2026-05-01");
    expect(proposals.map((p) => [p.year, p.clauses.length, p.controls])).toEqual([
      [2026, 0, ["5.9"]],
      [2027, 7, ["5.10"]],
      [2028, 7, []],
    ]);
    const planned = proposals.map((p, i) => audit({ id: `NEW-${i}`, day: p.plannedStart, clauses: p.clauses, controls: p.controls }));
    const after = assessAuditProgramme(programme([...audits, ...planned]));
    expect(after.uncoveredControls).toEqual([]);
    expect(after.uncoveredClauses).toEqual([]);
  });

  it("never plans in the past: late in the year the audit starts from today, and past years get nothing", () => {
    const [late] = proposeAudits(programme([]), "2026-12-28");
    expect(late).toMatchObject({ year: 2026, plannedStart: "2026-12-28", plannedEnd: "2026-12-31" });
    expect(proposeAudits(programme([]), "2029-01-10")).toEqual([]);
    expect(proposeAudits(programme([]), "2027-11-01").map((p) => [p.year, p.plannedStart, p.controls.length])).toEqual([
      [2027, "2027-11-15", 5],
      [2028, "2028-09-01", 5],
    ]);
  });
});
