// Runs the `isms` command: parse, run, and turn the outcome into an exit code (0 ok, 1 failure, 2 usage).
import { CommanderError } from "commander";
import { buildProgram } from "./program.js";
import { createOutput } from "./output.js";
import { UsageError } from "./usage.js";

export async function run(argv: readonly string[]): Promise<number> {
  const program = buildProgram();
  try {
    await program.parseAsync([...argv]);
    return 0;
  } catch (error) {
    if (error instanceof CommanderError) {
      // commander has already printed its message (or the help text).
      return error.exitCode === 0 ? 0 : 2;
    }
    const output = createOutput({ json: false });
    const message = error instanceof Error ? error.message : String(error);
    output.error(message);
    if (argv.includes("--debug") && error instanceof Error && error.stack) process.stderr.write(`${error.stack}\n`);
    return error instanceof UsageError ? 2 : 1;
  }
}
