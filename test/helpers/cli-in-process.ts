// Runs `isms` inside the test's process: the same command tree, parsing and exit codes as the real
// command, without the 2–3 s a child process spends starting. For tests of many short commands.
// A data directory the command names (--data-dir or ISMS_DATA_DIR) that holds no database yet is first
// filled from the migrated template, as the command would have created it, in a third of the time.
import { vi } from "vitest";
import { run } from "../../src/cli/run.js";
import type { CliResult } from "./cli.js";
import { seedDataDir } from "./pglite-template.js";

const cleared = ["DATABASE_URL", "ISMS_WORKSPACE", "ISMS_DATA_DIR"] as const;

/** `env` sets (a string) or unsets (undefined) variables for the command only, as `isms(args, env)` does for a child. */
export async function ismsInProcess(args: readonly string[], env: Record<string, string | undefined> = {}): Promise<CliResult> {
  const dataDir = optionValue(args, "--data-dir") ?? env.ISMS_DATA_DIR;
  if (dataDir) await seedDataDir(dataDir);
  let stdout = "";
  let stderr = "";
  const text = (chunk: string | Uint8Array) => (typeof chunk === "string" ? chunk : Buffer.from(chunk).toString("utf8"));
  const out = vi.spyOn(process.stdout, "write").mockImplementation((chunk: string | Uint8Array) => {
    stdout += text(chunk);
    return true;
  });
  const err = vi.spyOn(process.stderr, "write").mockImplementation((chunk: string | Uint8Array) => {
    stderr += text(chunk);
    return true;
  });
  const settings: Record<string, string | undefined> = { ...Object.fromEntries(cleared.map((name) => [name, undefined])), NO_COLOR: "1", ...env };
  const saved = Object.fromEntries(Object.keys(settings).map((name) => [name, process.env[name]]));
  for (const [name, value] of Object.entries(settings)) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
  try {
    const status = await run(["node", "isms", ...args]);
    return { status, stdout, stderr };
  } finally {
    out.mockRestore();
    err.mockRestore();
    for (const [name, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  }
}

/** The value given to `option` ("--name value" or "--name=value"), if any. */
function optionValue(args: readonly string[], option: string): string | undefined {
  for (const [i, arg] of args.entries()) {
    if (arg === option) return args[i + 1];
    if (arg.startsWith(`${option}=`)) return arg.slice(option.length + 1);
  }
  return undefined;
}
