// The SoA as an XLSX workbook: a Cover (organization, scope, version and approval), the SoA sheet (one
// row per control, frozen header, filters, drop-downs) and a Summary by theme × status and applicability.
import ExcelJS from "exceljs";
import { applicabilityLabels, countByApplicability, countByStatus, soaApplicabilities, statusLabels, implementationStatuses, type SoaCountTable } from "../domain/soa/index.js";
import { soaColumns, soaCoverLines, soaRowCells, type SoaColumn, type SoaExportModel } from "./soa-rows.js";
import { withFixedTimestamps } from "./reproducible-zip.js";

export const soaSheetName = "SoA";

const widths: Partial<Record<SoaColumn, number>> = {
  "Control ID": 10,
  "Control Name": 34,
  Theme: 14,
  Applicability: 15,
  Reasons: 24,
  Justification: 60,
  "Implementation Status": 21,
  "Status Source": 12,
  "Status Override Reason": 30,
  Owner: 24,
  "Implementation Description": 50,
  Reference: 22,
  "Treated Risks": 16,
  "Evidence Records": 10,
  "Fresh Evidence": 10,
  "Latest Evidence": 12,
};

const wrapped = new Set<SoaColumn>(["Control Name", "Reasons", "Justification", "Status Override Reason", "Implementation Description", "Reference"]);
const headerFill: ExcelJS.Fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FF1D3557" } };
const headerFont: Partial<ExcelJS.Font> = { bold: true, color: { argb: "FFFFFFFF" } };

/** Excel's column letter for a 1-based index (1 → A, 27 → AA). */
function columnLetter(index: number): string {
  let n = index;
  let letters = "";
  while (n > 0) {
    const rest = (n - 1) % 26;
    letters = String.fromCharCode(65 + rest) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

function addCover(workbook: ExcelJS.Workbook, model: SoaExportModel): void {
  const sheet = workbook.addWorksheet("Cover", { properties: { tabColor: { argb: "FF1D3557" } } });
  sheet.getColumn(1).width = 28;
  sheet.getColumn(2).width = 100;
  const title = sheet.addRow(["Statement of Applicability"]);
  title.font = { bold: true, size: 16 };
  sheet.addRow([]);
  for (const [label, value] of soaCoverLines(model)) {
    const row = sheet.addRow([label, value]);
    row.getCell(1).font = { bold: true };
    row.getCell(2).alignment = { wrapText: true, vertical: "top" };
    row.getCell(1).alignment = { vertical: "top" };
  }
  sheet.addRow([]);
  sheet.addRow(["", `ISO/IEC 27001:2022 clause 6.1.3 d). The "${soaSheetName}" sheet lists every control; "Summary" counts them by theme.`]);
}

function addSoaSheet(workbook: ExcelJS.Workbook, model: SoaExportModel): void {
  const sheet = workbook.addWorksheet(soaSheetName, {
    views: [{ state: "frozen", xSplit: 2, ySplit: 1 }],
    pageSetup: { orientation: "landscape", paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: "1:1" },
  });
  sheet.columns = soaColumns.map((column) => ({ header: column, key: column, width: widths[column] ?? 14 }));
  const header = sheet.getRow(1);
  header.font = headerFont;
  header.fill = headerFill;
  header.alignment = { vertical: "middle", wrapText: true };
  for (const entry of model.entries) {
    const row = sheet.addRow(soaRowCells(entry, model.personName));
    row.alignment = { vertical: "top" };
  }
  for (const column of wrapped) sheet.getColumn(column).alignment = { wrapText: true, vertical: "top" };
  const last = model.entries.length + 1;
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: last, column: soaColumns.length } };
  const listOf = (labels: readonly string[]) => [`"${labels.join(",")}"`];
  const applicability = soaColumns.indexOf("Applicability") + 1;
  const status = soaColumns.indexOf("Implementation Status") + 1;
  for (let r = 2; r <= last; r++) {
    sheet.getCell(r, applicability).dataValidation = {
      type: "list",
      allowBlank: true,
      formulae: listOf(soaApplicabilities.map((a) => applicabilityLabels[a])),
      showErrorMessage: true,
      errorTitle: "Applicability",
      error: "Choose Applicable, Inherited or Not applicable",
    };
    sheet.getCell(r, status).dataValidation = {
      type: "list",
      allowBlank: true,
      formulae: listOf([...implementationStatuses].reverse().map((s) => statusLabels[s])),
      showErrorMessage: true,
      errorTitle: "Implementation status",
      error: "Choose Implemented, Partially implemented, Planned or Not implemented",
    };
  }
  sheet.getCell(`${columnLetter(applicability)}1`).note = "Applicable, Inherited (operated by AWS, relied on through its certificates) or Not applicable (justify it)";
}

function addCountTable(sheet: ExcelJS.Worksheet, title: string, table: SoaCountTable): void {
  const heading = sheet.addRow([title]);
  heading.font = { bold: true, size: 12 };
  const header = sheet.addRow(table.header);
  header.font = headerFont;
  header.fill = headerFill;
  for (const row of table.rows) {
    const added = sheet.addRow([row.label, ...row.counts]);
    if (row.label === "Total") added.font = { bold: true };
  }
  sheet.addRow([]);
}

function addSummary(workbook: ExcelJS.Workbook, model: SoaExportModel): void {
  const sheet = workbook.addWorksheet("Summary");
  sheet.getColumn(1).width = 18;
  for (let c = 2; c <= 8; c++) sheet.getColumn(c).width = 20;
  addCountTable(sheet, "Controls by theme and applicability", countByApplicability(model.entries));
  addCountTable(sheet, "Applicable and inherited controls by theme and implementation status", countByStatus(model.entries));
}

/** The workbook's bytes. */
export async function renderSoaXlsx(model: SoaExportModel): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "OpenISMS";
  workbook.created = model.generatedAt;
  workbook.modified = model.generatedAt;
  workbook.title = `Statement of Applicability — ${model.companyName}`;
  addCover(workbook, model);
  addSoaSheet(workbook, model);
  addSummary(workbook, model);
  return withFixedTimestamps(Buffer.from(await workbook.xlsx.writeBuffer()), model.generatedAt);
}
