// Rescoring the register under a methodology version (8.2): levels mapped to resized scales, criteria
// reconciled, derived scores recomputed, and one assessment record per scored risk. What cannot be
// mapped is reported and the risk left as it was; nothing is guessed.
import { InvalidInputError } from "../errors.js";
import { addMonths, isoDay } from "./calendar.js";
import type { Methodology } from "./methodology.js";
import type { Risk, RiskAssessment } from "./risk.js";
import { bandOf, scoreOf } from "./scoring.js";

/**
 * A level of an `oldN`-level scale on an `newN`-level scale, by position:
 * new = round((old − 1) × (newN − 1) / (oldN − 1)) + 1, halves rounded up.
 * The lowest and highest levels stay lowest and highest; rounding up means a mapped risk never looks
 * smaller than it was. 5 → 3 levels: 1→1, 2→2, 3→2, 4→3, 5→3; 3 → 5 levels: 1→1, 2→3, 3→5.
 */
export function mapLevel(old: number, oldN: number, newN: number): number {
  const issues: { path: string; message: string }[] = [];
  if (!Number.isInteger(oldN) || oldN < 2) issues.push({ path: "oldN", message: `a scale has at least 2 levels, not ${oldN}` });
  if (!Number.isInteger(newN) || newN < 2) issues.push({ path: "newN", message: `a scale has at least 2 levels, not ${newN}` });
  if (!Number.isInteger(old) || old < 1 || old > oldN) issues.push({ path: "old", message: `${old} is not a level of a ${oldN}-level scale` });
  if (issues.length > 0) throw new InvalidInputError("level mapping", issues);
  // Integer form of round-half-up, free of floating-point error.
  return Math.floor((2 * (old - 1) * (newN - 1) + (oldN - 1)) / (2 * (oldN - 1))) + 1;
}

export type RescoreOptions = {
  at: Date;
  by?: string | null;
  /** Why the risks are rescored, kept in each assessment record: "methodology v2". */
  reason: string;
  /** The methodology the risks were rated under; needed to map levels when a scale changed size. */
  previous?: Methodology;
  /** Whether this rescoring is a review of the risks: if so it sets lastAssessedAt and nextReview. */
  countsAsReview?: boolean;
};

export type RescoreIssue = { riskId: string; severity: "error" | "warning"; path: string; message: string };

export type RescoreResult = {
  /** Every risk, in the order given: rescored copies, or the originals where rescoring was not possible. */
  risks: Risk[];
  /** One record per risk that has a score under the new methodology. */
  assessments: RiskAssessment[];
  issues: RescoreIssue[];
};

type Ratings = { impacts: Record<string, number>; impact: number | null };

class RiskRescorer {
  readonly issues: RescoreIssue[] = [];
  private unmappable = false;

  constructor(
    private readonly risk: Risk,
    private readonly methodology: Methodology,
    private readonly previous: Methodology | undefined,
  ) {}

  get failed(): boolean {
    return this.unmappable;
  }

  private report(severity: RescoreIssue["severity"], path: string, message: string): void {
    this.issues.push({ riskId: this.risk.id, severity, path, message });
    if (severity === "error") this.unmappable = true;
  }

  /** One level on the new scale, or null when unset or impossible to map (then reported). */
  level(value: number | null | undefined, scale: "likelihood" | "impact", path: string): number | null {
    if (value === null || value === undefined) return null;
    const newN = this.methodology[scale].levels.length;
    if (!this.previous) {
      if (Number.isInteger(value) && value >= 1 && value <= newN) return value;
      const fix = "give the previous methodology so it can be mapped, or rate it again";
      this.report("error", path, `${value} is not a level of the ${newN}-level ${scale} scale; ${fix}`);
      return null;
    }
    const oldN = this.previous[scale].levels.length;
    if (!Number.isInteger(value) || value < 1 || value > oldN) {
      this.report("error", path, `${value} was not a level of the previous ${oldN}-level ${scale} scale; rate it again`);
      return null;
    }
    return mapLevel(value, oldN, newN);
  }

