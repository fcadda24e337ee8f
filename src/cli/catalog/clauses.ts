// `isms catalog clauses`: clauses 4–10, which require documented information, the mandatory
// documented information and the management review inputs.
import type { Command } from "commander";
import { clauses, managementReviewInputs, mandatoryDocumentedInformation } from "../../catalog/clauses.js";
import { outputFor } from "../context.js";
import { table } from "../output.js";
import { withExamples } from "../usage.js";

export function registerClausesCommand(catalog: Command): void {
  const command = catalog
    .command("clauses")
    .description("list clauses 4.1–10.2 and the documented information they require")
    .action((_options: unknown, cmd: Command) => {
      const output = outputFor(cmd);
      output.data({ clauses, mandatoryDocumentedInformation, managementReviewInputs }, () =>
        [
          table(
            ["clause", "documented information", "title"],
            clauses.map((c) => [
              c.id,
              c.requiresDocumentedInformation === null ? "" : c.requiresDocumentedInformation ? "required" : "-",
              `${"  ".repeat(Math.max(0, c.level - 1))}${c.title}`,
            ]),
          ),
          "",
          output.style("bold", "Mandatory documented information"),
          ...mandatoryDocumentedInformation.map((d) => `  ${d.clause.padEnd(7)} ${d.name}`),
        ].join("\n"),
      );
    });
  withExamples(command, "isms catalog clauses", "isms catalog clauses --json");
}
