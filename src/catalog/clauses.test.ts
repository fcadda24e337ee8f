import { describe, expect, it } from "vitest";
import { clauses, findClause, getClause, managementReviewInputs, mandatoryDocumentedInformation } from "./clauses.js";
import { CatalogLookupError } from "./errors.js";

const requiringDocumentedInformation = [
  "4.3", "5.2", "6.1.2", "6.1.3", "6.2", "7.2", "7.5.1", "8.1", "8.2", "8.3", "9.1", "9.2.2", "9.3.3", "10.2",
];
const headings = ["4", "5", "6", "6.1", "7", "7.5", "8", "9", "9.2", "9.3", "10"];

describe("the clauses of ISO/IEC 27001:2022", () => {
  it("have 41 entries from 4 to 10.2, headings included, each id once", () => {
    expect(clauses).toHaveLength(41);
    expect(new Set(clauses.map((c) => c.id)).size).toBe(41);
    expect(clauses[0]?.id).toBe("4");
    expect(clauses.at(-1)?.id).toBe("10.2");
  });

  it("come in the standard's order, a heading before its sub-clauses and 9 before 10", () => {
    const order = clauses.map((c) => c.id);
    expect(order.indexOf("9.2")).toBeLessThan(order.indexOf("9.2.1"));
    expect(order.indexOf("9.3.3")).toBeLessThan(order.indexOf("10"));
    expect(order.indexOf("6.1.3")).toBeLessThan(order.indexOf("6.2"));
  });

  it("have a level equal to the depth of their number", () => {
    for (const clause of clauses) {
      expect(clause.level, clause.id).toBe(clause.id.split(".").length);
    }
  });

  it("mark the 11 headings with null and the other 30 with true or false", () => {
    expect(clauses.filter((c) => c.requiresDocumentedInformation === null).map((c) => c.id)).toEqual(headings);
  });

  it("say that exactly 14 clauses require documented information", () => {
    expect(clauses.filter((c) => c.requiresDocumentedInformation === true).map((c) => c.id)).toEqual(
      requiringDocumentedInformation,
    );
  });

  it("use the 2022 titles, including 6.3 Planning of changes and the swapped 10.1 and 10.2", () => {
    expect(getClause("6.1.2").title).toBe("Information security risk assessment");
    expect(getClause("6.3")).toMatchObject({ title: "Planning of changes", newIn2022: true });
    expect(getClause("8").title).toBe("Operation");
    expect(getClause("10.1").title).toBe("Continual improvement");
    expect(getClause("10.2").title).toBe("Nonconformity and corrective action");
    expect(clauses.filter((c) => c.newIn2022).map((c) => c.id)).toEqual(["6.3"]);
  });

  it("each carry a distinct one-sentence summary", () => {
    for (const clause of clauses) {
      expect(clause.summary.trim().length, clause.id).toBeGreaterThan(10);
      expect(clause.summary.split(/(?<=\.)\s+/), clause.id).toHaveLength(1);
    }
    expect(new Set(clauses.map((c) => c.summary)).size).toBe(41);
  });
});

describe("the mandatory documented information", () => {
  it("has 16 items, 14 of them worded explicitly as documented information", () => {
    expect(mandatoryDocumentedInformation).toHaveLength(16);
    expect(mandatoryDocumentedInformation.filter((d) => d.explicit)).toHaveLength(14);
    expect(mandatoryDocumentedInformation.filter((d) => !d.explicit).map((d) => d.ref)).toEqual([
      "6.1.3 e)",
      "7.5.1 b)",
    ]);
  });

  it("comes from exactly the 14 clauses that require documented information", () => {
    const sourceClauses = new Set(mandatoryDocumentedInformation.map((d) => d.clause));
    expect([...sourceClauses].sort()).toEqual([...requiringDocumentedInformation].sort());
  });

  it("names existing clauses and a level-2 parent that contains each clause", () => {
    for (const item of mandatoryDocumentedInformation) {
      expect(findClause(item.clause), item.ref).toBeDefined();
      expect(findClause(item.parentClause)?.level, item.ref).toBe(2);
      expect(`${item.clause}.`.startsWith(`${item.parentClause}.`), item.ref).toBe(true);
    }
    expect(mandatoryDocumentedInformation.find((d) => d.clause === "9.2.2")?.parentClause).toBe("9.2");
  });

  it("includes the Statement of Applicability under 6.1.3 d) and the risk treatment plan under 6.1.3 e)", () => {
    expect(mandatoryDocumentedInformation.find((d) => d.ref === "6.1.3 d)")?.name).toBe("Statement of Applicability");
    expect(mandatoryDocumentedInformation.find((d) => d.ref === "6.1.3 e)")?.name).toBe("Risk treatment plan");
  });
});

describe("the management review inputs of 9.3.2", () => {
  it("are a) to g), with d) split into 1) to 4)", () => {
    expect(managementReviewInputs.map((i) => i.ref)).toEqual(
      ["a)", "b)", "c)", "d)", "e)", "f)", "g)"].map((letter) => `9.3.2 ${letter}`),
    );
    const d = managementReviewInputs.find((i) => i.ref === "9.3.2 d)");
    expect(d?.subItems.map((s) => s.ref)).toEqual(["1)", "2)", "3)", "4)"].map((n) => `9.3.2 d) ${n}`));
    expect(managementReviewInputs.filter((i) => i.ref !== "9.3.2 d)").every((i) => i.subItems.length === 0)).toBe(true);
  });

  it("mark c), changes in interested parties' needs, as the one input new in 2022", () => {
    expect(managementReviewInputs.filter((i) => i.newIn2022).map((i) => i.ref)).toEqual(["9.3.2 c)"]);
  });
});

describe("finding a clause", () => {
  it("accepts the id alone or written as 'Clause 9.2.2'", () => {
    expect(findClause("9.2.2")?.title).toBe("Internal audit programme");
    expect(findClause("Clause 9.2.2")?.id).toBe("9.2.2");
    expect(findClause(" 4.3 ")?.id).toBe("4.3");
  });

  it("finds nothing for a number the standard does not use", () => {
    expect(findClause("11")).toBeUndefined();
    expect(findClause("6.4")).toBeUndefined();
    expect(findClause("A.5.1")).toBeUndefined();
    expect(findClause("")).toBeUndefined();
  });

  it("getClause throws a CatalogLookupError that names the id and how to list valid ones", () => {
    expect(() => getClause("11")).toThrow(CatalogLookupError);
    expect(() => getClause("11")).toThrow(/"11".*isms catalog clauses/);
  });
});
