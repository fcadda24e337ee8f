// `isms review …`: management reviews (9.3): prepare one with its inputs filled from the data, hold it
// (attendees, decisions, actions), follow its actions up, list and show them.
import type { Command } from "commander";
import { getManagementReview, holdManagementReview, listManagementReviews, prepareManagementReview, updateReviewAction, type ManagementReview } from "../app/management-review.js";
import { loadPersonNames } from "../app/soa.js";
import { resolveWorkspace } from "../app/workspaces.js";
import { managementReviewInputs } from "../catalog/clauses.js";
import { reviewActionStatuses, type ReviewActionStatus } from "../domain/review/model.js";
import { preparationOf, reviewDecisionLines, reviewInputLines } from "../domain/review/records.js";
import { isoDay } from "../domain/risk/calendar.js";
import { coveredReviewInputs } from "../readiness/index.js";
import { dayOption } from "./docs/options.js";
import { globalOptions, withIsms } from "./context.js";
import { table } from "./output.js";
import { UsageError, withExamples } from "./usage.js";

const collect = (value: string, previous: string[]) => [...previous, value];
const openActions = (r: ManagementReview) => r.actions.filter((a) => a.status === "open" || a.status === "in_progress");

function showReview(review: ManagementReview, name: (id: string) => string): string {
  const who = (id: string) => (name(id) === id ? id : `${name(id)} (${id})`);
  const prepared = preparationOf(review.inputs);
  const lines = [`${review.id}: ${review.status === "held" ? "held on" : `${review.status}, for`} ${review.heldOn}`];
  if (prepared) {
    const basis = prepared.previousReview ? `the data since the review of ${prepared.since ?? "?"} (${prepared.previousReview})` : "the data (the first review)";
    lines.push(`Inputs prepared on ${prepared.on} from ${basis}${prepared.chair ? `; chair ${who(prepared.chair)}` : ""}.`);
  }
  lines.push(`Attendees: ${review.attendees.length ? review.attendees.map(who).join(", ") : "none recorded"}`);
  if (review.minutesRef) lines.push(`Minutes: ${review.minutesRef}`);
  lines.push("", "Inputs (9.3.2):");
  const inputs = reviewInputLines(review.inputs);
  if (!inputs.length) lines.push("  none recorded");
  for (const input of inputs) {
    lines.push(`  ${input.label}${input.text ? `\n    ${input.text}` : ""}`);
    for (const item of input.items) lines.push(`    ${item.label}\n      ${item.text}`);
  }
  lines.push("", "Decisions (9.3.3):");
  const decisions = reviewDecisionLines(review.decisions);
  lines.push(...(decisions.length ? decisions.map((d, i) => `  ${i + 1}. ${d}`) : ["  none yet"]));
  if (review.actions.length) {
    lines.push("", "Actions:");
    const today = isoDay(new Date());
    const rows = review.actions.map((a) => {
      const late = (a.status === "open" || a.status === "in_progress") && a.dueDate !== null && a.dueDate < today;
      return [a.id, a.status, `${a.dueDate ?? ""}${late ? " overdue" : ""}`, a.owner ? who(a.owner) : "", a.description];
    });
    lines.push(table(["id", "status", "due", "owner", "action"], rows));
  }
  return lines.join("\n");
}

