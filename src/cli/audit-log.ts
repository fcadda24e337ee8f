// `isms audit-log …`: verify the hash chain of the audit log (A.8.15), and list who changed what and
// when — a workspace's, a kind of entity's or one entity's history, with the fields each change touched.
import type { Command } from "commander";
import { auditLogHistory, type AuditHistoryEntry, type FieldChange } from "../app/audit-log-history.js";
import { verifyAuditLog, type AuditLogVerification } from "../app/audit-log-verify.js";
import { resolveWorkspace } from "../app/workspaces.js";
import { canonicalJson } from "../domain/canonical-json.js";
import { IsmsError } from "../domain/errors.js";
import { isCalendarDay } from "../domain/risk/calendar.js";
import { globalOptions, withIsms } from "./context.js";
import { table } from "./output.js";
import { UsageError, withExamples } from "./usage.js";

function wholeNumber(flag: string, text: string, max: number): number {
  const value = Number(text);
  if (!/^\d+$/.test(text.trim()) || value < 1 || value > max) throw new UsageError(`${flag}: "${text}" is not a whole number from 1 to ${max}`);
  return value;
}

function describeVerification(result: AuditLogVerification): string {
  if (result.ok) {
    return result.last
      ? `OK: ${result.entries} entries, chain intact from seq 1 to ${result.last.seq} (last hash ${result.last.hash})`
      : "OK: 0 entries, the audit log is empty";
  }
  const count = `${result.problems.length} problem${result.problems.length === 1 ? "" : "s"}`;
  return [
    `The audit log's hash chain is broken: ${count} in ${result.entries} entries.`,
    ...result.problems.map((p) => `  ${p.kind.padEnd(12)}  ${p.message}`),
  ].join("\n");
}

function registerVerify(group: Command): void {
  const command = group
    .command("verify")
    .description("recompute every entry's hash and check that each follows the one before: names every edited, deleted or inserted entry and exits 1")
    .option("--batch <n>", "entries read per query", "1000")
    .addHelpText(
      "after",
      `
The chain shows an edited entry, a deleted one (a gap in seq) and one inserted in between. Removing the
newest entries leaves no gap: note the last seq and hash printed here somewhere else (a ticket, the
management review minutes) and compare them later.
`,
    )
    .action(async (options: { batch: string }, cmd: Command) => {
      const batch = wholeNumber("--batch", options.batch, 100_000);
      await withIsms(cmd, async (isms, output) => {
        const result = await verifyAuditLog(isms.db, { batch });
        output.data(result, () => describeVerification(result));
        if (result.ok) return;
        const first = result.first ? ` The first broken entry is seq ${result.first.seq}, written ${result.first.at}.` : "";
        throw new IsmsError(
          `The audit log fails verification: ${result.problems.length} broken ${result.problems.length === 1 ? "entry" : "entries"} in ${result.entries}.${first}`,
          "Find out who changed the database directly, and restore the log from a backup taken before that entry was written",
        );
      });
    });
  withExamples(command, "isms audit-log verify", "isms audit-log verify --json");
}

/** A value in a change, kept short: strings quoted, objects as compact JSON, "—" for no value. */
function compactValue(value: unknown): string {
  if (value === undefined || value === null) return "—";
  const text = canonicalJson(value);
  return text.length > 40 ? `${text.slice(0, 39)}…` : text;
}

const shownChanges = 4;

/** "status: "open" → "treated"; owner: "P-002" → "P-003"", "created: name="Ana"", "removed". */
export function describeChanges(entry: Pick<AuditHistoryEntry, "before" | "after" | "changes">): string {
  if (entry.after === null && entry.before !== null) return "removed";
  // A change to when the row was updated says nothing when other fields changed with it.
  const changes = entry.changes.length > 1 ? entry.changes.filter((c) => !/(^|\.)updatedAt$/.test(c.field)) : entry.changes;
  if (changes.length === 0) return "no field changed";
  const created = entry.before === null;
  const describe = (c: FieldChange) => {
    if (created) return `${c.field}=${compactValue(c.after)}`;
    const values = `${compactValue(c.before)} → ${compactValue(c.after)}`;
    return c.field ? `${c.field}: ${values}` : values;
  };
  const more = changes.length > shownChanges ? `; +${changes.length - shownChanges} more` : "";
  return `${created ? "created: " : ""}${changes.slice(0, shownChanges).map(describe).join(created ? ", " : "; ")}${more}`;
}

/** "2026-06-01 12:00:03". */
const when = (at: Date) => at.toISOString().slice(0, 19).replace("T", " ");

interface ListOptions {
  entity?: string;
  since?: string;
  limit: string;
}

function registerList(group: Command): void {
  const command = group
    .command("list")
    .description("who changed what and when in the workspace, newest last, with the fields each change touched (before → after)")
    .option("--entity <type[:id]>", "only one kind of entity (risk), or one entity's history (risk:R-001)")
    .option("--since <day>", "only entries from this day on (UTC), YYYY-MM-DD")
    .option("--limit <n>", "the newest entries, at most this many", "50")
    .action(async (options: ListOptions, cmd: Command) => {
      const limit = wholeNumber("--limit", options.limit, 10_000);
      if (options.since !== undefined && !isCalendarDay(options.since)) throw new UsageError(`--since: "${options.since}" is not a date; write it as YYYY-MM-DD`);
      const [entityType, ...rest] = options.entity?.split(":") ?? [];
      const entityId = rest.length ? rest.join(":") : undefined;
      if (options.entity !== undefined && (!entityType || entityId === "")) throw new UsageError(`--entity: "${options.entity}" names no entity; write TYPE or TYPE:ID, e.g. risk or risk:R-001`);
      await withIsms(cmd, async (isms, output) => {
        const ws = await resolveWorkspace(isms.db, globalOptions(cmd).workspace);
        const history = await auditLogHistory(isms.db, ws, { entityType, entityId, since: options.since, limit });
        output.data(history, () => {
          if (history.entries.length === 0) return `No audit log entries in ${ws.slug}${options.entity ? ` for ${options.entity}` : ""}${options.since ? ` since ${options.since}` : ""}.`;
          const rows = history.entries.map((e) => [String(e.seq), when(e.at), e.actor, e.action, e.entityId === null ? e.entityType : `${e.entityType} ${e.entityId}`, describeChanges(e)]);
          const lines = [table(["seq", "when (UTC)", "who", "what", "entity", "changes"], rows)];
          if (history.total > history.entries.length) lines.push(`The newest ${history.entries.length} of ${history.total} entries; --limit shows more.`);
          return lines.join("\n");
        });
      });
    });
  withExamples(command, "isms audit-log list", "isms audit-log list --entity risk:R-001", "isms audit-log list --entity suppliers --since 2026-01-01 --limit 200 --json");
}

export function registerAuditLogCommands(program: Command): void {
  const group = program.command("audit-log").description("the append-only, hash-chained log of every change (A.8.15): verify it, read an entity's history");
  registerVerify(group);
  registerList(group);
}
