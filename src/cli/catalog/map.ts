// `isms catalog map`: translate control ids between ISO/IEC 27001:2013 and 2022.
import { Option, type Command } from "commander";
import { getControl } from "../../catalog/annex-a.js";
import { mapFrom2013, mapTo2013 } from "../../catalog/mapping-2013.js";
import { outputFor } from "../context.js";
import { withExamples } from "../usage.js";

export function registerMapCommand(catalog: Command): void {
  const command = catalog
    .command("map <id>")
    .description("map a 2013 Annex A control to its 2022 control(s), or back with --from 2022")
    .addOption(new Option("--from <edition>", "the edition the id belongs to").choices(["2013", "2022"]).default("2013"))
    .action((id: string, options: { from: string }, cmd: Command) => {
      const output = outputFor(cmd);
      if (options.from === "2013") {
        const controls = mapFrom2013(id);
        const result = { from: "2013", id: id.replace(/^A\./i, ""), to: controls.map((c) => ({ id: c.id, title: c.title })) };
        output.data(result, () => controls.map((c) => `${c.id}  ${c.title}`).join("\n"));
      } else {
        const control = getControl(id.replace(/^A\./i, ""));
        const previous = mapTo2013(control.id);
        output.data({ from: "2022", id: control.id, to: previous }, () =>
          previous.length ? previous.map((p) => `${p.id}  ${p.title}`).join("\n") : `${control.id} is new in 2022: no 2013 predecessor`,
        );
      }
    });
  withExamples(command, "isms catalog map --from 2013 12.4.1", "isms catalog map --from 2022 5.15 --json");
}
