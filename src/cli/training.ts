// `isms training …`: the courses on offer, who completed which and when, and who in scope is missing or
// overdue on awareness (7.3) or on the role training their ISMS role calls for (7.2; A.6.3).
import type { Command } from "commander";
import { loadPersonDirectory } from "../app/people.js";
import { addDays, importTrainingRecords, loadTraining, recordTraining, trainingOverdue, type TrainingGap } from "../app/training.js";
import { readDay } from "../app/risk-import-fields.js";
import { resolveWorkspace } from "../app/workspaces.js";
import { globalOptions, withIsms } from "./context.js";
import { table } from "./output.js";
import { registerRegisterCommands } from "./register-commands.js";
import { UsageError, withExamples } from "./usage.js";

const today = () => new Date().toISOString().slice(0, 10);

/** A commander option parser for a calendar day: a bad or impossible date (2025-02-30) is a usage error. */
export const dayFlag =
  (flag: string) =>
  (text: string): string => {
    const day = readDay(text);
    if (typeof day !== "string") throw new UsageError(`${flag}: ${day.error}`);
    return day;
  };

export function registerTrainingCommands(program: Command): void {
  const group = program.command("training").description("training courses, completion records and who is overdue (7.2, 7.3, A.6.3)");
  registerRegisterCommands(group, "courses", {
    register: "training_courses",
    noun: "training course",
    idPrefix: "TC",
    path: "isms training courses",
    description: "the training courses on offer: awareness for everyone, role training for ISMS roles",
    fields: [
      { field: "title", description: "what the course is called", requiredToAdd: true },
      { field: "kind", description: "awareness (everyone, 7.3), role (for an ISMS role, 7.2), exercise…", requiredToAdd: true },
      { field: "description", description: "who takes it and what it covers" },
      { field: "validityMonths", description: "months a completion counts before it is due again (none: it never expires)", kind: "integer" },
    ],
    listColumns: ["title", "kind", "validityMonths"],
    exampleAdd: 'isms training courses add --title "ISMS roles and responsibilities" --kind role --validity-months 24',
  });
  registerRecordCommand(group);
  registerImportCommand(group);
  registerListCommand(group);
  registerOverdueCommand(group);
}

function registerRecordCommand(group: Command): void {
  const command = group
    .command("record")
    .description("record that a person completed a course; it counts until the course's validity runs out")
    .requiredOption("--person <person>", "who completed it: id, name or email")
    .requiredOption("--course <course>", "the course: id or title")
    .requiredOption("--completed <date>", "the day it was completed, YYYY-MM-DD", dayFlag("--completed"))
    .option("--evidence <ref>", "where the proof is: certificate, LMS report, attendance list")
    .action(async (options: { person: string; course: string; completed: string; evidence?: string }, cmd: Command) => {
      await withIsms(cmd, async (isms, output) => {
        const ws = await resolveWorkspace(isms.db, globalOptions(cmd).workspace);
        const input = { person: options.person, course: options.course, completedOn: options.completed, evidenceRef: options.evidence };
        const { record, already } = await isms.db.transaction((tx) => recordTraining(tx, ws, input, { actor: "cli" }));
        const until = record.expiresOn ? `counts until ${record.expiresOn}` : "does not expire";
        output.data({ record, already }, () =>
          already
            ? `${record.personId} completing ${record.courseId} on ${record.completedOn} was already recorded (${record.id}).`
            : `Recorded ${record.id}: ${record.personId} completed ${record.courseId} on ${record.completedOn}; it ${until}.`,
        );
      });
    });
  withExamples(command, 'isms training record --person "Mia Chen" --course TC-001 --completed 2025-03-04 --evidence "LMS report 2025-03"');
}

