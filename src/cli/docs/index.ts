// `isms docs …`: the documented information of the ISMS (7.5): list, show, write, review, approve,
// publish, export, the mandatory-documents checklist, and acknowledgements.
import type { Command } from "commander";
import { registerDocsAckCommand } from "./ack.js";
import { registerDocsExportCommand } from "./export.js";
import { registerDocsLifecycleCommands } from "./lifecycle.js";
import { registerDocsListCommands } from "./list.js";
import { registerDocsStatusCommand } from "./status.js";
import { registerDocsWriteCommands } from "./write.js";

export function registerDocsCommands(program: Command): void {
  const docs = program.command("docs").description("the ISMS documents: policies and procedures under document control, and the documents generated from the data (7.5)");
  registerDocsListCommands(docs);
  registerDocsWriteCommands(docs);
  registerDocsLifecycleCommands(docs);
  registerDocsExportCommand(docs);
  registerDocsStatusCommand(docs);
  registerDocsAckCommand(docs);
}
