// `isms demo` (what `npm start` runs): builds the demo workspace from the aws-saas template and
// prints its summary — no server and no AWS account needed.
import type { Command } from "commander";
import { createDemoWorkspace } from "../app/demo.js";
import { withIsms } from "./context.js";
import { printSummary } from "./summary.js";
import { withExamples } from "./usage.js";

export function registerDemoCommand(program: Command): void {
  const command = program
    .command("demo")
    .description("create (or rebuild) the demo workspace from the aws-saas template and print its summary")
    .action(async (_options: unknown, cmd: Command) => {
      await withIsms(cmd, async (isms, output) => {
        const summary = await createDemoWorkspace(isms.db);
        output.line(output.style("green", `Demo workspace "${summary.workspace.slug}" is ready in ${isms.location}.`));
        printSummary(output, summary);
        output.line();
        output.line(output.style("dim", "Next: npx isms catalog control 8.24 · npx isms export --dir demo-isms/"));
      });
    });
  withExamples(command, "isms demo", "npm start");
}
