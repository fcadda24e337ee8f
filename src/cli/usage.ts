// A mistake in how the command was called (exit code 2), as opposed to a failure while running it.
import type { Command } from "commander";

export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "UsageError";
  }
}

/** Adds an "Examples" section to a command's --help. */
export function withExamples(command: Command, ...examples: string[]): Command {
  return command.addHelpText("after", `\nExamples:\n${examples.map((e) => `  $ ${e}`).join("\n")}\n`);
}
