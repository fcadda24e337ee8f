// Entry point of the `isms` command.
import { run } from "./run.js";

// Ctrl-C or a kill ends the process through exit, so the data-directory lock is released on the way out.
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => process.exit(signal === "SIGINT" ? 130 : 143));
}

process.exitCode = await run(process.argv);
