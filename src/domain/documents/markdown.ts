// Reads a Markdown document (a policy written by people) into the sections of the neutral document
// model, with marked's lexer: headings, paragraphs with their bold, italic and code, lists and tables.
import { lexer, type MarkedToken, type Token, type Tokens } from "marked";
import type { DocumentBlock, DocumentSection, Run } from "./model.js";
import { runsText } from "./model.js";

const markedTypes = new Set<string>([
  "blockquote", "br", "checkbox", "code", "codespan", "def", "del", "em", "escape", "heading", "hr", "html",
  "image", "link", "list", "list_item", "paragraph", "space", "strong", "table", "text",
]);

/** marked's tokens, told apart from those an extension might add (which the lexer here never does). */
const isMarked = (token: Token): token is MarkedToken => markedTypes.has(token.type);

const entities: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: "\u00a0" };

/** Decodes the character references marked leaves in text. */
function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (whole, name: string) => {
    if (name.startsWith("#")) {
      const code = name[1] === "x" || name[1] === "X" ? Number.parseInt(name.slice(2), 16) : Number.parseInt(name.slice(1), 10);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return entities[name.toLowerCase()] ?? whole;
  });
}

/** The text an HTML fragment shows: tags and comments dropped, line-break tags kept as line breaks. */
function htmlText(html: string): string {
  return decodeEntities(html.replace(/<!--[\s\S]*?-->/g, "").replace(/<br\s*\/?>/gi, "\n").replace(/<[^>]*>/g, ""));
}

type Style = Omit<Run, "text">;

function pushRun(runs: Run[], text: string, style: Style): void {
  if (text === "") return;
  const last = runs.at(-1);
  const same = last && !last.bold === !style.bold && !last.italic === !style.italic && !last.code === !style.code;
  if (same) last.text += text;
  else runs.push({ text, ...(style.bold ? { bold: true } : {}), ...(style.italic ? { italic: true } : {}), ...(style.code ? { code: true } : {}) });
}

/** Inline tokens as runs; a soft line break reads as a space, as it does when Markdown is displayed. */
function inlineRuns(tokens: readonly Token[], style: Style = {}, runs: Run[] = []): Run[] {
  for (const token of tokens) {
    if (!isMarked(token)) continue;
    switch (token.type) {
      case "strong":
        inlineRuns(token.tokens, { ...style, bold: true }, runs);
        break;
      case "em":
        inlineRuns(token.tokens, { ...style, italic: true }, runs);
        break;
      case "codespan":
        pushRun(runs, decodeEntities(token.text), { ...style, code: true });
        break;
      case "link":
      case "del":
        inlineRuns(token.tokens, style, runs);
        break;
      case "image":
        pushRun(runs, token.text, style);
        break;
      case "br":
        pushRun(runs, "\n", style);
        break;
      case "html":
        pushRun(runs, htmlText(token.text), style);
        break;
      case "escape":
        pushRun(runs, token.text, style);
        break;
      case "text":
        if (token.tokens) inlineRuns(token.tokens, style, runs);
        else pushRun(runs, decodeEntities(token.text).replace(/[ \t]*\r?\n[ \t]*/g, " "), style);
        break;
      default:
        break;
    }
  }
  return runs;
}

const plainText = (tokens: readonly Token[]): string => runsText(inlineRuns(tokens)).trim();

const hasFormatting = (runs: readonly Run[]): boolean => runs.some((r) => r.bold || r.italic || r.code);

function paragraph(runs: Run[]): DocumentBlock[] {
  const text = runsText(runs);
  if (text.trim() === "") return [];
  return [hasFormatting(runs) ? { kind: "paragraph", text, runs } : { kind: "paragraph", text }];
}

/** Each item as runs, with a nested list's items after their parent, prefixed by a dash per level (or their number). */
function listItems(list: Tokens.List, depth: number, out: Run[][]): void {
  list.items.forEach((item, index) => {
    const prefix = depth === 0 ? "" : `${"– ".repeat(depth - 1)}${list.ordered ? `${(Number(list.start) || 1) + index}. ` : "– "}`;
    const own: Run[] = [];
    pushRun(own, prefix, {});
    if (item.task) pushRun(own, item.checked ? "[x] " : "[ ] ", {});
    const nested: Tokens.List[] = [];
    let first = true;
    for (const token of item.tokens) {
      if (!isMarked(token)) continue;
      if (token.type === "list") nested.push(token);
      else if (token.type === "text" || token.type === "paragraph" || token.type === "code") {
        if (!first) pushRun(own, " ", {});
        first = false;
        if (token.type === "code") pushRun(own, token.text.replace(/\r?\n/g, " "), { code: true });
        else inlineRuns(token.tokens ?? [token], {}, own);
      }
    }
    out.push(own);
    for (const list of nested) listItems(list, depth + 1, out);
  });
}

function listBlock(list: Tokens.List): DocumentBlock {
  const itemRuns: Run[][] = [];
  listItems(list, 0, itemRuns);
  const items = itemRuns.map(runsText);
  return {
    kind: "list",
    items,
    ...(list.ordered ? { ordered: true } : {}),
    ...(itemRuns.some(hasFormatting) ? { itemRuns } : {}),
  };
}

function blocksOf(token: MarkedToken): DocumentBlock[] {
  switch (token.type) {
    case "paragraph":
    case "text":
      return paragraph(inlineRuns(token.tokens ?? [token]));
    case "list":
      return [listBlock(token)];
    case "table":
      return [{ kind: "table", header: token.header.map((c) => plainText(c.tokens)), rows: token.rows.map((row) => row.map((c) => plainText(c.tokens))) }];
    case "code":
      return token.text.trim() === "" ? [] : [{ kind: "paragraph", text: token.text, runs: [{ text: token.text, code: true }] }];
    case "blockquote":
      return token.tokens.filter(isMarked).flatMap(blocksOf);
    case "html":
      return paragraph([{ text: htmlText(token.text).trim() }]);
    default:
      return [];
  }
}

/**
 * The sections of a Markdown document: `#` and `##` headings start one, deeper headings are
 * subheadings in it, and text before the first heading goes in a section with an empty heading.
 */
export function markdownToSections(markdown: string): DocumentSection[] {
  const sections: DocumentSection[] = [];
  let current: DocumentSection | undefined;
  for (const token of lexer(markdown)) {
    if (!isMarked(token)) continue;
    if (token.type === "heading" && token.depth <= 2) {
      current = { heading: plainText(token.tokens), blocks: [] };
      sections.push(current);
      continue;
    }
    const blocks: DocumentBlock[] = token.type === "heading" ? [{ kind: "subheading", text: plainText(token.tokens) }] : blocksOf(token);
    if (blocks.length === 0) continue;
    if (!current) {
      current = { heading: "", blocks: [] };
      sections.push(current);
    }
    current.blocks.push(...blocks);
  }
  return sections;
}
