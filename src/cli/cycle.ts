// `isms cycle …`: the certification cycle: the body and dates (set), the timeline with the certification
// body's audits and findings (show), and the surveillance sampling plan (sample, sample move, sample show).
import type { Command } from "commander";
import {
  draftSurveillanceSampling,
  loadCycleOverview,
  currentCertificationCycle,
  loadSurveillanceSamples,
  moveSurveillanceSample,
  setCertificationCycle,
  writeSurveillanceSampling,
  type CycleOverview,
  type StoredSample,
} from "../app/cycle.js";
import { resolveWorkspace } from "../app/workspaces.js";
import { findControl } from "../catalog/annex-a.js";
import { isoDay } from "../domain/risk/calendar.js";
import { dayOption } from "./docs/options.js";
import { globalOptions, withIsms } from "./context.js";
import { table } from "./output.js";
import { UsageError, withExamples } from "./usage.js";

const stateText = { done: "done", scheduled: "scheduled", due: "due", overdue: "OVERDUE", not_set: "not set" } as const;

function showOverview({ cycle, timeline, unlinkedAudits }: CycleOverview, today: string): string {
  const lines = [
    `Certification cycle ${cycle.id} with ${cycle.certificationBody}${cycle.certificateNumber ? `, certificate ${cycle.certificateNumber}` : ""}, as of ${today}`,
    timeline.expires ? `The certificate expires on ${timeline.expires}; surveillance audits count from ${timeline.decision ?? "?"}.` : "No certificate issue date yet: surveillance deadlines count from the Stage 2 date once set.",
    "",
    table(
      ["milestone", "date", "deadline", "state", "audit", "note"],
      timeline.milestones.map((m) => [m.label, m.date ?? "", m.deadline ?? "", stateText[m.state], m.auditId ?? "", m.note ?? ""]),
    ),
  ];
  lines.push("", "Audits of the cycle:");
  if (timeline.audits.length === 0) lines.push("  none recorded");
  else {
    const rows = timeline.audits.map((a) => [a.id, a.kind, a.start === a.end ? (a.start ?? "") : `${a.start ?? "?"} – ${a.end ?? "?"}`, a.status, `${a.findings} (${a.open} open)`, a.title]);
    lines.push(table(["id", "kind", "dates", "status", "findings", "title"], rows));
  }
  lines.push("", "Findings of the certification body:");
  if (timeline.findings.length === 0) lines.push("  none recorded");
  else {
    const rows = timeline.findings.map((f) => [
      f.id,
      `${f.auditId} (${f.auditKind})`,
      f.kind.replaceAll("_", " "),
      f.requirement ?? "",
      f.status,
      f.deadline ? `${f.deadline}${f.deadlineSource === "usual" ? " (usual 90 days)" : ""}${f.overdue ? " OVERDUE" : ""}` : "",
    ]);
    lines.push(table(["id", "audit", "kind", "requirement", "status", "deadline"], rows));
  }
  for (const a of unlinkedAudits) lines.push(`note: ${a.kind} audit ${a.id} (${a.title}) names no cycle; record cycle ${cycle.id} on it to count it here.`);
  return lines.join("\n");
}

function yearOption(text: string): number {
  const year = Number(text);
  if (![1, 2, 3].includes(year)) throw new UsageError(`--year: "${text}" is not a year of the cycle; give 1, 2 or 3`);
  return year;
}

const yearLabels: Record<number, string> = { 1: "year 1 (certification)", 2: "year 2 (surveillance 1)", 3: "year 3 (surveillance 2)" };

function showSamples(samples: readonly StoredSample[], withCounts = true): string {
  const counts = [1, 2, 3].map((y) => `${yearLabels[y]}: ${samples.filter((s) => s.year === y).length}`).join(", ");
  const rows = samples.map((s) => [String(s.year), s.controlId, findControl(s.controlId)?.title ?? "", s.reason]);
  const listed = table(["year", "control", "title", "reason"], rows);
  return withCounts ? `${counts}\n\n${listed}` : listed;
}

