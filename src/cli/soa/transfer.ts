// `isms soa export|import`: the SoA to XLSX, CSV or PDF for the auditor, and an SoA spreadsheet
// (2022 or 2013 numbering) into the workspace.
import type { Command } from "commander";
import { exportStatementOfApplicability } from "../../app/soa-export.js";
import { importStatementOfApplicability, type SoaImportResult } from "../../app/soa-import.js";
import { resolveWorkspace } from "../../app/workspaces.js";
import { globalOptions, withIsms } from "../context.js";
import { withExamples } from "../usage.js";
import { versionOption } from "./options.js";

function importReport(result: SoaImportResult): string {
  const lines = [
    `Imported ${result.added.length + result.updated.length + result.unchanged.length} SoA rows from ${result.source} (${result.edition} numbering): ${result.added.length} added, ${result.updated.length} updated, ${result.unchanged.length} unchanged${result.removed.length ? `, ${result.removed.length} removed (now undecided)` : ""}.`,
  ];
  if (result.ownControlsAdded.length) lines.push(`Added own controls: ${result.ownControlsAdded.join(", ")}.`);
  if (result.peopleAdded.length) lines.push(`Added ${result.peopleAdded.length} control owners to the people register: ${result.peopleAdded.map((p) => `${p.id} ${p.name}`).join(", ")}.`);
  if (result.ignoredColumns.length) lines.push(`Columns not imported: ${result.ignoredColumns.join(", ")}.`);
  if (result.conversion) {
    const merged = result.conversion.converted.filter((c) => c.notes.length);
    lines.push(`Converted to ISO/IEC 27001:2022: ${result.conversion.converted.length} controls from the 2013 rows.`);
    for (const c of merged) lines.push(`  ${c.controlId} ← ${c.from.join(", ")}: ${c.notes.join("; ")}`);
    if (result.conversion.undecided.length) lines.push(`Still to decide (no 2013 row reached them): ${result.conversion.undecided.join(", ")}.`);
  }
  for (const s of result.statusesSuperseded) lines.push(`${s.controlId}: the file says ${s.file ?? "not assessed"}, evidence and checks say ${s.derived ?? "not assessed"} (the SoA shows the derived status; override it with isms soa set).`);
  for (const n of result.notes) lines.push(`Note${n.row ? ` (row ${n.row})` : ""}: ${n.message}`);
  return lines.join("\n");
}

export function registerSoaTransferCommands(soa: Command): void {
  const exportCommand = soa
    .command("export")
    .description("write the SoA as XLSX (cover, SoA sheet with drop-downs, summary), CSV or a print-ready PDF")
    .requiredOption("--out <file>", "the file to write: .xlsx, .csv or .pdf")
    .option("--version <n>", "a published version instead of the SoA as it stands")
    .action(async (options: { out: string; version?: string }, cmd: Command) => {
      const version = options.version !== undefined ? versionOption("--version", options.version) : undefined;
      await withIsms(cmd, async (isms, output) => {
        const ws = await resolveWorkspace(isms.db, globalOptions(cmd).workspace);
        const written = await exportStatementOfApplicability(isms.db, ws, options.out, { version });
        const what = written.version === null ? "draft, no version published yet" : written.draft ? `draft after version ${written.version}` : `version ${written.version}`;
        output.data(written, () => `Wrote ${written.out}: ${written.controls} controls (${what}).`);
      });
    });
  withExamples(exportCommand, "isms soa export --out soa.xlsx", "isms soa export --out soa.pdf --version 2", "isms soa export --out soa.csv");

  const importCommand = soa
    .command("import <file>")
    .description("read an SoA spreadsheet (CSV or XLSX; 2022 or 2013 numbering) into the workspace; checks every row first and writes nothing if one is bad")
    .option("--map <pairs>", 'say which column holds which field: "Ctrl=controlId,Decision=applicability,Why=justification"')
    .option("--sheet <name>", "the worksheet of an XLSX file (default: the first with a control id and applicability column)")
    .option("--replace", "controls the file does not list lose their decision (default: they keep it)")
    .action(async (file: string, options: { map?: string; sheet?: string; replace?: boolean }, cmd: Command) => {
      await withIsms(cmd, async (isms, output) => {
        const ws = await resolveWorkspace(isms.db, globalOptions(cmd).workspace);
        const result = await importStatementOfApplicability(isms.db, ws, file, { ...options, actor: "cli" });
        output.data(result, () => importReport(result));
      });
    });
  withExamples(
    importCommand,
    "isms soa import statement-of-applicability.csv",
    "isms soa import soa-2013.xlsx --sheet SoA",
    'isms soa import soa.xlsx --map "Applies?=applicability,Why=justification" --replace',
  );
}
