import { describe, expect, it } from "vitest";
import { changedFields, entityChanges } from "./audit-log-history.js";

describe("the fields an audit log entry changed", () => {
  it("lists each changed field once, ignoring key order, in the order the entity shows them", () => {
    const before = { id: "R-001", owner: "P-004", likelihood: 2, impacts: { legal: 4, financial: 5 }, controlIds: ["5.15"] };
    const after = { controlIds: ["5.15"], impacts: { financial: 5, legal: 4 }, likelihood: 4, owner: "P-002", id: "R-001" };
    expect(changedFields(before, after)).toEqual([
      { field: "likelihood", before: 2, after: 4 },
      { field: "owner", before: "P-004", after: "P-002" },
    ]);
  });

  it("follows nested objects two levels down, then compares whole values", () => {
    const before = { body: { scales: { likelihood: [1, 2, 3] }, threshold: 12 } };
    const after = { body: { scales: { likelihood: [1, 2, 3, 4] }, threshold: 12 } };
    expect(changedFields(before, after)).toEqual([{ field: "body.scales", before: { likelihood: [1, 2, 3] }, after: { likelihood: [1, 2, 3, 4] } }]);
  });

  it("names fields added and removed, and a change of a whole non-object value", () => {
    expect(changedFields({ a: 1, gone: true }, { a: 1, added: "x" })).toEqual([
      { field: "added", before: undefined, after: "x" },
      { field: "gone", before: true, after: undefined },
    ]);
    expect(changedFields("41", "42")).toEqual([{ field: "", before: "41", after: "42" }]);
    expect(changedFields([1, 2], [1, 2])).toEqual([]);
  });

  it("a creation lists the fields given a value, a removal the fields that had one", () => {
    expect(entityChanges(null, { id: "EX-001", subject: "Wi-Fi", note: null })).toEqual([
      { field: "id", before: undefined, after: "EX-001" },
      { field: "subject", before: undefined, after: "Wi-Fi" },
    ]);
    expect(entityChanges({ id: "EX-001", note: null }, null)).toEqual([{ field: "id", before: "EX-001", after: undefined }]);
  });
});
