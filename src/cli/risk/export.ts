// `isms risk export`: the risk register as an XLSX workbook (methodology, heat maps, register, plan)
// or as CSV, and the treatment plan as CSV; either imports back with `isms risk import`.
import { mkdir, writeFile } from "node:fs/promises";
import { dirname, extname } from "node:path";
import type { Command } from "commander";
import { loadRiskReportInput } from "../../app/risk-reports.js";
import { resolveWorkspace } from "../../app/workspaces.js";
import { riskRegisterCsv, treatmentPlanCsv } from "../../reports/risk-csv.js";
import { riskRegisterWorkbook } from "../../reports/risk-xlsx.js";
import { globalOptions, withIsms } from "../context.js";
import { UsageError, withExamples } from "../usage.js";

async function write(path: string, content: string | Buffer): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, content);
}

export function registerRiskExportCommand(risk: Command): void {
  const command = risk
    .command("export")
    .description("write the risk register as XLSX (sheets: Methodology, Inherent matrix, Residual matrix, Risks, Treatment plan) or CSV")
    .requiredOption("--out <file>", "the file to write: .xlsx for the workbook, .csv for the register alone")
    .option("--treatment-plan-out <file>", "also write the treatment plan as CSV")
    .action(async (options: { out: string; treatmentPlanOut?: string }, cmd: Command) => {
      const format = extname(options.out).toLowerCase();
      if (format !== ".xlsx" && format !== ".csv") throw new UsageError(`--out: give a .xlsx or .csv file, not "${options.out}"`);
      if (options.treatmentPlanOut && extname(options.treatmentPlanOut).toLowerCase() !== ".csv") {
        throw new UsageError(`--treatment-plan-out: give a .csv file, not "${options.treatmentPlanOut}"`);
      }
      await withIsms(cmd, async (isms, output) => {
        const ws = await resolveWorkspace(isms.db, globalOptions(cmd).workspace);
        const input = await loadRiskReportInput(isms.db, ws);
        await write(options.out, format === ".xlsx" ? await riskRegisterWorkbook(input) : riskRegisterCsv(input));
        if (options.treatmentPlanOut) await write(options.treatmentPlanOut, treatmentPlanCsv(input));
        const result = {
          out: options.out,
          format: format.slice(1),
          risks: input.risks.length,
          actions: input.actions.length,
          methodologyVersion: input.methodology.version,
          treatmentPlanOut: options.treatmentPlanOut ?? null,
        };
        output.data(result, () =>
          [
            `Wrote ${result.risks} risks${format === ".xlsx" ? ` and ${result.actions} treatment actions` : ""} to ${options.out} (methodology v${result.methodologyVersion}).`,
            ...(options.treatmentPlanOut ? [`Wrote ${result.actions} treatment actions to ${options.treatmentPlanOut}.`] : []),
          ].join("\n"),
        );
      });
    });
  withExamples(
    command,
    "isms risk export --out risk-register.xlsx",
    "isms risk export --out risk-register.csv --treatment-plan-out risk-treatment-plan.csv",
  );
}
