// `isms action …`: the corrective actions log (10.2): correction, root cause and action for a finding,
// closed with evidence, reviewed for effectiveness; an ineffective one is reopened.
import type { Command } from "commander";
import { addCorrectiveAction, closeCorrectiveAction, correctiveActionsLog, reviewCorrectiveAction } from "../app/audits/actions.js";
import { getCorrectiveAction, getFinding, type CorrectiveAction } from "../app/audits/records.js";
import { resolveWorkspace } from "../app/workspaces.js";
import { isoDay } from "../domain/risk/calendar.js";
import { globalOptions, withIsms } from "./context.js";
import { dayOption } from "./docs/options.js";
import { table } from "./output.js";
import { UsageError, withExamples } from "./usage.js";

const actor = "cli";
const list = (text: string) => text.split(",").map((s) => s.trim()).filter(Boolean);

interface AddFlags {
  finding: string;
  correction: string;
  rootCause: string;
  action: string;
  owner: string;
  due: string;
}

function effectiveness(a: CorrectiveAction): string {
  if (a.effective === null) return a.status === "closed" ? "to review" : "—";
  return `${a.effective ? "effective" : "not effective"} (${a.effectivenessReviewedOn ?? "?"})`;
}

function logTable(actions: readonly CorrectiveAction[], today: string): string {
  return table(
    ["id", "finding", "owner", "due", "status", "closed", "effectiveness", "action"],
    actions.map((a) => [
      a.id,
      a.findingId ?? "",
      a.owner ?? "",
      `${a.dueDate ?? ""}${a.status !== "closed" && a.dueDate !== null && a.dueDate < today ? " OVERDUE" : ""}`,
      a.status,
      a.closedAt ? isoDay(a.closedAt) : "",
      effectiveness(a),
      a.description,
    ]),
  );
}

