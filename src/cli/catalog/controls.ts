// `isms catalog controls`: the 93 Annex A controls, optionally one theme or only the new ones.
import { Option, type Command } from "commander";
import { annexAControls } from "../../catalog/annex-a.js";
import { controls2013 } from "../../catalog/mapping-2013.js";
import { outputFor } from "../context.js";
import { table } from "../output.js";
import { withExamples } from "../usage.js";

const themes = ["organizational", "people", "physical", "technological"] as const;

export function registerControlsCommand(catalog: Command): void {
  const command = catalog
    .command("controls")
    .description("list the Annex A controls with theme and ISO/IEC 27002 attributes")
    .addOption(new Option("--theme <theme>", "only one theme").choices(themes))
    .option("--new", "only the controls new in 2022")
    .addOption(new Option("--edition <year>", "2013 lists the 114 controls of ISO/IEC 27001:2013").choices(["2013", "2022"]).default("2022"))
    .action((options: { theme?: string; new?: boolean; edition: string }, cmd: Command) => {
      const output = outputFor(cmd);
      if (options.edition === "2013") {
        output.data(controls2013, () => table(["id", "title"], controls2013.map((c) => [c.id, c.title])));
        return;
      }
      const controls = annexAControls.filter(
        (c) => (!options.theme || c.theme === options.theme) && (!options.new || c.newIn2022),
      );
      output.data(controls, () =>
        [
          table(
            ["id", "theme", "new", "title"],
            controls.map((c) => [c.id, c.theme, c.newIn2022 ? "new" : "", c.title]),
          ),
          "",
          output.style("dim", `${controls.length} controls. Details: isms catalog control <id>`),
        ].join("\n"),
      );
    });
  withExamples(command, "isms catalog controls", "isms catalog controls --theme technological --json", "isms catalog controls --new", "isms catalog controls --edition 2013");
}
