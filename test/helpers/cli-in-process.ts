// Runs `isms` inside the test's process: the same command tree, parsing and exit codes as the real
// command, without the 2–3 s a child process spends starting. For tests of many short commands.
import { vi } from "vitest";
import { run } from "../../src/cli/run.js";
import type { CliResult } from "./cli.js";

const cleared = ["DATABASE_URL", "ISMS_WORKSPACE", "ISMS_DATA_DIR"] as const;

export async function ismsInProcess(args: readonly string[]): Promise<CliResult> {
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
  const saved = Object.fromEntries(cleared.map((name) => [name, process.env[name]]));
  const noColor = process.env.NO_COLOR;
  for (const name of cleared) delete process.env[name];
  process.env.NO_COLOR = "1";
  try {
    const status = await run(["node", "isms", ...args]);
    return { status, stdout, stderr };
  } finally {
    out.mockRestore();
    err.mockRestore();
    for (const name of cleared) if (saved[name] !== undefined) process.env[name] = saved[name];
    if (noColor === undefined) delete process.env.NO_COLOR;
    else process.env.NO_COLOR = noColor;
  }
}
