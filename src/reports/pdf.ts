// Renders a document model as a print-ready A4 PDF with pdfkit (pure JavaScript, no browser):
// title, metadata and change history, headings, formatted paragraphs, lists, tables that break
// across pages, heat maps, and a footer with the document's title, version stamp and page numbers.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { create as openFont, type Font } from "fontkit";
import PDFDocument from "pdfkit";
import { changeHistoryHeader, changeHistoryHeading, changeHistoryRows, type DocumentBlock, type DocumentModel, type Run } from "../domain/documents/model.js";
import { drawHeatmap, heatmapHeight, type HeatmapBlock } from "./pdf-heatmap.js";

const require = createRequire(import.meta.url);
const fonts = {
  regular: require.resolve("dejavu-fonts-ttf/ttf/DejaVuSans.ttf"),
  bold: require.resolve("dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf"),
  italic: require.resolve("dejavu-fonts-ttf/ttf/DejaVuSans-Oblique.ttf"),
  boldItalic: require.resolve("dejavu-fonts-ttf/ttf/DejaVuSans-BoldOblique.ttf"),
  code: require.resolve("dejavu-fonts-ttf/ttf/DejaVuSansMono.ttf"),
};

const fontCache = new Map<string, Font>();
/**
 * Each font opened once per process: a package renders dozens of PDFs, and opening the fonts anew for each
 * (reading 3.5 MB, parsing their tables, decoding the same glyphs again) took most of the rendering time.
 */
function openedFont(file: string): Font {
  let font = fontCache.get(file);
  if (!font) {
    const opened = openFont(readFileSync(file));
    if (!("layout" in opened)) throw new Error(`${file} is a font collection; a PDF needs one font per style`);
    font = opened;
    fontCache.set(file, font);
  }
  return font;
}

export type PdfBlock = DocumentBlock | HeatmapBlock;
export type PdfDocumentModel = Omit<DocumentModel, "sections"> & { sections: { heading: string; blocks: PdfBlock[] }[] };

const margin = 50;
const size = { title: 20, subtitle: 12, heading: 13, subheading: 11, body: 9.5, table: 8, footer: 7.5 };
const headingColour = "#1d3557";

type Pdf = InstanceType<typeof PDFDocument>;

/** Starts a new page when `height` does not fit on this one; says whether it did. */
function ensureSpace(pdf: Pdf, height: number): boolean {
  if (pdf.y + height <= pdf.page.height - margin - 20) return false;
  pdf.addPage();
  return true;
}

/**
 * Column widths measured in the table's font: no column narrower than its longest word (so words
 * never break inside), and the room left shared by how much more each column's longest text wants.
 */
function columnWidths(pdf: Pdf, header: readonly string[], rows: readonly (readonly string[])[], width: number): number[] {
  const pad = 8;
  const measure = (text: string, font: "regular" | "bold") => pdf.font(font).widthOfString(text);
  const cellsOf = (i: number) => [{ text: header[i] ?? "", font: "bold" as const }, ...rows.map((r) => ({ text: r[i] ?? "", font: "regular" as const }))];
  const least = header.map((_, i) => Math.min(width / 3, Math.max(...cellsOf(i).flatMap((c) => c.text.split(/\s+/).map((w) => measure(w, c.font)))) + pad));
  const wanted = header.map((_, i) => Math.max(least[i] ?? 0, Math.min(width * 0.6, Math.max(...cellsOf(i).map((c) => measure(c.text, c.font))) + pad)));
  const leastTotal = least.reduce((a, b) => a + b, 0);
  const wantedTotal = wanted.reduce((a, b) => a + b, 0);
  pdf.font("regular");
  if (wantedTotal <= width) return wanted.map((w) => (w / wantedTotal) * width);
  if (leastTotal >= width) return least.map((w) => (w / leastTotal) * width);
  const extra = wantedTotal - leastTotal;
  return least.map((w, i) => w + (((wanted[i] ?? 0) - w) / extra) * (width - leastTotal));
}

function writeTable(pdf: Pdf, header: readonly string[], rows: readonly (readonly string[])[], options: { headerRow: boolean } = { headerRow: true }): void {
  const width = pdf.page.width - 2 * margin;
  pdf.font("regular").fontSize(size.table);
  const widths = columnWidths(pdf, header, rows, width);
  const pad = 3;
  const rowHeight = (cells: readonly string[], font: "regular" | "bold") => {
    pdf.font(font);
    return Math.max(...cells.map((c, i) => pdf.heightOfString(c || " ", { width: (widths[i] ?? 0) - 2 * pad }))) + 2 * pad;
  };
  const drawRow = (cells: readonly string[], font: "regular" | "bold", shade: boolean): void => {
    const height = rowHeight(cells, font);
    // A table that continues on a new page repeats its header row there.
    if (ensureSpace(pdf, height) && !shade && options.headerRow) drawRow(header, "bold", true);
    const top = pdf.y;
    let x = margin;
    if (shade) pdf.rect(margin, top, width, height).fill("#eef1f5");
    pdf.fillColor("#000000").font(font);
    cells.forEach((c, i) => {
      const w = widths[i] ?? 0;
      pdf.text(c, x + pad, top + pad, { width: w - 2 * pad });
      x += w;
    });
    pdf.moveTo(margin, top + height).lineTo(margin + width, top + height).lineWidth(0.3).strokeColor("#b8c0cc").stroke();
    pdf.x = margin;
    pdf.y = top + height;
  };
  if (options.headerRow) drawRow(header, "bold", true);
  rows.forEach((r) => drawRow(header.map((_, i) => r[i] ?? ""), "regular", false));
  pdf.moveDown(0.8);
}

