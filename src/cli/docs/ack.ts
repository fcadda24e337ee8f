// `isms docs ack`: record that people read and accept the version in force of a policy, or show
// who has and who in scope has not (A.5.1, A.6.3, 7.3).
import type { Command } from "commander";
import { acknowledgeDocument } from "../../app/documents/lifecycle.js";
import { acknowledgementStatus } from "../../app/documents/records.js";
import { resolveWorkspace } from "../../app/workspaces.js";
import { globalOptions, withIsms } from "../context.js";
import { table } from "../output.js";
import { UsageError, withExamples } from "../usage.js";

export function registerDocsAckCommand(docs: Command): void {
  const command = docs
    .command("ack <id>")
    .description("record acknowledgements of the published version by people (--person), or list who has and has not acknowledged it (--status)")
    .option("--person <people>", "who acknowledged it: ids or names, comma-separated")
    .option("--status", "list who acknowledged the version in force and who in scope has not")
    .option("--version <version>", "with --person: the version acknowledged (default: the one in force)")
    .action(async (id: string, options: { person?: string; status?: boolean; version?: string }, cmd: Command) => {
      if ((options.person === undefined) === (options.status === undefined)) throw new UsageError("give --person <people> to record acknowledgements, or --status to list them");
      await withIsms(cmd, async (isms, output) => {
        const ws = await resolveWorkspace(isms.db, globalOptions(cmd).workspace);
        const today = new Date().toISOString().slice(0, 10);
        if (options.person !== undefined) {
          const people = options.person.split(",").map((p) => p.trim()).filter(Boolean);
          const recorded = await isms.db.transaction(async (tx) => {
            const results = [];
            for (const person of people) results.push(await acknowledgeDocument(tx, ws, id, person, { actor: "cli", version: options.version }));
            return results;
          });
          const status = await acknowledgementStatus(isms.db, ws, id, today);
          output.data({ recorded, status }, () =>
            [
              ...recorded.map((r) => (r.already ? `${r.personId} had already acknowledged ${id} v${r.version} on ${r.acknowledgedAt.toISOString().slice(0, 10)}.` : `${r.personId} acknowledged ${id} v${r.version}.`)),
              `${status.acknowledged.length} acknowledged, ${status.pending.length} in scope still to acknowledge.`,
            ].join("\n"),
          );
          return;
        }
        const status = await acknowledgementStatus(isms.db, ws, id, today);
        output.data(status, () => {
          if (status.version === null) return `${id} has no published version yet, so there is nothing to acknowledge.`;
          const rows = [
            ...status.acknowledged.map((a) => [a.personId, a.name, a.acknowledgedAt.toISOString().slice(0, 16).replace("T", " ")]),
            ...status.pending.map((p) => [p.personId, p.name, "not yet"]),
          ];
          const head = `${id} v${status.version}: ${status.acknowledged.length} acknowledged, ${status.pending.length} in scope not yet${status.required ? "" : " (acknowledgement is not required for this document)"}.`;
          return `${head}\n${table(["person", "name", "acknowledged"], rows)}`;
        });
      });
    });
  withExamples(command, "isms docs ack POL-ISP --person P-003,P-004", "isms docs ack POL-ISP --status");
}
