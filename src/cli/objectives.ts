// `isms objectives …`: the information security objectives (6.2) and their measurement (9.1):
// the register, measurements by hand, binding to an automated check's pass rate, and the trend.
import type { Command } from "commander";
import {
  addObjective,
  bindObjective,
  editObjective,
  formatValue,
  listMeasurements,
  listObjectives,
  loadObjectiveTrend,
  objectiveStatuses,
  objectiveTrend,
  recordMeasurement,
  removeObjective,
  unbindObjective,
  type ObjectiveInput,
  type ObjectiveTrend,
} from "../app/objectives.js";
import { resolveWorkspace } from "../app/workspaces.js";
import { globalOptions, withIsms } from "./context.js";
import { dayOption } from "./docs/options.js";
import { table } from "./output.js";
import { UsageError, withExamples } from "./usage.js";

const actor = "cli";

interface ObjectiveFlags {
  title?: string;
  description?: string;
  measure?: string;
  target?: string;
  owner?: string;
  dueDate?: string;
  status?: string;
  method?: string;
  frequency?: string;
  targetValue?: string;
  unit?: string;
}

function withObjectiveOptions(command: Command): Command {
  return command
    .option("--title <text>", "what the objective is")
    .option("--description <text>", "why it matters, what it covers")
    .option("--measure <text>", "what is measured (6.2 b)")
    .option("--target <text>", "the target in words (at least 95%)")
    .option("--owner <person>", "who is responsible (a person's id or name)")
    .option("--due-date <date>", "when it is to be achieved, YYYY-MM-DD")
    .option("--status <status>", objectiveStatuses.join(", "))
    .option("--method <text>", "how it is measured and evaluated (9.1 b)")
    .option("--frequency <text>", "how often it is measured (monthly, quarterly, at each collection)")
    .option("--target-value <n>", "the numeric target measurements are compared with")
    .option("--unit <unit>", "the unit of the measurements (%, days)");
}

export function numberOption(flag: string, text: string): number {
  const n = Number(text);
  if (text.trim() === "" || !Number.isFinite(n)) throw new UsageError(`${flag}: "${text}" is not a number`);
  return n;
}

/** The flags given, as changes; an empty value clears a field. */
function inputFrom(flags: ObjectiveFlags): ObjectiveInput {
  const input: ObjectiveInput = {};
  const textOrNull = (v: string) => (v.trim() === "" ? null : v);
  if (flags.title !== undefined) input.title = flags.title;
  for (const field of ["description", "measure", "target", "owner", "method", "frequency", "unit"] as const) {
    const value = flags[field];
    if (value !== undefined) input[field] = textOrNull(value);
  }
  if (flags.dueDate !== undefined) input.dueDate = flags.dueDate === "" ? null : dayOption("--due-date", flags.dueDate);
  if (flags.targetValue !== undefined) input.targetValue = flags.targetValue === "" ? null : numberOption("--target-value", flags.targetValue);
  if (flags.status !== undefined) {
    const status = objectiveStatuses.find((s) => s === flags.status);
    if (!status) throw new UsageError(`--status: "${flags.status}" is not one of ${objectiveStatuses.join(", ")}`);
    input.status = status;
  }
  return input;
}

const metWord = (met: boolean | null) => (met === null ? "" : met ? "met" : "not met");

function targetText(trend: ObjectiveTrend): string {
  const { targetValue, unit, target } = trend.objective;
  if (targetValue === null) return target ?? "no target";
  return `${trend.direction === "at-least" ? "≥" : "≤"} ${formatValue(targetValue, unit)}`;
}

/** One line: the sparkline, first and latest values, the target and whether it is met. */
function trendLine(trend: ObjectiveTrend): string {
  const { latest, points } = trend;
  if (!latest) return `No measurement yet (target ${targetText(trend)}).`;
  const unit = trend.objective.unit;
  const first = points[0];
  const path = first && first !== latest ? `${formatValue(first.value, unit)} → ${formatValue(latest.value, unit)}` : formatValue(latest.value, unit);
  const verdict = trend.met === null ? "no numeric target to compare with" : trend.met ? "met" : "not met";
  const when = points.length === 1 ? `on ${latest.measuredOn}` : `over ${points.length} measurements (${first?.measuredOn ?? ""} to ${latest.measuredOn})`;
  return `${trend.sparkline}  ${path} ${when}; target ${targetText(trend)}: ${verdict}`;
}

function pointsTable(trend: ObjectiveTrend): string {
  return table(
    ["  id", "measured on", "value", "vs target", "source", "run", "note"],
    trend.points.map((p) => [`  ${p.id}`, p.measuredOn, formatValue(p.value, trend.objective.unit), metWord(p.met), p.source, p.runId ?? "", p.note ?? ""]),
  );
}

