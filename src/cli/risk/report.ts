// `isms risk report`: the Risk Assessment Report (8.2) or the Risk Treatment Plan (6.1.3 e, 8.3) as PDF,
// stamped with the moment the data was read and the methodology version.
import { mkdir, writeFile } from "node:fs/promises";
import { dirname, extname } from "node:path";
import { Option, type Command } from "commander";
import { loadRiskReportInput } from "../../app/risk-reports.js";
import { resolveWorkspace } from "../../app/workspaces.js";
import { renderPdf } from "../../reports/pdf.js";
import { riskAssessmentReport, riskReportStamp, riskTreatmentPlan } from "../../reports/risk-report.js";
import { globalOptions, withIsms } from "../context.js";
import { UsageError, withExamples } from "../usage.js";

const kinds = ["assessment", "treatment"] as const;

export function registerRiskReportCommand(risk: Command): void {
  const command = risk
    .command("report")
    .description("write the Risk Assessment Report (methodology, band counts, heat maps, register, findings) or the Risk Treatment Plan as PDF")
    .requiredOption("--out <file>", "the PDF to write")
    .addOption(
      new Option("--kind <kind>", "assessment: the Risk Assessment Report (8.2); treatment: the Risk Treatment Plan (6.1.3 e–f, 8.3)")
        .choices(kinds)
        .default("assessment"),
    )
    .option("--no-findings", "leave the register's findings out of the assessment report")
    .action(async (options: { out: string; kind: (typeof kinds)[number]; findings: boolean }, cmd: Command) => {
      if (extname(options.out).toLowerCase() !== ".pdf") throw new UsageError(`--out: give a .pdf file, not "${options.out}"`);
      await withIsms(cmd, async (isms, output) => {
        const ws = await resolveWorkspace(isms.db, globalOptions(cmd).workspace);
        const input = await loadRiskReportInput(isms.db, ws);
        const doc = options.kind === "treatment" ? riskTreatmentPlan(input) : riskAssessmentReport(options.findings ? input : { ...input, findings: undefined });
        const stamp = riskReportStamp(input);
        const pdf = await renderPdf(doc, { stamp, createdAt: input.generatedAt });
        await mkdir(dirname(options.out), { recursive: true });
        await writeFile(options.out, pdf);
        const result = { out: options.out, kind: options.kind, title: doc.title, sections: doc.sections.length, risks: input.risks.length, bytes: pdf.length, stamp };
        output.data(result, () => `Wrote the ${doc.title} to ${options.out} (${input.risks.length} risks; ${stamp}).`);
      });
    });
  withExamples(
    command,
    "isms risk report --out risk-assessment-report.pdf",
    "isms risk report --kind treatment --out risk-treatment-plan.pdf",
  );
}
