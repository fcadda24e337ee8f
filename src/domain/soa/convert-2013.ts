// Converts the rows of an ISO/IEC 27001:2013 SoA into 2022 controls through the 27002:2022 Annex B map:
// rows that merge into one control are combined, and what was combined or in conflict is reported.
import { annexAControls, compareControlIds } from "../../catalog/annex-a.js";
import { mapFrom2013 } from "../../catalog/mapping-2013.js";
import { applicabilityLabels, compareStatuses, statusLabels } from "./entry.js";
import type { ImplementationStatus, SoaApplicability, SoaReason } from "./entry.js";

/** One imported row's values; a field left undefined was not in the file. */
export interface ImportedSoaValues {
  applicability: SoaApplicability;
  justification?: string | undefined;
  implementationStatus?: ImplementationStatus | null | undefined;
  overrideReason?: string | null | undefined;
  reasons?: SoaReason[] | undefined;
  owner?: string | null | undefined;
  implementationDescription?: string | null | undefined;
  reference?: string | null | undefined;
  /** Risks the file names as reasons; the SoA takes risk reasons from the register, so these are only compared. */
  riskRefs?: string[] | undefined;
}

export interface Row2013 extends ImportedSoaValues {
  /** The spreadsheet row it came from. */
  row: number;
  id2013: string;
}

export interface Converted2013Row extends ImportedSoaValues {
  controlId: string;
  /** Spreadsheet rows it was built from. */
  rows: number[];
  from: string[];
}

export interface Conversion2013Report {
  /** Every 2022 control that received rows, with the 2013 controls it came from and what needed a choice. */
  converted: { controlId: string; from: string[]; notes: string[] }[];
  /** 2022 controls no row reached (new in 2022, or their 2013 predecessors were not in the file): still to decide. */
  undecided: string[];
}

const label = (id2013: string) => `A.${id2013}`;

function distinct<T>(values: readonly T[]): T[] {
  return [...new Set(values)];
}

/** One text from several rows: the same text once, different texts each after its 2013 id. */
function combineText(parts: readonly { id2013: string; text: string | null | undefined }[]): string | null | undefined {
  if (parts.every((p) => p.text === undefined)) return undefined;
  const present = parts.filter((p): p is { id2013: string; text: string } => typeof p.text === "string" && p.text.trim() !== "");
  const texts = distinct(present.map((p) => p.text.trim()));
  if (texts.length === 0) return null;
  if (texts.length === 1) return texts[0];
  return present
    .filter((p, i) => present.findIndex((q) => q.text.trim() === p.text.trim()) === i)
    .map((p) => `${label(p.id2013)}: ${p.text.trim()}`)
    .join(" | ");
}

/** The most inclusive decision: a control any predecessor applied to stays in the SoA. */
function mergeApplicability(values: readonly SoaApplicability[]): SoaApplicability {
  if (values.includes("applicable")) return "applicable";
  if (values.includes("inherited")) return "inherited";
  return "not_applicable";
}

function mergeRows(controlId: string, rows: readonly Row2013[]): { row: Converted2013Row; notes: string[] } {
  const notes: string[] = [];
  const from = rows.map((r) => label(r.id2013));
  const applicabilities = distinct(rows.map((r) => r.applicability));
  const applicability = mergeApplicability(applicabilities);
  if (applicabilities.length > 1) {
    const each = rows.map((r) => `${label(r.id2013)} ${applicabilityLabels[r.applicability].toLowerCase()}`).join(", ");
    notes.push(`conflict in applicability (${each}); took ${applicabilityLabels[applicability].toLowerCase()}`);
  }
  // Statuses of the predecessors that count: those with the decision the merged control keeps.
  const counted = rows.filter((r) => r.applicability !== "not_applicable" || applicability === "not_applicable");
  let implementationStatus: ImplementationStatus | null | undefined;
  if (counted.some((r) => r.implementationStatus !== undefined)) {
    const statuses = counted.map((r) => r.implementationStatus ?? null);
    implementationStatus = [...statuses].sort(compareStatuses)[0] ?? null;
    if (distinct(statuses).length > 1) {
      const name = (s: ImplementationStatus | null) => (s ? statusLabels[s].toLowerCase() : "not assessed");
      notes.push(`statuses differ (${counted.map((r) => `${label(r.id2013)} ${name(r.implementationStatus ?? null)}`).join(", ")}); took the least implemented, ${name(implementationStatus)}`);
    }
  }
  const owners = distinct(rows.map((r) => r.owner).filter((o): o is string => Boolean(o)));
  if (owners.length > 1) notes.push(`owners differ (${owners.join(", ")}); took ${owners[0] ?? ""}`);
  const reasons = rows.some((r) => r.reasons !== undefined)
    ? [...new Map(rows.flatMap((r) => r.reasons ?? []).map((r) => [`${r.kind}:${r.ref ?? ""}`, r])).values()]
    : undefined;
  const textOf = (field: "justification" | "implementationDescription" | "reference" | "overrideReason") =>
    combineText(rows.map((r) => ({ id2013: r.id2013, text: r[field] })));
  const row: Converted2013Row = {
    controlId,
    rows: rows.map((r) => r.row),
    from,
    applicability,
    justification: textOf("justification") ?? (rows.some((r) => r.justification !== undefined) ? "" : undefined),
    implementationStatus,
    overrideReason: textOf("overrideReason"),
    reasons,
    owner: owners[0] ?? (rows.some((r) => r.owner !== undefined) ? null : undefined),
    implementationDescription: textOf("implementationDescription"),
    reference: textOf("reference"),
    riskRefs: distinct(rows.flatMap((r) => r.riskRefs ?? [])),
  };
  if (rows.length > 1) notes.unshift(`merged ${from.join(", ")}`);
  return { row, notes };
}

/** The 2022 rows the 2013 rows become, and the report of what merged, conflicted or is left to decide. */
export function convert2013Rows(rows: readonly Row2013[]): { rows: Converted2013Row[]; report: Conversion2013Report } {
  const byControl = new Map<string, Row2013[]>();
  for (const row of rows) {
    for (const control of mapFrom2013(row.id2013)) {
      const group = byControl.get(control.id) ?? [];
      group.push(row);
      byControl.set(control.id, group);
    }
  }
  const converted: Converted2013Row[] = [];
  const report: Conversion2013Report = { converted: [], undecided: [] };
  for (const controlId of [...byControl.keys()].sort(compareControlIds)) {
    const group = (byControl.get(controlId) ?? []).slice().sort((a, b) => compareControlIds(a.id2013, b.id2013));
    const { row, notes } = mergeRows(controlId, group);
    for (const source of group) {
      const others = mapFrom2013(source.id2013).filter((c) => c.id !== controlId);
      if (others.length) notes.push(`${label(source.id2013)} also feeds ${others.map((c) => c.id).join(", ")}`);
    }
    converted.push(row);
    report.converted.push({ controlId, from: row.from, notes });
  }
  report.undecided = annexAControls.map((c) => c.id).filter((id) => !byControl.has(id));
  return { rows: converted, report };
}
