// A neutral document model (title, metadata, change history, sections of paragraphs, subheadings,
// tables and lists) that the report writers turn into DOCX, PDF or Markdown; and the Markdown rendering itself.

/** A stretch of text with one formatting, from a Markdown source. */
export type Run = { text: string; bold?: boolean; italic?: boolean; code?: boolean };

/**
 * `text` and `items` are plain text, never Markdown: generated documents put arbitrary text there
 * (ARNs with `*`, for one). Formatting comes only from `runs`/`itemRuns`, whose text joins to `text`.
 */
export type DocumentBlock =
  | { kind: "paragraph"; text: string; runs?: Run[] }
  | { kind: "subheading"; text: string }
  | { kind: "table"; header: string[]; rows: string[][] }
  | { kind: "list"; items: string[]; ordered?: boolean; itemRuns?: Run[][] };

/** A section with an empty heading (text before a document's first heading) is printed without one. */
export type DocumentSection = { heading: string; blocks: DocumentBlock[] };

/** One row of a controlled document's change history. */
export type DocumentChange = { version: string; date: string; author: string; change: string; approvedBy: string };

export type DocumentModel = {
  title: string;
  /** Shown under the title, e.g. the company's name. */
  subtitle?: string;
  /** Label and value pairs shown under the title: version, status, approval. */
  meta: [label: string, value: string][];
  /** The change history, newest last. */
  history?: DocumentChange[];
  sections: DocumentSection[];
};

export const changeHistoryHeading = "Change history";
export const changeHistoryHeader = ["Version", "Date", "Author", "Change", "Approved by"];

export function changeHistoryRows(history: readonly DocumentChange[]): string[][] {
  return history.map((h) => [h.version, h.date, h.author, h.change, h.approvedBy]);
}

/** The text of a run list, or of plain text, joined. */
export const runsText = (runs: readonly Run[]): string => runs.map((r) => r.text).join("");

/** Backslash-escapes what Markdown would otherwise read as inline syntax, so plain text stays plain. */
function escapeInline(text: string): string {
  return text
    .replace(/[\\`*[\]<~]/g, "\\$&")
    .replace(/(?<![\p{L}\p{N}])_|_(?![\p{L}\p{N}])/gu, "\\_")
    .replace(/&(?=#?\w+;)/g, "\\&");
}

/** Escapes what would open a heading, quote, list or thematic break at the start of a line. */
function escapeLineStarts(markdown: string): string {
  return markdown.replace(/^([ \t]*)(?:([#>]|[-+=](?=\s|$|[-+=]))|(\d+)(?=[.)](?:\s|$)))/gm, (_, space: string, marker?: string, number?: string) =>
    marker ? `${space}\\${marker}` : `${space}${number ?? ""}\\`,
  );
}

/** Text inside a line: escaped, with its line breaks kept as hard breaks. */
const inlineMarkdown = (text: string): string => escapeInline(text).replace(/\r?\n/g, "\\\n");

const plainToMarkdown = (text: string): string => escapeLineStarts(inlineMarkdown(text));

const headingToMarkdown = (level: "#" | "##" | "###", text: string): string => `${level} ${escapeInline(text).replace(/#/g, "\\#").replace(/\r?\n/g, " ")}`;

function codeSpan(text: string): string {
  const longest = Math.max(0, ...(text.match(/`+/g) ?? []).map((ticks) => ticks.length));
  const fence = "`".repeat(longest + 1);
  const pad = /^[` ]|[` ]$/.test(text) ? " " : "";
  return `${fence}${pad}${text.replace(/\r?\n/g, " ")}${pad}${fence}`;
}

function runToMarkdown(run: Run): string {
  // Emphasis delimiters must touch the text, so surrounding spaces go outside them.
  const [, before = "", inner = "", after = ""] = /^(\s*)([\s\S]*?)(\s*)$/.exec(run.text) ?? [];
  if (inner === "" || !(run.code || run.bold || run.italic)) return inlineMarkdown(run.text);
  let body = run.code ? codeSpan(inner) : inlineMarkdown(inner);
  if (run.italic) body = `*${body}*`;
  if (run.bold) body = `**${body}**`;
  return `${inlineMarkdown(before)}${body}${inlineMarkdown(after)}`;
}

function runsToMarkdown(runs: readonly Run[]): string {
  const [only] = runs;
  // A paragraph that is all code over several lines came from a code block, and goes back to one.
  if (runs.length === 1 && only?.code && /\n/.test(only.text)) {
    const longest = Math.max(2, ...(only.text.match(/`+/g) ?? []).map((ticks) => ticks.length));
    const fence = "`".repeat(longest + 1);
    return `${fence}\n${only.text}\n${fence}`;
  }
  return escapeLineStarts(runs.map(runToMarkdown).join(""));
}

/** A table cell on one line, with pipes escaped so they do not split the cell. */
function cell(text: string): string {
  return escapeInline(text).replace(/\|/g, "\\|").replace(/\r?\n/g, "<br>");
}

/** A GitHub table from cells already written as Markdown. */
function tableLines(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const line = (cells: readonly string[]): string => `| ${header.map((_, index) => cells[index] ?? "").join(" | ")} |`;
  return [line(header), `| ${header.map(() => "---").join(" | ")} |`, ...rows.map(line)].join("\n");
}

const tableToMarkdown = (header: readonly string[], rows: readonly (readonly string[])[]): string =>
  tableLines(header.map(cell), rows.map((row) => row.map(cell)));

function listToMarkdown(block: Extract<DocumentBlock, { kind: "list" }>): string {
  return block.items
    .map((item, index) => {
      const runs = block.itemRuns?.[index];
      const text = (runs ? runsToMarkdown(runs) : plainToMarkdown(item)).replace(/\\?\r?\n/g, " ");
      return `${block.ordered ? `${index + 1}.` : "-"} ${text}`;
    })
    .join("\n");
}

function blockToMarkdown(block: DocumentBlock): string {
  switch (block.kind) {
    case "paragraph":
      return block.runs ? runsToMarkdown(block.runs) : plainToMarkdown(block.text);
    case "subheading":
      return headingToMarkdown("###", block.text);
    case "list":
      return listToMarkdown(block);
    case "table":
      return tableToMarkdown(block.header, block.rows);
  }
}

/** The document as CommonMark with GitHub tables: title, a metadata table, the change history, then each section. */
export function documentToMarkdown(doc: DocumentModel): string {
  const parts = [headingToMarkdown("#", doc.title)];
  if (doc.subtitle) parts.push(plainToMarkdown(doc.subtitle));
  if (doc.meta.length > 0) parts.push(tableLines(["Field", "Value"], doc.meta.map(([label, value]) => [`**${cell(label)}**`, cell(value)])));
  if (doc.history?.length) parts.push(headingToMarkdown("##", changeHistoryHeading), tableToMarkdown(changeHistoryHeader, changeHistoryRows(doc.history)));
  for (const section of doc.sections) {
    if (section.heading) parts.push(headingToMarkdown("##", section.heading));
    parts.push(...section.blocks.map(blockToMarkdown));
  }
  return `${parts.join("\n\n")}\n`;
}
