import { describe, expect, it } from "vitest";
import { convert2013Rows, type Row2013 } from "./convert-2013.js";

const row = (id2013: string, overrides: Partial<Row2013> = {}, at = 2): Row2013 => ({
  row: at,
  id2013,
  applicability: "applicable",
  justification: `Why ${id2013}`,
  implementationStatus: "implemented",
  ...overrides,
});

describe("converting a 2013 SoA", () => {
  it("merges the three logging controls into 8.15 with the least implemented status and every justification", () => {
    const { rows, report } = convert2013Rows([
      row("12.4.1", {}, 5),
      row("12.4.2", { implementationStatus: "partially_implemented" }, 6),
      row("12.4.3", { implementationStatus: "not_implemented" }, 7),
    ]);
    expect(rows).toEqual([
      expect.objectContaining({
        controlId: "8.15",
        rows: [5, 6, 7],
        from: ["A.12.4.1", "A.12.4.2", "A.12.4.3"],
        applicability: "applicable",
        implementationStatus: "not_implemented",
        justification: "A.12.4.1: Why 12.4.1 | A.12.4.2: Why 12.4.2 | A.12.4.3: Why 12.4.3",
      }),
    ]);
    const notes = report.converted[0]?.notes ?? [];
    expect(notes[0]).toBe("merged A.12.4.1, A.12.4.2, A.12.4.3");
    expect(notes[1]).toMatch(/statuses differ .* took the least implemented, not implemented/);
    expect(report.undecided).toHaveLength(92);
  });

  it("keeps one justification when the merged rows say the same", () => {
    const { rows } = convert2013Rows([row("10.1.1", { justification: "Encryption" }), row("10.1.2", { justification: "Encryption" })]);
    expect(rows[0]).toMatchObject({ controlId: "8.24", justification: "Encryption" });
  });

  it("reports a conflict in applicability and keeps the control in the SoA", () => {
    const { rows, report } = convert2013Rows([row("11.1.2"), row("11.1.6", { applicability: "not_applicable", implementationStatus: null, justification: "No loading areas" })]);
    expect(rows[0]).toMatchObject({ controlId: "7.2", applicability: "applicable", implementationStatus: "implemented" });
    expect(report.converted[0]?.notes.join(" ")).toMatch(/conflict in applicability \(A\.11\.1\.2 applicable, A\.11\.1\.6 not applicable\); took applicable/);
  });

  it("feeds a 2013 control that split into two 2022 controls into both, and says so", () => {
    const { rows, report } = convert2013Rows([row("18.2.3", { implementationStatus: "planned" }), row("12.6.1")]);
    expect(rows.map((r) => [r.controlId, r.implementationStatus])).toEqual([["5.36", "planned"], ["8.8", "planned"]]);
    expect(report.converted.find((c) => c.controlId === "5.36")?.notes).toContain("A.18.2.3 also feeds 8.8");
  });

  it("leaves fields the file did not have undefined, so that the store keeps its values", () => {
    const { rows } = convert2013Rows([{ row: 2, id2013: "9.2.3", applicability: "applicable" }]);
    expect(rows[0]).toMatchObject({ controlId: "8.2", justification: undefined, implementationStatus: undefined, owner: undefined, reference: undefined });
  });
});
