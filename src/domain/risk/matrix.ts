// The risk matrix (heat map): how many risks sit in each likelihood × impact cell, inherent and
// residual, with the band each cell's score falls in.
import type { Methodology, RiskBand } from "./methodology.js";
import type { Risk } from "./risk.js";
import { bandOf, scoreOf } from "./scoring.js";

export interface MatrixCell {
  likelihood: number;
  impact: number;
  score: number;
  band: RiskBand;
  riskIds: string[];
}

export interface RiskMatrix {
  /** cells[likelihood - 1][impact - 1] */
  cells: MatrixCell[][];
  /** Risks not placed: not (yet) rated on this side. */
  unrated: string[];
}

function emptyMatrix(methodology: Methodology): MatrixCell[][] {
  return methodology.likelihood.levels.map((l) =>
    methodology.impact.levels.map((i) => {
      const score = scoreOf(methodology, l.value, i.value);
      return { likelihood: l.value, impact: i.value, score, band: bandOf(methodology, score), riskIds: [] };
    }),
  );
}

/** Places each risk in its inherent or residual cell. A risk with no residual rating stays where it was. */
export function riskMatrix(methodology: Methodology, risks: readonly Risk[], side: "inherent" | "residual"): RiskMatrix {
  const cells = emptyMatrix(methodology);
  const unrated: string[] = [];
  for (const risk of risks) {
    const likelihood = side === "residual" ? (risk.residualLikelihood ?? risk.likelihood) : risk.likelihood;
    const impact = side === "residual" ? (risk.residualImpact ?? risk.impact) : risk.impact;
    const cell = likelihood != null && impact != null ? cells[likelihood - 1]?.[impact - 1] : undefined;
    if (cell) cell.riskIds.push(risk.id);
    else unrated.push(risk.id);
  }
  return { cells, unrated };
}
