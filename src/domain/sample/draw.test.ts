// The seeded draw: for any population and seed, the same draw every time and in any order, only items
// of the population, none twice, as many as asked or the whole population when it is smaller.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { drawSample, type Drawable } from "./draw.js";

const random = { seed: "s", stream: "users", rule: "random" } as const;
const item = (key: string, on?: string): Drawable => ({ key, on });

/** Items with distinct keys and maybe a day. */
const populationArbitrary = fc.uniqueArray(
  fc.record({ key: fc.string({ minLength: 1, maxLength: 12 }), on: fc.option(fc.constantFrom("2025-01-01", "2025-06-30", "2026-02-28"), { nil: undefined }) }),
  { selector: (i) => i.key, maxLength: 80 },
);
const sizeArbitrary = fc.integer({ min: 0, max: 30 });
const keys = (items: readonly Drawable[]) => items.map((i) => i.key);

describe("drawSample", () => {
  it("draws the same items from the same seed, whatever order the population comes in", () => {
    fc.assert(
      fc.property(populationArbitrary, sizeArbitrary, fc.string(), (population, size, seed) => {
        const options = { ...random, seed };
        const first = drawSample(population, size, options);
        expect(drawSample(population, size, options)).toEqual(first);
        expect(drawSample([...population].reverse(), size, options)).toEqual(first);
      }),
    );
  });

  it("draws only items of the population, none twice, as many as asked or all when there are fewer", () => {
    fc.assert(
      fc.property(populationArbitrary, sizeArbitrary, fc.string(), (population, size, seed) => {
        const { drawn, population: n, whole } = drawSample(population, size, { ...random, seed });
        const all = new Set(keys(population));
        expect(drawn.every((d) => all.has(d.key))).toBe(true);
        expect(new Set(keys(drawn)).size).toBe(drawn.length);
        expect(drawn.length).toBe(Math.min(size, population.length));
        expect(n).toBe(population.length);
        expect(whole).toBe(population.length <= size);
      }),
    );
  });

  it("counts an item given twice once", () => {
    fc.assert(
      fc.property(populationArbitrary, sizeArbitrary, (population, size) => {
        const { drawn, population: n } = drawSample([...population, ...population], size, random);
        expect(n).toBe(population.length);
        expect(new Set(keys(drawn)).size).toBe(drawn.length);
      }),
    );
  });

  it("displaces at most one drawn item when one item joins the population", () => {
    fc.assert(
      fc.property(populationArbitrary, sizeArbitrary, fc.string({ minLength: 13, maxLength: 20 }), (population, size, newcomer) => {
        const before = new Set(keys(drawSample(population, size, random).drawn));
        const after = keys(drawSample([...population, item(newcomer)], size, random).drawn);
        expect(after.filter((k) => !before.has(k)).length).toBeLessThanOrEqual(1);
      }),
    );
  });

  it("returns the drawn items oldest first, then by key in natural order", () => {
    const population = [item("P-10", "2025-03-01"), item("P-2", "2025-03-01"), item("P-1", "2025-01-01")];
    expect(keys(drawSample(population, 3, random).drawn)).toEqual(["P-1", "P-2", "P-10"]);
  });

  it("draws differently under another seed", () => {
    const population = Array.from({ length: 100 }, (_, i) => item(`user-${i}`));
    const a = keys(drawSample(population, 5, { ...random, seed: "audit-2026" }).drawn);
    const b = keys(drawSample(population, 5, { ...random, seed: "audit-2027" }).drawn);
    expect(a).toHaveLength(5);
    expect(a).not.toEqual(b);
  });

  it("draws the same keys independently in two streams", () => {
    const population = Array.from({ length: 100 }, (_, i) => item(`k-${i}`));
    const users = keys(drawSample(population, 5, { ...random, stream: "users" }).drawn);
    const joiners = keys(drawSample(population, 5, { ...random, stream: "joiners" }).drawn);
    expect(users).not.toEqual(joiners);
  });

  it("takes the most recent items under the latest rule, whatever the seed", () => {
    const tests = [item("ACT-1", "2025-03-01"), item("ACT-7", "2025-12-01"), item("E-4", "2025-09-01")];
    for (const seed of ["a", "b", "c"]) expect(keys(drawSample(tests, 1, { seed, stream: "restores", rule: "latest" }).drawn)).toEqual(["ACT-7"]);
    expect(keys(drawSample(tests, 2, { seed: "a", stream: "restores", rule: "latest" }).drawn)).toEqual(["E-4", "ACT-7"]);
  });

  it("refuses a size that is not a whole number of at least 0", () => {
    expect(() => drawSample([item("a")], -1, random)).toThrow(RangeError);
    expect(() => drawSample([item("a")], 1.5, random)).toThrow(/whole number/);
  });
});
