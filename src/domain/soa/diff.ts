// What changed between two versions of the SoA (6.1.3 d, 7.5.2): per control, the decision, status,
// justification, owner and reasons before and after, and the controls added or removed.
import { formatReasons } from "./entry.js";
import type { SoaEntry } from "./entry.js";
import { compareSoaControls } from "./derive.js";

export type SoaDiffEntry = Pick<SoaEntry, "controlId" | "applicability" | "implementationStatus" | "justification" | "owner" | "reasons"> &
  Partial<Pick<SoaEntry, "title" | "theme">>;

export const diffedFields = ["applicability", "implementationStatus", "justification", "owner", "reasons"] as const;
export type DiffedField = (typeof diffedFields)[number];

export interface SoaFieldChange {
  field: DiffedField;
  from: string | null;
  to: string | null;
}

export interface SoaDiff {
  added: { controlId: string; title: string }[];
  removed: { controlId: string; title: string }[];
  changed: { controlId: string; title: string; changes: SoaFieldChange[] }[];
}

function fieldText(entry: SoaDiffEntry, field: DiffedField): string | null {
  if (field === "reasons") {
    // Order does not matter to the meaning; compare sorted.
    const text = formatReasons([...entry.reasons].sort((a, b) => `${a.kind}:${a.ref ?? ""}`.localeCompare(`${b.kind}:${b.ref ?? ""}`)));
    return text === "" ? null : text;
  }
  return entry[field];
}

const orderOf = (e: SoaDiffEntry) => ({ id: e.controlId, theme: e.theme ?? (/^[5-8]\.\d+$/.test(e.controlId) ? "organizational" : "own") });

/** The changes from `from` to `to`, each list in the SoA's order. */
export function diffSoaVersions(from: readonly SoaDiffEntry[], to: readonly SoaDiffEntry[]): SoaDiff {
  const before = new Map(from.map((e) => [e.controlId, e]));
  const after = new Map(to.map((e) => [e.controlId, e]));
  const byOrder = (a: SoaDiffEntry, b: SoaDiffEntry) => compareSoaControls(orderOf(a), orderOf(b));
  const title = (e: SoaDiffEntry) => e.title ?? "";
  const diff: SoaDiff = {
    added: to.filter((e) => !before.has(e.controlId)).sort(byOrder).map((e) => ({ controlId: e.controlId, title: title(e) })),
    removed: from.filter((e) => !after.has(e.controlId)).sort(byOrder).map((e) => ({ controlId: e.controlId, title: title(e) })),
    changed: [],
  };
  for (const next of [...to].sort(byOrder)) {
    const previous = before.get(next.controlId);
    if (!previous) continue;
    const changes = diffedFields
      .map((field) => ({ field, from: fieldText(previous, field), to: fieldText(next, field) }))
      .filter((c) => c.from !== c.to);
    if (changes.length) diff.changed.push({ controlId: next.controlId, title: title(next) || title(previous), changes });
  }
  return diff;
}
