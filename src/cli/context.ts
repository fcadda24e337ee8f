// What every command needs: the global options, the output, and the store opened for it.
import type { Command } from "commander";
import { openIsms, type Isms } from "../app/isms.js";
import { createOutput, type Output } from "./output.js";

export interface GlobalOptions {
  json?: boolean;
  workspace?: string;
  dataDir?: string;
  debug?: boolean;
}

export function globalOptions(command: Command): GlobalOptions {
  const all: Record<string, unknown> = command.optsWithGlobals();
  return {
    json: all.json === true,
    workspace: typeof all.workspace === "string" ? all.workspace : process.env.ISMS_WORKSPACE || undefined,
    dataDir: typeof all.dataDir === "string" ? all.dataDir : undefined,
    debug: all.debug === true,
  };
}

export function outputFor(command: Command): Output {
  return createOutput({ json: globalOptions(command).json === true });
}

/** Opens the store for one command and always closes it (which releases the data-directory lock). */
export async function withIsms<T>(command: Command, use: (isms: Isms, output: Output) => Promise<T>): Promise<T> {
  const options = globalOptions(command);
  const isms = await openIsms({ dataDir: options.dataDir, command: `isms ${command.name()}` });
  try {
    return await use(isms, outputFor(command));
  } finally {
    await isms.close();
  }
}
