// `isms people …`: the people doing work under the ISMS, who own assets, risks and controls; imported
// from an HR export, with the joiners and leavers of a period (7.2, A.6.1–A.6.5).
import type { Command } from "commander";
import { listJoiners, listLeavers, type Joiner, type Leaver, type Window } from "../app/joiners-leavers.js";
import { importPeople } from "../app/people-import.js";
import { resolveWorkspace } from "../app/workspaces.js";
import { globalOptions, withIsms } from "./context.js";
import { table } from "./output.js";
import { registerRegisterCommands } from "./register-commands.js";
import { dayFlag } from "./training.js";
import { withExamples } from "./usage.js";

export function registerPeopleCommands(program: Command): void {
  const group = registerRegisterCommands(program, "people", {
    register: "people",
    noun: "person",
    idPrefix: "P",
    path: "isms people",
    description: "the people in the ISMS: owners of assets, risks and controls; joiners and leavers (5.3, 7.2, A.6)",
    fields: [
      { field: "name", description: "full name", requiredToAdd: true },
      { field: "email", description: "work email" },
      { field: "role", description: "job title or function" },
      { field: "startDate", description: "start date, YYYY-MM-DD" },
      { field: "endDate", description: "leaving date, YYYY-MM-DD" },
      { field: "ismsRoles", description: "ISMS roles, comma-separated (isms-owner, risk-owner, control-owner, internal-auditor…)", kind: "list" },
    ],
    listColumns: ["name", "role", "ismsRoles"],
    exampleAdd: 'isms people add --name "Mia Chen" --role "Head of Security" --isms-roles isms-owner,risk-owner',
  });
  registerImportCommand(group);
  registerJoinersCommand(group);
  registerLeaversCommand(group);
}

function registerImportCommand(group: Command): void {
  const command = group
    .command("import <file>")
    .description("add or update people from an HR export (CSV or XLSX), matched by id or email; checks every row first and writes nothing if one is bad")
    .option("--map <pairs>", 'say which column holds which field: "Employee=name,Work Email=email,Hire Date=startDate"')
    .option("--sheet <name>", "the worksheet of an XLSX file (default: the first)")
    .option("--replace", "the file lists everyone: people it does not list and who have no leaving date leave today")
    .action(async (file: string, options: { map?: string; sheet?: string; replace?: boolean }, cmd: Command) => {
      await withIsms(cmd, async (isms, output) => {
        const ws = await resolveWorkspace(isms.db, globalOptions(cmd).workspace);
        const result = await importPeople(isms.db, ws, file, { ...options, actor: "cli" });
        const named = (people: readonly { id: string; name: string }[]) => people.map((p) => `${p.id} ${p.name}`).join(", ");
        output.data(result, () =>
          [
            `Imported ${result.added.length + result.updated.length + result.unchanged} people from ${result.source}: ${result.added.length} added, ${result.updated.length} updated, ${result.unchanged} unchanged.`,
            ...(result.added.length ? [`Added: ${named(result.added)}.`] : []),
            ...(result.updated.length ? [`Updated: ${result.updated.map((p) => `${p.id} ${p.name} (${p.fields.join(", ")})`).join(", ")}.`] : []),
            ...(result.left.length
              ? [`Not in the file, so leaving on ${result.left[0]?.endDate ?? ""}: ${named(result.left)}. See what they own with: isms people leavers --since ${result.left[0]?.endDate ?? ""}`]
              : []),
            ...(result.ignoredColumns.length ? [`Ignored columns: ${result.ignoredColumns.join(", ")}.`] : []),
          ].join("\n"),
        );
      });
    });
  withExamples(command, "isms people import people.csv", 'isms people import hr-export.xlsx --sheet Staff --map "Employee=name,Hire Date=startDate"', "isms people import all-staff.csv --replace");
}

function windowOptions(command: Command): Command {
  return command
    .requiredOption("--since <date>", "the first day of the period, YYYY-MM-DD", dayFlag("--since"))
    .option("--until <date>", "the last day of the period, YYYY-MM-DD (default: today)", dayFlag("--until"));
}

const windowOf = (options: { since: string; until?: string }): Window => ({ since: options.since, until: options.until ?? new Date().toISOString().slice(0, 10) });

function awarenessText(joiner: Joiner): string {
  const { state, record } = joiner.awareness;
  if (!record) return "none recorded";
  const until = record.expiresOn ? `, until ${record.expiresOn}` : "";
  return `${state === "expired" ? "expired: " : ""}${record.courseId} on ${record.completedOn}${until}`;
}

function registerJoinersCommand(group: Command): void {
  const command = windowOptions(group.command("joiners").description("who started in a period, and whether their awareness training is recorded (A.6.3, 7.3)")).action(
    async (options: { since: string; until?: string }, cmd: Command) => {
      await withIsms(cmd, async (isms, output) => {
        const ws = await resolveWorkspace(isms.db, globalOptions(cmd).workspace);
        const window = windowOf(options);
        const joiners = await listJoiners(isms.db, ws, window);
        output.data(joiners, () => {
          const head = `Joiners from ${window.since} to ${window.until}: ${joiners.length}.`;
          if (joiners.length === 0) return head;
          const untrained = joiners.filter((j) => j.awareness.state === "missing" || j.awareness.state === "expired");
          return [
            head,
            table(["id", "name", "started", "role", "awareness training"], joiners.map((j) => [j.id, j.name, j.startDate, j.role ?? "", awarenessText(j)])),
            ...(untrained.length
              ? [`${untrained.length} without current awareness training; record it with: isms training record --person ${untrained[0]?.id ?? ""} --course <awareness course> --completed <date>`]
              : []),
          ].join("\n");
        });
      });
    },
  );
  withExamples(command, "isms people joiners --since 2025-01-01", "isms people joiners --since 2025-01-01 --until 2025-03-31 --json");
}

function leaverText(leaver: Leaver): string[] {
  const head = `${leaver.id} ${leaver.name} (leaving date ${leaver.endDate})`;
  if (leaver.owns.length === 0) return [`${head} owns nothing open.`];
  return [
    `${head} still owns ${leaver.owns.length}; give each a new owner:`,
    table(["register", "id", "title", "as"], leaver.owns.map((o) => [o.register.replaceAll("_", " "), o.id, o.title, o.as])).replace(/^/gm, "  "),
  ];
}

function registerLeaversCommand(group: Command): void {
  const command = windowOptions(group.command("leavers").description("who left in a period and what they still own (risks, controls, documents, assets, objectives, open actions), to reassign (A.6.5)")).action(
    async (options: { since: string; until?: string }, cmd: Command) => {
      await withIsms(cmd, async (isms, output) => {
        const ws = await resolveWorkspace(isms.db, globalOptions(cmd).workspace);
        const window = windowOf(options);
        const leavers = await listLeavers(isms.db, ws, window);
        output.data(leavers, () => [`Leavers from ${window.since} to ${window.until}: ${leavers.length}.`, ...leavers.flatMap(leaverText)].join("\n"));
      });
    },
  );
  withExamples(command, "isms people leavers --since 2025-01-01", "isms people leavers --since 2025-06-01 --until 2025-06-30 --json");
}
