import { describe, expect, it } from "vitest";
import { isControlId } from "../../catalog/annex-a.js";
import { allMappedControls, controlsOfConfigRule, controlsOfSecurityControl, findingMap, findingMapSchema } from "./finding-map.js";

describe("the finding map", () => {
  it("maps at least 60 Security Hub controls and 40 Config managed rules", () => {
    expect(Object.keys(findingMap.securityHubControls).length).toBeGreaterThanOrEqual(60);
    expect(Object.keys(findingMap.configRules).length).toBeGreaterThanOrEqual(40);
  });

  it("names only real Annex A controls", () => {
    const entries = [...Object.entries(findingMap.securityHubControls), ...Object.entries(findingMap.configRules)];
    const unreal = entries.flatMap(([id, m]) => m.controls.filter((c) => !isControlId(c)).map((c) => `${id} → ${c}`));
    expect(unreal).toEqual([]);
  });

  it("gives each pair a reason of its own and never repeats a control within an entry", () => {
    for (const m of [...Object.values(findingMap.securityHubControls), ...Object.values(findingMap.configRules)]) {
      expect(m.reason.length).toBeGreaterThan(20);
      expect(new Set(m.controls).size).toBe(m.controls.length);
    }
  });

  it("maps a public bucket finding to access restriction and leakage prevention, and a Config rule by its identifier", () => {
    expect(controlsOfSecurityControl("S3.8")).toEqual(["8.3", "8.12"]);
    expect(controlsOfConfigRule("S3_BUCKET_VERSIONING_ENABLED")).toEqual(["8.13"]);
    expect(controlsOfSecurityControl("Nope.1")).toBeUndefined();
    expect(controlsOfConfigRule("constructor")).toBeUndefined();
  });

  it("rejects a map entry without controls or with a malformed control id", () => {
    const base = { sources: "AWS", configRules: {} };
    expect(findingMapSchema.safeParse({ ...base, securityHubControls: { "S3.8": { controls: [], reason: "r" } } }).success).toBe(false);
    expect(findingMapSchema.safeParse({ ...base, securityHubControls: { "S3 8": { controls: ["8.3"], reason: "r" } } }).success).toBe(false);
  });

  it("gathers every mapped control, with 5.36, in Annex A order", () => {
    expect(allMappedControls({ a: { controls: ["8.24", "8.3"] }, b: { controls: ["8.3"] } })).toEqual(["5.36", "8.3", "8.24"]);
  });
});
