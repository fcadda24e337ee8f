import { describe, expect, it } from "vitest";
import { diffSoaVersions, type SoaDiffEntry } from "./diff.js";

function entry(controlId: string, overrides: Partial<SoaDiffEntry> = {}): SoaDiffEntry {
  return { controlId, title: `Control ${controlId}`, applicability: "applicable", implementationStatus: null, justification: "Needed", owner: "P-001", reasons: [{ kind: "business" }], ...overrides };
}

describe("the difference between two SoA versions", () => {
  it("is empty for the same entries", () => {
    const entries = [entry("5.1"), entry("8.24")];
    expect(diffSoaVersions(entries, entries.map((e) => ({ ...e })))).toEqual({ added: [], removed: [], changed: [] });
  });

  it("names each changed field with its value before and after, in the SoA's order", () => {
    const before = [entry("5.10"), entry("5.2"), entry("8.30")];
    const after = [
      entry("5.2", { implementationStatus: "implemented", owner: "P-002" }),
      entry("5.10"),
      entry("8.30", { applicability: "not_applicable", justification: "No outsourced development", reasons: [] }),
    ];
    expect(diffSoaVersions(before, after).changed).toEqual([
      {
        controlId: "5.2",
        title: "Control 5.2",
        changes: [
          { field: "implementationStatus", from: null, to: "implemented" },
          { field: "owner", from: "P-001", to: "P-002" },
        ],
      },
      {
        controlId: "8.30",
        title: "Control 8.30",
        changes: [
          { field: "applicability", from: "applicable", to: "not_applicable" },
          { field: "justification", from: "Needed", to: "No outsourced development" },
          { field: "reasons", from: "business", to: null },
        ],
      },
    ]);
  });

  it("does not count reasons given in another order as a change", () => {
    const before = [entry("5.34", { reasons: [{ kind: "legal", ref: "GDPR" }, { kind: "risk", ref: "R-001" }] })];
    const after = [entry("5.34", { reasons: [{ kind: "risk", ref: "R-001" }, { kind: "legal", ref: "GDPR" }] })];
    expect(diffSoaVersions(before, after).changed).toEqual([]);
  });

  it("lists controls added and removed, own controls after Annex A", () => {
    const diff = diffSoaVersions([entry("5.1"), entry("ACME-01", { theme: "own" })], [entry("5.1"), entry("ACME-02", { theme: "own" }), entry("8.1")]);
    expect(diff.added.map((c) => c.controlId)).toEqual(["8.1", "ACME-02"]);
    expect(diff.removed.map((c) => c.controlId)).toEqual(["ACME-01"]);
  });
});
