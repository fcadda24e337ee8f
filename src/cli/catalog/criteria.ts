// `isms catalog criteria`: the SOC 2 Trust Services Criteria and the Annex A controls that serve each.
import type { Command } from "commander";
import { controlsForCriterion, tscCriteria } from "../../catalog/soc2.js";
import { outputFor } from "../context.js";
import { table } from "../output.js";
import { withExamples } from "../usage.js";

export function registerCriteriaCommand(catalog: Command): void {
  const command = catalog
    .command("criteria")
    .description("list the SOC 2 Trust Services Criteria (2017, points of focus 2022) with their Annex A controls")
    .action((_options: unknown, cmd: Command) => {
      const output = outputFor(cmd);
      const rows = tscCriteria.map((c) => ({ ...c, controls: controlsForCriterion(c.id).map((p) => p.control.id) }));
      output.data(rows, () =>
        table(
          ["id", "title", "Annex A"],
          rows.map((r) => [r.id, r.shortTitle, r.controls.join(" ")]),
        ),
      );
    });
  withExamples(command, "isms catalog criteria", "isms catalog criteria --json");
}
