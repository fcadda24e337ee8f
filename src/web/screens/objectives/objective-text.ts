// How an objective's values and target read on screen: "97.5%", "≥ 95%", "on target".
import type { ObjectiveRow } from "../../api/objectives-api.js";

export function formatValue(value: number, unit: string | null): string {
  const shown = Number.isInteger(value) ? String(value) : value.toFixed(1);
  return unit ? `${shown}${unit === "%" ? "%" : ` ${unit}`}` : shown;
}

/** The numeric target with its direction ("≥ 95%"), else the target in words. */
export function targetText(o: Pick<ObjectiveRow, "targetValue" | "unit" | "target" | "direction">): string {
  if (o.targetValue === null) return o.target ?? "—";
  return `${o.direction === "at-least" ? "≥" : "≤"} ${formatValue(o.targetValue, o.unit)}`;
}

export function metText(met: boolean | null, measured: boolean): string {
  if (!measured) return "not measured";
  return met === null ? "no numeric target" : met ? "on target" : "off target";
}

export const metClass = (met: boolean | null) => (met === null ? "pill" : met ? "pill good" : "pill bad");

/** Trend words for a screen reader: "80%, 90% (target ≥ 95%)". */
export function trendLabel(o: Pick<ObjectiveRow, "values" | "unit" | "targetValue" | "target" | "direction">): string {
  const values = o.values.map((v) => formatValue(v, o.unit)).join(", ");
  return `Trend: ${values || "no measurement"}${o.targetValue === null ? "" : ` (target ${targetText(o)})`}`;
}
