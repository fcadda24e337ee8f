// Putting a generated document under control: its rendering now becomes the text of a new version,
// in review, with the stamp of the data it shows, so it can be approved and published like any other.
import { documentToMarkdown } from "../../domain/documents/model.js";
import type { Tx } from "../../store/open.js";
import type { Workspace } from "../workspaces.js";
import { getGeneratedDocument, renderGeneratedDocument } from "./generated/index.js";
import { createDocument, editDocument, submitDocument, type ChangeOptions } from "./lifecycle.js";
import { findDocument, type DocumentVersionRow } from "./records.js";
import { withHeatmapsAsTables } from "./render.js";

/** The sections of a rendered document as Markdown, without its title (the controlled document has its own). */
function sectionsAsMarkdown(model: Parameters<typeof withHeatmapsAsTables>[0]): string {
  const { subtitle: _subtitle, ...plain } = withHeatmapsAsTables(model);
  const markdown = documentToMarkdown({ ...plain, title: "", meta: [], history: [] });
  return markdown.replace(/^#\s*\n+/, "");
}

export async function snapshotGeneratedDocument(
  tx: Tx,
  workspace: Workspace,
  generatorId: string,
  options: ChangeOptions & { by?: string | undefined; summary?: string | undefined },
): Promise<DocumentVersionRow> {
  const definition = getGeneratedDocument(generatorId);
  const rendered = await renderGeneratedDocument(tx, workspace, definition, options.at);
  const body = sectionsAsMarkdown(rendered.model);
  const summary = options.summary ?? `Generated from the data ${rendered.dataStamp}`;
  const existing = await findDocument(tx, workspace, generatorId);
  if (!existing) {
    await createDocument(
      tx,
      workspace,
      { id: generatorId, title: definition.title, kind: definition.kind, generator: definition.id, owner: options.by, author: options.by, clauses: definition.clauses, controls: definition.controls, body, changeSummary: summary, dataStamp: rendered.dataStamp },
      options,
    );
  } else {
    await editDocument(tx, workspace, generatorId, { body, changeSummary: summary, author: options.by, dataStamp: rendered.dataStamp }, options);
  }
  return submitDocument(tx, workspace, generatorId, options);
}
