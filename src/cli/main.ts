// Entry point of the `isms` command.
import { run } from "./run.js";

process.exitCode = await run(process.argv);
