// The risk register as an XLSX workbook: the methodology, the inherent and residual heat maps, the
// register (one row per risk, frozen header, filters) and the treatment plan, for people who live in Excel.
import ExcelJS from "exceljs";
import { riskMatrix, type Methodology } from "../domain/risk/index.js";
import { isoDay, personNamer, riskRegisterColumns, treatmentPlanColumns, type Column, type RiskRegisterInput } from "./risk-columns.js";
import { withFixedTimestamps } from "./reproducible-zip.js";

const headerFill = "FF1D3557";

/** A solid fill of `hex` (#rrggbb) with text that stays readable on it. */
function paint(cell: ExcelJS.Cell, hex: string): void {
  const rgb = hex.replace("#", "").toUpperCase();
  cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: `FF${rgb}` } };
  const [r, g, b] = [0, 2, 4].map((i) => parseInt(rgb.slice(i, i + 2), 16));
  const luminance = 0.299 * (r ?? 0) + 0.587 * (g ?? 0) + 0.114 * (b ?? 0);
  cell.font = { ...cell.font, color: { argb: luminance < 140 ? "FFFFFFFF" : "FF000000" } };
}

function styleHeader(row: ExcelJS.Row): void {
  row.eachCell((cell) => {
    cell.font = { bold: true, color: { argb: "FFFFFFFF" } };
    cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: headerFill } };
    cell.alignment = { vertical: "middle", wrapText: true };
  });
}

function addTable(sheet: ExcelJS.Worksheet, title: string, header: string[], rows: (string | number)[][]): ExcelJS.Row[] {
  sheet.addRow([]);
  sheet.addRow([title]).font = { bold: true, size: 12 };
  styleHeader(sheet.addRow(header));
  return rows.map((r) => sheet.addRow(r));
}

function methodologySheet(workbook: ExcelJS.Workbook, input: RiskRegisterInput): void {
  const sheet = workbook.addWorksheet("Methodology");
  sheet.columns = [{ width: 24 }, { width: 28 }, { width: 90 }, { width: 10 }, { width: 10 }, { width: 16 }, { width: 10 }, { width: 60 }];
  const { body: m, version, status, approvedBy, approvedAt } = input.methodology;
  const name = personNamer(input.people);
  sheet.addRow([`Risk Assessment Methodology — ${input.companyName}`]).font = { bold: true, size: 14 };
  const scoring = m.scoring.method === "product" ? "likelihood × impact" : "read from the scoring matrix below";
  const facts: [string, string | number][] = [
    ["Version", version],
    ["Status", status],
    ["Approved by", name(approvedBy) ?? "not yet approved"],
    ["Approved on", isoDay(approvedAt) ?? "—"],
    ["Identification", m.identification + (m.identificationNotes ? `: ${m.identificationNotes}` : "")],
    ["Risk score", scoring],
    ["Impact", m.impact.criteria.length ? "rated per criterion; the risk's impact is the highest level given" : "rated on one scale"],
    ["Acceptance threshold", m.acceptance.threshold],
    ["Acceptance criteria", m.acceptance.criteria],
    ["Review frequency", `every ${m.reviewFrequencyMonths} months`],
    ["Exported", input.generatedAt.toISOString()],
  ];
  for (const [label, value] of facts) {
    const row = sheet.addRow([label, value]);
    row.getCell(1).font = { bold: true };
    sheet.mergeCells(row.number, 2, row.number, 3);
    row.getCell(2).alignment = { wrapText: true, horizontal: "left" };
  }
  const levels = (scale: Methodology["likelihood"]) => scale.levels.map((l) => [l.value, l.label, l.description]);
  addTable(sheet, "Likelihood scale", ["Level", "Label", "Description"], levels(m.likelihood));
  addTable(sheet, "Impact scale", ["Level", "Label", "Description"], levels(m.impact));
  if (m.impact.criteria.length) {
    addTable(sheet, "Impact criteria", ["Id", "Label", "What it covers"], m.impact.criteria.map((c) => [c.id, c.label, c.description ?? ""]));
  }
  if (m.scoring.method === "matrix") {
    const matrix = m.scoring.matrix;
    const header = ["Likelihood \\ Impact", ...m.impact.levels.map((l) => `${l.value} ${l.label}`)];
    addTable(sheet, "Scoring matrix", header, m.likelihood.levels.map((l, i) => [`${l.value} ${l.label}`, ...(matrix[i] ?? [])]).reverse());
  }
  const bandRows = addTable(
    sheet,
    "Risk bands",
    ["Band", "Id", "Meaning", "Min", "Max", "Default decision", "Colour", ""],
    m.bands.map((b) => [b.label, b.id, b.description ?? "", b.min, b.max, b.decision, b.colour]),
  );
  bandRows.forEach((row, i) => {
    const band = m.bands[i];
    if (band) [1, 7].forEach((c) => paint(row.getCell(c), band.colour));
    row.getCell(3).alignment = { wrapText: true };
  });
  sheet.eachRow((row) => row.eachCell((cell) => (cell.alignment = { ...cell.alignment, vertical: "top" })));
}

