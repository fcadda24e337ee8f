// `isms risk import`: a risk register (and its treatment plan) from CSV or XLSX, every row checked
// before anything is written.
import { Option, type Command } from "commander";
import { importRiskRegister, type RiskImportResult } from "../../app/risk-import.js";
import { resolveWorkspace } from "../../app/workspaces.js";
import { InvalidInputError, IsmsError } from "../../domain/errors.js";
import { globalOptions, withIsms } from "../context.js";
import { withExamples } from "../usage.js";

interface ImportOptions {
  map?: string;
  sheet?: string;
  treatmentPlan?: string;
  treatmentMap?: string;
  treatmentSheet?: string;
  scoreMismatch: "error" | "warn";
}

const fieldsHelp = `
Register fields for --map (usual headings are recognised without it):
  id, title, description, assets ("Asset / Process": matched to asset ids or names), threat, vulnerability,
  owner (a person's id or name; a new name is added to the people register), category,
  confidentiality, integrity, availability (yes/no), likelihood, impact.<criterion> (e.g. impact.legal),
  impact, maxImpact, inherentScore, inherentLevel, decision, controls ("A 5.17", "A.8.5", "5.17, 8.5"),
  awsServices, residualLikelihood, residualImpact.<criterion>, residualImpact, residualMaxImpact,
  residualScore, residualLevel, status
Treatment plan fields for --treatment-map:
  id, riskId, title, controls, owner, dueDate ("Recurring" means none), status, evidence, completedOn
Scores are recomputed under the workspace's methodology. A sheet's Inherent or Residual Score that differs
from the computed one is a row error, unless --score-mismatch warn (then it is reported and recomputed).
`;

function describeResult(result: RiskImportResult): string {
  const lines = [
    `Imported ${result.added.length + result.updated.length + result.unchanged.length} risks from ${result.source} under methodology v${result.methodologyVersion}: ` +
      `${result.added.length} added, ${result.updated.length} updated, ${result.unchanged.length} unchanged.`,
  ];
  const plan = result.treatmentPlan;
  if (plan) {
    const refs = plan.added.filter((a) => a.ref && a.ref !== a.id).map((a) => `${a.ref} → ${a.id}`);
    lines.push(
      `Treatment plan ${plan.source}: ${plan.added.length} actions added, ${plan.updated.length} updated, ${plan.unchanged.length} unchanged.` +
        (refs.length ? ` Numbered ${refs.join(", ")}.` : ""),
    );
    if (plan.recurring.length) lines.push(`Recurring, so without a due date: ${plan.recurring.join(", ")}.`);
    if (plan.ignoredColumns.length) lines.push(`Plan columns not kept: ${plan.ignoredColumns.join(", ")}.`);
  }
  if (result.peopleAdded.length) {
    lines.push(`Added ${result.peopleAdded.length} people to the people register: ${result.peopleAdded.map((p) => `${p.id} ${p.name}`).join(", ")}.`);
  }
  if (result.ignoredColumns.length) lines.push(`Register columns not kept: ${result.ignoredColumns.join(", ")}.`);
  if (result.warnings.length) lines.push("Warnings:", ...result.warnings.map((w) => `  ${w}`));
  return lines.join("\n");
}

/** Every bad row on a line of its own, not only the first. */
function everyProblem(error: InvalidInputError): IsmsError {
  const lines = error.issues.map((i) => `  ${i.path ? `${i.path}: ` : ""}${i.message}`);
  const problems = `${error.issues.length} problem${error.issues.length === 1 ? "" : "s"}`;
  return new IsmsError(`${error.source}: ${problems}, nothing was imported:\n${lines.join("\n")}`);
}

export function registerRiskImportCommand(risk: Command): void {
  const command = risk
    .command("import <file>")
    .description("add or update risks from a CSV or XLSX risk register, and treatment actions from a treatment plan; checks every row first and writes nothing if one is bad")
    .option("--map <pairs>", 'say which column holds which field: "Risk Name=title,Prob=likelihood,Impact Legal=impact.legal"')
    .option("--sheet <name>", "the worksheet of an XLSX register (default: the first)")
    .option("--treatment-plan <file>", "a treatment plan (CSV or XLSX) to import with the register: actions with risk id, controls, owner, due date, status")
    .option("--treatment-map <pairs>", 'column mapping for the treatment plan: "Measure=title,Risk=riskId"')
    .option("--treatment-sheet <name>", "the worksheet of an XLSX treatment plan (default: the first)")
    .addOption(new Option("--score-mismatch <policy>", "a sheet's score that differs from the computed one: error (reject the row) or warn (report it, keep the computed score)").choices(["error", "warn"]).default("error"))
    .addHelpText("after", fieldsHelp)
    .action(async (file: string, options: ImportOptions, cmd: Command) => {
      await withIsms(cmd, async (isms, output) => {
        const ws = await resolveWorkspace(isms.db, globalOptions(cmd).workspace);
        const result = await importRiskRegister(isms.db, ws, file, {
          map: options.map,
          sheet: options.sheet,
          treatmentPlan: options.treatmentPlan,
          treatmentMap: options.treatmentMap,
          treatmentSheet: options.treatmentSheet,
          scoreMismatch: options.scoreMismatch === "warn" ? "warning" : "error",
          actor: "cli",
        }).catch((error: unknown) => {
          throw error instanceof InvalidInputError ? everyProblem(error) : error;
        });
        output.data(result, () => describeResult(result));
      });
    });
  withExamples(
    command,
    "isms risk import risk-register.csv --treatment-plan risk-treatment-plan.csv",
    'isms risk import register.xlsx --sheet Risks --map "Risk Name=title,Prob=likelihood"',
    "isms risk import scored-elsewhere.csv --score-mismatch warn",
  );
}
