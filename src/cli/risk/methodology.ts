// `isms risk methodology show|set|approve|versions`: the risk assessment methodology as data; `show`
// prints it as the "Risk Assessment Methodology" document, so the document and the data agree.
import { readFile, writeFile } from "node:fs/promises";
import type { Command } from "commander";
import { parse } from "yaml";
import { loadPersonDirectory } from "../../app/people.js";
import { approveMethodology, currentMethodology, listMethodologyVersions, setMethodology } from "../../app/risk-methodology.js";
import { resolveWorkspace } from "../../app/workspaces.js";
import { documentToMarkdown, methodologyPresetIds, methodologyPresets, renderMethodologyDocument } from "../../domain/risk/index.js";
import { IsmsError } from "../../domain/errors.js";
import { renderPdf } from "../../reports/pdf.js";
import { globalOptions, withIsms } from "../context.js";
import { table } from "../output.js";
import { UsageError, withExamples } from "../usage.js";

async function readMethodologyFile(path: string): Promise<unknown> {
  const text = await readFile(path, "utf8").catch(() => {
    throw new IsmsError(`Cannot read ${path}`, "Give a YAML or JSON file (isms risk methodology show --json > m.json writes one to start from)");
  });
  try {
    return parse(text);
  } catch (error) {
    throw new IsmsError(`${path} is not valid YAML or JSON: ${error instanceof Error ? error.message.split("\n")[0] : String(error)}`);
  }
}

export function registerRiskMethodologyCommands(risk: Command): void {
  const methodology = risk.command("methodology").description("the risk assessment methodology (6.1.2): scales, scoring, bands, acceptance, review");

  const show = methodology
    .command("show")
    .description("print the methodology in force as the Risk Assessment Methodology document (--json: the data)")
    .option("--out <file>", "write the document to a file instead: .pdf or .md")
    .action(async (options: { out?: string }, cmd: Command) => {
      await withIsms(cmd, async (isms, output) => {
        const ws = await resolveWorkspace(isms.db, globalOptions(cmd).workspace);
        const current = await currentMethodology(isms.db, ws);
        const document = renderMethodologyDocument(current.body, {
          version: current.version,
          status: current.status,
          approvedBy: current.approvedBy,
          approvedAt: current.approvedAt,
          companyName: ws.companyName,
        });
        if (options.out) {
          const stamp = `methodology v${current.version} (${current.status}), generated ${new Date().toISOString().slice(0, 16).replace("T", " ")} UTC`;
          if (/\.pdf$/i.test(options.out)) await writeFile(options.out, await renderPdf(document, { stamp }));
          else if (/\.md$/i.test(options.out)) await writeFile(options.out, documentToMarkdown(document));
          else throw new UsageError(`--out: "${options.out}" should end in .pdf or .md`);
          output.data({ out: options.out, version: current.version }, () => `Wrote ${options.out} (methodology v${current.version}).`);
          return;
        }
        output.data(current.body, () => documentToMarkdown(document));
      });
    });
  withExamples(show, "isms risk methodology show", "isms risk methodology show --out risk-methodology.pdf", "isms risk methodology show --json > methodology.json");

  const set = methodology
    .command("set")
    .description("make a new methodology version (a draft to approve) and rescore every risk under it; earlier scores stay in the history")
    .option("--file <file>", "the methodology as YAML or JSON (start from: isms risk methodology show --json)")
    .option("--preset <id>", `a ready-made methodology: ${methodologyPresetIds.join(", ")}`)
    .action(async (options: { file?: string; preset?: string }, cmd: Command) => {
      if (!options.file === !options.preset) throw new UsageError("Give --file or --preset (one of them)");
      let body: unknown;
      if (options.preset) {
        const id = methodologyPresetIds.find((p) => p === options.preset);
        if (!id) throw new UsageError(`--preset: "${options.preset}" is not one of ${methodologyPresetIds.join(", ")}`);
        body = methodologyPresets[id]();
      } else if (options.file) body = await readMethodologyFile(options.file);
      await withIsms(cmd, async (isms, output) => {
        const ws = await resolveWorkspace(isms.db, globalOptions(cmd).workspace);
        const change = await isms.db.transaction((tx) => setMethodology(tx, ws, body, { actor: "cli", source: options.file ?? `preset ${options.preset ?? ""}` }));
        output.data(change, () =>
          [
            `Methodology v${change.version} is in force (draft: approve it with isms risk methodology approve --by <person>).`,
            `Rescored ${change.rescore.rescored} risks; their earlier scores stay in the history.`,
            ...change.rescore.issues.map((i) => `  ${i.severity} ${i.riskId} ${i.path}: ${i.message}`),
          ].join("\n"),
        );
      });
    });
  withExamples(set, "isms risk methodology set --preset 4x4-matrix", "isms risk methodology set --file methodology.yaml");

  const approve = methodology
    .command("approve")
    .description("record the approval of the methodology in force")
    .requiredOption("--by <person>", "who approves it (a person's id or name)")
    .action(async (options: { by: string }, cmd: Command) => {
      await withIsms(cmd, async (isms, output) => {
        const ws = await resolveWorkspace(isms.db, globalOptions(cmd).workspace);
        const by = (await loadPersonDirectory(isms.db, ws)).get(options.by, "--by");
        const approved = await isms.db.transaction((tx) => approveMethodology(tx, ws, by, { actor: "cli" }));
        output.data(approved, () => `Methodology v${approved.version} approved by ${by}.`);
      });
    });
  withExamples(approve, "isms risk methodology approve --by P-001");

  const versions = methodology
    .command("versions")
    .description("list the methodology's versions")
    .action(async (_o: unknown, cmd: Command) => {
      await withIsms(cmd, async (isms, output) => {
        const ws = await resolveWorkspace(isms.db, globalOptions(cmd).workspace);
        const all = await listMethodologyVersions(isms.db, ws);
        output.data(all, () =>
          table(
            ["version", "status", "approved by", "approved at", "scales", "scoring"],
            all.map((v) => [
              `v${v.version}`,
              v.status,
              v.approvedBy ?? "",
              v.approvedAt?.toISOString().slice(0, 10) ?? "",
              `${v.body.likelihood.levels.length}×${v.body.impact.levels.length}`,
              v.body.scoring.method,
            ]),
          ),
        );
      });
    });
  withExamples(versions, "isms risk methodology versions");
}
