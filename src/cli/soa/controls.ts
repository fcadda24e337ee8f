// `isms soa controls add|list`: the workspace's own controls (6.1.3 b), listed in the SoA after Annex A.
import type { Command } from "commander";
import { addOwnControl, listOwnControls } from "../../app/soa.js";
import { resolveWorkspace } from "../../app/workspaces.js";
import { globalOptions, withIsms } from "../context.js";
import { table } from "../output.js";
import { withExamples } from "../usage.js";
import { controlIdArgument } from "./options.js";

export function registerSoaControlCommands(soa: Command): void {
  const controls = soa.command("controls").description("the organization's own controls, beside the 93 of Annex A");

  const add = controls
    .command("add")
    .description("add an own control; it enters the SoA as applicable")
    .requiredOption("--id <id>", "its id: letters, digits and hyphens that do not read as an Annex A id (ACME-01)")
    .requiredOption("--title <text>", "what the control is")
    .option("--description <text>", "what it requires")
    .option("--related <control>", "the Annex A control it refines (8.5)")
    .option("--justification <text>", "why it is in the SoA")
    .action(async (options: { id: string; title: string; description?: string; related?: string; justification?: string }, cmd: Command) => {
      await withIsms(cmd, async (isms, output) => {
        const ws = await resolveWorkspace(isms.db, globalOptions(cmd).workspace);
        const input = { ...options, relatedControlId: options.related !== undefined ? controlIdArgument(options.related) : undefined };
        const entry = await isms.db.transaction((tx) => addOwnControl(tx, ws, input, { actor: "cli" }));
        output.data(entry, () => `Added own control ${entry.controlId} "${entry.title}" to the SoA (applicable).`);
      });
    });
  withExamples(add, 'isms soa controls add --id ACME-01 --title "Customer-managed encryption keys on request" --related 8.24');

  const list = controls
    .command("list")
    .description("list the own controls")
    .action(async (_o: unknown, cmd: Command) => {
      await withIsms(cmd, async (isms, output) => {
        const ws = await resolveWorkspace(isms.db, globalOptions(cmd).workspace);
        const all = await listOwnControls(isms.db, ws);
        output.data(all, () => (all.length ? table(["id", "related", "title"], all.map((c) => [c.id, c.relatedControlId ?? "", c.title])) : "No own controls (add one with: isms soa controls add --id ACME-01 --title …)."));
      });
    });
  withExamples(list, "isms soa controls list");
}
