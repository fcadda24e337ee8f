// Reads the rows of an SoA spreadsheet into per-control values: column headings matched by alias,
// each cell checked, every problem named by row and column, 2013 numbering detected and converted.
import { findControl, getControl } from "../catalog/annex-a.js";
import { get2013Control } from "../catalog/mapping-2013.js";
import {
  convert2013Rows,
  justificationNeeded,
  parseApplicabilityCell,
  parseControlRef,
  parseReasonsCell,
  parseStatusCell,
  type CellResult,
  type Conversion2013Report,
  type ImportedSoaValues,
  type Row2013,
} from "../domain/soa/index.js";
import type { Table } from "../reports/tables.js";
import type { ColumnMapping, FieldSpec } from "./column-mapping.js";

export const soaFields: readonly FieldSpec[] = [
  { field: "controlId", aliases: ["control id", "control", "control no", "control number", "control ref", "annex a", "annex a control", "annex a reference", "clause", "id", "#"], required: true },
  // "Control" names the id column when there is no other, else the title column.
  { field: "title", aliases: ["control name", "control title", "title", "name", "control"] },
  { field: "theme", aliases: ["theme", "category", "domain", "section"] },
  { field: "applicability", aliases: ["applicability", "applicable", "applicable yes no", "applicable y n", "applies", "included", "selected", "in scope", "inclusion"], required: true },
  { field: "reasons", aliases: ["reasons", "reason kinds", "reasons for inclusion", "inclusion reasons", "basis"] },
  { field: "justification", aliases: ["justification", "rationale", "reason", "justification for inclusion or exclusion", "justification for inclusion", "justification for exclusion", "reason for inclusion", "reason for exclusion", "reason for selection"] },
  { field: "implementationStatus", aliases: ["implementation status", "status", "implemented", "implementation state", "control status"] },
  { field: "overrideReason", aliases: ["status override reason", "override reason"] },
  { field: "owner", aliases: ["owner", "control owner", "responsible", "responsible person", "responsibility", "accountable"] },
  { field: "implementationDescription", aliases: ["implementation description", "implementation details", "implementation notes", "how implemented", "description", "implementation"] },
  { field: "reference", aliases: ["reference", "references", "document reference", "documentation", "policy", "policy reference", "related documents", "evidence"] },
];

export interface SoaImportRow extends ImportedSoaValues {
  /** A 2022 Annex A id or an own control's id. */
  controlId: string;
  own: boolean;
  /** The title the file gives (own controls need one to be created). */
  title?: string | undefined;
  rows: number[];
  from?: string[];
}

export interface SoaImportNote {
  row?: number;
  controlId?: string;
  message: string;
}

export interface ParsedSoaFile {
  edition: "2022" | "2013";
  rows: SoaImportRow[];
  notes: SoaImportNote[];
  issues: { path: string; message: string }[];
  conversion?: Conversion2013Report;
}

const normalized = (text: string) => text.toLowerCase().replace(/&/g, " and ").replace(/[^a-z0-9]/g, "");

