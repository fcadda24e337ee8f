// `isms readiness`: what a certification auditor would find today — a score per audit stage and the
// findings grouped by severity, each with its fix; `--strict` fails CI on anything that would fail Stage 1.
import type { Command } from "commander";
import { assessReadiness } from "../app/readiness.js";
import { resolveWorkspace } from "../app/workspaces.js";
import { IsmsError } from "../domain/errors.js";
import { severities, type ReadinessReport, type ReportedFinding, type Severity, type Stage, type StageReadiness } from "../readiness/index.js";
import { globalOptions, withIsms } from "./context.js";
import type { Output } from "./output.js";
import { UsageError, withExamples } from "./usage.js";

const stageNames: Record<Stage, string> = { stage1: "Stage 1", stage2: "Stage 2", surveillance: "Surveillance" };
const severityNames: Record<Severity, string> = {
  "would-fail-stage1": "Would fail Stage 1",
  major: "Likely major nonconformity",
  minor: "Likely minor nonconformity",
  observation: "Observation",
};

/** Findings shown per rule unless --all: a rule over 2,000 people should not bury the others. */
const perRule = 5;

export function parseStage(text: string): Stage {
  const stage = ({ "1": "stage1", "2": "stage2", surveillance: "surveillance" } as const)[text.trim().toLowerCase()];
  if (!stage) throw new UsageError(`--stage: "${text}" is not a stage; give 1, 2 or surveillance`);
  return stage;
}

/** The end of the day given, so that everything done on it counts. */
export function parseAsOf(text: string): Date {
  const day = text.trim();
  const date = new Date(`${day}T23:59:59.999Z`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day) || Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== day) {
    throw new UsageError(`--as-of: "${text}" is not a date; write it as YYYY-MM-DD`);
  }
  return date;
}

function verdict(output: Output, stage: StageReadiness): string {
  const counts = severities.map((s) => [s, stage.findings[s].length] as const).filter(([, n]) => n > 0);
  const summary = counts.map(([s, n]) => `${n} ${s === "would-fail-stage1" ? "would fail Stage 1" : s}`).join(", ");
  if (stage.wouldFail) return output.style("red", `would fail — ${summary}`);
  return counts.length ? output.style("yellow", `would pass, with ${summary}`) : output.style("green", "ready: no finding");
}

function renderFindings(output: Output, findings: readonly ReportedFinding[], all: boolean): string[] {
  const byRule = new Map<string, ReportedFinding[]>();
  for (const f of findings) byRule.set(f.ruleId, [...(byRule.get(f.ruleId) ?? []), f]);
  return [...byRule].flatMap(([ruleId, found]) => [
    ...(all ? found : found.slice(0, perRule)).flatMap((f) => [`  ${f.message} ${output.style("dim", `[${f.ruleId}, ${f.basis}]`)}`, `      fix: ${f.fix}`]),
    ...(!all && found.length > perRule ? [output.style("dim", `  … and ${found.length - perRule} more from ${ruleId} (--all or --json lists them)`)] : []),
  ]);
}

/** The heading and one line per stage: score, rules passing, verdict. */
export function renderReadinessScores(output: Output, report: ReadinessReport): string[] {
  const lines = [output.style("bold", `Readiness of ${report.workspace} as of ${report.asOf}`), ""];
  for (const stage of report.stages) {
    const passed = stage.rules.filter((r) => r.passed).length;
    lines.push(`  ${stageNames[stage.stage].padEnd(13)} ${String(stage.score).padStart(3)}/100  ${passed}/${stage.rules.length} rules pass  ${verdict(output, stage)}`);
  }
  return lines;
}

export function renderReadiness(output: Output, report: ReadinessReport, all = false): string {
  const b = (s: string) => output.style("bold", s);
  const lines = renderReadinessScores(output, report);
  // The broadest stage asked for holds every finding of the narrower ones.
  const broadest = report.stages[report.stages.length - 1];
  for (const severity of severities) {
    const findings = broadest?.findings[severity] ?? [];
    if (findings.length === 0) continue;
    const colour = severity === "observation" ? "dim" : severity === "minor" ? "yellow" : "red";
    lines.push("", output.style(colour, b(`${severityNames[severity]} (${findings.length})`)), ...renderFindings(output, findings, all));
  }
  return lines.join("\n");
}

export function registerReadinessCommand(program: Command): void {
  const command = program
    .command("readiness")
    .description("what would fail a certification audit today: a score per stage (1, 2, surveillance) and each finding with its fix")
    .option("--stage <stage>", "one stage, with the rules of the stages before it: 1, 2 or surveillance (default: all three)")
    .option("--as-of <date>", "judge as of this day, YYYY-MM-DD (default: today)")
    .option("--strict", "exit with status 1 when any finding would fail Stage 1 (for CI)")
    .option("--all", `print every finding (by default at most ${perRule} per rule)`)
    .action(async (options: { stage?: string; asOf?: string; strict?: boolean; all?: boolean }, cmd: Command) => {
      const stage = options.stage === undefined ? undefined : parseStage(options.stage);
      const asOf = options.asOf === undefined ? undefined : parseAsOf(options.asOf);
      const report = await withIsms(cmd, async (isms, output) => {
        const ws = await resolveWorkspace(isms.db, globalOptions(cmd).workspace);
        const result = await assessReadiness(isms.db, ws, { ...(stage ? { stage } : {}), ...(asOf ? { asOf } : {}) });
        output.data(result, () => renderReadiness(output, result, options.all === true));
        return result;
      });
      const blocking = report.stages[report.stages.length - 1]?.findings["would-fail-stage1"].length ?? 0;
      if (options.strict && blocking > 0) {
        throw new IsmsError(`${blocking} finding${blocking === 1 ? "" : "s"} would fail Stage 1 (--strict)`, "Fix them, or run without --strict to see the report only");
      }
    });
  withExamples(
    command,
    "isms readiness",
    "isms readiness --stage 1",
    "isms readiness --stage 2 --as-of 2026-09-30",
    "isms readiness --stage surveillance --json",
    "isms readiness --strict   # in CI: exit 1 while anything would fail Stage 1",
  );
}
