// `isms risk actions list|add|edit`: the risk treatment plan's actions (6.1.3 e, 8.3).
import type { Command } from "commander";
import { loadPersonDirectory } from "../../app/people.js";
import { addTreatmentAction, editTreatmentAction, loadTreatmentActions } from "../../app/risks.js";
import { resolveWorkspace } from "../../app/workspaces.js";
import { treatmentActionStatuses, type TreatmentAction } from "../../domain/risk/index.js";
import { globalOptions, withIsms } from "../context.js";
import { table } from "../output.js";
import { UsageError, withExamples } from "../usage.js";

interface ActionFlags {
  risk?: string;
  title?: string;
  controls?: string;
  owner?: string;
  due?: string;
  status?: string;
  evidence?: string;
}

function withActionOptions(command: Command): Command {
  return command
    .option("--title <text>", "what the action does")
    .option("--controls <ids>", "the controls it implements, comma-separated (8.5,5.17)")
    .option("--owner <person>", "who does it (a person's id or name)")
    .option("--due <date>", "due date, YYYY-MM-DD")
    .option("--status <status>", treatmentActionStatuses.join(", "))
    .option("--evidence <text>", "the evidence that will show the control operating");
}

function changesFrom(flags: ActionFlags, findPerson: (v: string) => string): Partial<Omit<TreatmentAction, "id" | "riskId">> {
  const changes: Partial<Omit<TreatmentAction, "id" | "riskId">> = {};
  if (flags.title !== undefined) changes.title = flags.title;
  if (flags.controls !== undefined) changes.controlIds = flags.controls.split(",").map((c) => c.trim().replace(/^A\.?\s*/i, "")).filter(Boolean);
  if (flags.owner !== undefined) changes.owner = findPerson(flags.owner);
  if (flags.due !== undefined) changes.dueDate = flags.due;
  if (flags.status !== undefined) {
    const status = treatmentActionStatuses.find((s) => s === flags.status);
    if (!status) throw new UsageError(`--status: "${flags.status}" is not one of ${treatmentActionStatuses.join(", ")}`);
    changes.status = status;
  }
  if (flags.evidence !== undefined) changes.evidence = flags.evidence;
  return changes;
}

export function registerRiskActionCommands(risk: Command): void {
  const actions = risk.command("actions").description("the risk treatment plan: actions per risk with owner, due date, status and evidence");

  const list = actions
    .command("list")
    .description("list treatment actions")
    .option("--risk <id>", "only one risk's actions")
    .action(async (options: { risk?: string }, cmd: Command) => {
      await withIsms(cmd, async (isms, output) => {
        const ws = await resolveWorkspace(isms.db, globalOptions(cmd).workspace);
        const rows = (await loadTreatmentActions(isms.db, ws)).filter((a) => !options.risk || a.riskId === options.risk);
        output.data(rows, () =>
          table(["id", "risk", "status", "due", "owner", "controls", "action"], rows.map((a) => [a.id, a.riskId, a.status, a.dueDate ?? "", a.owner ?? "", a.controlIds.join(" "), a.title])),
        );
      });
    });
  withExamples(list, "isms risk actions list", "isms risk actions list --risk R-004 --json");

  const add = withActionOptions(actions.command("add").description("add a treatment action to a risk"))
    .requiredOption("--risk <id>", "the risk it treats")
    .action(async (flags: ActionFlags & { risk: string }, cmd: Command) => {
      if (!flags.title) throw new UsageError("--title is required to add an action");
      await withIsms(cmd, async (isms, output) => {
        const ws = await resolveWorkspace(isms.db, globalOptions(cmd).workspace);
        const people = await loadPersonDirectory(isms.db, ws);
        const changes = changesFrom(flags, (v) => people.get(v, "--owner"));
        const action = await isms.db.transaction((tx) => addTreatmentAction(tx, ws, { ...changes, riskId: flags.risk, title: flags.title ?? "" }, { actor: "cli" }));
        output.data(action, () => `Added ${action.id} to ${action.riskId}.`);
      });
    });
  withExamples(add, 'isms risk actions add --risk R-004 --title "Enforce MFA for all IAM users" --controls 8.5 --owner P-002 --due 2027-03-31 --evidence "IAM credential report"');

  const edit = withActionOptions(actions.command("edit <id>").description("change a treatment action (status done records the completion date)")).action(
    async (id: string, flags: ActionFlags, cmd: Command) => {
      await withIsms(cmd, async (isms, output) => {
        const ws = await resolveWorkspace(isms.db, globalOptions(cmd).workspace);
        const people = await loadPersonDirectory(isms.db, ws);
        const changes = changesFrom(flags, (v) => people.get(v, "--owner"));
        if (Object.keys(changes).length === 0) throw new UsageError("Say what to change, e.g. --status done");
        const action = await isms.db.transaction((tx) => editTreatmentAction(tx, ws, id, changes, { actor: "cli" }));
        output.data(action, () => `Changed ${id} (${action.status}).`);
      });
    },
  );
  withExamples(edit, "isms risk actions edit T-003 --status done", "isms risk actions edit T-003 --due 2027-01-31");
}