  /** Per-criterion ratings on the new criteria and scale, and the impact they combine to. */
  impacts(ratings: Readonly<Record<string, number>>, impact: number | null | undefined, field: "impact" | "residualImpact"): Ratings {
    const criteria = this.methodology.impact.criteria.map((c) => c.id);
    const mapped: Record<string, number> = {};
    const dropped: string[] = [];
    for (const [criterion, value] of Object.entries(ratings)) {
      if (!criteria.includes(criterion)) {
        dropped.push(criterion);
        continue;
      }
      const level = this.level(value, "impact", `${field}s.${criterion}`);
      if (level !== null) mapped[criterion] = level;
    }
    const overall = this.level(impact, "impact", field);
    // One scale now: the overall impact already was the highest over the old criteria.
    if (criteria.length === 0) return { impacts: {}, impact: overall };
    const rated = Object.values(mapped);
    if (rated.length === 0) {
      if (overall !== null) {
        this.report("warning", `${field}s`, `the impact is rated as a whole (${overall}), not per criterion; rate it on ${criteria.join(", ")}`);
      }
      return { impacts: {}, impact: overall };
    }
    const combined = Math.max(...rated);
    if (overall !== null && combined < overall && dropped.length > 0) {
      this.report(
        "warning",
        field,
        `the impact fell from ${overall} to ${combined} because ${dropped.join(", ")} ` +
          `${dropped.length === 1 ? "is" : "are"} no longer a criterion; check the rating`,
      );
    }
    const previousCriteria = this.previous?.impact.criteria.map((c) => c.id);
    if (previousCriteria) {
      for (const criterion of criteria.filter((c) => !previousCriteria.includes(c))) {
        this.report("warning", `${field}s.${criterion}`, `'${criterion}' is a new impact criterion; rate it`);
      }
    }
    return { impacts: mapped, impact: combined };
  }

  score(likelihood: number | null, impact: number | null): number | null {
    return likelihood !== null && impact !== null ? scoreOf(this.methodology, likelihood, impact) : null;
  }
}

function bandIdOf(methodology: Methodology | undefined, score: number | null | undefined): string | undefined {
  if (!methodology || score === null || score === undefined) return undefined;
  return methodology.bands.find((b) => b.min <= score && score <= b.max)?.id;
}

/**
 * Rescores each risk under `methodology` (stored as `version`) and returns new risks and assessment
 * records; the risks given are not changed. A risk whose ratings cannot be mapped comes back as it was,
 * with an error issue; lossy but defined mappings (a dropped criterion, a new one) come with a warning.
 */
export function rescoreRisks(
  methodology: Methodology,
  version: number,
  risks: readonly Risk[],
  options: RescoreOptions,
): RescoreResult {
  if (!Number.isInteger(version) || version < 1) {
    throw new InvalidInputError("rescoring", [{ path: "version", message: `a methodology version is 1, 2, ...; not ${version}` }]);
  }
  const result: RescoreResult = { risks: [], assessments: [], issues: [] };
  for (const risk of risks) {
    const rescorer = new RiskRescorer(risk, methodology, options.previous);
    const likelihood = rescorer.level(risk.likelihood, "likelihood", "likelihood");
    const inherent = rescorer.impacts(risk.impacts, risk.impact, "impact");
    const residualLikelihood = rescorer.level(risk.residualLikelihood, "likelihood", "residualLikelihood");
    const residual = rescorer.impacts(risk.residualImpacts, risk.residualImpact, "residualImpact");
    if (rescorer.failed) {
      result.risks.push(risk);
      result.issues.push(...rescorer.issues);
      continue;
    }
    const score = rescorer.score(likelihood, inherent.impact);
    const residualScore = rescorer.score(residualLikelihood, residual.impact);
    if ((residualLikelihood === null) !== (residual.impact === null)) {
      rescorer.issues.push({
        riskId: risk.id,
        severity: "warning",
        path: residualLikelihood === null ? "residualLikelihood" : "residualImpact",
        message: "only half of the residual risk is rated; rate both residual likelihood and residual impact",
      });
    }
    const oldBand = bandIdOf(options.previous, risk.residualScore);
    const newBand = residualScore === null ? undefined : bandOf(methodology, residualScore).id;
    if (risk.residualAcceptedBy && oldBand && newBand && oldBand !== newBand) {
      rescorer.issues.push({
        riskId: risk.id,
        severity: "warning",
        path: "residualScore",
        message: `the residual risk moved from band '${oldBand}' to '${newBand}'; have the risk owner confirm the acceptance`,
      });
    }
    const review = options.countsAsReview && score !== null;
    result.risks.push({
      ...risk,
      likelihood,
      impacts: inherent.impacts,
      impact: inherent.impact,
      inherentScore: score,
      residualLikelihood,
      residualImpacts: residual.impacts,
      residualImpact: residual.impact,
      residualScore,
      ...(review ? { lastAssessedAt: options.at, nextReview: addMonths(isoDay(options.at), methodology.reviewFrequencyMonths) } : {}),
    });
    result.issues.push(...rescorer.issues);
    if (likelihood !== null && inherent.impact !== null && score !== null) {
      result.assessments.push({
        riskId: risk.id,
        methodologyVersion: version,
        likelihood,
        impacts: inherent.impacts,
        impact: inherent.impact,
        score,
        residualLikelihood,
        residualImpacts: residual.impacts,
        residualImpact: residual.impact,
        residualScore,
        assessedAt: options.at,
        assessedBy: options.by ?? null,
        reason: options.reason,
      });
    }
  }
  return result;
}
