// `isms soa …`: the Statement of Applicability (6.1.3 d): show, set, publish, versions, diff, export,
// import, and the organization's own controls.
import type { Command } from "commander";
import { registerSoaControlCommands } from "./controls.js";
import { registerSoaSetCommand } from "./set.js";
import { registerSoaShowCommand } from "./show.js";
import { registerSoaTransferCommands } from "./transfer.js";
import { registerSoaVersionCommands } from "./versions.js";

export function registerSoaCommands(program: Command): void {
  const soa = program.command("soa").description("the Statement of Applicability: every Annex A control and your own, decided, justified, owned and evidenced (6.1.3 d)");
  registerSoaShowCommand(soa);
  registerSoaSetCommand(soa);
  registerSoaVersionCommands(soa);
  registerSoaTransferCommands(soa);
  registerSoaControlCommands(soa);
}
