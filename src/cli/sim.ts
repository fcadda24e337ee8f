// `isms sim start`: runs the simulated AWS organization (testing/aws-sim) on loopback and prints the
// environment that points AWS SDKs and the AWS CLI at it; runs until Ctrl-C.
import type { Command } from "commander";
import { outputFor } from "./context.js";
import { withExamples } from "./usage.js";
import { parsePort } from "./port.js";

interface SimStartOptions {
  scenario: string;
  port: string;
}

/** Resolves on Ctrl-C or a kill (main.ts then ends the process; the open server keeps it alive until then). */
function untilInterrupted(): Promise<void> {
  return new Promise((resolve) => {
    process.once("SIGINT", () => resolve());
    process.once("SIGTERM", () => resolve());
  });
}

export function registerSimCommands(program: Command): void {
  const sim = program.command("sim").description("a simulated AWS organization on loopback, for trying OpenISMS without an AWS account");
  const start = sim
    .command("start")
    .description("start the simulator and print the environment to export; stops on Ctrl-C")
    .option("--scenario <demo|file>", "the scenario: demo, bench:NxRxM (accounts × regions × resources), or a scenario YAML file", "demo")
    .option("--port <port>", "the port to listen on (0: any free port)", "4566")
    .action(async (options: SimStartOptions, cmd: Command) => {
      const output = outputFor(cmd);
      const port = parsePort(options.port);
      const { startSimulator } = await import("../../testing/aws-sim/server.js");
      const running = await startSimulator({ scenario: options.scenario, port });
      output.data({ url: running.url, scenario: running.scenario.name, env: running.env }, () =>
        [
          output.style("green", `Simulated AWS organization "${running.scenario.name}" (${running.scenario.accounts.length} accounts) on ${running.url}`),
          "Export this to point the AWS SDKs and CLI at it:",
          "",
          ...Object.entries(running.env).map(([name, value]) => `export ${name}=${value}`),
          "",
          output.style("dim", "Press Ctrl-C to stop."),
        ].join("\n"),
      );
      await untilInterrupted();
      await running.close();
    });
  withExamples(start, "isms sim start", "isms sim start --scenario bench:20x4x50 --port 0", "eval \"$(isms sim start | grep ^export)\"");
}
