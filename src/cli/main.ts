// Entry point of the `isms` command.
import { run } from "./run.js";

// The AWS SDK warns on every run under Node 20 that its 2027 releases will need Node 22; the CLI is
// pinned to releases that support Node 20, so a user sees that warning only if they ask for it.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= "true";

// Ctrl-C or a kill ends the process through exit, so the data-directory lock is released on the way out.
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => process.exit(signal === "SIGINT" ? 130 : 143));
}

process.exitCode = await run(process.argv);
