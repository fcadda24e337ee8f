// `isms evidence …`: attach a file as evidence for controls, list the workspace's evidence, and show one
// record or write its bytes out (checked against the hash recorded when it was stored).
import { mkdir, writeFile } from "node:fs/promises";
import { dirname } from "node:path";
import type { Command } from "commander";
import { attachEvidenceFile, resolveControlIds } from "../app/evidence-files.js";
import { resolveWorkspace } from "../app/workspaces.js";
import type { Period } from "../domain/sample/index.js";
import { createBlobStore, resolveEvidenceRoot } from "../evidence/blobs.js";
import { listEvidence, readEvidence, type EvidenceRecord } from "../evidence/records.js";
import { globalOptions, withIsms } from "./context.js";
import { table } from "./output.js";
import { parsePeriodFlag } from "./period.js";
import { dayFlag } from "./training.js";
import { UsageError, withExamples } from "./usage.js";

const list = (text: string) => text.split(",").map((s) => s.trim()).filter(Boolean);

/** Where a record came from, in a few words: "upload by P-004", "aws 111111111111 us-east-1 iam". */
function sourceOf(record: EvidenceRecord): string {
  const s = record.source;
  if (typeof s.uploader === "string") return `${s.kind} by ${s.uploader}`;
  return [s.kind, s.account, s.region, s.service].filter((part) => typeof part === "string").join(" ");
}

const periodText = (r: EvidenceRecord) => (r.periodStart && r.periodEnd ? `${r.periodStart}..${r.periodEnd}` : "");

export function registerEvidenceCommands(program: Command): void {
  const group = program.command("evidence").description("evidence: files people attach and what collections recorded, each stored by its SHA-256");
  registerAdd(group);
  registerList(group);
  registerShow(group);
}

interface AddFlags {
  control: string;
  title?: string;
  period?: Period;
  kind?: string;
  by: string;
}

function registerAdd(group: Command): void {
  const command = group
    .command("add <file>")
    .description("attach a file as evidence that controls operate (a restore report, an access review, a screenshot)")
    .requiredOption("--control <ids>", "the controls it shows operating, comma-separated: A.8.13,A.5.30")
    .requiredOption("--by <person>", "who attaches it: a person's id, name or email")
    .option("--title <title>", "what it is (default: the file's name)")
    .option("--period <from..to>", "the days it covers, FROM..TO", (text: string) => parsePeriodFlag(text))
    .option("--kind <kind>", "what kind of record it is, e.g. backup-restore-test, access-review (default: upload)")
    .action(async (file: string, flags: AddFlags, cmd: Command) => {
      const controls = list(flags.control);
      if (controls.length === 0) throw new UsageError("--control: name at least one control, e.g. --control A.8.13");
      await withIsms(cmd, async (isms, output) => {
        const ws = await resolveWorkspace(isms.db, globalOptions(cmd).workspace);
        const blobs = createBlobStore(resolveEvidenceRoot(isms));
        const input = { path: file, controls, title: flags.title, period: flags.period, by: flags.by, kind: flags.kind };
        const record = await isms.db.transaction((tx) => attachEvidenceFile(tx, ws, blobs, input, { actor: "cli" }));
        output.data(record, () => `Recorded ${record.id}: ${record.title ?? file} for ${record.controlIds.map((c) => `A.${c}`).join(", ")} (sha256 ${record.sha256}).`);
      });
    });
  withExamples(
    command,
    "isms evidence add restore-test-2026-02.pdf --control A.8.13 --kind backup-restore-test --by P-004",
    "isms evidence add access-review-q1.xlsx --control A.5.18,A.8.2 --period 2026-01-01..2026-03-31 --by 'Head of Security'",
  );
}

function registerList(group: Command): void {
  const command = group
    .command("list")
    .description("list the evidence, oldest first")
    .option("--control <id>", "only evidence for this control: A.8.13")
    .option("--kind <kind>", "only this kind: upload, aws-snapshot, check-result, backup-restore-test…")
    .option("--since <date>", "only evidence collected on or after this day, YYYY-MM-DD", dayFlag("--since"))
    .action(async (flags: { control?: string; kind?: string; since?: string }, cmd: Command) => {
      await withIsms(cmd, async (isms, output) => {
        const ws = await resolveWorkspace(isms.db, globalOptions(cmd).workspace);
        const controlId = flags.control === undefined ? undefined : (await resolveControlIds(isms.db, ws, [flags.control]))[0];
        const since = flags.since === undefined ? undefined : new Date(`${flags.since}T00:00:00Z`);
        const records = await listEvidence(isms.db, ws, { controlId, kind: flags.kind, since });
        output.data(records, () =>
          records.length
            ? table(
                ["id", "kind", "collected", "period", "controls", "source", "title"],
                records.map((r) => [r.id, r.kind, r.collectedAt.toISOString().slice(0, 10), periodText(r), r.controlIds.join(","), sourceOf(r), r.title ?? ""]),
              )
            : "No evidence matches. Attach a file with: isms evidence add FILE --control A.8.13 --by P-001; collect from AWS with: isms collect aws",
        );
      });
    });
  withExamples(command, "isms evidence list", "isms evidence list --control A.8.13 --since 2026-01-01", "isms evidence list --kind upload --json");
}

function registerShow(group: Command): void {
  const command = group
    .command("show <id>")
    .description("show an evidence record; with --out, write its content, verified against its SHA-256")
    .option("--out <file>", "write the content to this file")
    .action(async (id: string, flags: { out?: string }, cmd: Command) => {
      await withIsms(cmd, async (isms, output) => {
        const ws = await resolveWorkspace(isms.db, globalOptions(cmd).workspace);
        const { record, bytes } = await readEvidence(isms.db, ws, createBlobStore(resolveEvidenceRoot(isms)), id.trim().toUpperCase());
        if (flags.out) {
          await mkdir(dirname(flags.out), { recursive: true });
          await writeFile(flags.out, bytes);
        }
        output.data({ ...record, size: bytes.length, out: flags.out ?? null }, () =>
          [
            `${record.id}  ${record.kind}  ${record.title ?? ""}`,
            `Controls:  ${record.controlIds.map((c) => (/^\d+\.\d+$/.test(c) ? `A.${c}` : c)).join(", ") || "—"}`,
            `Source:    ${sourceOf(record)}${typeof record.source.mediaType === "string" ? ` (${record.source.mediaType})` : ""}`,
            `Collected: ${record.collectedAt.toISOString()}${periodText(record) ? `; covers ${periodText(record)}` : ""}`,
            `SHA-256:   ${record.sha256} (${bytes.length} bytes, verified)`,
            flags.out ? `Wrote its content to ${flags.out}.` : "Write its content with --out FILE.",
          ].join("\n"),
        );
      });
    });
  withExamples(command, "isms evidence show E-012", "isms evidence show E-012 --out restore-report.pdf");
}
