import { describe, expect, it } from "vitest";
import { InvalidInputError } from "../errors.js";
import { methodologyPresets } from "./presets.js";
import { assessRisk, bandOf, combineImpact, maxScore, scoreOf } from "./scoring.js";

const threeByThree = methodologyPresets["3x3-product"]();
const fiveByFive = methodologyPresets["5x5-product"]();
const fourByFour = methodologyPresets["4x4-matrix"]();

describe("scoring under a 3×3 product methodology", () => {
  it("scores likelihood × impact from 1 to 9", () => {
    expect(scoreOf(threeByThree, 1, 1)).toBe(1);
    expect(scoreOf(threeByThree, 2, 3)).toBe(6);
    expect(scoreOf(threeByThree, 3, 3)).toBe(9);
    expect(maxScore(threeByThree)).toBe(9);
  });

  it("takes impact as one level, and refuses per-criterion ratings it has no criteria for", () => {
    expect(combineImpact(threeByThree, 2)).toBe(2);
    expect(() => combineImpact(threeByThree, { financial: 2 })).toThrow(/rates impact on one scale/);
  });

  it("places scores in its three bands", () => {
    expect([1, 2, 3, 4, 6, 9].map((s) => bandOf(threeByThree, s).id)).toEqual(["low", "low", "medium", "medium", "high", "high"]);
  });
});

describe("scoring under the 5×5 product default", () => {
  it("scores likelihood × impact from 1 to 25", () => {
    expect(scoreOf(fiveByFive, 3, 4)).toBe(12);
    expect(scoreOf(fiveByFive, 5, 5)).toBe(25);
  });

  it("combines impact over criteria by taking the highest level", () => {
    expect(combineImpact(fiveByFive, { financial: 2, operational: 4, reputational: 3 })).toBe(4);
    expect(combineImpact(fiveByFive, { legal: 1 })).toBe(1);
  });

  it("names an unknown criterion and lists the known ones", () => {
    expect(() => combineImpact(fiveByFive, { finance: 2 })).toThrow(
      "risk assessment at impacts.finance: 'finance' is not an impact criterion of this methodology; use one of financial, operational, reputational, legal, health-and-safety",
    );
  });

  it("names a criterion whose level is out of range", () => {
    expect(() => combineImpact(fiveByFive, { operational: 6 })).toThrow(
      "risk assessment at impacts.operational: 6 is not a level of the impact scale; give a whole number from 1 to 5",
    );
    expect(() => combineImpact(fiveByFive, { operational: 2.5 })).toThrow(InvalidInputError);
  });

  it("asks for at least one rated criterion", () => {
    expect(() => combineImpact(fiveByFive, {})).toThrow(/rate the impact on at least one criterion/);
  });

  it("refuses a likelihood outside the scale", () => {
    expect(() => scoreOf(fiveByFive, 0, 3)).toThrow("risk assessment at likelihood: 0 is not a level of the likelihood scale; give a whole number from 1 to 5");
    expect(() => scoreOf(fiveByFive, 6, 3)).toThrow(InvalidInputError);
  });
});

describe("scoring under a 4×4 matrix methodology", () => {
  it("reads the score from the matrix cell at likelihood row and impact column", () => {
    expect(scoreOf(fourByFour, 1, 4)).toBe(5);
    expect(scoreOf(fourByFour, 4, 1)).toBe(4);
    expect(scoreOf(fourByFour, 3, 3)).toBe(7);
    expect(scoreOf(fourByFour, 4, 4)).toBe(10);
  });

  it("combines its own criteria by maximum before looking the score up", () => {
    const result = assessRisk(fourByFour, { likelihood: 2, impacts: { financial: 1, customer: 3, compliance: 2 } });
    expect(result).toMatchObject({ impact: 3, score: 5 });
    expect(result.band.id).toBe("medium");
  });
});

describe("band edges", () => {
  it.each([
    ["5x5-product", fiveByFive],
    ["3x3-product", threeByThree],
    ["4x4-matrix", fourByFour],
  ] as const)("under %s a score exactly at a band's min or max belongs to that band", (_name, methodology) => {
    for (const band of methodology.bands) {
      expect(bandOf(methodology, band.min).id).toBe(band.id);
      expect(bandOf(methodology, band.max).id).toBe(band.id);
    }
  });

  it("the default's edges fall where its bands say: 4 low, 5 medium, 9 medium, 10 high, 16 high, 17 critical", () => {
    expect([4, 5, 9, 10, 16, 17, 25].map((s) => bandOf(fiveByFive, s).id)).toEqual([
      "low",
      "medium",
      "medium",
      "high",
      "high",
      "critical",
      "critical",
    ]);
  });

  it("a score outside every band is refused with the range", () => {
    expect(() => bandOf(fiveByFive, 26)).toThrow("risk assessment at score: no band holds the score 26; scores run from 1 to 25");
    expect(() => bandOf(fiveByFive, 0)).toThrow(InvalidInputError);
  });
});

describe("assessing a risk", () => {
  it("gives the inherent impact, score and band, and the residual ones when both are rated", () => {
    const result = assessRisk(fiveByFive, {
      likelihood: 4,
      impacts: { financial: 3, operational: 4 },
      residualLikelihood: 2,
      residualImpacts: { financial: 3, operational: 2 },
    });
    expect(result).toMatchObject({ impact: 4, score: 16, residualImpact: 3, residualScore: 6 });
    expect(result.band.id).toBe("high");
    expect(result.residualBand?.id).toBe("medium");
  });

  it("accepts one overall impact level when no criterion is rated", () => {
    const result = assessRisk(fiveByFive, { likelihood: 3, impacts: {}, impact: 3, residualLikelihood: 1, residualImpact: 3 });
    expect(result).toMatchObject({ impact: 3, score: 9, residualImpact: 3, residualScore: 3 });
  });

  it("leaves the residual out when it is not rated", () => {
    const result = assessRisk(threeByThree, { likelihood: 2, impact: 2, residualLikelihood: null, residualImpact: null });
    expect(result).toEqual({ impact: 2, score: 4, band: bandOf(threeByThree, 4) });
  });

  it("asks for both halves of the residual risk", () => {
    expect(() => assessRisk(fiveByFive, { likelihood: 3, impact: 3, residualLikelihood: 2 })).toThrow(
      "risk assessment at residualImpact: rate the residual impact too, or neither residual value",
    );
    expect(() => assessRisk(fiveByFive, { likelihood: 3, impact: 3, residualImpacts: { legal: 2 } })).toThrow(/residualLikelihood/);
  });

  it("asks for an impact when none is rated", () => {
    expect(() => assessRisk(fiveByFive, { likelihood: 3 })).toThrow("risk assessment at impact: rate the impact, as one level or per criterion");
  });

  it("names the residual criterion that is out of range", () => {
    expect(() => assessRisk(fiveByFive, { likelihood: 3, impact: 3, residualLikelihood: 1, residualImpacts: { legal: 9 } })).toThrow(
      /at residualImpacts\.legal: 9 is not a level/,
    );
  });
});