function showText(trend: ObjectiveTrend): string {
  const o = trend.objective;
  const fields: [string, string | number | null][] = [
    ["description", o.description],
    ["measure", o.measure],
    ["target", o.target],
    ["target value", o.targetValue === null ? null : formatValue(o.targetValue, o.unit)],
    ["owner", o.owner],
    ["due date", o.dueDate],
    ["status", o.status],
    ["method", o.method],
    ["frequency", o.frequency],
    ["bound check", o.checkId],
  ];
  return [
    `${o.id}  ${o.title}`,
    ...fields.filter(([, v]) => v !== null && v !== "").map(([k, v]) => `  ${k.padEnd(14)} ${String(v)}`),
    "",
    `Measurements (${trend.points.length})`,
    trend.points.length ? pointsTable(trend) : "  none yet",
    "",
    `Trend: ${trendLine(trend)}`,
  ].join("\n");
}

function registerListAndShow(group: Command): void {
  const list = group
    .command("list")
    .description("list the objectives with their latest measurement and whether it meets the target")
    .action(async (_o: unknown, cmd: Command) => {
      await withIsms(cmd, async (isms, output) => {
        const ws = await resolveWorkspace(isms.db, globalOptions(cmd).workspace);
        const [objectives, measured] = await Promise.all([listObjectives(isms.db, ws), listMeasurements(isms.db, ws)]);
        const trends = objectives.map((o) => objectiveTrend(o, measured.filter((m) => m.objectiveId === o.id)));
        const json = trends.map((t) => ({ ...t.objective, latest: t.latest, met: t.met }));
        output.data(json, () =>
          trends.length
            ? table(
                ["id", "status", "owner", "due", "check", "latest", "target", "objective"],
                trends.map((t) => [t.objective.id, t.objective.status, t.objective.owner ?? "", t.objective.dueDate ?? "", t.objective.checkId ?? "", t.latest ? `${formatValue(t.latest.value, t.objective.unit)} (${t.latest.measuredOn})` : "—", `${targetText(t)}${t.met === null ? "" : `, ${metWord(t.met)}`}`, t.objective.title]),
              )
            : 'No objectives yet. Add one with: isms objectives add --title "…" --measure "…" --target "…" --owner P-002',
        );
      });
    });
  withExamples(list, "isms objectives list", "isms objectives list --json");

  const show = group
    .command("show <id>")
    .description("show one objective, its measurements and the trend")
    .action(async (id: string, _o: unknown, cmd: Command) => {
      await withIsms(cmd, async (isms, output) => {
        const ws = await resolveWorkspace(isms.db, globalOptions(cmd).workspace);
        const trend = await loadObjectiveTrend(isms.db, ws, id);
        output.data({ ...trend.objective, measurements: trend.points, trend: { direction: trend.direction, change: trend.change, met: trend.met, sparkline: trend.sparkline } }, () => showText(trend));
      });
    });
  withExamples(show, "isms objectives show OBJ-001", "isms objectives show OBJ-001 --json");

  const trend = group
    .command("trend <id>")
    .description("the measurements of an objective over time against its target, and whether the latest meets it")
    .action(async (id: string, _o: unknown, cmd: Command) => {
      await withIsms(cmd, async (isms, output) => {
        const ws = await resolveWorkspace(isms.db, globalOptions(cmd).workspace);
        const t = await loadObjectiveTrend(isms.db, ws, id);
        output.data(t, () => [`${t.objective.id}  ${t.objective.title}`, trendLine(t), ...(t.points.length ? ["", pointsTable(t)] : [])].join("\n"));
      });
    });
  withExamples(trend, "isms objectives trend OBJ-001", "isms objectives trend OBJ-001 --json");
}

