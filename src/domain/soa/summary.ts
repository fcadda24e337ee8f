// Counts over the SoA that the CLI, the spreadsheet's Summary sheet and the PDF show: by theme and
// applicability, and by theme and implementation status.
import { applicabilityLabels, implementationStatuses, soaApplicabilities, soaThemes, statusLabels } from "./entry.js";
import type { SoaEntry, SoaTheme } from "./entry.js";

export const themeLabels: Record<SoaTheme, string> = {
  organizational: "Organizational",
  people: "People",
  physical: "Physical",
  technological: "Technological",
  own: "Own controls",
};

export interface SoaCountTable {
  /** Column headings; the first names the rows, the last is "Total". */
  header: string[];
  /** One row per theme that has controls, then a "Total" row. */
  rows: { label: string; counts: number[] }[];
}

function countTable(entries: readonly SoaEntry[], columns: { label: string; matches: (e: SoaEntry) => boolean }[]): SoaCountTable {
  const themes = soaThemes.filter((t) => entries.some((e) => e.theme === t));
  const countRow = (subset: readonly SoaEntry[]) => [...columns.map((c) => subset.filter(c.matches).length), subset.length];
  return {
    header: ["Theme", ...columns.map((c) => c.label), "Total"],
    rows: [
      ...themes.map((theme) => ({ label: themeLabels[theme], counts: countRow(entries.filter((e) => e.theme === theme)) })),
      { label: "Total", counts: countRow(entries) },
    ],
  };
}

export function countByApplicability(entries: readonly SoaEntry[]): SoaCountTable {
  return countTable(entries, [
    ...soaApplicabilities.map((a) => ({ label: applicabilityLabels[a], matches: (e: SoaEntry) => e.applicability === a })),
    { label: "Undecided", matches: (e: SoaEntry) => e.applicability === null },
  ]);
}

/** Statuses of the controls in the SoA (applicable or inherited); excluded and undecided ones are left out. */
export function countByStatus(entries: readonly SoaEntry[]): SoaCountTable {
  const inScope = entries.filter((e) => e.applicability === "applicable" || e.applicability === "inherited");
  return countTable(inScope, [
    ...[...implementationStatuses].reverse().map((s) => ({ label: statusLabels[s], matches: (e: SoaEntry) => e.implementationStatus === s })),
    { label: "Not assessed", matches: (e: SoaEntry) => e.implementationStatus === null },
  ]);
}

/** "85 applicable, 5 inherited, 3 not applicable" and the like, for one-line summaries. */
export function applicabilitySummary(entries: readonly SoaEntry[]): string {
  const parts = soaApplicabilities.map((a) => `${entries.filter((e) => e.applicability === a).length} ${applicabilityLabels[a].toLowerCase()}`);
  const undecided = entries.filter((e) => e.applicability === null).length;
  return [...parts, ...(undecided ? [`${undecided} undecided`] : [])].join(", ");
}
