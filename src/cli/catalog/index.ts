// `isms catalog …`: browse the reference data — Annex A, clauses 4–10, the 2013 → 2022 map, SOC 2.
import type { Command } from "commander";
import { registerAwsServicesCommand } from "./aws-services.js";
import { registerClausesCommand } from "./clauses.js";
import { registerControlCommand } from "./control.js";
import { registerControlsCommand } from "./controls.js";
import { registerCriteriaCommand } from "./criteria.js";
import { registerMapCommand } from "./map.js";

export function registerCatalogCommands(program: Command): void {
  const catalog = program
    .command("catalog")
    .description("browse ISO/IEC 27001:2022 Annex A, clauses 4–10, the 2013 → 2022 map and SOC 2 criteria");
  registerControlsCommand(catalog);
  registerControlCommand(catalog);
  registerClausesCommand(catalog);
  registerMapCommand(catalog);
  registerCriteriaCommand(catalog);
  registerAwsServicesCommand(catalog);
}
