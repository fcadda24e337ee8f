// Renders a document model as a Word document with the docx library: a title page with the metadata
// and change history, then the sections in Word's built-in heading styles, with real lists and tables.
import {
  AlignmentType,
  Document,
  Footer,
  Header,
  HeadingLevel,
  HeightRule,
  LevelFormat,
  Packer,
  PageBreak,
  PageNumber,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TabStopType,
  TextRun,
  VerticalAlignTable,
  WidthType,
  type FileChild,
} from "docx";
import { changeHistoryHeader, changeHistoryHeading, changeHistoryRows, type DocumentBlock, type Run } from "../domain/documents/model.js";
import type { PdfBlock, PdfDocumentModel } from "./pdf.js";
import type { HeatmapBlock } from "./pdf-heatmap.js";

const font = "Calibri";
const codeFont = "Consolas";
const headingColour = "1D3557";
const headerFill = "EEF1F5";
/** A4 with 2 cm margins, in twips (1/20 pt): what the tables are sized against. */
const page = { width: 11906, height: 16838, margin: 1134 };
const textWidth = page.width - 2 * page.margin;
const list = { bullet: "bullet-list", numbered: "numbered-list" };

/** Runs in Word: each line of the text after the first starts with a line break. */
function textRuns(runs: readonly Run[], base: { bold?: boolean; size?: number; color?: string } = {}): TextRun[] {
  return runs.flatMap((run) =>
    run.text.split(/\r?\n/).map(
      (line, index) =>
        new TextRun({
          text: line,
          ...(index > 0 ? { break: 1 } : {}),
          bold: base.bold || run.bold,
          italics: run.italic,
          ...(run.code ? { font: codeFont } : {}),
          ...(base.size ? { size: base.size } : {}),
          ...(base.color ? { color: base.color } : {}),
        }),
    ),
  );
}

const plain = (text: string): Run[] => [{ text }];

/**
 * Column widths in twips, as the PDF writer shares them: no column narrower than its longest word,
 * and the room left shared by how much more each column's longest line wants. Text is measured
 * roughly, at 9 pt, by characters.
 */
function columnWidths(header: readonly string[], rows: readonly (readonly string[])[]): number[] {
  const measure = (text: string) => text.length * 110 + 240;
  const texts = (i: number) => [header[i] ?? "", ...rows.map((r) => r[i] ?? "")];
  const longest = (parts: string[]) => Math.max(...parts.map(measure));
  const least = header.map((_, i) => Math.min(textWidth / 3, longest(texts(i).flatMap((t) => t.split(/\s+/)))));
  const wanted = header.map((_, i) => Math.max(least[i] ?? 0, Math.min(textWidth * 0.6, longest(texts(i).flatMap((t) => t.split(/\r?\n/))))));
  const leastTotal = least.reduce((a, b) => a + b, 0);
  const wantedTotal = wanted.reduce((a, b) => a + b, 0);
  const shares =
    wantedTotal <= textWidth
      ? wanted.map((w) => (w / wantedTotal) * textWidth)
      : leastTotal >= textWidth
        ? least.map((w) => (w / leastTotal) * textWidth)
        : least.map((w, i) => w + (((wanted[i] ?? 0) - w) / (wantedTotal - leastTotal)) * (textWidth - leastTotal));
  return shares.map(Math.floor);
}

function tableOf(header: readonly string[], rows: readonly (readonly string[])[], options: { headerRow: boolean; labelColumn?: boolean } = { headerRow: true }): Table {
  const widths = options.labelColumn ? [Math.floor(textWidth * 0.3), Math.ceil(textWidth * 0.7)] : columnWidths(header, rows);
  const cellOf = (text: string, column: number, shaded: boolean, bold: boolean) =>
    new TableCell({
      children: [new Paragraph({ children: textRuns(plain(text), { bold, size: 18 }), spacing: { before: 40, after: 40 } })],
      width: { size: widths[column] ?? 0, type: WidthType.DXA },
      ...(shaded ? { shading: { type: ShadingType.CLEAR, fill: headerFill, color: "auto" } } : {}),
    });
  const tableRows = rows.map(
    (row) => new TableRow({ cantSplit: true, children: header.map((_, i) => cellOf(row[i] ?? "", i, false, options.labelColumn === true && i === 0)) }),
  );
  // The header row repeats at the top of every page the table runs onto.
  if (options.headerRow) tableRows.unshift(new TableRow({ tableHeader: true, cantSplit: true, children: header.map((h, i) => cellOf(h, i, true, true)) }));
  return new Table({ rows: tableRows, columnWidths: widths, width: { size: textWidth, type: WidthType.DXA }, layout: TableLayoutType.FIXED });
}

