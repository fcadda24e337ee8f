// `isms risk matrix`: the heat map in the terminal — counts per likelihood × impact cell, inherent
// and residual side by side, each cell coloured by its band (or marked with the band's initial).
import type { Command } from "commander";
import { currentMethodology } from "../../app/risk-methodology.js";
import { loadRisks } from "../../app/risks.js";
import { resolveWorkspace } from "../../app/workspaces.js";
import { riskMatrix, type Methodology, type RiskMatrix } from "../../domain/risk/index.js";
import { colourWanted } from "../output.js";
import { globalOptions, withIsms } from "../context.js";
import { withExamples } from "../usage.js";

const width = 6;

function background(hex: string, text: string): string {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
  return `\u001b[48;2;${r};${g};${b}m\u001b[38;2;0;0;0m${text}\u001b[0m`;
}

/** The lines of one heat map; `colour` paints cells, otherwise each shows its band's initial. */
export function renderMatrix(title: string, matrix: RiskMatrix, colour: boolean): string[] {
  const rows = matrix.cells.length;
  const lines = [title.padEnd(4 + (matrix.cells[0]?.length ?? 0) * width)];
  for (let l = rows; l >= 1; l--) {
    const cells = (matrix.cells[l - 1] ?? []).map((cell) => {
      const count = cell.riskIds.length;
      if (colour) return background(cell.band.colour, (count ? String(count) : "").padStart(3).padEnd(width));
      return `${count ? String(count) : "."}${cell.band.id.slice(0, 1).toUpperCase()}`.padStart(4).padEnd(width);
    });
    lines.push(`L${l}  ${cells.join("")}`);
  }
  lines.push(`    ${(matrix.cells[0] ?? []).map((c) => `I${c.impact}`.padStart(3).padEnd(width)).join("")}`);
  return lines;
}

export function matrixLegend(methodology: Methodology): string {
  return methodology.bands.map((b) => `${b.id.slice(0, 1).toUpperCase()} ${b.label} ${b.min}–${b.max} (${b.decision})`).join(" · ");
}

export function registerRiskMatrixCommand(risk: Command): void {
  const command = risk
    .command("matrix")
    .description("the risk heat map: counts per likelihood × impact cell, inherent and residual side by side")
    .action(async (_o: unknown, cmd: Command) => {
      await withIsms(cmd, async (isms, output) => {
        const ws = await resolveWorkspace(isms.db, globalOptions(cmd).workspace);
        const methodology = await currentMethodology(isms.db, ws);
        const risks = await loadRisks(isms.db, ws);
        const inherent = riskMatrix(methodology.body, risks, "inherent");
        const residual = riskMatrix(methodology.body, risks, "residual");
        const json = {
          methodologyVersion: methodology.version,
          inherent: inherent.cells.map((row) => row.map((c) => ({ likelihood: c.likelihood, impact: c.impact, score: c.score, band: c.band.id, risks: c.riskIds }))),
          residual: residual.cells.map((row) => row.map((c) => ({ likelihood: c.likelihood, impact: c.impact, score: c.score, band: c.band.id, risks: c.riskIds }))),
          unrated: inherent.unrated,
        };
        output.data(json, () => {
          const colour = colourWanted(process.stdout);
          const left = renderMatrix(`Inherent (${risks.length - inherent.unrated.length} risks)`, inherent, colour);
          const right = renderMatrix("Residual", residual, colour);
          const lines = left.map((line, i) => `${line}    ${right[i] ?? ""}`);
          return [
            ...lines,
            "",
            output.style("dim", matrixLegend(methodology.body)),
            output.style("dim", `L = likelihood (${methodology.body.likelihood.levels.map((l) => `${l.value} ${l.label}`).join(", ")})`),
            output.style("dim", `I = impact (${methodology.body.impact.levels.map((l) => `${l.value} ${l.label}`).join(", ")})`),
            ...(inherent.unrated.length ? [output.style("yellow", `Not yet rated: ${inherent.unrated.join(", ")}`)] : []),
          ].join("\n");
        });
      });
    });
  withExamples(command, "isms risk matrix", "isms risk matrix --json");
}
