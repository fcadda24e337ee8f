import { describe, expect, it } from "vitest";
import { annexAControls, controlsByTheme, isControlId } from "./annex-a.js";
import { CatalogLookupError } from "./errors.js";
import { controlsForCriterion, criteriaForControl, criteriaInCategory, isCriterionId, soc2Crosswalk } from "./soc2.js";

const criteriaOf = (controlId: string) => criteriaForControl(controlId).map((link) => link.criterion.id);

describe("the Annex A to SOC 2 crosswalk", () => {
  it("names only controls and criteria that exist", () => {
    for (const pair of soc2Crosswalk) {
      expect(isControlId(pair.control), pair.control).toBe(true);
      expect(isCriterionId(pair.criterion), pair.criterion).toBe(true);
    }
  });

  it("gives every pair a reason in words", () => {
    for (const pair of soc2Crosswalk) {
      expect(pair.reason.trim().split(/\s+/).length, `${pair.control} ↔ ${pair.criterion}`).toBeGreaterThanOrEqual(6);
    }
  });

  it("holds no pair twice", () => {
    const keys = soc2Crosswalk.map((pair) => `${pair.control} ${pair.criterion}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it("links most of the 93 controls to at least one criterion", () => {
    const linked = annexAControls.filter((control) => criteriaForControl(control.id).length > 0);
    expect(linked.length).toBeGreaterThanOrEqual(85);
  });

  it("links every physical control, with the four perimeter and entry controls on CC6.4", () => {
    for (const control of controlsByTheme("physical")) {
      expect(criteriaForControl(control.id).length, control.id).toBeGreaterThan(0);
    }
    for (const id of ["7.1", "7.2", "7.3", "7.4"]) {
      expect(criteriaOf(id), id).toContain("CC6.4");
    }
  });

  it("leaves out the doubtful pairs of the public mapping, such as 5.3 to CC7.5 and A1.3", () => {
    expect(criteriaOf("5.3")).not.toContain("CC7.5");
    expect(criteriaOf("5.3")).not.toContain("A1.3");
    expect(criteriaOf("5.3")).toContain("CC6.3");
  });

  it.each([
    ["5.1", "CC5.3"],
    ["5.2", "CC1.3"],
    ["5.4", "CC1.3"],
    ["5.19", "CC9.2"],
    ["5.20", "CC9.2"],
    ["5.23", "CC9.2"],
    ["5.24", "CC7.4"],
    ["5.25", "CC7.3"],
    ["5.26", "CC7.4"],
    ["5.27", "CC7.5"],
    ["5.28", "CC7.4"],
    ["5.29", "A1.3"],
    ["5.30", "A1.2"],
    ["5.30", "A1.3"],
    ["5.34", "P4.1"],
    ["6.3", "CC2.2"],
    ["6.3", "CC1.4"],
    ["7.14", "CC6.5"],
    ["8.7", "CC6.8"],
    ["8.13", "A1.2"],
    ["8.15", "CC7.2"],
    ["8.16", "CC7.2"],
    ["8.20", "CC6.6"],
    ["8.32", "CC8.1"],
  ])("maps %s to %s", (control, criterion) => {
    expect(criteriaOf(control)).toContain(criterion);
  });

  it("serves the cryptography control 8.24 with CC6.1 or CC6.7", () => {
    expect(criteriaOf("8.24").some((id) => id === "CC6.1" || id === "CC6.7")).toBe(true);
  });

  it("links 5.34 privacy to most privacy criteria, and every privacy criterion to some control", () => {
    const privacyIds = new Set(criteriaInCategory("privacy").map((c) => c.id));
    expect(criteriaOf("5.34").filter((id) => privacyIds.has(id)).length).toBeGreaterThanOrEqual(10);
    for (const criterion of criteriaInCategory("privacy")) {
      expect(controlsForCriterion(criterion.id).length, criterion.id).toBeGreaterThan(0);
    }
  });

  it("marks as direct only pairs where the control's purpose is the criterion's subject, e.g. 8.15 ↔ CC7.2", () => {
    const link = criteriaForControl("8.15").find((l) => l.criterion.id === "CC7.2");
    expect(link?.strength).toBe("direct");
    expect(link?.reason).toMatch(/anomal/);
  });
});

describe("looking up the crosswalk", () => {
  it("finds a control's criteria by any form of its id, in the criteria's order", () => {
    expect(criteriaOf("A.8.15")).toEqual(criteriaOf("8.15"));
    expect(criteriaOf("8.15")).toEqual(["CC7.1", "CC7.2", "CC7.3"]);
  });

  it("lists the controls that serve a criterion in the standard's order", () => {
    const controls = controlsForCriterion("cc8.1").map((link) => link.control.id);
    expect(controls).toContain("8.32");
    expect(controls.indexOf("5.8")).toBeLessThan(controls.indexOf("8.32"));
    expect(controls.indexOf("8.4")).toBeLessThan(controls.indexOf("8.25"));
  });

  it("resolves each link to the full criterion or control, so callers can show titles", () => {
    const link = criteriaForControl("8.24").find((l) => l.criterion.id === "CC6.7");
    expect(link?.criterion.category).toBe("security");
    expect(link?.criterion.groupTitle).toBe("Logical and Physical Access Controls");
    expect(controlsForCriterion("A1.2").find((l) => l.control.id === "8.13")?.control.title).toBe("Information backup");
  });

  it("returns nothing for a control with no SOC 2 counterpart", () => {
    expect(criteriaForControl("5.32")).toEqual([]);
  });

  it("throws a CatalogLookupError for a control or criterion that does not exist", () => {
    expect(() => criteriaForControl("9.1")).toThrow(CatalogLookupError);
    expect(() => controlsForCriterion("CC10.1")).toThrow(CatalogLookupError);
  });
});
