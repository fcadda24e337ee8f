// `isms demo` (what `npm start` runs): builds the demo workspace from the aws-saas template and
// prints its summary — no server and no AWS account needed.
import type { Command } from "commander";
import { createDemoWorkspace } from "../app/demo.js";
import { assessReadiness } from "../app/readiness.js";
import { resolveWorkspace } from "../app/workspaces.js";
import { withIsms } from "./context.js";
import { renderReadinessScores } from "./readiness.js";
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
        if (!output.json) {
          const report = await assessReadiness(isms.db, await resolveWorkspace(isms.db, summary.workspace.slug));
          output.line();
          for (const line of renderReadinessScores(output, report)) output.line(line);
        }
        output.line();
        output.line(output.style("dim", "Next: npx isms readiness --stage 1 · npx isms risk matrix · npx isms soa show · npx isms catalog control 8.24"));
      });
    });
  withExamples(command, "isms demo", "npm start");
}
