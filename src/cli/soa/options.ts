// Reading `isms soa` flags: control ids as people write them, applicability, statuses and reasons.
import { findControl } from "../../catalog/annex-a.js";
import {
  implementationStatuses,
  parseReasonsCell,
  soaApplicabilities,
  soaThemes,
  type ImplementationStatus,
  type SoaApplicability,
  type SoaReason,
  type SoaTheme,
} from "../../domain/soa/index.js";
import { UsageError } from "../usage.js";

/** "A.8.24", "a 8.24", "8.24" → "8.24"; anything else is taken as an own control's id. */
export function controlIdArgument(text: string): string {
  return findControl(text)?.id ?? text.trim();
}

const words = (text: string) => text.trim().toLowerCase().replace(/[\s-]+/g, "_");

export function applicabilityOption(flag: string, text: string): SoaApplicability {
  const value = soaApplicabilities.find((a) => a === words(text));
  if (!value) throw new UsageError(`${flag}: "${text}" is not one of ${soaApplicabilities.join(", ")}`);
  return value;
}

/** A status, or null for "not_assessed". */
export function statusOption(flag: string, text: string): ImplementationStatus | null {
  if (words(text) === "not_assessed") return null;
  const value = implementationStatuses.find((s) => s === words(text));
  if (!value) throw new UsageError(`${flag}: "${text}" is not one of ${[...implementationStatuses, "not_assessed"].join(", ")}`);
  return value;
}

export function themeOption(flag: string, text: string): SoaTheme {
  const value = soaThemes.find((t) => t === words(text));
  if (!value) throw new UsageError(`${flag}: "${text}" is not one of ${soaThemes.join(", ")}`);
  return value;
}

/** Each --reason "kind" or "kind:reference"; kinds legal, contractual, business, best_practice. */
export function reasonsOption(values: readonly string[]): SoaReason[] {
  const parsed = parseReasonsCell(values.map((v) => v.replace(/^best_practice/i, "best practice")).join(";"));
  if (!parsed.ok) throw new UsageError(`--reason: ${parsed.message}`);
  return parsed.value;
}

/** Commander's collector for repeatable options. */
export const collect = (value: string, previous: string[] = []) => [...previous, value];

export function versionOption(flag: string, text: string): number {
  const value = Number(text.replace(/^v/i, ""));
  if (!Number.isInteger(value) || value < 1) throw new UsageError(`${flag}: "${text}" is not a version number (1, 2, …)`);
  return value;
}
