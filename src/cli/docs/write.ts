// `isms docs new|edit`: write a document (from a Markdown file or a template of the workspace's
// kind) and change its text or details; a text change on an approved document starts a new version.
import type { Command } from "commander";
import { createDocument, editDocument } from "../../app/documents/lifecycle.js";
import { loadTemplateContext } from "../../app/documents/template-context.js";
import { fillDocumentTemplate, loadDocumentTemplates } from "../../app/documents/templates.js";
import { resolveWorkspace } from "../../app/workspaces.js";
import { IsmsError } from "../../domain/errors.js";
import { workspaceTemplates } from "../../domain/workspace.js";
import { statusLabel } from "../../domain/documents/lifecycle.js";
import { globalOptions, withIsms } from "../context.js";
import { UsageError, withExamples } from "../usage.js";
import { clausesOption, controlsOption, dayOption, monthsOption, readTextFile } from "./options.js";

interface DetailOptions {
  title?: string;
  kind?: string;
  owner?: string;
  approver?: string;
  classification?: string;
  clauses?: string[];
  controls?: string[];
  ack?: boolean;
  reviewMonths?: number;
  file?: string;
  summary?: string;
  by?: string;
}

function detailOptions(command: Command): Command {
  return command
    .option("--owner <person>", "who owns it (a person's id or name)")
    .option("--approver <person>", "who approves its versions by default")
    .option("--classification <label>", "its classification, e.g. internal")
    .option("--clauses <list>", "clauses it serves, comma-separated (4.3,6.1.2)", clausesOption)
    .option("--controls <list>", "Annex A controls it addresses, comma-separated (5.15,8.2)", controlsOption)
    .option("--ack", "people in scope must acknowledge each published version")
    .option("--review-months <n>", "months from publication to the next review (default 12)", monthsOption)
    .option("--summary <text>", "what this version changes (the change history)")
    .option("--by <person>", "who wrote this text (default: the owner)");
}

export function registerDocsWriteCommands(docs: Command): void {
  const create = detailOptions(
    docs
      .command("new")
      .description("create a document as a draft (version 1), from a Markdown file or from one of the workspace template's document templates")
      .option("--id <id>", "its id (default: the template's, or the next DOC-NNN)")
      .option("--title <title>", "its title (default: the template's)")
      .option("--kind <kind>", "policy, procedure, isms-scope, information-security-policy, objectives… (default: the template's, else policy)")
      .option("--file <file.md>", "its text, in Markdown")
      .option("--template <name>", "start from a document template (e.g. policy-access-control), filled from this workspace"),
  ).action(async (options: DetailOptions & { id?: string; template?: string }, cmd: Command) => {
    if ((options.file === undefined) === (options.template === undefined)) throw new UsageError("give the text with --file <file.md> or start from --template <name> (one of the two)");
    await withIsms(cmd, async (isms, output) => {
      const ws = await resolveWorkspace(isms.db, globalOptions(cmd).workspace);
      const doc = await isms.db.transaction(async (tx) => {
        let fromTemplate: { id: string; title: string; kind: string; body: string; clauses: string[]; controls: string[]; acknowledge: boolean; reviewMonths: number; file: string; owner: string | null; approver: string | null } | undefined;
        if (options.template !== undefined) {
          const wanted = options.template.replace(/\.md$/, "");
          const templates = (await Promise.all(workspaceTemplates.map((t) => loadDocumentTemplates(t)))).flat();
          const found = templates.find((t) => t.file.replace(/\.md$/, "") === wanted || t.id === wanted);
          if (!found) throw new IsmsError(`--template: no document template "${options.template}"`, `Templates: ${templates.map((t) => t.file.replace(/\.md$/, "")).join(", ")}`);
          const context = await loadTemplateContext(tx, ws);
          fromTemplate = { ...found, body: fillDocumentTemplate(found, context), owner: context.holderOf(found.owner), approver: context.holderOf(found.approver) };
        }
        const body = options.file !== undefined ? await readTextFile(options.file) : (fromTemplate?.body ?? "");
        const title = options.title ?? fromTemplate?.title;
        if (!title) throw new UsageError("--title: give the document's title");
        return createDocument(
          tx,
          ws,
          {
            id: options.id ?? fromTemplate?.id,
            title,
            kind: options.kind ?? fromTemplate?.kind ?? "policy",
            owner: options.owner ?? fromTemplate?.owner,
            approver: options.approver ?? fromTemplate?.approver,
            author: options.by,
            classification: options.classification,
            clauses: options.clauses ?? fromTemplate?.clauses,
            controls: options.controls ?? fromTemplate?.controls,
            requiresAcknowledgement: options.ack ?? fromTemplate?.acknowledge,
            reviewIntervalMonths: options.reviewMonths ?? fromTemplate?.reviewMonths,
            template: fromTemplate?.file.replace(/\.md$/, ""),
            body,
            changeSummary: options.summary,
          },
          { actor: "cli" },
        );
      });
      output.data(doc, () => `Created ${doc.id} (${doc.title}) as draft v1. Next: isms docs submit ${doc.id}`);
    });
  });
  withExamples(create, "isms docs new --template policy-access-control", "isms docs new --title 'Clear Desk Procedure' --kind procedure --file clear-desk.md --owner P-002 --controls 7.7");

  const edit = detailOptions(
    docs
      .command("edit <id>")
      .description("change a document's text (--file) or details; a new text on an approved or published document becomes a new draft version")
      .option("--title <title>", "a new title")
      .option("--kind <kind>", "a new kind")
      .option("--file <file.md>", "the new text, in Markdown")
      .option("--no-ack", "stop requiring acknowledgements")
      .option("--next-review <date>", "when it is next reviewed, YYYY-MM-DD", (v: string) => dayOption("--next-review", v)),
  ).action(async (id: string, options: DetailOptions & { nextReview?: string }, cmd: Command) => {
    const ackGiven = cmd.getOptionValueSource("ack") === "cli";
    await withIsms(cmd, async (isms, output) => {
      const ws = await resolveWorkspace(isms.db, globalOptions(cmd).workspace);
      const body = options.file !== undefined ? await readTextFile(options.file) : undefined;
      const { document, version } = await isms.db.transaction((tx) =>
        editDocument(
          tx,
          ws,
          id,
          {
            title: options.title,
            kind: options.kind,
            owner: options.owner,
            approver: options.approver,
            classification: options.classification,
            clauses: options.clauses,
            controls: options.controls,
            requiresAcknowledgement: ackGiven ? options.ack : undefined,
            reviewIntervalMonths: options.reviewMonths,
            nextReview: options.nextReview,
            body,
            changeSummary: options.summary,
            author: options.by,
          },
          { actor: "cli" },
        ),
      );
      const written = version ? document.versions.find((v) => v.version === version) : undefined;
      output.data(document, () => (written ? `Wrote ${id} v${written.version} (${statusLabel(written.status)}).` : `Changed the details of ${id}.`));
    });
  });
  withExamples(edit, "isms docs edit POL-ACCESS --file access-control.md --summary 'Break-glass procedure added'", "isms docs edit POL-ISP --owner P-002 --review-months 12");
}