export function registerActionCommands(program: Command): void {
  const action = program.command("action").description("corrective actions (10.2): correction, root cause, action, owner, due date, closure evidence and effectiveness");

  const add = action
    .command("add")
    .description("record the corrective action for a finding")
    .requiredOption("--finding <id>", "the finding it answers")
    .requiredOption("--correction <text>", "what was done at once to contain it (10.2 a)")
    .requiredOption("--root-cause <text>", "why it happened (10.2 b)")
    .requiredOption("--action <text>", "what removes the cause so that it does not recur (10.2 c)")
    .requiredOption("--owner <person>", "who sees it done (a person's id or name)")
    .requiredOption("--due <date>", "when it must be done, YYYY-MM-DD")
    .action(async (flags: AddFlags, cmd: Command) => {
      const dueDate = dayOption("--due", flags.due);
      await withIsms(cmd, async (isms, output) => {
        const ws = await resolveWorkspace(isms.db, globalOptions(cmd).workspace);
        const input = { findingId: flags.finding, correction: flags.correction, rootCause: flags.rootCause, action: flags.action, owner: flags.owner, dueDate };
        const a = await isms.db.transaction((tx) => addCorrectiveAction(tx, ws, input, { actor }));
        const finding = await getFinding(isms.db, ws, flags.finding);
        const late = finding.dueDate && dueDate > finding.dueDate ? ` Note: ${finding.id} must be resolved by ${finding.dueDate}, before this action is due.` : "";
        output.data(a, () => `Added ${a.id} for ${finding.id}, owner ${a.owner ?? "?"}, due ${a.dueDate ?? "?"}.${late}`);
      });
    });
  withExamples(
    add,
    'isms action add --finding F-001 --correction "Removed the two accounts" --root-cause "Leavers were not reported to IT" --action "HR offboarding ticket opens an access removal task" --owner P-005 --due 2026-10-31',
  );

  const close = action
    .command("close <id>")
    .description("close an action with the evidence that it was done")
    .option("--evidence <refs>", "what shows it was done, comma-separated (required)")
    .option("--on <date>", "the day it was done (default today)")
    .action(async (id: string, options: { evidence?: string; on?: string }, cmd: Command) => {
      if (options.evidence === undefined || list(options.evidence).length === 0) throw new UsageError(`--evidence is required to close ${id}: name what shows it was done (E-001,tickets/123)`);
      const on = options.on === undefined ? undefined : dayOption("--on", options.on);
      const evidenceRefs = list(options.evidence);
      await withIsms(cmd, async (isms, output) => {
        const ws = await resolveWorkspace(isms.db, globalOptions(cmd).workspace);
        const a = await isms.db.transaction((tx) => closeCorrectiveAction(tx, ws, id, { evidenceRefs, ...(on ? { on } : {}) }, { actor }));
        output.data(a, () => `Closed ${id}. Later, review whether it worked: isms action review ${id} --effective yes|no --by <person> --note "…"`);
      });
    });
  withExamples(close, "isms action close CA-001 --evidence E-031,tickets/HR-88");

  const review = action
    .command("review <id>")
    .description("record whether a closed action worked (10.2 d); an ineffective one is reopened")
    .requiredOption("--effective <yes|no>", "whether the cause is gone")
    .requiredOption("--by <person>", "who reviewed it")
    .requiredOption("--note <text>", "what the review looked at")
    .option("--on <date>", "the day of the review (default today)")
    .action(async (id: string, options: { effective: string; by: string; note: string; on?: string }, cmd: Command) => {
      if (!/^(yes|no)$/i.test(options.effective)) throw new UsageError(`--effective: say yes or no, not "${options.effective}"`);
      const on = options.on === undefined ? undefined : dayOption("--on", options.on);
      await withIsms(cmd, async (isms, output) => {
        const ws = await resolveWorkspace(isms.db, globalOptions(cmd).workspace);
        const input = { effective: /^yes$/i.test(options.effective), by: options.by, note: options.note, ...(on ? { on } : {}) };
        const a = await isms.db.transaction((tx) => reviewCorrectiveAction(tx, ws, id, input, { actor }));
        output.data(a, () => (a.effective ? `${id} worked; it stays closed.` : `${id} did not work and is open again: analyse the cause anew and close it with new evidence.`));
      });
    });
  withExamples(review, 'isms action review CA-001 --effective yes --by P-002 --note "No leaver kept access in the next two months"');

  const listCommand = action
    .command("list")
    .description("the corrective actions log")
    .option("--open", "only open actions")
    .option("--overdue", "only open actions past their due date")
    .action(async (options: { open?: boolean; overdue?: boolean }, cmd: Command) => {
      await withIsms(cmd, async (isms, output) => {
        const ws = await resolveWorkspace(isms.db, globalOptions(cmd).workspace);
        const today = isoDay(new Date());
        const actions = await correctiveActionsLog(isms.db, ws, { open: options.open === true, overdue: options.overdue === true, today });
        const none = options.overdue ? "No corrective action is overdue." : options.open ? "No open corrective action." : "No corrective action recorded yet.";
        output.data(actions, () => (actions.length ? logTable(actions, today) : none));
      });
    });
  withExamples(listCommand, "isms action list", "isms action list --overdue");

  const show = action
    .command("show <id>")
    .description("show a corrective action")
    .action(async (id: string, _o: unknown, cmd: Command) => {
      await withIsms(cmd, async (isms, output) => {
        const ws = await resolveWorkspace(isms.db, globalOptions(cmd).workspace);
        const a = await getCorrectiveAction(isms.db, ws, id);
        output.data(a, () => {
          const rows: [string, string][] = [
            ["action", a.id],
            ["finding", a.findingId ?? "—"],
            ["correction", a.correction ?? "—"],
            ["root cause", a.rootCause ?? "—"],
            ["action taken", a.description],
            ["owner", a.owner ?? "—"],
            ["due", a.dueDate ?? "—"],
            ["status", a.status],
            ["closed", a.closedAt ? isoDay(a.closedAt) : "—"],
            ["evidence", a.closureEvidenceRefs.join(", ") || "—"],
            ["effectiveness", `${effectiveness(a)}${a.effectivenessReviewedBy ? ` by ${a.effectivenessReviewedBy}` : ""}${a.effectivenessNote ? `: ${a.effectivenessNote}` : ""}`],
          ];
          return rows.map(([k, v]) => `${k.padEnd(14)} ${v}`).join("\n");
        });
      });
    });
  withExamples(show, "isms action show CA-001");
}