/** The heat map as a grid: likelihood rows from the highest down, impact columns, each cell in its band's colour with its count. */
function heatmapOf(block: HeatmapBlock): FileChild[] {
  const cellWidth = 1000;
  const labelWidth = 2200;
  const widths = [labelWidth, ...block.impactLabels.map(() => cellWidth)];
  const label = (text: string, width: number, align: (typeof AlignmentType)[keyof typeof AlignmentType]) =>
    new TableCell({
      children: [new Paragraph({ alignment: align, children: textRuns(plain(text), { size: 14 }) })],
      width: { size: width, type: WidthType.DXA },
      verticalAlign: VerticalAlignTable.CENTER,
    });
  const rows = block.likelihoodLabels.map((likelihood, index) => {
    const level = block.likelihoodLabels.length - index;
    const cells = block.impactLabels.map((_, impact) => {
      const cell = block.cells[level - 1]?.[impact] ?? { count: 0, colour: "#ffffff" };
      return new TableCell({
        children: [new Paragraph({ alignment: AlignmentType.CENTER, children: textRuns(plain(cell.count > 0 ? String(cell.count) : ""), { bold: true }) })],
        width: { size: cellWidth, type: WidthType.DXA },
        verticalAlign: VerticalAlignTable.CENTER,
        shading: { type: ShadingType.CLEAR, fill: cell.colour.replace(/^#/, ""), color: "auto" },
      });
    });
    return new TableRow({ height: { value: 600, rule: HeightRule.ATLEAST }, cantSplit: true, children: [label(`${level} ${block.likelihoodLabels[level - 1] ?? likelihood}`, labelWidth, AlignmentType.LEFT), ...cells] });
  });
  rows.push(new TableRow({ children: [label("", labelWidth, AlignmentType.LEFT), ...block.impactLabels.map((l, i) => label(`${i + 1} ${l}`, cellWidth, AlignmentType.CENTER))] }));
  return [
    new Paragraph({ keepNext: true, children: textRuns(plain(block.title), { bold: true }) }),
    new Table({ rows, columnWidths: widths, width: { size: widths.reduce((a, b) => a + b, 0), type: WidthType.DXA }, layout: TableLayoutType.FIXED }),
    new Paragraph({ children: textRuns(plain("likelihood ↑   impact →"), { size: 16 }) }),
  ];
}

function blockOf(block: PdfBlock, numberedLists: { count: number }): FileChild[] {
  switch (block.kind) {
    case "paragraph":
      return [new Paragraph({ children: textRuns(block.runs ?? plain(block.text)) })];
    case "subheading":
      return [new Paragraph({ heading: HeadingLevel.HEADING_2, children: [new TextRun(block.text)] })];
    case "list":
      return listOf(block, numberedLists);
    case "table":
      return [tableOf(block.header, block.rows), new Paragraph({})];
    case "heatmap":
      return heatmapOf(block);
  }
}

function listOf(block: Extract<DocumentBlock, { kind: "list" }>, numberedLists: { count: number }): Paragraph[] {
  // Each numbered list is its own instance of the numbering, so it counts from 1 again.
  const numbering = block.ordered ? { reference: list.numbered, level: 0, instance: ++numberedLists.count } : { reference: list.bullet, level: 0 };
  return block.items.map((item, index) => new Paragraph({ numbering, children: textRuns(block.itemRuns?.[index] ?? plain(item)) }));
}

function titlePage(doc: PdfDocumentModel): FileChild[] {
  const children: FileChild[] = [new Paragraph({ heading: HeadingLevel.TITLE, spacing: { before: 2400 }, children: [new TextRun(doc.title)] })];
  if (doc.subtitle) children.push(new Paragraph({ spacing: { after: 480 }, children: textRuns(plain(doc.subtitle), { size: 28, color: "444444" }) }));
  if (doc.meta.length) children.push(tableOf(["", ""], doc.meta, { headerRow: false, labelColumn: true }));
  if (doc.history?.length) {
    children.push(
      new Paragraph({ spacing: { before: 360, after: 120 }, keepNext: true, children: textRuns(plain(changeHistoryHeading), { bold: true, size: 24, color: headingColour }) }),
      tableOf(changeHistoryHeader, changeHistoryRows(doc.history)),
    );
  }
  children.push(new Paragraph({ children: [new PageBreak()] }));
  return children;
}

const footer = (doc: PdfDocumentModel, stamp: string | undefined): Footer =>
  new Footer({
    children: [
      new Paragraph({
        tabStops: [{ type: TabStopType.RIGHT, position: textWidth }],
        children: [
          new TextRun({ text: stamp ?? "", size: 16, color: "555555" }),
          new TextRun({ children: ["\t", "page ", PageNumber.CURRENT, " of ", PageNumber.TOTAL_PAGES], size: 16, color: "555555" }),
        ],
      }),
    ],
  });

const escapeXml = (text: string): string => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
const w3cdtf = (date: Date): string => date.toISOString().replace(/\.\d{3}Z$/, "Z");

/** docx stamps core.xml with the time of packing; ours carries `createdAt`, so the same input gives the same document. */
function coreProperties(title: string, createdAt: Date): string {
  const when = w3cdtf(createdAt);
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" ' +
    'xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
    `<dc:title>${escapeXml(title)}</dc:title><dc:creator>OpenISMS</dc:creator><cp:lastModifiedBy>OpenISMS</cp:lastModifiedBy>` +
    `<dcterms:created xsi:type="dcterms:W3CDTF">${when}</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">${when}</dcterms:modified>` +
    "</cp:coreProperties>"
  );
}

/** The DOCX's bytes. `stamp` (e.g. "version 3, approved 2026-02-03") goes in every footer. */
export async function renderDocx(doc: PdfDocumentModel, options: { stamp?: string; createdAt?: Date } = {}): Promise<Buffer> {
  const numberedLists = { count: 0 };
  const body: FileChild[] = doc.sections.flatMap((section) => [
    ...(section.heading ? [new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun(section.heading)] })] : []),
    ...section.blocks.flatMap((block) => blockOf(block, numberedLists)),
  ]);
  const header = new Header({ children: [new Paragraph({ alignment: AlignmentType.RIGHT, children: [new TextRun({ text: doc.title, size: 16, color: "555555" })] })] });
  const indent = { left: 360, hanging: 360 };
  const document = new Document({
    title: doc.title,
    creator: "OpenISMS",
    lastModifiedBy: "OpenISMS",
    styles: {
      default: {
        document: { run: { font, size: 21 }, paragraph: { spacing: { after: 120, line: 276 } } },
        title: { run: { font, size: 52, bold: true, color: "000000" }, paragraph: { spacing: { after: 120 } } },
        heading1: { run: { font, size: 30, bold: true, color: headingColour }, paragraph: { spacing: { before: 360, after: 120 }, keepNext: true } },
        heading2: { run: { font, size: 24, bold: true, color: headingColour }, paragraph: { spacing: { before: 240, after: 80 }, keepNext: true } },
      },
    },
    numbering: {
      config: [
        { reference: list.bullet, levels: [{ level: 0, format: LevelFormat.BULLET, text: "•", alignment: AlignmentType.LEFT, style: { paragraph: { indent } } }] },
        { reference: list.numbered, levels: [{ level: 0, format: LevelFormat.DECIMAL, text: "%1.", alignment: AlignmentType.LEFT, style: { paragraph: { indent } } }] },
      ],
    },
    sections: [
      {
        // The title page carries no header: the title is already on it.
        properties: { titlePage: true, page: { size: { width: page.width, height: page.height }, margin: { top: page.margin, bottom: page.margin, left: page.margin, right: page.margin } } },
        headers: { default: header, first: new Header({ children: [new Paragraph({})] }) },
        footers: { default: footer(doc, options.stamp), first: footer(doc, options.stamp) },
        children: [...titlePage(doc), ...body],
      },
    ],
  });
  return Packer.toBuffer(document, false, [{ path: "docProps/core.xml", data: coreProperties(doc.title, options.createdAt ?? new Date()) }]);
}