const fontOf = (run: Run): keyof typeof fonts =>
  run.code ? "code" : run.bold && run.italic ? "boldItalic" : run.bold ? "bold" : run.italic ? "italic" : "regular";

/** Writes text at (x, y), each run in its font, wrapping as one paragraph. */
function writeRuns(pdf: Pdf, runs: readonly Run[], x: number, y: number, width: number): void {
  const shown = runs.filter((r) => r.text !== "");
  if (shown.length === 0) pdf.text("", x, y, { width });
  shown.forEach((run, index) => {
    const options = { width, continued: index < shown.length - 1 };
    pdf.font(fontOf(run));
    if (index === 0) pdf.text(run.text, x, y, options);
    else pdf.text(run.text, options);
  });
  pdf.font("regular");
}

function writeList(pdf: Pdf, block: Extract<DocumentBlock, { kind: "list" }>): void {
  const width = pdf.page.width - 2 * margin;
  pdf.font("regular").fontSize(size.body);
  const marker = (index: number) => (block.ordered ? `${index + 1}.` : "•");
  const indent = block.ordered ? pdf.widthOfString(`${block.items.length}.`) + 6 : 12;
  block.items.forEach((item, index) => {
    ensureSpace(pdf, pdf.heightOfString(item, { width: width - indent }));
    const top = pdf.y;
    pdf.text(marker(index), margin, top, { width: indent - 5, align: block.ordered ? "right" : "left" });
    writeRuns(pdf, block.itemRuns?.[index] ?? [{ text: item }], margin + indent, top, width - indent);
  });
  pdf.moveDown(0.6);
}

function writeHeading(pdf: Pdf, text: string, fontSize: number, spaceAfter: number): void {
  pdf.font("bold").fontSize(fontSize).fillColor(headingColour).text(text, margin, pdf.y, { width: pdf.page.width - 2 * margin });
  pdf.fillColor("#000000").moveDown(spaceAfter);
}

function writeBlock(pdf: Pdf, block: PdfBlock): void {
  const width = pdf.page.width - 2 * margin;
  switch (block.kind) {
    case "paragraph":
      pdf.font("regular").fontSize(size.body);
      ensureSpace(pdf, pdf.heightOfString(block.text, { width }));
      writeRuns(pdf, block.runs ?? [{ text: block.text }], margin, pdf.y, width);
      pdf.moveDown(0.6);
      break;
    case "subheading":
      // With room for a line or two after it, so a subheading never ends a page.
      ensureSpace(pdf, 45);
      pdf.moveDown(0.2);
      writeHeading(pdf, block.text, size.subheading, 0.3);
      break;
    case "list":
      writeList(pdf, block);
      break;
    case "table":
      writeTable(pdf, block.header, block.rows);
      break;
    case "heatmap":
      ensureSpace(pdf, heatmapHeight(block));
      drawHeatmap(pdf, block, margin, pdf.y);
      pdf.moveDown(0.8);
      break;
  }
}

/** The PDF's bytes. `stamp` (e.g. "data as of 2026-11-27 10:00 UTC, methodology v2") goes in every footer. */
export async function renderPdf(doc: PdfDocumentModel, options: { stamp: string; createdAt?: Date } = { stamp: "" }): Promise<Buffer> {
  const pdf = new PDFDocument({
    size: "A4",
    margin,
    bufferPages: true,
    info: { Title: doc.title, Creator: "OpenISMS", CreationDate: options.createdAt ?? new Date() },
  });
  for (const [name, file] of Object.entries(fonts)) pdf.registerFont(name, openedFont(file));
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    pdf.on("data", (chunk: Buffer) => chunks.push(chunk));
    pdf.on("end", () => resolve(Buffer.concat(chunks)));
    pdf.on("error", reject);
  });

  pdf.font("bold").fontSize(size.title).text(doc.title, { width: pdf.page.width - 2 * margin });
  if (doc.subtitle) pdf.font("regular").fontSize(size.subtitle).fillColor("#444444").text(doc.subtitle).fillColor("#000000");
  pdf.moveDown(0.5);
  if (doc.meta.length) writeTable(pdf, ["", ""], doc.meta.map(([label, value]) => [label, value]), { headerRow: false });
  if (doc.history?.length) {
    ensureSpace(pdf, 60);
    writeHeading(pdf, changeHistoryHeading, size.subheading, 0.3);
    writeTable(pdf, changeHistoryHeader, changeHistoryRows(doc.history));
  }
  for (const section of doc.sections) {
    if (section.heading) {
      ensureSpace(pdf, 60);
      writeHeading(pdf, section.heading, size.heading, 0.4);
    }
    for (const block of section.blocks) writeBlock(pdf, block);
  }

  const range = pdf.bufferedPageRange();
  for (let i = 0; i < range.count; i++) {
    pdf.switchToPage(range.start + i);
    // Writing below the bottom margin would make pdfkit start a new page; the footer lives there.
    pdf.page.margins.bottom = 0;
    const y = pdf.page.height - margin + 10;
    pdf.font("regular").fontSize(size.footer).fillColor("#555555");
    const footer = `${doc.title}${options.stamp ? ` · ${options.stamp}` : ""}`;
    pdf.text(footer, margin, y, { width: pdf.page.width - 2 * margin - 60, lineBreak: false });
    pdf.text(`page ${i + 1} of ${range.count}`, pdf.page.width - margin - 60, y, { width: 60, align: "right", lineBreak: false });
  }
  pdf.end();
  return done;
}
