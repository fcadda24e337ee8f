// `isms risk …`: risk assessment and treatment (6.1.2, 6.1.3, 8.2, 8.3).
import type { Command } from "commander";
import { registerRiskActionCommands } from "./actions.js";
import { registerRiskCheckCommand } from "./check.js";
import { registerRiskDecisionCommands } from "./decide.js";
import { registerRiskExportCommand } from "./export.js";
import { registerRiskImportCommand } from "./import.js";
import { registerRiskMatrixCommand } from "./matrix.js";
import { registerRiskMethodologyCommands } from "./methodology.js";
import { registerRiskRegisterCommands } from "./register.js";
import { registerRiskReportCommand } from "./report.js";

export function registerRiskCommands(program: Command): void {
  const risk = program.command("risk").description("the risk register, its methodology, treatment plan and heat map (6.1.2, 6.1.3, 8.2, 8.3)");
  registerRiskRegisterCommands(risk);
  registerRiskDecisionCommands(risk);
  registerRiskActionCommands(risk);
  registerRiskMatrixCommand(risk);
  registerRiskCheckCommand(risk);
  registerRiskMethodologyCommands(risk);
  registerRiskImportCommand(risk);
  registerRiskExportCommand(risk);
  registerRiskReportCommand(risk);
}