export function registerReviewCommands(program: Command): void {
  const review = program.command("review").description("management reviews (9.3): inputs prepared from the data, attendees, decisions and actions");

  const prepare = review
    .command("prepare")
    .description("plan a management review and fill every 9.3.2 input from the registers, the audit log and the latest collection")
    .option("--on <date>", "the day of the review, YYYY-MM-DD (default today)")
    .option("--chair <person>", "who chairs it (top management), by id or name")
    .action(async (options: { on?: string; chair?: string }, cmd: Command) => {
      const on = options.on === undefined ? undefined : dayOption("--on", options.on);
      await withIsms(cmd, async (isms, output) => {
        const ws = await resolveWorkspace(isms.db, globalOptions(cmd).workspace);
        const prepared = await isms.db.transaction((tx) => prepareManagementReview(tx, ws, { on, chair: options.chair }, { actor: "cli" }));
        const name = await loadPersonNames(isms.db, ws);
        output.data(prepared, () => `Prepared ${prepared.id} for ${prepared.heldOn}.\n\n${showReview(prepared, name)}\n\nWhen it has been held: isms review hold ${prepared.id} --attendees <people> --decision "<decision>" [--action "<description>;<owner>;<due>"]`);
      });
    });
  withExamples(prepare, "isms review prepare --on 2027-03-15 --chair P-001");

  const list = review
    .command("list")
    .description("list the management reviews, oldest first, with the 9.3.2 inputs each covers and its open actions")
    .action(async (_options: unknown, cmd: Command) => {
      await withIsms(cmd, async (isms, output) => {
        const ws = await resolveWorkspace(isms.db, globalOptions(cmd).workspace);
        const reviews = await listManagementReviews(isms.db, ws);
        const rows = reviews.map((r) => ({ ...r, coveredInputs: coveredReviewInputs(r.inputs), openActions: openActions(r).length }));
        output.data(rows, () =>
          rows.length
            ? table(
                ["id", "date", "status", "attendees", "inputs", "decisions", "open actions"],
                rows.map((r) => [r.id, r.heldOn, r.status, String(r.attendees.length), `${r.coveredInputs.length}/${managementReviewInputs.length}`, String(Object.keys(r.decisions).length), String(r.openActions)]),
              )
            : "No management review yet. Prepare one with: isms review prepare",
        );
      });
    });
  withExamples(list, "isms review list");

  const show = review
    .command("show <id>")
    .description("show a review: inputs, attendees, decisions and actions")
    .action(async (id: string, _options: unknown, cmd: Command) => {
      await withIsms(cmd, async (isms, output) => {
        const ws = await resolveWorkspace(isms.db, globalOptions(cmd).workspace);
        const found = await getManagementReview(isms.db, ws, id);
        const name = await loadPersonNames(isms.db, ws);
        output.data(found, () => showReview(found, name));
      });
    });
  withExamples(show, "isms review show MR-001", "isms review show MR-001 --json");

  const hold = review
    .command("hold <id>")
    .description("record a planned review as held: who attended, the decisions and the actions (9.3.3)")
    .requiredOption("--attendees <people>", "who attended, comma-separated ids or names")
    .option("--decision <text>", "a decision (repeat for each)", collect, [])
    .option("--action <description;owner;due>", "an action: what, who (id or name) and by when, separated by ';' (repeat for each)", collect, [])
    .option("--minutes <ref>", "where the minutes are kept")
    .option("--on <date>", "the day it was held, when not the planned day (YYYY-MM-DD)")
    .action(async (id: string, options: { attendees: string; decision: string[]; action: string[]; minutes?: string; on?: string }, cmd: Command) => {
      const on = options.on === undefined ? undefined : dayOption("--on", options.on);
      if (options.decision.length === 0) throw new UsageError('--decision is required: record what the review decided, e.g. --decision "Keep the scope unchanged"');
      await withIsms(cmd, async (isms, output) => {
        const ws = await resolveWorkspace(isms.db, globalOptions(cmd).workspace);
        const input = { attendees: options.attendees.split(","), decisions: options.decision, actions: options.action, minutesRef: options.minutes, on };
        const { review: held, warnings } = await isms.db.transaction((tx) => holdManagementReview(tx, ws, id, input, { actor: "cli" }));
        output.data({ ...held, warnings }, () =>
          [
            `${held.id} held on ${held.heldOn}: ${held.attendees.length} attending, ${Object.keys(held.decisions).length} decision(s), ${held.actions.length} action(s).`,
            ...warnings.map((w) => `warning: ${w}`),
          ].join("\n"),
        );
      });
    });
  withExamples(
    hold,
    'isms review hold MR-001 --attendees P-001,P-002 --decision "Approve the 2027 audit programme" --action "Hire a second security engineer;P-001;2027-06-30" --minutes minutes/mr-2027-03.md',
  );

  const action = review
    .command("action <action-id>")
    .description("follow up an action decided at a review: in progress, done, cancelled or open again")
    .requiredOption("--status <status>", reviewActionStatuses.join(", "))
    .option("--on <date>", "the day it was done or cancelled (default today)")
    .option("--note <text>", "what was done, or why it was cancelled")
    .action(async (actionId: string, options: { status: string; on?: string; note?: string }, cmd: Command) => {
      const status: ReviewActionStatus | undefined = reviewActionStatuses.find((s) => s === options.status);
      if (!status) throw new UsageError(`--status: "${options.status}" is not one of ${reviewActionStatuses.join(", ")}`);
      const on = options.on === undefined ? undefined : dayOption("--on", options.on);
      await withIsms(cmd, async (isms, output) => {
        const ws = await resolveWorkspace(isms.db, globalOptions(cmd).workspace);
        const updated = await isms.db.transaction((tx) => updateReviewAction(tx, ws, actionId, { status, on, note: options.note }, { actor: "cli" }));
        const changed = updated.actions.find((a) => a.id === actionId);
        output.data(changed, () => `${actionId} is ${status}${changed?.closedOn ? ` (${changed.closedOn})` : ""}.`);
      });
    });
  withExamples(action, "isms review action MR-001-A1 --status done --note 'Engineer started 2027-05-02'");
}
