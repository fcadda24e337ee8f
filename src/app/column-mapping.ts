// Matches a spreadsheet's column headings to a register's fields: by name, label or a usual alias,
// or as the user says with --map "Heading=field". Columns left over are reported, never dropped silently.
import { IsmsError } from "../domain/errors.js";

export interface FieldSpec {
  field: string;
  /** Headings that mean this field, compared ignoring case, spaces and punctuation. */
  aliases: readonly string[];
  required?: boolean;
}

export interface ColumnMapping {
  /** heading → field */
  fields: Map<string, string>;
  /** headings no field claimed */
  unmapped: string[];
}

export const normalizeHeading = (text: string) => text.toLowerCase().replace(/[^a-z0-9]+/g, "");

/** Parses --map "Asset Name=name,Type=kind" into heading → field. */
export function parseColumnMap(text: string | undefined, fields: readonly FieldSpec[]): Map<string, string> {
  const map = new Map<string, string>();
  if (!text) return map;
  for (const pair of text.split(",")) {
    const [heading, field] = pair.split("=").map((s) => s.trim());
    if (!heading || !field) throw new IsmsError(`--map: "${pair}" is not Heading=field`, 'Write it as --map "Asset Name=name,Type=kind"');
    if (!fields.some((f) => f.field === field)) {
      throw new IsmsError(`--map: unknown field "${field}"`, `Fields: ${fields.map((f) => f.field).join(", ")}`);
    }
    map.set(heading, field);
  }
  return map;
}

export function mapColumns(source: string, header: readonly string[], fields: readonly FieldSpec[], overrides: Map<string, string>): ColumnMapping {
  const mapped = new Map<string, string>();
  const claimed = new Set<string>();
  for (const [heading, field] of overrides) {
    if (!header.includes(heading)) throw new IsmsError(`--map: ${source} has no column "${heading}"`, `Its columns: ${header.join(", ")}`);
    mapped.set(heading, field);
    claimed.add(field);
  }
  for (const heading of header) {
    if (!heading || mapped.has(heading)) continue;
    const key = normalizeHeading(heading);
    const spec = fields.find((f) => !claimed.has(f.field) && [f.field, ...f.aliases].some((a) => normalizeHeading(a) === key));
    if (spec) {
      mapped.set(heading, spec.field);
      claimed.add(spec.field);
    }
  }
  const missing = fields.filter((f) => f.required && !claimed.has(f.field));
  if (missing.length) {
    throw new IsmsError(
      `${source}: no column for ${missing.map((f) => f.field).join(", ")} (columns: ${header.join(", ")})`,
      `Name the column with --map "Your heading=${missing[0]?.field ?? ""}"`,
    );
  }
  return { fields: mapped, unmapped: header.filter((h) => h && !mapped.has(h)) };
}

/** One row of a mapped table, read by field: its text, its value (null when blank), and a way to report a problem at its cell. */
export interface MappedRow {
  row: number;
  text: (field: string) => string;
  value: (field: string) => string | null;
  problem: (field: string, message: string) => void;
}

export interface RowProblem {
  file: string;
  row: number;
  column: string;
  message: string;
}

/**
 * Walks a table's rows through its column mapping; `problem` appends to `issues` naming the
 * spreadsheet's own heading, so a report reads "row 7, column Owner".
 */
export function mappedRows(
  table: { source: string; rows: readonly { row: number; cells: Readonly<Record<string, string>> }[] },
  mapping: ColumnMapping,
  issues: RowProblem[],
  isBlank: (text: string) => boolean = (text) => text.trim() === "",
): { has: (field: string) => boolean; rows: MappedRow[] } {
  const headingOf = new Map([...mapping.fields].map(([heading, field]) => [field, heading]));
  return {
    has: (field) => headingOf.has(field),
    rows: table.rows.map(({ row, cells }) => {
      const text = (field: string): string => cells[headingOf.get(field) ?? ""] ?? "";
      return {
        row,
        text,
        value: (field) => (isBlank(text(field)) ? null : text(field).trim()),
        problem: (field, message) => issues.push({ file: table.source, row, column: headingOf.get(field) ?? field, message }),
      };
    }),
  };
}
