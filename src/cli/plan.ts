// `isms plan`: the phases of a first certification as a dated table, from a start day — ISO/IEC 27001
// alone (the long or, with --fast, the short end of each phase) or with a SOC 2 Type II report.
import type { Command } from "commander";
import { addDays } from "../domain/calendar/index.js";
import { planCertification, planCertificationWithSoc2, planEvents, trackName, type CertificationPlan, type PlannedPhase } from "../domain/plan/index.js";
import { addMonths } from "../domain/risk/index.js";
import { dayOption, writeIcsFile } from "./calendar.js";
import { outputFor } from "./context.js";
import { table } from "./output.js";
import { UsageError, withExamples } from "./usage.js";

const plural = (n: number, unit: string) => `${n} ${unit}${n === 1 ? "" : "s"}`;

/** A phase's length in the unit it was planned in: months (the plan with SOC 2 counts them), weeks, or days. */
function length(p: PlannedPhase, inMonths: boolean): string {
  const months = inMonths ? Array.from({ length: 12 }, (_, i) => i + 1).find((m) => addDays(addMonths(p.start, m), -1) === p.end) : undefined;
  if (months !== undefined) return plural(months, "month");
  return p.days % 7 === 0 ? plural(p.days / 7, "week") : plural(p.days, "day");
}

function summary(plan: CertificationPlan): string {
  const pace = plan.withSoc2 ? "ISO/IEC 27001 and SOC 2 Type II in one year" : plan.pace === "fast" ? "short end of each phase" : "long end of each phase";
  return `Certification plan from ${plan.start} to ${plan.end} (${pace})`;
}

export function registerPlanCommand(program: Command): void {
  const plan = program
    .command("plan")
    .description("lay out a first certification as dated phases, from gap analysis to certificate; with --with-soc2, both tracks in one table")
    .requiredOption("--start <date>", "the day the work starts, YYYY-MM-DD")
    .option("--fast", "take the short end of each phase's usual duration (default: the long end)")
    .option("--with-soc2", "sequence a SOC 2 Type II report with the ISO/IEC 27001 certification")
    .option("--ics <file>", "also write the phases as an iCalendar file, one event per phase")
    .action(async (options: { start: string; fast?: boolean; withSoc2?: boolean; ics?: string }, cmd: Command) => {
      const start = dayOption("--start", options.start);
      if (options.fast && options.withSoc2) throw new UsageError("--fast applies to the ISO/IEC 27001 plan alone; the plan --with-soc2 follows fixed months");
      const result = options.withSoc2 ? planCertificationWithSoc2(start) : planCertification(start, options.fast ? "fast" : "slow");
      if (options.ics) await writeIcsFile(options.ics, planEvents(result), "Certification plan");
      const output = outputFor(cmd);
      output.data({ ...result, ...(options.ics && { ics: options.ics }) }, () =>
        [
          summary(result),
          table(
            [...(result.withSoc2 ? ["track"] : []), "phase", "id", "start", "end", "length", "after"],
            result.phases.map((p) => [...(result.withSoc2 ? [trackName[p.track]] : []), p.title, p.id, p.start, p.end, length(p, result.withSoc2), p.after.join(", ") || "—"]),
          ),
          ...(options.ics ? ["", `Wrote ${result.phases.length} events to ${options.ics}`] : []),
        ].join("\n"),
      );
    });
  withExamples(plan, "isms plan --start 2027-01-04", "isms plan --start 2027-01-04 --fast", "isms plan --start 2027-01-04 --with-soc2 --ics plan.ics");
}
