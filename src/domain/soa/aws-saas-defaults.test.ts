import { describe, expect, it } from "vitest";
import { annexAControls } from "../../catalog/annex-a.js";
import { awsMappingForControl } from "../../catalog/aws-map.js";
import { awsSaasSoaDefaults } from "./aws-saas-defaults.js";

const defaults = awsSaasSoaDefaults();
const count = (applicability: string) => defaults.filter((d) => d.applicability === applicability).length;

describe("the aws-saas SoA prefill", () => {
  it("decides all 93 controls, in the standard's order", () => {
    expect(defaults.map((d) => d.controlId)).toEqual(annexAControls.map((c) => c.id));
  });

  it("comes close to the usual split for a SaaS on AWS: about 85 applicable, 5 inherited, 3 not applicable", () => {
    expect([count("applicable"), count("inherited"), count("not_applicable")]).toEqual([86, 4, 3]);
    expect(Math.abs(count("applicable") - 85)).toBeLessThanOrEqual(2);
    expect(Math.abs(count("inherited") - 5)).toBeLessThanOrEqual(2);
  });

  it("inherits only data-centre controls the AWS map marks inherited, citing AWS's certificate and SOC 2 report from AWS Artifact", () => {
    for (const entry of defaults.filter((d) => d.applicability === "inherited")) {
      expect(awsMappingForControl(entry.controlId).coverage).toBe("inherited");
      expect(entry.justification).toMatch(/ISO\/IEC 27001 certificate/);
      expect(entry.justification).toMatch(/SOC 2 Type II report/);
      expect(entry.justification).toMatch(/AWS Artifact/);
    }
  });

  it("keeps the office controls applicable", () => {
    for (const id of ["7.1", "7.2", "7.3", "7.5", "7.7", "7.9", "7.10", "7.14"]) {
      expect(defaults.find((d) => d.controlId === id)?.applicability, id).toBe("applicable");
    }
  });

  it("excludes three controls, each with a specific justification and no reason for inclusion", () => {
    const excluded = defaults.filter((d) => d.applicability === "not_applicable");
    expect(excluded.map((d) => d.controlId)).toEqual(["7.4", "7.6", "8.30"]);
    for (const entry of excluded) {
      expect(entry.justification.length).toBeGreaterThan(60);
      expect(entry.reasons).toEqual([]);
    }
  });

  it("gives every control in the SoA a reason other than a risk and a one-line justification", () => {
    for (const entry of defaults.filter((d) => d.applicability !== "not_applicable")) {
      expect(entry.reasons.length, entry.controlId).toBeGreaterThan(0);
      expect(entry.reasons.every((r) => r.kind !== "risk")).toBe(true);
      expect(entry.justification, entry.controlId).toMatch(/^[A-Z].{20,}[.)]$/);
      expect(entry.justification).not.toContain("\n");
    }
    expect(new Set(defaults.map((d) => d.justification)).size).toBe(93);
  });

  it("leaves every status to be assessed and names an owner role for each control", () => {
    expect(defaults.every((d) => d.implementationStatus === null && d.ownerRole !== null)).toBe(true);
  });
});