function matrixSheet(workbook: ExcelJS.Workbook, input: RiskRegisterInput, side: "inherent" | "residual"): void {
  const m = input.methodology.body;
  const sheet = workbook.addWorksheet(side === "inherent" ? "Inherent matrix" : "Residual matrix");
  sheet.columns = [{ width: 22 }, ...m.impact.levels.map(() => ({ width: 14 }))];
  const matrix = riskMatrix(m, input.risks, side);
  styleHeader(sheet.addRow(["Likelihood \\ Impact", ...m.impact.levels.map((l) => `${l.value} ${l.label}`)]));
  for (const level of [...m.likelihood.levels].reverse()) {
    const cells = matrix.cells[level.value - 1] ?? [];
    const row = sheet.addRow([`${level.value} ${level.label}`, ...cells.map((c) => c.riskIds.length)]);
    row.getCell(1).font = { bold: true };
    cells.forEach((c, i) => {
      const cell = row.getCell(i + 2);
      paint(cell, c.band.colour);
      cell.alignment = { horizontal: "center", vertical: "middle" };
      if (c.riskIds.length) cell.note = c.riskIds.join(", ");
    });
    row.height = 28;
  }
  sheet.addRow([]);
  const what = side === "inherent" ? "before treatment" : "after treatment; a risk with no residual rating is counted where its inherent rating puts it";
  sheet.addRow([`Number of risks in each cell, ${what}. Cell colour: the band of the cell's score (methodology v${input.methodology.version}).`]);
  if (matrix.unrated.length) sheet.addRow([`Not rated: ${matrix.unrated.join(", ")}`]);
  for (const band of m.bands) paint(sheet.addRow([`${band.label} (${band.min}–${band.max})`, band.decision]).getCell(1), band.colour);
}

function listSheet<T>(workbook: ExcelJS.Workbook, name: string, columns: readonly Column<T>[], rows: readonly T[]): ExcelJS.Worksheet {
  const sheet = workbook.addWorksheet(name, { views: [{ state: "frozen", ySplit: 1 }] });
  sheet.columns = columns.map((c) => ({ header: c.header, width: c.width }));
  styleHeader(sheet.getRow(1));
  for (const item of rows) {
    const row = sheet.addRow(columns.map((c) => c.value(item)));
    columns.forEach((c, i) => {
      const cell = row.getCell(i + 1);
      cell.alignment = { vertical: "top", wrapText: c.width >= 24 };
      const band = c.band?.(item);
      if (band) paint(cell, band.colour);
    });
  }
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };
  return sheet;
}

/** The workbook's bytes: Methodology, Inherent matrix, Residual matrix, Risks, Treatment plan. */
export async function riskRegisterWorkbook(input: RiskRegisterInput): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "OpenISMS";
  workbook.created = input.generatedAt;
  workbook.modified = input.generatedAt;
  methodologySheet(workbook, input);
  matrixSheet(workbook, input, "inherent");
  matrixSheet(workbook, input, "residual");
  listSheet(workbook, "Risks", riskRegisterColumns(input), input.risks);
  listSheet(workbook, "Treatment plan", treatmentPlanColumns(input), input.actions);
  return withFixedTimestamps(Buffer.from(await workbook.xlsx.writeBuffer()), input.generatedAt);
}
