import { describe, expect, it } from "vitest";
import { InvalidInputError } from "../errors.js";
import type { Methodology } from "./methodology.js";
import { formatIssuePath, maxScore, methodologySchema, parseMethodology } from "./methodology.js";
import { defaultMethodology, methodologyPresetIds, methodologyPresets } from "./presets.js";

/** The issues a methodology is refused with, as { path, message }. */
function problemsOf(methodology: unknown): { path: string; message: string }[] {
  const result = methodologySchema.safeParse(methodology);
  if (result.success) return [];
  return result.error.issues.map((issue) => ({ path: formatIssuePath(issue.path), message: issue.message }));
}

const levels = (n: number) => Array.from({ length: n }, (_, i) => ({ value: i + 1, label: `L${i + 1}`, description: `level ${i + 1}` }));

function withChange(change: (m: Methodology) => void): Methodology {
  const methodology = defaultMethodology();
  change(methodology);
  return methodology;
}

describe("the methodology presets", () => {
  it.each(methodologyPresetIds)("%s is a valid methodology", (id) => {
    expect(problemsOf(methodologyPresets[id]())).toEqual([]);
  });

  it("the default is 5×5 by product, rated on five impact criteria, reviewed every year", () => {
    const m = defaultMethodology();
    expect(m.likelihood.levels.map((l) => l.label)).toEqual(["Rare", "Unlikely", "Possible", "Likely", "Almost certain"]);
    expect(m.impact.levels.map((l) => l.label)).toEqual(["Insignificant", "Minor", "Moderate", "Major", "Catastrophic"]);
    expect(m.impact.criteria.map((c) => c.id)).toEqual(["financial", "operational", "reputational", "legal", "health-and-safety"]);
    expect(m.scoring).toEqual({ method: "product" });
    expect(m.bands.map((b) => [b.id, b.min, b.max, b.decision])).toEqual([
      ["low", 1, 4, "tolerate"],
      ["medium", 5, 9, "treat"],
      ["high", 10, 16, "treat"],
      ["critical", 17, 25, "treat"],
    ]);
    expect(m.acceptance.threshold).toBe(4);
    expect(m.reviewFrequencyMonths).toBe(12);
  });

  it("each call builds a fresh copy, so changing one does not change the next", () => {
    const first = defaultMethodology();
    first.bands.pop();
    expect(defaultMethodology().bands).toHaveLength(4);
  });

  it("the highest score is the product of the scale sizes, or the matrix's largest cell", () => {
    expect(maxScore(methodologyPresets["3x3-product"]())).toBe(9);
    expect(maxScore(methodologyPresets["5x5-product"]())).toBe(25);
    expect(maxScore(methodologyPresets["4x4-matrix"]())).toBe(10);
  });
});

