import { describe, expect, it } from "vitest";
import { describeConflicts, independenceConflicts, type IndependenceInput } from "./independence.js";

const headOfSecurity = { id: "P-002", name: "Head of Security", ismsRoles: ["isms-owner", "risk-owner"] };
const auditor = { id: "P-006", name: "Internal auditor", ismsRoles: ["internal-auditor"] };

function audit(overrides: Partial<IndependenceInput> = {}): IndependenceInput {
  return {
    auditor,
    clauses: ["4", "5", "6", "7", "8", "9", "10"],
    controls: ["5.15", "8.5"],
    controlOwners: [
      { controlId: "5.15", owner: "P-003" },
      { controlId: "8.5", owner: "P-002" },
      { controlId: "8.13", owner: "P-006" },
    ],
    documents: [{ id: "POL-ACCESS", title: "Access Control Policy", owner: "P-002", controls: ["A.5.15", "5.18"] }],
    risks: [
      { id: "R-002", title: "Takeover of the management account", owner: "P-002", controlIds: ["5.15", "8.16"], status: "open" },
      { id: "R-009", title: "Old risk", owner: "P-002", controlIds: ["8.5"], status: "closed" },
    ],
    ...overrides,
  };
}

describe("the independence of an internal auditor", () => {
  it("an auditor who owns nothing the audit covers is independent", () => {
    expect(independenceConflicts(audit())).toEqual([]);
  });

  it("the ISMS owner may not audit the clauses of the ISMS they own", () => {
    const conflicts = independenceConflicts(audit({ auditor: headOfSecurity, controls: [] }));
    expect(conflicts).toEqual([{ kind: "isms-owner", subject: "ISMS", reason: "holds the isms-owner role and the audit covers clauses 4, 5, 6, 7, 8, 9, 10" }]);
  });

  it("the ISMS owner may audit controls they neither own nor answer for when the audit covers no clause", () => {
    expect(independenceConflicts(audit({ auditor: headOfSecurity, clauses: [], controls: ["8.13"] }))).toEqual([]);
  });

  it("an auditor may not audit a control they own in the SoA, nor one their document or open risk rests on", () => {
    const conflicts = independenceConflicts(audit({ auditor: headOfSecurity, clauses: [] }));
    expect(conflicts.map((c) => [c.kind, c.subject])).toEqual([
      ["control-owner", "8.5"],
      ["document-owner", "POL-ACCESS"],
      ["risk-owner", "R-002"],
    ]);
    expect(conflicts.find((c) => c.kind === "document-owner")?.reason).toBe("owns document POL-ACCESS (Access Control Policy) on A.5.15");
  });

  it("a closed risk is no conflict", () => {
    const conflicts = independenceConflicts(audit({ auditor: headOfSecurity, clauses: [], controls: ["8.5"], documents: [] }));
    expect(conflicts.map((c) => c.subject)).toEqual(["8.5"]);
  });

  it("the message names the auditor, the audit and every conflict", () => {
    const conflicts = independenceConflicts(audit({ auditor: headOfSecurity }));
    const message = describeConflicts(headOfSecurity, "AUD-001", conflicts);
    expect(message).toMatch(/^Head of Security \(P-002\) is not independent of AUD-001: holds the isms-owner role/);
    for (const subject of ["control 8.5", "document POL-ACCESS", "risk R-002"]) expect(message).toContain(subject);
  });
});