function registerChanges(group: Command): void {
  const add = withObjectiveOptions(group.command("add").description("add an objective (status active unless given)"))
    .option("--id <id>", "the id (default: the next OBJ-NNN)")
    .action(async (flags: ObjectiveFlags & { id?: string }, cmd: Command) => {
      if (!flags.title) throw new UsageError("--title is required to add an objective");
      const input = inputFrom(flags);
      await withIsms(cmd, async (isms, output) => {
        const ws = await resolveWorkspace(isms.db, globalOptions(cmd).workspace);
        const objective = await isms.db.transaction((tx) => addObjective(tx, ws, { ...input, ...(flags.id ? { id: flags.id } : {}) }, { actor }));
        output.data(objective, () => `Added objective ${objective.id}.`);
      });
    });
  withExamples(add, 'isms objectives add --title "Critical findings are fixed within 14 days" --measure "Share of critical findings closed within 14 days" --target "at least 95%" --target-value 95 --unit % --owner P-003 --method "Inspector export, monthly" --frequency monthly');

  const edit = withObjectiveOptions(group.command("edit <id>").description("change an objective; only the options given change")).action(
    async (id: string, flags: ObjectiveFlags, cmd: Command) => {
      const input = inputFrom(flags);
      if (Object.keys(input).length === 0) throw new UsageError("Say what to change, e.g. --target-value 95 or --status achieved");
      await withIsms(cmd, async (isms, output) => {
        const ws = await resolveWorkspace(isms.db, globalOptions(cmd).workspace);
        const objective = await isms.db.transaction((tx) => editObjective(tx, ws, id, input, { actor }));
        output.data(objective, () => `Changed objective ${id}.`);
      });
    },
  );
  withExamples(edit, "isms objectives edit OBJ-002 --target-value 95 --unit % --frequency monthly");

  const remove = group
    .command("remove <id>")
    .description("remove an objective and its measurements")
    .action(async (id: string, _o: unknown, cmd: Command) => {
      await withIsms(cmd, async (isms, output) => {
        const ws = await resolveWorkspace(isms.db, globalOptions(cmd).workspace);
        const removed = await isms.db.transaction((tx) => removeObjective(tx, ws, id, { actor }));
        output.data({ removed: id, measurements: removed.measurements }, () => `Removed objective ${id}${removed.measurements ? ` and its ${removed.measurements} measurement${removed.measurements === 1 ? "" : "s"}` : ""}.`);
      });
    });
  withExamples(remove, "isms objectives remove OBJ-005");
}

function registerMeasurement(group: Command): void {
  const measure = group
    .command("measure <id>")
    .description("record a measurement of an objective taken by hand")
    .requiredOption("--value <n>", "the measured value, in the objective's unit")
    .option("--on <date>", "the day it was measured, YYYY-MM-DD (default: today)")
    .option("--note <text>", "how it was measured, the source")
    .action(async (id: string, flags: { value: string; on?: string; note?: string }, cmd: Command) => {
      const value = numberOption("--value", flags.value);
      const measuredOn = flags.on === undefined ? undefined : dayOption("--on", flags.on);
      await withIsms(cmd, async (isms, output) => {
        const ws = await resolveWorkspace(isms.db, globalOptions(cmd).workspace);
        const m = await isms.db.transaction((tx) => recordMeasurement(tx, ws, id, { value, measuredOn, note: flags.note ?? null }, { actor }));
        const trend = await loadObjectiveTrend(isms.db, ws, id);
        output.data(m, () => `Recorded ${m.id}: ${id} ${formatValue(m.value, trend.objective.unit)} on ${m.measuredOn}.\nTrend: ${trendLine(trend)}`);
      });
    });
  withExamples(measure, 'isms objectives measure OBJ-003 --value 92 --on 2027-01-31 --note "LMS export"');

  const bind = group
    .command("bind <id>")
    .description("make an automated AWS check's pass rate the objective's measure, taken at each collection (or --unbind)")
    .option("--check <check id>", "the check whose pass rate is measured (iam-user-console-mfa)")
    .option("--target <n>", "the numeric target (default: the objective's, else 100)")
    .option("--unit <unit>", "the unit (default: the objective's, else %)")
    .option("--unbind", "stop measuring it from a check; its measurements stay")
    .action(async (id: string, flags: { check?: string; target?: string; unit?: string; unbind?: boolean }, cmd: Command) => {
      if (flags.unbind && flags.check) throw new UsageError("Give either --check or --unbind, not both");
      if (!flags.unbind && !flags.check) throw new UsageError("Name the check with --check <check id>, or give --unbind");
      const targetValue = flags.target === undefined ? undefined : numberOption("--target", flags.target);
      await withIsms(cmd, async (isms, output) => {
        const ws = await resolveWorkspace(isms.db, globalOptions(cmd).workspace);
        const checkId = flags.check ?? "";
        const objective = await isms.db.transaction((tx) =>
          flags.unbind ? unbindObjective(tx, ws, id, { actor }) : bindObjective(tx, ws, id, { checkId, targetValue, unit: flags.unit }, { actor }),
        );
        output.data(objective, () =>
          objective.checkId
            ? `${id} is measured by ${objective.checkId} at each collection (target ${formatValue(objective.targetValue ?? 100, objective.unit)}).`
            : `${id} is no longer bound to a check; its measurements stay.`,
        );
      });
    });
  withExamples(bind, "isms objectives bind OBJ-001 --check iam-user-console-mfa --target 100 --unit %", "isms objectives bind OBJ-001 --unbind");
}

export function registerObjectiveCommands(program: Command): void {
  const group = program.command("objectives").description("information security objectives and their measurement: targets, owners, measurements by hand or from a check, trends (6.2, 9.1)");
  registerListAndShow(group);
  registerChanges(group);
  registerMeasurement(group);
}