describe("an invalid methodology is refused with the path and the fix", () => {
  it("a gap between bands names the uncovered scores and the band to extend", () => {
    const problems = problemsOf(
      withChange((m) => {
        Object.assign(m.bands[2] ?? {}, { max: 12 });
        Object.assign(m.bands[3] ?? {}, { min: 16 });
      }),
    );
    expect(problems).toEqual([{ path: "bands", message: "13–15 is not covered; extend band 'high' to 15 or add one" }]);
  });

  it("overlapping bands name both bands and where the second should start", () => {
    const problems = problemsOf(withChange((m) => Object.assign(m.bands[1] ?? {}, { min: 4 })));
    expect(problems).toEqual([{ path: "bands[1].min", message: "band 'medium' (4–9) overlaps 'low' (1–4); start it at 5" }]);
  });

  it("bands that stop short of the highest score, or run past it, are refused", () => {
    expect(problemsOf(withChange((m) => Object.assign(m.bands[3] ?? {}, { max: 20 })))).toEqual([
      { path: "bands", message: "21–25 is not covered; extend band 'critical' to 25 or add one" },
    ]);
    expect(problemsOf(withChange((m) => Object.assign(m.bands[3] ?? {}, { max: 30 })))).toEqual([
      { path: "bands[3].max", message: "band 'critical' ends at 30 but the highest possible score is 25; end it at 25" },
    ]);
  });

  it("bands that do not start at 1 are refused", () => {
    const problems = problemsOf(withChange((m) => Object.assign(m.bands[0] ?? {}, { min: 2 })));
    expect(problems).toEqual([{ path: "bands", message: "1 is not covered; start band 'low' at 1 or add one" }]);
  });

  it("bands out of order are refused once, with the order to use", () => {
    const problems = problemsOf(withChange((m) => m.bands.reverse()));
    expect(problems).toEqual([{ path: "bands[1]", message: "list the bands from the lowest scores to the highest" }]);
  });

  it("a matrix with the wrong number of rows or columns is refused", () => {
    const rowMissing = methodologyPresets["4x4-matrix"]();
    if (rowMissing.scoring.method === "matrix") rowMissing.scoring.matrix.pop();
    expect(problemsOf(rowMissing)).toEqual([
      { path: "scoring.matrix", message: "the matrix has 3 rows but there are 4 likelihood levels; give one row per likelihood level, lowest first" },
    ]);
    const shortRow = methodologyPresets["4x4-matrix"]();
    if (shortRow.scoring.method === "matrix") shortRow.scoring.matrix[2]?.pop();
    expect(problemsOf(shortRow)).toEqual([
      { path: "scoring.matrix[2]", message: "row 3 has 3 scores but there are 4 impact levels; give one score per impact level, lowest first" },
    ]);
  });

  it("a matrix whose score falls as likelihood or impact rises is refused", () => {
    const m = methodologyPresets["4x4-matrix"]();
    if (m.scoring.method === "matrix") m.scoring.matrix[1] = [2, 1, 5, 7];
    const problems = problemsOf(m);
    expect(problems.map((p) => p.path)).toEqual(["scoring.matrix[1][1]", "scoring.matrix[1][1]"]);
    expect(problems[0]?.message).toContain("a higher impact must not lower the score");
    expect(problems[1]?.message).toContain("a higher likelihood must not lower the score");
  });

  it("a scale of 2 levels is refused", () => {
    const problems = problemsOf(withChange((m) => (m.likelihood.levels = levels(2))));
    expect(problems).toEqual([{ path: "likelihood.levels", message: "a scale has 3 to 10 levels, this one has 2; add levels" }]);
  });

  it("a scale of 11 levels is refused", () => {
    const problems = problemsOf(withChange((m) => (m.impact.levels = levels(11))));
    expect(problems).toEqual([{ path: "impact.levels", message: "a scale has 3 to 10 levels, this one has 11; merge levels" }]);
  });

  it("levels not valued 1..n in order are refused at the level that is off", () => {
    const problems = problemsOf(withChange((m) => Object.assign(m.likelihood.levels[2] ?? {}, { value: 4 })));
    expect(problems).toEqual([
      { path: "likelihood.levels[2].value", message: "level 3 has value 4; number the levels 1 to 5 from lowest to highest" },
    ]);
    const fromZero = problemsOf(withChange((m) => m.impact.levels.forEach((l, i) => (l.value = i))));
    expect(fromZero).toHaveLength(5);
    expect(fromZero[0]?.path).toBe("impact.levels[0].value");
  });

  it("a threshold inside a band is refused with the band edges to choose from", () => {
    const problems = problemsOf(withChange((m) => (m.acceptance.threshold = 6)));
    expect(problems).toEqual([
      {
        path: "acceptance.threshold",
        message: "6 falls inside band 'medium' (5–9); set it to a band's upper edge (4, 9, 16) so that each band is either acceptable or not",
      },
    ]);
  });

  it("a threshold that would accept every risk is refused, and 0 (accept nothing) is allowed", () => {
    expect(problemsOf(withChange((m) => (m.acceptance.threshold = 25)))[0]?.path).toBe("acceptance.threshold");
    expect(problemsOf(withChange((m) => (m.acceptance.threshold = 0)))).toEqual([]);
  });

  it("duplicate criterion and band ids, a bad colour and a review beyond 36 months are each named", () => {
    const problems = problemsOf(
      withChange((m) => {
        Object.assign(m.impact.criteria[1] ?? {}, { id: "financial" });
        Object.assign(m.bands[0] ?? {}, { colour: "green" });
        m.reviewFrequencyMonths = 48;
      }),
    );
    expect(problems.map((p) => p.path).sort()).toEqual(["bands[0].colour", "impact.criteria[1].id", "reviewFrequencyMonths"]);
    expect(problems).toContainEqual({ path: "impact.criteria[1].id", message: "the criterion id 'financial' is used twice; ids must be unique" });
    expect(problems).toContainEqual({ path: "bands[0].colour", message: "write the colour as #rrggbb (e.g. #c62828)" });
  });

  it("parseMethodology throws an InvalidInputError whose message names the first path and counts the rest", () => {
    const broken = withChange((m) => {
      m.likelihood.levels = levels(2);
      m.reviewFrequencyMonths = 0;
    });
    expect(() => parseMethodology(broken)).toThrow(InvalidInputError);
    expect(() => parseMethodology(broken)).toThrow(/^risk methodology at likelihood\.levels: a scale has 3 to 10 levels.*\(and 1 more problem\)$/);
  });

  it("parseMethodology returns the methodology when it is valid", () => {
    expect(parseMethodology(defaultMethodology())).toEqual(defaultMethodology());
  });
});
