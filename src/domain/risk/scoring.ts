// Scoring a risk under a methodology (6.1.2 d): combine impact over criteria, look up the score and
// its band, for the inherent risk and, when rated, the residual risk.
import { InvalidInputError } from "../errors.js";
import type { Methodology, RiskBand } from "./methodology.js";

export { maxScore } from "./methodology.js";

/** Impact as rated: one level, or a level per criterion of the methodology. */
export type ImpactRating = Readonly<Record<string, number>> | number;

const source = "risk assessment";

function fail(path: string, message: string): never {
  throw new InvalidInputError(source, [{ path, message }]);
}

function checkLevel(value: number, levels: number, path: string, scale: string): void {
  if (!Number.isInteger(value) || value < 1 || value > levels) {
    fail(path, `${value} is not a level of the ${scale} scale; give a whole number from 1 to ${levels}`);
  }
}

/**
 * The impact level: the number itself, or the highest level over the rated criteria. Criteria left
 * unrated do not count; at least one must be rated. Throws naming an unknown criterion or a level out of range.
 */
export function combineImpact(methodology: Methodology, impacts: ImpactRating, path = "impacts"): number {
  const levels = methodology.impact.levels.length;
  if (typeof impacts === "number") {
    checkLevel(impacts, levels, path, "impact");
    return impacts;
  }
  const criteria = methodology.impact.criteria.map((c) => c.id);
  const entries = Object.entries(impacts);
  if (criteria.length === 0 && entries.length > 0) {
    fail(path, "this methodology rates impact on one scale, not per criterion; give a single impact level");
  }
  if (entries.length === 0) {
    fail(path, `rate the impact on at least one criterion (${criteria.join(", ")})`);
  }
  let highest = 0;
  for (const [criterion, value] of entries) {
    if (!criteria.includes(criterion)) {
      fail(`${path}.${criterion}`, `'${criterion}' is not an impact criterion of this methodology; use one of ${criteria.join(", ")}`);
    }
    checkLevel(value, levels, `${path}.${criterion}`, "impact");
    highest = Math.max(highest, value);
  }
  return highest;
}

/** The score of a likelihood and an impact level: their product, or the matrix cell. */
export function scoreOf(methodology: Methodology, likelihood: number, impact: number): number {
  checkLevel(likelihood, methodology.likelihood.levels.length, "likelihood", "likelihood");
  checkLevel(impact, methodology.impact.levels.length, "impact", "impact");
  if (methodology.scoring.method === "product") return likelihood * impact;
  const score = methodology.scoring.matrix[likelihood - 1]?.[impact - 1];
  if (score === undefined) {
    fail("scoring.matrix", `the matrix has no score for likelihood ${likelihood} and impact ${impact}; fill the matrix`);
  }
  return score;
}

/** The band a score falls in. Throws when no band holds it (a methodology that parsed always has one). */
export function bandOf(methodology: Methodology, score: number): RiskBand {
  const band = methodology.bands.find((b) => b.min <= score && score <= b.max);
  if (!band) {
    const top = methodology.bands[methodology.bands.length - 1]?.max ?? 0;
    fail("score", `no band holds the score ${score}; scores run from 1 to ${top}`);
  }
  return band;
}

/** What is rated for a risk; `impacts` (per criterion) wins over `impact` when it holds any rating. */
export type AssessmentInput = {
  likelihood: number;
  impacts?: Readonly<Record<string, number>> | null;
  impact?: number | null;
  residualLikelihood?: number | null;
  residualImpacts?: Readonly<Record<string, number>> | null;
  residualImpact?: number | null;
};

export type AssessmentResult = {
  impact: number;
  score: number;
  band: RiskBand;
  residualImpact?: number;
  residualScore?: number;
  residualBand?: RiskBand;
};

function ratedImpact(
  methodology: Methodology,
  impacts: Readonly<Record<string, number>> | null | undefined,
  impact: number | null | undefined,
  field: "impact" | "residualImpact",
): number | undefined {
  if (impacts && Object.keys(impacts).length > 0) return combineImpact(methodology, impacts, `${field}s`);
  if (impact !== null && impact !== undefined) return combineImpact(methodology, impact, field);
  return undefined;
}

/** Scores the inherent risk and, when both residual likelihood and impact are rated, the residual risk. */
export function assessRisk(methodology: Methodology, input: AssessmentInput): AssessmentResult {
  const impact = ratedImpact(methodology, input.impacts, input.impact, "impact");
  if (impact === undefined) fail("impact", "rate the impact, as one level or per criterion");
  const score = scoreOf(methodology, input.likelihood, impact);
  const result: AssessmentResult = { impact, score, band: bandOf(methodology, score) };

  const residualImpact = ratedImpact(methodology, input.residualImpacts, input.residualImpact, "residualImpact");
  const residualLikelihood = input.residualLikelihood ?? undefined;
  if (residualLikelihood === undefined && residualImpact === undefined) return result;
  if (residualLikelihood === undefined) fail("residualLikelihood", "rate the residual likelihood too, or neither residual value");
  if (residualImpact === undefined) fail("residualImpact", "rate the residual impact too, or neither residual value");
  checkLevel(residualLikelihood, methodology.likelihood.levels.length, "residualLikelihood", "likelihood");
  const residualScore = scoreOf(methodology, residualLikelihood, residualImpact);
  return { ...result, residualImpact, residualScore, residualBand: bandOf(methodology, residualScore) };
}
