// `isms calendar`: the recurring ISMS activities due from their last completion, overdue ones flagged,
// as a table, JSON or an iCalendar file; `isms calendar done` records a completion.
import { writeFile } from "node:fs/promises";
import type { Command } from "commander";
import { loadCalendar, recordActivityDone } from "../app/calendar.js";
import { loadPersonNames } from "../app/soa.js";
import { resolveWorkspace } from "../app/workspaces.js";
import { allDayCalendar, calendarEvents, daysBetween, isDay, type AllDayEvent, type CalendarItem } from "../domain/calendar/index.js";
import { IsmsError } from "../domain/errors.js";
import { isoDay } from "../domain/risk/index.js";
import { globalOptions, withIsms } from "./context.js";
import { table, type Output } from "./output.js";
import { UsageError, withExamples } from "./usage.js";

export function dayOption(flag: string, text: string): string {
  if (!isDay(text)) throw new UsageError(`${flag}: "${text}" is not a date; write it as YYYY-MM-DD`);
  return text;
}

function daysOption(text: string): number {
  const days = Number(text);
  if (!/^\d+$/.test(text.trim()) || !Number.isSafeInteger(days)) throw new UsageError(`--within: "${text}" is not a whole number of days`);
  return days;
}

/** Writes `events` to `path` as an iCalendar file. */
export async function writeIcsFile(path: string, events: readonly AllDayEvent[], name: string): Promise<void> {
  try {
    await writeFile(path, allDayCalendar(events, name));
  } catch (error) {
    const reason = error instanceof Error && "code" in error && typeof error.code === "string" ? error.code : error instanceof Error ? error.message : String(error);
    throw new IsmsError(`--ics ${path}: cannot write the file (${reason})`, "Give a path in a folder that exists and that you may write to");
  }
}

function status(item: CalendarItem, asOf: string): string {
  const days = daysBetween(asOf, item.due);
  if (item.overdue) return `OVERDUE ${-days}d`;
  return days === 0 ? "today" : `in ${days}d`;
}

interface CalendarOptions {
  asOf?: string;
  within?: string;
  ics?: string;
}

export function registerCalendarCommands(program: Command): void {
  const calendar = program
    .command("calendar")
    .description(
      "the recurring ISMS activities — risk assessment, internal audit, management review, awareness training, tests, supplier, document and access reviews — due from their last completion, overdue ones flagged (8.1, 9.1)",
    )
    .option("--as-of <date>", "the day to judge what is due and overdue (default: today)")
    .option("--within <days>", "only what falls due within this many days; overdue items always show")
    .option("--ics <file>", "also write the calendar as an iCalendar file, one all-day event per item")
    .action(async (options: CalendarOptions, cmd: Command) => {
      const asOf = options.asOf === undefined ? isoDay(new Date()) : dayOption("--as-of", options.asOf);
      const withinDays = options.within === undefined ? undefined : daysOption(options.within);
      await withIsms(cmd, async (isms, output) => {
        const ws = await resolveWorkspace(isms.db, globalOptions(cmd).workspace);
        const items = await loadCalendar(isms.db, ws, { asOf, ...(withinDays !== undefined && { withinDays }) });
        const name = await loadPersonNames(isms.db, ws);
        if (options.ics) await writeIcsFile(options.ics, calendarEvents(items, { workspaceSlug: ws.slug, ownerName: name }), `${ws.name}: ISMS calendar`);
        printCalendar(output, items, { asOf, withinDays, ics: options.ics, workspace: ws.name, name });
      });
    });
  withExamples(calendar, "isms calendar", "isms calendar --within 30", "isms calendar --as-of 2027-01-01 --ics isms.ics", "isms calendar --json");

  const done = calendar
    .command("done <activity>")
    .description("record that an activity was done, by its id or its kind (the earliest planned one, or a new record when none is planned); a recurring one gets its next occurrence")
    .requiredOption("--on <date>", "the day it was done, YYYY-MM-DD")
    .option("--evidence <refs>", "what shows it was done, comma-separated: evidence ids, documents, tickets")
    .action(async (target: string, options: { on: string; evidence?: string }, cmd: Command) => {
      const on = dayOption("--on", options.on);
      const evidence = options.evidence?.split(",").map((e) => e.trim()).filter(Boolean) ?? [];
      await withIsms(cmd, async (isms, output) => {
        const ws = await resolveWorkspace(isms.db, globalOptions(cmd).workspace);
        const { done: row, next } = await isms.db.transaction((tx) => recordActivityDone(tx, ws, { target, on, evidence }, { actor: "cli" }));
        output.data({ done: row, next, evidence }, () =>
          [
            `${row.id} ${row.title}: done on ${on}${evidence.length ? ` (evidence: ${evidence.join(", ")})` : ""}.`,
            next ? `Next: ${next.id} due ${next.due} (every ${next.recurrenceMonths} months).` : "A one-off: nothing further is planned.",
          ].join("\n"),
        );
      });
    });
  withExamples(done, "isms calendar done ACT-001 --on 2027-03-28", "isms calendar done disaster-recovery-test --on 2027-02-10 --evidence E-042,INC-2027-3");
}

function printCalendar(
  output: Output,
  items: readonly CalendarItem[],
  context: { asOf: string; withinDays: number | undefined; ics: string | undefined; workspace: string; name: (id: string) => string },
): void {
  const { asOf, withinDays, ics, name } = context;
  const overdue = items.filter((i) => i.overdue).length;
  const value = { asOf, withinDays: withinDays ?? null, items: items.map((i) => ({ ...i, ownerName: i.owner ? name(i.owner) : null })), ...(ics && { ics }) };
  output.data(value, () =>
    [
      `${context.workspace} on ${asOf}: ${items.length} item${items.length === 1 ? "" : "s"}${withinDays === undefined ? "" : ` due within ${withinDays} days`}, ${overdue} overdue`,
      table(
        ["due", "status", "id", "activity", "owner", "last done", "basis"],
        items.map((i) => [i.due, status(i, asOf), i.id, i.title, i.owner ? name(i.owner) : "—", i.lastDone ?? "never", i.basis]),
      ),
      "",
      "Record a completion: isms calendar done <id or kind> --on YYYY-MM-DD",
      ...(ics ? [`Wrote ${items.length} event${items.length === 1 ? "" : "s"} to ${ics}`] : []),
    ].join("\n"),
  );
}