/** Checks and reads every row; the caller refuses the file when `issues` is not empty. */
export function parseSoaRows(table: Table, mapping: ColumnMapping): ParsedSoaFile {
  const headingOf = new Map([...mapping.fields].map(([heading, field]) => [field, heading]));
  const has = (field: string) => headingOf.has(field);
  const issues: ParsedSoaFile["issues"] = [];
  const notes: SoaImportNote[] = [];
  const rows2022: SoaImportRow[] = [];
  const rows2013: Row2013[] = [];
  const firstRow = new Map<string, number>();

  for (const { row, cells } of table.rows) {
    const cell = (field: string) => cells[headingOf.get(field) ?? ""] ?? "";
    const problem = (field: string, message: string) => issues.push({ path: `row ${row}, column "${headingOf.get(field) ?? field}"`, message });
    const read = <T>(field: string, result: CellResult<T>): T | undefined => {
      if (!result.ok) {
        problem(field, result.message);
        return undefined;
      }
      if (result.note) notes.push({ row, message: result.note });
      return result.value;
    };
    const ref = parseControlRef(cell("controlId"));
    const decided = cell("applicability").trim() !== "";
    if (!ref.ok || ref.value.edition === "heading") {
      if (!decided) notes.push({ row, message: `skipped "${cell("controlId") || "(no id)"}": a heading or empty row, not a control` });
      else problem("controlId", ref.ok ? `"${cell("controlId")}" is a heading (a theme or an objective), not a control` : ref.message);
      continue;
    }
    const { edition, id } = ref.value;
    const key = `${edition === "own" ? "own" : edition}:${id.toLowerCase()}`;
    const earlier = firstRow.get(key);
    if (earlier !== undefined) {
      problem("controlId", `${id} is also on row ${earlier}`);
      continue;
    }
    firstRow.set(key, row);

    const applicability = read("applicability", parseApplicabilityCell(cell("applicability")));
    const status = has("implementationStatus") ? read("implementationStatus", parseStatusCell(cell("implementationStatus"))) : undefined;
    const allReasons = has("reasons") ? read("reasons", parseReasonsCell(cell("reasons"))) : undefined;
    const reasons = allReasons?.filter((r) => r.kind !== "risk");
    const riskRefs = (allReasons ?? []).filter((r) => r.kind === "risk").map((r) => r.ref ?? "(no risk id)");
    const text = (field: string) => (has(field) ? cell(field) || null : undefined);
    const justification = has("justification") ? cell("justification") : undefined;
    const overrideReason = text("overrideReason");
    if (applicability === undefined) continue;
    if (justificationNeeded(applicability) && !justification) {
      problem("justification", `${applicability === "not_applicable" ? "excluding" : "inheriting"} ${id} needs a justification`);
    }
    if (overrideReason && status === undefined) problem("overrideReason", "a status override reason needs a status in the same row");

    const values = {
      applicability,
      justification,
      implementationStatus: applicability === "not_applicable" && status !== undefined ? null : status,
      overrideReason: applicability === "not_applicable" ? (has("overrideReason") ? null : undefined) : overrideReason,
      reasons,
      owner: text("owner"),
      implementationDescription: text("implementationDescription"),
      reference: text("reference"),
      riskRefs,
    };
    const title = (has("title") ? cell("title") : "") || ref.value.title;
    if (edition === "2013") {
      rows2013.push({ ...values, row, id2013: id });
      if (title && normalized(title) !== normalized(get2013Control(id).title)) notes.push({ row, message: `A.${id} is titled "${title}" here but "${get2013Control(id).title}" in ISO/IEC 27001:2013; check the numbering` });
      continue;
    }
    if (edition === "2022" && title && findControl(title)?.id !== id && normalized(title) !== normalized(getControl(id).title)) {
      notes.push({ row, controlId: id, message: `A.${id} is titled "${title}" here but "${getControl(id).title}" in ISO/IEC 27001:2022; check the numbering` });
    }
    rows2022.push({ ...values, controlId: id, own: edition === "own", title: title || undefined, rows: [row] });
  }

  const annex2022 = rows2022.filter((r) => !r.own);
  if (rows2013.length && annex2022.length) {
    const [first2013] = rows2013;
    const [first2022] = annex2022;
    issues.push({
      path: `row ${Math.max(first2013?.row ?? 0, first2022?.rows[0] ?? 0)}`,
      message: `the file mixes 2013 numbering (A.${first2013?.id2013 ?? ""} on row ${first2013?.row ?? ""}) with 2022 numbering (A.${first2022?.controlId ?? ""} on row ${first2022?.rows[0] ?? ""}); use one edition`,
    });
  }
  if (!rows2013.length) return { edition: "2022", rows: rows2022, notes, issues };

  const { rows: converted, report } = convert2013Rows(rows2013);
  const rows = [...converted.map((r) => ({ ...r, own: false })), ...rows2022.filter((r) => r.own)];
  return { edition: "2013", rows, notes, issues, conversion: report };
}
