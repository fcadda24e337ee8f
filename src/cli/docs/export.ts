// `isms docs export`: one document, or all of them, as Markdown, DOCX or PDF.
import { mkdir, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { Option, type Command } from "commander";
import { generatedDocuments } from "../../app/documents/generated/index.js";
import { listDocuments } from "../../app/documents/records.js";
import { documentBytes, exportFormatOf, exportFormats, renderDocument, type ExportFormat } from "../../app/documents/render.js";
import { resolveWorkspace } from "../../app/workspaces.js";
import { globalOptions, withIsms } from "../context.js";
import { UsageError, withExamples } from "../usage.js";

export function registerDocsExportCommand(docs: Command): void {
  const command = docs
    .command("export [id]")
    .description("write a document as Markdown, DOCX (title page, change history) or PDF; with --all, every controlled and generated document into --dir")
    .option("--out <file>", "the file to write (.md, .docx or .pdf)")
    .addOption(new Option("--format <format>", "the format, when --out's extension does not say it, or with --all").choices(exportFormats))
    .option("--version <version>", "the version of a controlled document (default: the newest)")
    .option("--all", "export every document")
    .option("--dir <folder>", "with --all: the folder to write into")
    .action(async (id: string | undefined, options: { out?: string; format?: ExportFormat; version?: string; all?: boolean; dir?: string }, cmd: Command) => {
      if (options.all ? id !== undefined || options.dir === undefined : id === undefined || options.out === undefined) {
        throw new UsageError("give a document and --out <file>, or --all --dir <folder> [--format pdf]");
      }
      await withIsms(cmd, async (isms, output) => {
        const ws = await resolveWorkspace(isms.db, globalOptions(cmd).workspace);
        const at = new Date();
        if (options.all && options.dir !== undefined) {
          const format = options.format ?? "pdf";
          const ids = [...(await listDocuments(isms.db, ws)).map((d) => d.id), ...generatedDocuments.map((g) => g.id)];
          const unique = [...new Set(ids)];
          await mkdir(options.dir, { recursive: true });
          const written = [];
          for (const docId of unique) {
            const rendered = await renderDocument(isms.db, ws, docId, { at });
            const file = join(options.dir, `${docId}.${format}`);
            const bytes = await documentBytes(rendered, format);
            await writeFile(file, bytes);
            written.push({ id: docId, file, version: rendered.version, status: rendered.status, bytes: bytes.length });
          }
          output.data({ dir: options.dir, format, documents: written }, () => `Wrote ${written.length} documents as ${format} to ${options.dir}.`);
          return;
        }
        if (id === undefined || options.out === undefined) return;
        const format = exportFormatOf(options.out, options.format);
        const rendered = await renderDocument(isms.db, ws, id, { version: options.version, at });
        const bytes = await documentBytes(rendered, format);
        await mkdir(dirname(options.out), { recursive: true });
        await writeFile(options.out, bytes);
        const result = { id, out: options.out, format, version: rendered.version, status: rendered.status, stamp: rendered.stamp, bytes: bytes.length };
        output.data(result, () => `Wrote ${rendered.title}${rendered.version ? ` v${rendered.version}` : ""} to ${options.out} (${rendered.stamp}).`);
      });
    });
  withExamples(command, "isms docs export POL-ISP --out information-security-policy.docx", "isms docs export statement-of-applicability --out soa.pdf", "isms docs export --all --dir documents --format pdf");
}