export function registerCycleCommands(program: Command): void {
  const cycle = program.command("cycle").description("the certification cycle: Stage 1 and 2, the certificate, surveillance and recertification, the sampling plan");

  const set = cycle
    .command("set")
    .description("record the certification body and the cycle's dates (starts the cycle when there is none)")
    .option("--body <name>", "the certification body (required to start a cycle)")
    .option("--stage1 <date>", "the Stage 1 audit, YYYY-MM-DD")
    .option("--stage2 <date>", "the Stage 2 audit, YYYY-MM-DD")
    .option("--issued <date>", "the day the certificate was issued (the certification decision)")
    .option("--expires <date>", "the day it expires (default: three years after issue)")
    .option("--number <text>", "the certificate number")
    .option("--new", "start a new cycle (after recertification) instead of changing the current one")
    .action(async (options: { body?: string; stage1?: string; stage2?: string; issued?: string; expires?: string; number?: string; new?: boolean }, cmd: Command) => {
      const day = (flag: string, value: string | undefined) => (value === undefined ? undefined : dayOption(flag, value));
      const settings = {
        body: options.body,
        stage1: day("--stage1", options.stage1),
        stage2: day("--stage2", options.stage2),
        issued: day("--issued", options.issued),
        expires: day("--expires", options.expires),
        number: options.number,
        startNew: options.new === true,
      };
      await withIsms(cmd, async (isms, output) => {
        const ws = await resolveWorkspace(isms.db, globalOptions(cmd).workspace);
        const saved = await isms.db.transaction((tx) => setCertificationCycle(tx, ws, settings, { actor: "cli" }));
        output.data(saved, () => `Certification cycle ${saved.id} with ${saved.certificationBody} recorded. See its timeline with: isms cycle show`);
      });
    });
  withExamples(set, 'isms cycle set --body "BSI" --stage1 2027-02-10 --stage2 2027-04-20', "isms cycle set --issued 2027-05-30 --number 'IS 801234'");

  const show = cycle
    .command("show")
    .description("the cycle's timeline: Stage 1 and 2, issue, surveillance audits 1 and 2, recertification, and the certification body's findings with their deadlines")
    .option("--on <date>", "judge deadlines as of this day (default today)")
    .action(async (options: { on?: string }, cmd: Command) => {
      const today = options.on === undefined ? isoDay(new Date()) : dayOption("--on", options.on);
      await withIsms(cmd, async (isms, output) => {
        const ws = await resolveWorkspace(isms.db, globalOptions(cmd).workspace);
        const overview = await loadCycleOverview(isms.db, ws, today);
        output.data(overview, () => showOverview(overview, today));
      });
    });
  withExamples(show, "isms cycle show", "isms cycle show --json");

  const sample = cycle
    .command("sample")
    .description("draw the surveillance sampling plan: every applicable control in year 1, 2 or 3, those with findings or higher risks first")
    .option("--seed <text>", "the seed of the draw (default: the cycle's stored seed, else its id)")
    .option("--write", "store the plan for the cycle, replacing any stored one (moves by hand included)")
    .action(async (options: { seed?: string; write?: boolean }, cmd: Command) => {
      await withIsms(cmd, async (isms, output) => {
        const ws = await resolveWorkspace(isms.db, globalOptions(cmd).workspace);
        if (options.write) {
          const written = await isms.db.transaction((tx) => writeSurveillanceSampling(tx, ws, options.seed, { actor: "cli" }));
          const replaced = written.replaced ? ` (replacing ${written.replaced} stored samples)` : "";
          output.data(written, () => `Stored the sampling plan of ${written.cycle.id} with seed "${written.plan.seed}"${replaced}.\n\n${showSamples(written.plan.assignments)}`);
          return;
        }
        const draft = await draftSurveillanceSampling(isms.db, ws, options.seed);
        output.data(draft, () => `Sampling plan of ${draft.cycle.id} with seed "${draft.plan.seed}" (not stored; add --write to keep it):\n\n${showSamples(draft.plan.assignments)}`);
      });
    });
  withExamples(sample, "isms cycle sample", "isms cycle sample --seed 2027 --write");

  const move = sample
    .command("move <control>")
    .description("move a control of the stored plan to another year")
    .requiredOption("--year <n>", "1, 2 or 3")
    .action(async (control: string, options: { year: string }, cmd: Command) => {
      const year = yearOption(options.year);
      await withIsms(cmd, async (isms, output) => {
        const ws = await resolveWorkspace(isms.db, globalOptions(cmd).workspace);
        const moved = await isms.db.transaction((tx) => moveSurveillanceSample(tx, ws, control, year, { actor: "cli" }));
        output.data(moved, () => `Moved ${moved.controlId} from year ${moved.from} to year ${moved.year}.`);
      });
    });
  withExamples(move, "isms cycle sample move 5.15 --year 2");

  const showSample = sample
    .command("show")
    .description("the stored sampling plan")
    .option("--year <n>", "only one year: 1, 2 or 3")
    .action(async (options: { year?: string }, cmd: Command) => {
      const year = options.year === undefined ? undefined : yearOption(options.year);
      await withIsms(cmd, async (isms, output) => {
        const ws = await resolveWorkspace(isms.db, globalOptions(cmd).workspace);
        const current = await currentCertificationCycle(isms.db, ws);
        const samples = (await loadSurveillanceSamples(isms.db, ws, current.id)).filter((s) => year === undefined || s.year === year);
        output.data(samples, () => (samples.length ? showSamples(samples, year === undefined) : `${current.id} has no stored sampling plan${year ? ` for year ${year}` : ""}. Store one with: isms cycle sample --write`));
      });
    });
  withExamples(showSample, "isms cycle sample show --year 2");
}
