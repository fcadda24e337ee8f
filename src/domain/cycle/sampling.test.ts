// The surveillance sampling plan: for any seed and any controls, each control once, a third a year,
// the same plan for the same seed, and risk and earlier findings bringing a control forward.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { hashSeed, mulberry32, planSurveillanceSampling, yearSizes, type SamplingControl } from "./sampling.js";

const control = (controlId: string, riskScore: number | null = null, findings: SamplingControl["findings"] = []): SamplingControl => ({
  controlId,
  riskScore,
  riskId: riskScore === null ? null : `R-${controlId}`,
  findings,
});

/** Distinct control ids, each with a random risk score (or none) and maybe an earlier finding. */
const controlsArbitrary = fc
  .uniqueArray(fc.tuple(fc.integer({ min: 5, max: 8 }), fc.integer({ min: 1, max: 40 })), { selector: ([theme, n]) => `${theme}.${n}`, maxLength: 120 })
  .chain((ids) =>
    fc.tuple(
      fc.constant(ids.map(([theme, n]) => `${theme}.${n}`)),
      fc.array(fc.option(fc.integer({ min: 1, max: 25 }), { nil: null }), { minLength: ids.length, maxLength: ids.length }),
      fc.array(fc.boolean(), { minLength: ids.length, maxLength: ids.length }),
    ),
  )
  .map(([ids, scores, found]) => ids.map((id, i) => control(id, scores[i] ?? null, found[i] ? [{ id: `F-${i}`, kind: "minor_nonconformity" }] : [])));

const yearOf = (plan: ReturnType<typeof planSurveillanceSampling>) => new Map(plan.assignments.map((a) => [a.controlId, a.year]));

describe("planSurveillanceSampling", () => {
  it("assigns every control exactly once, to year 1, 2 or 3, with the years' sizes differing by at most one", () => {
    fc.assert(
      fc.property(controlsArbitrary, fc.string(), (controls, seed) => {
        const plan = planSurveillanceSampling(controls, seed);
        expect(plan.assignments.map((a) => a.controlId).sort()).toEqual(controls.map((c) => c.controlId).sort());
        const sizes = [1, 2, 3].map((year) => plan.assignments.filter((a) => a.year === year).length);
        expect(sizes.reduce((sum, n) => sum + n, 0)).toBe(controls.length);
        expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
        expect(plan.assignments.every((a) => a.reason.length > 0)).toBe(true);
      }),
    );
  });

  it("draws the same plan from the same seed, whatever order the controls come in", () => {
    fc.assert(
      fc.property(controlsArbitrary, fc.string(), (controls, seed) => {
        expect(planSurveillanceSampling([...controls].reverse(), seed)).toEqual(planSurveillanceSampling(controls, seed));
      }),
    );
  });

  it("never puts a control later than one with a lower risk score and no more findings", () => {
    fc.assert(
      fc.property(controlsArbitrary, fc.string(), (controls, seed) => {
        const year = yearOf(planSurveillanceSampling(controls, seed));
        const found = (c: SamplingControl) => (c.findings.length > 0 ? 1 : 0);
        for (const a of controls) {
          for (const b of controls) {
            if (found(a) >= found(b) && (a.riskScore ?? 0) > (b.riskScore ?? 0)) expect(year.get(a.controlId)).toBeLessThanOrEqual(year.get(b.controlId) ?? 0);
          }
        }
      }),
    );
  });

  it("brings a control with an earlier finding into year 1 ahead of higher risks, and says why", () => {
    const controls = [control("5.1", 20), control("5.2", 16), control("5.3", 12), control("5.4", null, [{ id: "F-7", kind: "minor_nonconformity" }]), control("5.5"), control("5.6")];
    const plan = planSurveillanceSampling(controls, "cycle-2027");
    expect(plan.assignments.filter((a) => a.year === 1).map((a) => a.controlId)).toEqual(["5.1", "5.4"]);
    expect(plan.assignments.find((a) => a.controlId === "5.4")?.reason).toBe("earlier finding F-7 (minor nonconformity)");
    expect(plan.assignments.find((a) => a.controlId === "5.2")?.reason).toBe("risk R-5.2 scores 16");
    expect(plan.assignments.find((a) => a.controlId === "5.6")?.reason).toBe('no risk or finding on it: rotation by seed "cycle-2027"');
  });

  it("rotates controls of equal standing differently under different seeds", () => {
    const controls = Array.from({ length: 30 }, (_, i) => control(`8.${i + 1}`));
    const firstYears = new Set(["a", "b", "c", "d"].map((seed) => planSurveillanceSampling(controls, seed).assignments.filter((a) => a.year === 1).map((a) => a.controlId).join(",")));
    expect(firstYears.size).toBeGreaterThan(1);
  });

  it("splits 93 controls 31 a year, and 4 controls 2, 1 and 1", () => {
    expect(yearSizes(93)).toEqual([31, 31, 31]);
    expect(yearSizes(4)).toEqual([2, 1, 1]);
    expect(yearSizes(0)).toEqual([0, 0, 0]);
  });

  it("seeds mulberry32 from a hash so that equal seeds give equal draws and others differ", () => {
    const draws = (seed: string) => Array.from({ length: 3 }, mulberry32(hashSeed(seed)));
    expect(draws("x")).toEqual(draws("x"));
    expect(draws("x")).not.toEqual(draws("y"));
    expect(draws("x").every((d) => d >= 0 && d < 1)).toBe(true);
  });
});
