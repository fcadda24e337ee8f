// The risk register and the risk treatment plan as CSV (RFC 4180, UTF-8, header row), with the same
// columns as the XLSX export, so either can be edited in a spreadsheet and imported again.
import { stringify } from "csv-stringify/sync";
import { riskRegisterColumns, textRows, treatmentPlanColumns, type Column, type RiskRegisterInput } from "./risk-columns.js";

function toCsv<T>(columns: readonly Column<T>[], rows: readonly T[]): string {
  return stringify([columns.map((c) => c.header), ...textRows(columns, rows)]);
}

/** One row per risk, every field, per-criterion impacts as columns of their own. */
export function riskRegisterCsv(input: Pick<RiskRegisterInput, "methodology" | "risks" | "people">): string {
  return toCsv(riskRegisterColumns(input), input.risks);
}

/** One row per treatment action, with its risk, controls, owner, due date, status and evidence. */
export function treatmentPlanCsv(input: Pick<RiskRegisterInput, "risks" | "actions" | "people">): string {
  return toCsv(treatmentPlanColumns(input), input.actions);
}
