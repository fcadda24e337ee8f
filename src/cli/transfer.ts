// `isms export` and `isms import`: the whole workspace as readable YAML files, and back.
import type { Command } from "commander";
import { exportWorkspace, importWorkspace } from "../app/workspace-files.js";
import { resolveWorkspace } from "../app/workspaces.js";
import { globalOptions, withIsms } from "./context.js";
import { withExamples } from "./usage.js";

export function registerTransferCommands(program: Command): void {
  const exportCommand = program
    .command("export")
    .description("write the workspace as YAML, one file per register, in a stable order (diff it in git)")
    .requiredOption("--dir <dir>", "the folder to write (created if missing; its register files are replaced)")
    .action(async (options: { dir: string }, cmd: Command) => {
      await withIsms(cmd, async (isms, output) => {
        const ws = await resolveWorkspace(isms.db, globalOptions(cmd).workspace);
        const result = await exportWorkspace(isms.db, ws, options.dir);
        output.data(result, () => `Wrote ${result.files.length} files to ${options.dir} (${result.rows} rows).`);
      });
    });
  withExamples(exportCommand, "isms export --dir isms/", "isms export --workspace acme --dir ../acme-isms --json");

  const importCommand = program
    .command("import")
    .description("restore a workspace from an export folder; validates every file first and writes nothing on error")
    .requiredOption("--dir <dir>", "the folder written by isms export")
    .option("--replace", "replace the contents of an existing workspace with the same slug")
    .action(async (options: { dir: string; replace?: boolean }, cmd: Command) => {
      await withIsms(cmd, async (isms, output) => {
        const result = await importWorkspace(isms.db, options.dir, { replace: options.replace === true });
        output.data(result, () =>
          `${result.replaced ? "Replaced" : "Created"} workspace ${result.workspace.slug} from ${options.dir} (${result.rows} rows).`,
        );
      });
    });
  withExamples(importCommand, "isms import --dir isms/", "isms import --dir isms/ --replace");
}
