import { describe, expect, it } from "vitest";
import { annexAControls, isControlId } from "./annex-a.js";
import { CatalogLookupError } from "./errors.js";
import { controls2013, find2013Control, mapFrom2013, mapTo2013, mergedControls2022 } from "./mapping-2013.js";

const ids = (controls: readonly { id: string }[]) => controls.map((c) => c.id);
const pairs = annexAControls.flatMap((control) => mapTo2013(control.id).map((old) => [old.id, control.id] as const));

describe("the ISO/IEC 27001:2013 controls", () => {
  it("number 114, each id once, from 5.1.1 to 18.2.3 in numeric order", () => {
    expect(controls2013).toHaveLength(114);
    expect(new Set(ids(controls2013)).size).toBe(114);
    expect(controls2013[0]?.id).toBe("5.1.1");
    expect(controls2013.at(-1)?.id).toBe("18.2.3");
    expect(ids(controls2013).indexOf("9.4.5")).toBeLessThan(ids(controls2013).indexOf("10.1.1"));
  });

  it("carry their 2013 titles", () => {
    expect(find2013Control("12.4.1")?.title).toBe("Event logging");
    expect(find2013Control("A.6.2.2")?.title).toBe("Teleworking");
  });
});

describe("the map from 2013 to 2022", () => {
  it("has 115 pairs covering all 114 2013 controls", () => {
    expect(pairs).toHaveLength(115);
    expect(new Set(pairs.map(([old]) => old)).size).toBe(114);
  });

  it("names only controls that exist, on both sides", () => {
    const known2013 = new Set(ids(controls2013));
    for (const [old, current] of pairs) {
      expect(known2013.has(old), old).toBe(true);
      expect(isControlId(current), current).toBe(true);
    }
  });

  it("sends every 2013 control to at least one 2022 control", () => {
    for (const old of controls2013) {
      expect(mapFrom2013(old.id).length, old.id).toBeGreaterThan(0);
    }
  });

  it("maps 12.4.1 Event logging to 8.15 Logging, with or without the A. prefix", () => {
    expect(ids(mapFrom2013("12.4.1"))).toEqual(["8.15"]);
    expect(ids(mapFrom2013("A.12.4.1"))).toEqual(["8.15"]);
  });

  it("splits only 18.2.3 Technical compliance review, into 5.36 and 8.8", () => {
    expect(ids(mapFrom2013("18.2.3"))).toEqual(["5.36", "8.8"]);
    expect(controls2013.filter((old) => mapFrom2013(old.id).length > 1).map((old) => old.id)).toEqual(["18.2.3"]);
  });

  it("agrees with the reverse map for every pair", () => {
    for (const control of annexAControls) {
      for (const old of mapTo2013(control.id)) {
        expect(ids(mapFrom2013(old.id)), `${old.id} → ${control.id}`).toContain(control.id);
      }
    }
    for (const old of controls2013) {
      for (const control of mapFrom2013(old.id)) {
        expect(ids(mapTo2013(control.id)), `${control.id} ← ${old.id}`).toContain(old.id);
      }
    }
  });

  it("follows 27002 Annex B on the rows where CISO Assistant differs", () => {
    expect(ids(mapTo2013("5.14"))).toEqual(["13.2.1", "13.2.2", "13.2.3"]);
    expect(ids(mapTo2013("8.14"))).toEqual(["17.2.1"]);
    expect(ids(mapTo2013("8.32"))).toEqual(["12.1.2", "14.2.2", "14.2.3", "14.2.4"]);
    expect(ids(mapTo2013("8.34"))).toEqual(["12.7.1"]);
    expect(ids(mapTo2013("5.5"))).toEqual(["6.1.3"]);
  });

  it("gives no predecessor for a control new in 2022", () => {
    expect(mapTo2013("5.7")).toEqual([]);
    expect(mapTo2013("A.8.28")).toEqual([]);
  });
});

describe("the 2022 controls that merge several 2013 controls", () => {
  it("number 24, each with more than one predecessor", () => {
    expect(mergedControls2022).toHaveLength(24);
    for (const { control, merges } of mergedControls2022) {
      expect(merges.length, control.id).toBeGreaterThan(1);
      expect(merges).toEqual(mapTo2013(control.id));
    }
  });

  it("include 5.1, 7.10 and 8.32 and are in the standard's order", () => {
    const mergedIds = mergedControls2022.map((m) => m.control.id);
    expect(mergedIds).toEqual(expect.arrayContaining(["5.1", "7.10", "8.32"]));
    expect(mergedIds[0]).toBe("5.1");
    expect(mergedIds.at(-1)).toBe("8.32");
    expect(mergedControls2022.find((m) => m.control.id === "7.10")?.merges.map((old) => old.id)).toEqual([
      "8.3.1", "8.3.2", "8.3.3", "11.2.5",
    ]);
  });
});

describe("an unknown id", () => {
  it("makes mapFrom2013 throw a CatalogLookupError naming it", () => {
    expect(() => mapFrom2013("19.1.1")).toThrow(CatalogLookupError);
    expect(() => mapFrom2013("12.4.9")).toThrow(/"12\.4\.9"/);
    expect(() => mapFrom2013("8.15")).toThrow(CatalogLookupError);
  });

  it("makes mapTo2013 throw a CatalogLookupError naming it", () => {
    expect(() => mapTo2013("8.35")).toThrow(CatalogLookupError);
    expect(() => mapTo2013("12.4.1")).toThrow(/isms catalog controls/);
  });

  it("is not found by find2013Control", () => {
    expect(find2013Control("12.4.9")).toBeUndefined();
    expect(find2013Control("")).toBeUndefined();
  });
});