function registerImportCommand(group: Command): void {
  const command = group
    .command("import <file>")
    .description("add completion records from a CSV or XLSX export (person by email, name or id; course by id or title; completion date); writes nothing if a row is bad")
    .option("--map <pairs>", 'say which column holds which field: "Learner=person,Module=course,Finished=completedOn"')
    .option("--sheet <name>", "the worksheet of an XLSX file (default: the first)")
    .action(async (file: string, options: { map?: string; sheet?: string }, cmd: Command) => {
      await withIsms(cmd, async (isms, output) => {
        const ws = await resolveWorkspace(isms.db, globalOptions(cmd).workspace);
        const result = await importTrainingRecords(isms.db, ws, file, { ...options, actor: "cli" });
        output.data(result, () =>
          [
            `Imported ${result.added.length} training records from ${result.source}${result.alreadyRecorded ? `; ${result.alreadyRecorded} were already recorded` : ""}.`,
            ...(result.ignoredColumns.length ? [`Ignored columns: ${result.ignoredColumns.join(", ")}.`] : []),
          ].join("\n"),
        );
      });
    });
  withExamples(command, "isms training import lms-completions.csv", 'isms training import export.xlsx --map "Learner=email,Module=course,Finished=completedOn"');
}

function registerListCommand(group: Command): void {
  const command = group
    .command("list")
    .description("list the training records, oldest first")
    .option("--person <person>", "only this person's: id, name or email")
    .action(async (options: { person?: string }, cmd: Command) => {
      await withIsms(cmd, async (isms, output) => {
        const ws = await resolveWorkspace(isms.db, globalOptions(cmd).workspace);
        const personId = options.person === undefined ? undefined : (await loadPersonDirectory(isms.db, ws)).get(options.person, "--person");
        const { people, courses, records } = await loadTraining(isms.db, ws);
        const names = new Map(people.map((p) => [p.id, p.name]));
        const titles = new Map(courses.map((c) => [c.id, c.title]));
        const shown = records
          .filter((r) => personId === undefined || r.personId === personId)
          .map((r) => ({ ...r, personName: names.get(r.personId) ?? "", courseTitle: titles.get(r.courseId) ?? "" }));
        output.data(shown, () =>
          shown.length
            ? table(
                ["id", "person", "course", "completed", "expires", "evidence"],
                shown.map((r) => [r.id, `${r.personId} ${r.personName}`, `${r.courseId} ${r.courseTitle}`, r.completedOn, r.expiresOn ?? "never", r.evidenceRef ?? ""]),
              )
            : "No training records yet. Add one with: isms training record --person P-001 --course TC-001 --completed 2025-03-04",
        );
      });
    });
  withExamples(command, "isms training list", "isms training list --person P-003 --json");
}

function gapRow(gap: TrainingGap): string[] {
  const what = gap.need === "awareness" ? "awareness" : `role training (${gap.roles.join(", ")})`;
  const latest = gap.latest ? `${gap.latest.courseId} ${gap.latest.courseTitle}, completed ${gap.latest.completedOn}, ${gap.state === "expired" ? "expired" : "expires"} ${gap.latest.expiresOn ?? ""}` : "none recorded";
  return [gap.personId, gap.name, what, gap.state, latest];
}

function registerOverdueCommand(group: Command): void {
  const command = group
    .command("overdue")
    .description("who in scope lacks awareness training or has it expired or expiring, and which ISMS role holders lack role training")
    .option("--as-of <date>", "judge as of this day, YYYY-MM-DD (default: today)", dayFlag("--as-of"))
    .option("--within <days>", "also list training that expires within this many days (default: 30)")
    .action(async (options: { asOf?: string; within?: string }, cmd: Command) => {
      const withinDays = options.within === undefined ? 30 : Number(options.within);
      if (!Number.isInteger(withinDays) || withinDays < 0) throw new UsageError(`--within: "${options.within ?? ""}" is not a whole number of days`);
      await withIsms(cmd, async (isms, output) => {
        const ws = await resolveWorkspace(isms.db, globalOptions(cmd).workspace);
        const asOf = options.asOf ?? today();
        const gaps = await trainingOverdue(isms.db, ws, { asOf, withinDays });
        output.data({ asOf, withinDays, gaps }, () => {
          if (gaps.length === 0) return `On ${asOf} everyone in scope has current awareness training and every ISMS role holder has role training, none expiring by ${addDays(asOf, withinDays)}.`;
          const head = `Training gaps on ${asOf} (expiring means by ${addDays(asOf, withinDays)}): ${gaps.length}.`;
          return [head, table(["person", "name", "training", "state", "latest record"], gaps.map(gapRow))].join("\n");
        });
      });
    });
  withExamples(command, "isms training overdue", "isms training overdue --as-of 2025-12-31 --within 60 --json");
}
