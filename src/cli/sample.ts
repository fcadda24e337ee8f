// `isms sample`: draw what a certification auditor would ask to see (IAM users, CloudTrail days, the last
// restore test, joiners, leavers), reproducibly from a seed, and save it as the request list.
import type { Command } from "commander";
import { takeAuditSample, drawAuditSample, type DrawnSample } from "../app/sample.js";
import { resolveWorkspace } from "../app/workspaces.js";
import { auditKinds, describeKind, readSampleSizes, type AuditKind, type Period, type SampleSizes } from "../domain/sample/index.js";
import { globalOptions, withIsms } from "./context.js";
import { parsePeriodFlag } from "./period.js";
import { checkListFile, requestTable, writeRequestList } from "./request.js";
import { UsageError, withExamples } from "./usage.js";

function sizesFlag(text: string): SampleSizes {
  const sizes = readSampleSizes(text);
  if ("error" in sizes) throw new UsageError(`--size: ${sizes.error}`);
  return sizes;
}

function auditOf(text: string | undefined): AuditKind {
  if (text === undefined) throw new UsageError(`--audit: say which audit the sample is for: ${auditKinds.join(", ")} (e.g. --audit stage2)`);
  const audit = auditKinds.find((k) => k === text.trim().toLowerCase());
  if (!audit) throw new UsageError(`--audit: "${text}" is not an audit; use ${auditKinds.join(", ")}`);
  return audit;
}

interface SampleFlags {
  audit?: string;
  seed?: string;
  period?: Period;
  size?: SampleSizes;
  by?: string;
  dryRun?: boolean;
  out?: string;
}

function render(drawn: DrawnSample, saved: boolean): string {
  const { sample, kinds, requests } = drawn;
  const answered = requests.filter((r) => r.status === "provided").length;
  return [
    `Sample ${sample.id} for the ${sample.audit} audit, seed "${sample.seed}", period ${sample.periodStart}..${sample.periodEnd}${saved ? "" : " (dry run: nothing saved; the ids are those it would get)"}.`,
    ...kinds.map((k) => `  ${describeKind(k)}`),
    "",
    requests.length ? requestTable(requests) : "Nothing to request: every size is 0.",
    "",
    `${answered} of ${requests.length} requests already answered by evidence.${requests.length > answered ? " Provide the rest with: isms request provide <request> --evidence E-… | --file PATH --by <person>" : ""}`,
  ].join("\n");
}

export function registerSampleCommands(program: Command): void {
  const command = program
    .command("sample")
    .description("draw the auditor's sample (IAM users, CloudTrail days, the last restore test, joiners, leavers) from a seed and save its request list")
    .option("--audit <audit>", `the audit it is for: ${auditKinds.join(", ")}`)
    .option("--seed <seed>", "any text the auditor chooses: the same seed over the same data draws the same sample")
    .option("--period <from..to>", "the period sampled, FROM..TO (default: the twelve months up to today)", (text: string) => parsePeriodFlag(text))
    .option("--size <sizes>", "how many of each: users=25,days=3,restores=1,joiners=5,leavers=5 (the defaults); 0 skips a kind", sizesFlag)
    .option("--by <name>", "who draws it: the auditor's name (default: cli)")
    .option("--dry-run", "show the sample without saving it")
    .option("--out <file>", "also write the request list: .csv or .xlsx")
    .action(async (flags: SampleFlags, cmd: Command) => {
      const audit = auditOf(flags.audit);
      if (flags.seed === undefined || flags.seed.trim() === "") throw new UsageError("--seed: give the seed the auditor chose (any text, e.g. --seed acme-stage2-2026): the same seed over the same data draws the same sample");
      if (flags.out) checkListFile(flags.out);
      await withIsms(cmd, async (isms, output) => {
        const ws = await resolveWorkspace(isms.db, globalOptions(cmd).workspace);
        const input = { audit, seed: flags.seed ?? "", period: flags.period, sizes: flags.size, drawnBy: flags.by };
        const context = { actor: "cli" };
        const drawn = flags.dryRun ? await drawAuditSample(isms.db, ws, input, context) : await takeAuditSample(isms.db, ws, input, context);
        if (flags.out) {
          const { sample } = drawn;
          await writeRequestList(flags.out, drawn.requests, {
            title: `Evidence requests of sample ${sample.id} (${sample.audit} audit)`,
            facts: [
              ["Sample", sample.id],
              ["Audit", sample.audit],
              ["Seed", sample.seed],
              ["Period", `${sample.periodStart} to ${sample.periodEnd}`],
              ["Drawn", `${sample.drawnAt.toISOString()} by ${sample.drawnBy}${flags.dryRun ? " (dry run, not saved)" : ""}`],
            ],
            kinds: drawn.kinds,
          });
        }
        const answered = drawn.requests.filter((r) => r.status === "provided").length;
        output.data({ saved: !flags.dryRun, ...drawn, answered, out: flags.out ?? null }, () => [render(drawn, !flags.dryRun), ...(flags.out ? [`Wrote the request list to ${flags.out}.`] : [])].join("\n"));
      });
    });
  withExamples(
    command,
    "isms sample --audit stage2 --seed acme-2026",
    "isms sample --audit stage2 --seed acme-2026 --period 2025-07-01..2026-06-30 --size users=10,days=5 --dry-run",
    "isms sample --audit surveillance --seed cb-visit-2027 --by 'Jane Auditor' --out requests.xlsx",
  );
}
