// A neutral document model (title, metadata, sections of paragraphs, tables and lists) that the
// report writers turn into DOCX, PDF or Markdown; and the Markdown rendering itself.

export type DocumentBlock =
  | { kind: "paragraph"; text: string }
  | { kind: "table"; header: string[]; rows: string[][] }
  | { kind: "list"; items: string[] };

export type DocumentSection = { heading: string; blocks: DocumentBlock[] };

export type DocumentModel = {
  title: string;
  /** Label and value pairs shown under the title: version, status, approval. */
  meta: [label: string, value: string][];
  sections: DocumentSection[];
};

/** A table cell on one line, with pipes escaped so they do not split the cell. */
function cell(text: string): string {
  return text.replace(/\\/g, "\\\\").replace(/\|/g, "\\|").replace(/\r?\n/g, "<br>");
}

function tableToMarkdown(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const line = (cells: readonly string[]): string =>
    `| ${header.map((_, index) => cell(cells[index] ?? "")).join(" | ")} |`;
  return [line(header), `| ${header.map(() => "---").join(" | ")} |`, ...rows.map(line)].join("\n");
}

function blockToMarkdown(block: DocumentBlock): string {
  switch (block.kind) {
    case "paragraph":
      return block.text;
    case "list":
      return block.items.map((item) => `- ${item.replace(/\r?\n/g, " ")}`).join("\n");
    case "table":
      return tableToMarkdown(block.header, block.rows);
  }
}

/** The document as CommonMark with GitHub tables: title, a metadata table, then each section. */
export function documentToMarkdown(doc: DocumentModel): string {
  const parts = [`# ${doc.title}`];
  if (doc.meta.length > 0) parts.push(tableToMarkdown(["Field", "Value"], doc.meta.map(([label, value]) => [`**${label}**`, value])));
  for (const section of doc.sections) {
    parts.push(`## ${section.heading}`, ...section.blocks.map(blockToMarkdown));
  }
  return `${parts.join("\n\n")}\n`;
}
