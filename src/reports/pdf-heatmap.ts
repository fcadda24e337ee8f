// Draws a risk heat map in a PDF: likelihood up the side, impact along the bottom, each cell
// coloured by its band and showing how many risks sit in it.
import type PDFDocument from "pdfkit";

export interface HeatmapBlock {
  kind: "heatmap";
  title: string;
  /** Labels from level 1 upwards. */
  likelihoodLabels: string[];
  impactLabels: string[];
  /** cells[l-1][i-1]: the count of risks and the band colour of that cell. */
  cells: { count: number; colour: string }[][];
}

const cell = 34;
const labelWidth = 90;

export function heatmapHeight(block: HeatmapBlock): number {
  return 30 + block.likelihoodLabels.length * cell + 40;
}

export function drawHeatmap(pdf: InstanceType<typeof PDFDocument>, block: HeatmapBlock, x: number, y: number): void {
  const rows = block.likelihoodLabels.length;
  pdf.font("bold").fontSize(9).fillColor("#000000").text(block.title, x, y);
  const top = y + 16;
  for (let l = rows; l >= 1; l--) {
    const rowTop = top + (rows - l) * cell;
    pdf.font("regular").fontSize(7).fillColor("#000000").text(`${l} ${block.likelihoodLabels[l - 1] ?? ""}`, x, rowTop + cell / 2 - 4, { width: labelWidth - 4, lineBreak: false });
    block.impactLabels.forEach((_, index) => {
      const c = block.cells[l - 1]?.[index] ?? { count: 0, colour: "#ffffff" };
      const left = x + labelWidth + index * cell;
      pdf.rect(left, rowTop, cell, cell).fillAndStroke(c.colour, "#ffffff");
      if (c.count > 0) {
        pdf.font("bold").fontSize(10).fillColor("#000000").text(String(c.count), left, rowTop + cell / 2 - 6, { width: cell, align: "center", lineBreak: false });
      }
    });
  }
  const bottom = top + rows * cell + 3;
  block.impactLabels.forEach((label, index) => {
    pdf.font("regular").fontSize(6).fillColor("#000000").text(`${index + 1} ${label}`, x + labelWidth + index * cell, bottom, { width: cell, align: "center" });
  });
  pdf.font("regular").fontSize(7).text("likelihood ↑   impact →", x, bottom + 18, { lineBreak: false });
  pdf.x = x;
  pdf.y = bottom + 32;
}
