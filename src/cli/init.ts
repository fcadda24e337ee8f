// `isms init`: create a workspace (one ISMS), optionally from a template.
import { Option, type Command } from "commander";
import { initWorkspace } from "../app/workspaces.js";
import { workspaceTemplates } from "../domain/workspace.js";
import { withIsms } from "./context.js";
import { printSummary } from "./summary.js";
import { withExamples } from "./usage.js";

interface InitOptions {
  name?: string;
  slug?: string;
  company?: string;
  template: (typeof workspaceTemplates)[number];
}

export function registerInitCommand(program: Command): void {
  const command = program
    .command("init")
    .description("create a workspace: one ISMS (a consultancy keeps one per client)")
    .option("--name <name>", "the workspace's name", "ISMS")
    .option("--slug <slug>", "short id used by --workspace (default: derived from the name)")
    .option("--company <name>", "the organization whose ISMS this is (default: the name)")
    .addOption(new Option("--template <template>", "start from a template").choices(workspaceTemplates).default("blank"))
    .action(async (options: InitOptions, cmd: Command) => {
      await withIsms(cmd, async (isms, output) => {
        const summary = await initWorkspace(isms.db, {
          name: options.name ?? "ISMS",
          slug: options.slug,
          companyName: options.company,
          template: options.template,
        });
        output.line(output.style("green", `Created workspace ${summary.workspace.slug} (${isms.location}).`));
        printSummary(output, summary);
      });
    });
  withExamples(command, "isms init --name 'Acme ISMS' --company 'Acme Ltd' --template aws-saas", "isms init --name client-b --json");
}
