// A controlled document or a generated one as a document model, and its export as Markdown, DOCX
// or PDF: title page facts (version, status, owner, approval, review), change history, then the text.
import { extname } from "node:path";
import { documentToMarkdown, type DocumentBlock, type DocumentModel } from "../../domain/documents/model.js";
import { markdownToSections } from "../../domain/documents/markdown.js";
import { statusLabel } from "../../domain/documents/lifecycle.js";
import { IsmsError } from "../../domain/errors.js";
import { renderPdf, type PdfDocumentModel } from "../../reports/pdf.js";
import type { Db } from "../../store/open.js";
import { loadPersonNames } from "../soa.js";
import type { Workspace } from "../workspaces.js";
import { findGeneratedDocument, renderGeneratedDocument } from "./generated/index.js";
import { findDocument, versionNamed, type DocumentRecord, type DocumentVersionRow } from "./records.js";

export const exportFormats = ["md", "docx", "pdf"] as const;
export type ExportFormat = (typeof exportFormats)[number];

const day = (at: Date | null | undefined) => (at ? at.toISOString().slice(0, 10) : "");

export interface RenderedDocument {
  id: string;
  title: string;
  /** The version shown, or null for a generated document rendered from the data now. */
  version: string | null;
  status: string;
  model: PdfDocumentModel;
  /** The footer stamp: document, version and status, or the data stamp of a generated document. */
  stamp: string;
  createdAt: Date;
}

/** The model of one version of a controlled document, its history up to that version. */
export function controlledDocumentModel(doc: DocumentRecord, version: DocumentVersionRow, companyName: string, personName: (id: string) => string): PdfDocumentModel {
  const name = (id: string | null) => (id ? personName(id) : "");
  const upTo = doc.versions.filter((v) => v.id === version.id || (v.createdAt && version.createdAt ? v.createdAt <= version.createdAt : v.version <= version.version));
  const body = version.body ?? (version.path ? `The text of this version is kept at ${version.path}.` : "No text is recorded for this version.");
  return {
    title: doc.title,
    subtitle: companyName,
    meta: [
      ["Document", doc.id],
      ["Version", version.version],
      ["Status", statusLabel(version.status)],
      ["Owner", name(doc.owner)],
      ["Approved by", name(version.approvedBy)],
      ["Approved on", day(version.approvedAt)],
      ["In force from", day(version.publishedAt)],
      ...(version.supersededAt ? ([["Superseded on", day(version.supersededAt)]] as const) : []),
      ["Next review", doc.nextReview ?? ""],
      ["Classification", doc.classification ?? "Internal"],
      ["Serves", [...doc.clauses.map((c) => `clause ${c}`), ...doc.controls.map((c) => `A.${c}`)].join(", ")],
      ...(version.sha256 ? ([["SHA-256 of the approved text", version.sha256]] as const) : []),
    ].filter(([, value]) => value !== "").map(([label, value]): [string, string] => [label, value]),
    history: upTo.map((v) => ({ version: v.version, date: day(v.publishedAt ?? v.approvedAt ?? v.createdAt), author: name(v.author), change: v.changeSummary ?? "", approvedBy: name(v.approvedBy) })),
    sections: markdownToSections(body),
  };
}

/** Renders a document by id: a controlled document (a named version, else its newest), or a generated document now. */
export async function renderDocument(db: Db, workspace: Workspace, id: string, options: { version?: string | undefined; at?: Date } = {}): Promise<RenderedDocument> {
  const at = options.at ?? new Date();
  const doc = await findDocument(db, workspace, id);
  if (doc && (doc.versions.length > 0 || !doc.generator)) {
    const version = versionNamed(doc, options.version);
    const model = controlledDocumentModel(doc, version, workspace.companyName, await loadPersonNames(db, workspace));
    const stamp = `${doc.id} v${version.version} (${statusLabel(version.status)})${version.dataStamp ? `, data ${version.dataStamp}` : ""}`;
    return { id: doc.id, title: doc.title, version: version.version, status: version.status, model, stamp, createdAt: version.approvedAt ?? version.createdAt ?? at };
  }
  const generated = findGeneratedDocument(id);
  if (!generated) throw new IsmsError(`No document "${id}" in this workspace`, "See the documents and the generated ones with: isms docs list");
  if (options.version !== undefined) throw new IsmsError(`${id} is generated from the data and has no versions yet`, `Keep a version under control with: isms docs submit ${id}`);
  const rendered = await renderGeneratedDocument(db, workspace, generated, at);
  return { id, title: generated.title, version: null, status: "generated", model: { ...rendered.model, subtitle: rendered.model.subtitle ?? workspace.companyName }, stamp: rendered.stamp, createdAt: at };
}

/** Markdown has no colours: a heat map becomes its title and a table of counts, highest likelihood first. */
export function withHeatmapsAsTables(model: PdfDocumentModel): DocumentModel {
  return {
    ...model,
    sections: model.sections.map((section) => ({
      heading: section.heading,
      blocks: section.blocks.flatMap((block): DocumentBlock[] => {
        if (block.kind !== "heatmap") return [block];
        const rows = block.likelihoodLabels.map((label, l) => [`${l + 1} ${label}`, ...block.impactLabels.map((_, i) => String(block.cells[l]?.[i]?.count ?? 0))]).reverse();
        return [
          { kind: "subheading", text: block.title },
          { kind: "table", header: ["Likelihood / impact", ...block.impactLabels.map((label, i) => `${i + 1} ${label}`)], rows },
        ];
      }),
    })),
  };
}

export function exportFormatOf(path: string, format: string | undefined): ExportFormat {
  const wanted = (format ?? extname(path).slice(1)).toLowerCase();
  const found = exportFormats.find((f) => f === wanted || (f === "md" && wanted === "markdown"));
  if (!found) throw new IsmsError(`Cannot tell the format of "${path}"`, `Give a file ending in .md, .docx or .pdf, or --format ${exportFormats.join("|")}`);
  return found;
}

export async function documentBytes(rendered: RenderedDocument, format: ExportFormat): Promise<Buffer> {
  switch (format) {
    case "md":
      return Buffer.from(documentToMarkdown(withHeatmapsAsTables(rendered.model)), "utf8");
    case "docx": {
      // Loaded on use: the DOCX writer is only needed for this format.
      const { renderDocx } = await import("../../reports/docx.js");
      return renderDocx(rendered.model, { stamp: rendered.stamp, createdAt: rendered.createdAt });
    }
    case "pdf":
      return renderPdf(rendered.model, { stamp: rendered.stamp, createdAt: rendered.createdAt });
  }
}
