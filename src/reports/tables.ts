// Tabular files in: CSV and XLSX read into header + rows, each row with the number a spreadsheet
// shows for it, so that an import can say "row 7, column Owner".
import { readFile } from "node:fs/promises";
import { extname } from "node:path";
import { parse } from "csv-parse/sync";
import ExcelJS from "exceljs";
import { IsmsError } from "../domain/errors.js";

export interface TableRow {
  /** The row's number as the spreadsheet shows it (the header is row 1 in a CSV). */
  row: number;
  cells: Record<string, string>;
}

export interface Table {
  source: string;
  header: string[];
  rows: TableRow[];
}

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return "";
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === "object") {
    if ("richText" in value) return value.richText.map((r) => r.text).join("");
    if ("text" in value && typeof value.text === "string") return value.text;
    if ("result" in value) return cellText(value.result ?? null);
    if ("error" in value) return "";
    return "";
  }
  return String(value);
}

async function readCsv(path: string): Promise<Table> {
  const text = await readFile(path, "utf8");
  const records: string[][] = parse(text.replace(/^\uFEFF/, ""), { relax_column_count: true, skip_empty_lines: false });
  const [header = [], ...body] = records;
  const names = header.map((h) => h.trim());
  const rows = body
    .map((cells, index) => ({ row: index + 2, cells: Object.fromEntries(names.map((name, i) => [name, (cells[i] ?? "").trim()])) }))
    .filter((r) => Object.values(r.cells).some((v) => v !== ""));
  return { source: path, header: names, rows };
}

async function readXlsx(path: string, sheetName?: string): Promise<Table> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(path);
  const sheet = sheetName ? workbook.getWorksheet(sheetName) : workbook.worksheets[0];
  if (!sheet) {
    const names = workbook.worksheets.map((w) => w.name).join(", ");
    throw new IsmsError(`${path} has no sheet ${sheetName ? `"${sheetName}"` : ""}`.trim(), `Its sheets: ${names || "none"}`);
  }
  const header: string[] = [];
  sheet.getRow(1).eachCell({ includeEmpty: true }, (cell, column) => {
    header[column - 1] = cellText(cell.value).trim();
  });
  const rows: TableRow[] = [];
  for (let r = 2; r <= sheet.rowCount; r++) {
    const excelRow = sheet.getRow(r);
    const cells = Object.fromEntries(header.map((name, i) => [name, cellText(excelRow.getCell(i + 1).value).trim()]));
    if (Object.values(cells).some((v) => v !== "")) rows.push({ row: r, cells });
  }
  return { source: sheetName ? `${path} [${sheet.name}]` : path, header, rows };
}

/** Reads a CSV or XLSX file (by its extension); `sheet` picks a worksheet of an XLSX. */
export async function readTable(path: string, options: { sheet?: string | undefined } = {}): Promise<Table> {
  const kind = extname(path).toLowerCase();
  try {
    if (kind === ".csv") return await readCsv(path);
    if (kind === ".xlsx") return await readXlsx(path, options.sheet);
  } catch (error) {
    if (error instanceof IsmsError) throw error;
    const reason = error instanceof Error ? error.message : String(error);
    throw new IsmsError(`Cannot read ${path}: ${reason}`, "Check that the file exists and is a CSV or XLSX file");
  }
  throw new IsmsError(`${path}: unsupported file type "${kind || "none"}"`, "Give a .csv or .xlsx file");
}
