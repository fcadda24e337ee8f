import { describe, expect, it } from "vitest";
import { parseApplicabilityCell, parseControlRef, parseReasonsCell, parseStatusCell } from "./import-cells.js";

const value = <T>(result: { ok: true; value: T } | { ok: false; message: string }) => (result.ok ? result.value : result.message);

describe("reading SoA cells", () => {
  it("reads 2022 control ids however they are written", () => {
    for (const text of ["A.5.1", "A 5.1", "a5.1", "5.1", " 5.1 "]) expect(value(parseControlRef(text)), text).toEqual({ edition: "2022", id: "5.1" });
    expect(value(parseControlRef("A.8.24 Use of cryptography"))).toEqual({ edition: "2022", id: "8.24", title: "Use of cryptography" });
  });

  it("recognizes 2013 ids, headings and own controls", () => {
    expect(value(parseControlRef("A.12.4.1"))).toEqual({ edition: "2013", id: "12.4.1" });
    expect(value(parseControlRef("9.2.3"))).toEqual({ edition: "2013", id: "9.2.3" });
    expect(value(parseControlRef("A.12.4"))).toEqual({ edition: "heading", id: "12.4" });
    expect(value(parseControlRef("A.5"))).toEqual({ edition: "heading", id: "5" });
    expect(value(parseControlRef("ACME-01"))).toEqual({ edition: "own", id: "ACME-01" });
  });

  it("refuses what is no control", () => {
    expect(parseControlRef("A.19.1.1").ok).toBe(false);
    expect(parseControlRef("Organizational controls").ok).toBe(false);
    expect(parseControlRef("").ok).toBe(false);
  });

  it("reads applicability as Yes, No or Inherited, and a partial yes as applicable with a note", () => {
    expect(value(parseApplicabilityCell("Yes"))).toBe("applicable");
    expect(value(parseApplicabilityCell("No"))).toBe("not_applicable");
    expect(value(parseApplicabilityCell("N/A"))).toBe("not_applicable");
    expect(value(parseApplicabilityCell("Inherited"))).toBe("inherited");
    const partly = parseApplicabilityCell("Partially");
    expect(partly).toMatchObject({ ok: true, value: "applicable" });
    expect(partly.ok && partly.note).toMatch(/justification/);
    expect(parseApplicabilityCell("Maybe").ok).toBe(false);
  });

  it("reads the usual status words", () => {
    expect(value(parseStatusCell("Implemented"))).toBe("implemented");
    expect(value(parseStatusCell("Partially implemented"))).toBe("partially_implemented");
    expect(value(parseStatusCell("In progress"))).toBe("partially_implemented");
    expect(value(parseStatusCell("Planned"))).toBe("planned");
    expect(value(parseStatusCell("Not started"))).toBe("not_implemented");
    expect(value(parseStatusCell("N/A"))).toBeNull();
    expect(value(parseStatusCell(""))).toBeNull();
    expect(parseStatusCell("Soon").ok).toBe(false);
  });

  it("reads reasons with optional references", () => {
    expect(value(parseReasonsCell("risk: R-001; legal: GDPR Art. 32; best practice"))).toEqual([
      { kind: "risk", ref: "R-001" },
      { kind: "legal", ref: "GDPR Art. 32" },
      { kind: "best_practice" },
    ]);
    expect(value(parseReasonsCell("Regulatory\nContract: MSA"))).toEqual([{ kind: "legal" }, { kind: "contractual", ref: "MSA" }]);
    expect(parseReasonsCell("whim").ok).toBe(false);
  });
});
