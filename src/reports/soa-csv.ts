// The SoA as CSV: written one row per control with the export's headings, and read back for import,
// mending rows where an unquoted comma in prose split one cell in two (and saying so).
import { readFile } from "node:fs/promises";
import { parse } from "csv-parse/sync";
import { stringify } from "csv-stringify/sync";
import { IsmsError } from "../domain/errors.js";
import { soaColumns, soaRowCells, type SoaExportModel } from "./soa-rows.js";
import type { Table } from "./tables.js";

/** UTF-8 with a byte order mark, so that spreadsheet programs read accents and dashes right. */
export function renderSoaCsv(model: SoaExportModel): string {
  const rows = model.entries.map((entry) => {
    const cells = soaRowCells(entry, model.personName);
    return soaColumns.map((column) => String(cells[column]));
  });
  return `\uFEFF${stringify([[...soaColumns], ...rows])}`;
}

export interface CsvRepair {
  row: number;
  message: string;
}

/**
 * Joins the cells of an over-long record where a cell starts with a space, as prose does after a
 * comma ("Email DLP in place, endpoint DLP planned"), until it has one cell per heading. Returns
 * undefined when that does not make the record fit.
 */
function mendRecord(record: readonly string[], width: number): { cells: string[]; joined: string[] } | undefined {
  const cells = [...record];
  const joined: string[] = [];
  while (cells.length > width) {
    const at = cells.findIndex((cell, i) => i > 0 && /^\s/.test(cell) && cell.trim() !== "");
    if (at < 1) return undefined;
    const cell = `${cells[at - 1] ?? ""},${cells[at] ?? ""}`;
    cells.splice(at - 1, 2, cell);
    joined.push(cell.trim());
  }
  return { cells, joined };
}

/** Reads an SoA CSV into a table; rows with more cells than headings are mended or refused. */
export async function readSoaCsv(path: string): Promise<{ table: Table; repairs: CsvRepair[]; problems: CsvRepair[] }> {
  let records: string[][];
  try {
    const text = await readFile(path, "utf8");
    records = parse(text.replace(/^\uFEFF/, ""), { relax_column_count: true, skip_empty_lines: false });
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new IsmsError(`Cannot read ${path}: ${reason}`, "Check that the file exists and is a CSV file");
  }
  const [header = [], ...body] = records;
  const names = header.map((h) => h.trim());
  const width = names.length;
  const repairs: CsvRepair[] = [];
  const problems: CsvRepair[] = [];
  const rows = body.flatMap((record, index) => {
    const row = index + 2;
    let end = record.length;
    while (end > width && (record[end - 1] ?? "").trim() === "") end -= 1;
    let cells: readonly string[] = record.slice(0, end);
    if (cells.length > width) {
      const mended = mendRecord(cells, width);
      if (mended) {
        const what = mended.joined.map((cell) => `"${cell}"`).join(" and ");
        repairs.push({ row, message: `${cells.length} cells for ${width} columns; read ${what} as one cell (a comma in the text was not quoted)` });
        cells = mended.cells;
      } else {
        problems.push({ row, message: `${cells.length} cells for ${width} columns; put double quotes around any cell that contains a comma` });
      }
    }
    const values = Object.fromEntries(names.map((name, i) => [name, (cells[i] ?? "").trim()]));
    return Object.values(values).some((v) => v !== "") ? [{ row, cells: values }] : [];
  });
  return { table: { source: path, header: names, rows }, repairs, problems };
}
