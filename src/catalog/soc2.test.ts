import { describe, expect, it } from "vitest";
import { CatalogLookupError } from "./errors.js";
import {
  criteriaInCategory,
  findCriterion,
  getCriterion,
  isCriterionId,
  tscCategories,
  tscCriteria,
  tscEdition,
} from "./soc2.js";

const ids = (criteria: readonly { id: string }[]) => criteria.map((c) => c.id);

describe("the Trust Services Criteria", () => {
  it("number 61, each with a unique id", () => {
    expect(tscCriteria).toHaveLength(61);
    expect(new Set(ids(tscCriteria)).size).toBe(61);
  });

  it("split into 33 common criteria, 3 availability, 2 confidentiality, 5 processing integrity and 18 privacy", () => {
    const counts = Object.fromEntries(tscCategories.map((category) => [category, criteriaInCategory(category).length]));
    expect(counts).toEqual({
      security: 33,
      availability: 3,
      confidentiality: 2,
      "processing-integrity": 5,
      privacy: 18,
    });
  });

  it("are the 2017 edition with the 2022 revised points of focus", () => {
    expect(tscEdition).toBe("2017 Trust Services Criteria (with revised points of focus, 2022)");
  });

  it("come in the framework's order, from CC1.1 to P8.1", () => {
    expect(ids(tscCriteria).slice(0, 3)).toEqual(["CC1.1", "CC1.2", "CC1.3"]);
    expect(ids(tscCriteria).slice(31, 38)).toEqual(["CC9.1", "CC9.2", "A1.1", "A1.2", "A1.3", "C1.1", "C1.2"]);
    expect(ids(tscCriteria).at(-1)).toBe("P8.1");
  });

  it("sit in the group their id names, e.g. CC6.1 in CC6 and PI1.3 in PI1", () => {
    for (const criterion of tscCriteria) {
      expect(criterion.id.startsWith(`${criterion.group}.`), criterion.id).toBe(true);
    }
    expect(getCriterion("CC6.1").groupTitle).toBe("Logical and Physical Access Controls");
    expect(getCriterion("CC2.1").groupTitle).toBe("Communication and Information");
  });

  it("give CC1.1 to CC5.3 the seventeen COSO principles, each once, and no principle to the others", () => {
    const withPrinciple = tscCriteria.filter((c) => c.cosoPrinciple !== undefined);
    expect(ids(withPrinciple)).toEqual(ids(tscCriteria).filter((id) => /^CC[1-5]\./.test(id)));
    expect(withPrinciple.map((c) => c.cosoPrinciple).sort((a = 0, b = 0) => a - b)).toEqual(
      Array.from({ length: 17 }, (_, i) => i + 1),
    );
    expect(getCriterion("CC2.1").cosoPrinciple).toBe(13);
    expect(getCriterion("CC5.1").cosoPrinciple).toBe(10);
  });

  it("each carry a short title of our own", () => {
    for (const criterion of tscCriteria) {
      expect(criterion.shortTitle.trim().length, criterion.id).toBeGreaterThan(3);
    }
  });
});

describe("looking up a criterion", () => {
  it("finds it by its id regardless of case or spaces", () => {
    expect(findCriterion("CC6.1")?.id).toBe("CC6.1");
    expect(findCriterion("cc6.1")?.id).toBe("CC6.1");
    expect(findCriterion(" PI1.5 ")?.id).toBe("PI1.5");
    expect(findCriterion("CC 7.2")?.id).toBe("CC7.2");
  });

  it("finds nothing for an id the framework does not have", () => {
    expect(findCriterion("CC6.9")).toBeUndefined();
    expect(findCriterion("PP1.1")).toBeUndefined();
    expect(findCriterion("")).toBeUndefined();
  });

  it("throws a CatalogLookupError that names the query and how to list the ids", () => {
    expect(() => getCriterion("CC10.1")).toThrow(CatalogLookupError);
    expect(() => getCriterion("CC10.1")).toThrow(/"CC10\.1".*isms catalog criteria/);
  });

  it("accepts only exact ids as criterion ids", () => {
    expect(isCriterionId("A1.2")).toBe(true);
    expect(isCriterionId("a1.2")).toBe(false);
    expect(isCriterionId("A1.4")).toBe(false);
  });
});
