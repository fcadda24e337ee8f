// `isms workspace list` and `isms summary`: which ISMSs this deployment holds, and one at a glance.
import type { Command } from "commander";
import { listWorkspaces, resolveWorkspace, summarizeWorkspace } from "../app/workspaces.js";
import { globalOptions, withIsms } from "./context.js";
import { table } from "./output.js";
import { printSummary } from "./summary.js";
import { withExamples } from "./usage.js";

export function registerWorkspaceCommands(program: Command): void {
  const workspace = program.command("workspace").description("the workspaces (ISMSs) of this deployment");
  const list = workspace
    .command("list")
    .description("list the workspaces")
    .action(async (_options: unknown, cmd: Command) => {
      await withIsms(cmd, async (isms, output) => {
        const workspaces = await listWorkspaces(isms.db);
        output.data(workspaces, () =>
          workspaces.length
            ? table(
                ["slug", "name", "company", "template"],
                workspaces.map((w) => [w.slug, w.name, w.companyName, w.template]),
              )
            : "No workspaces yet. Create one with: isms init --name 'My ISMS' --template aws-saas",
        );
      });
    });
  withExamples(list, "isms workspace list", "isms workspace list --json");

  const summary = program
    .command("summary")
    .description("summarize a workspace: scope, registers and catalog coverage")
    .action(async (_options: unknown, cmd: Command) => {
      await withIsms(cmd, async (isms, output) => {
        const ws = await resolveWorkspace(isms.db, globalOptions(cmd).workspace);
        printSummary(output, await summarizeWorkspace(isms.db, ws));
      });
    });
  withExamples(summary, "isms summary", "isms summary --workspace acme --json");
}
