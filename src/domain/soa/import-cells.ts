// Reading an SoA spreadsheet's cells the way other tools write them: control ids in either edition's
// numbering, applicability as Yes/No/Inherited, statuses as "In progress" or "Not started", reasons.
import { findControl } from "../../catalog/annex-a.js";
import { find2013Control } from "../../catalog/mapping-2013.js";
import type { ImplementationStatus, SoaApplicability, SoaReason } from "./entry.js";

export type ControlRef =
  | { edition: "2022"; id: string; title?: string }
  | { edition: "2013"; id: string; title?: string }
  /** A numbered row that is no control: a theme or a 2013 objective heading ("A.5", "A.12.4"). */
  | { edition: "heading"; id: string }
  | { edition: "own"; id: string; title?: string };

export type CellResult<T> = { ok: true; value: T; note?: string } | { ok: false; message: string };

const ok = <T>(value: T, note?: string): CellResult<T> => (note ? { ok: true, value, note } : { ok: true, value });
const fail = <T>(message: string): CellResult<T> => ({ ok: false, message });

// "A.5.1", "A 5.1", "a5.1", "5.1", "A.12.4.1", "12.4.1", optionally followed by the title ("A.5.1 Policies…").
const numbered = /^(?:a\s*[.\s]?\s*)?(\d{1,2}(?:\s*\.\s*\d{1,2}){0,2})\.?(?:\s+[-–:]?\s*(.*))?$/i;
/** An own control's id: starts with a letter, then letters, digits and hyphens, with a digit or a hyphen in it. */
export const ownControlIdPattern = /^(?=[^-]*[-\d])[A-Za-z][A-Za-z0-9]*(?:-[A-Za-z0-9]+)*$/;

/** What a control id cell names; an own control id is letters, digits and hyphens ("ACME-01"). */
export function parseControlRef(text: string): CellResult<ControlRef> {
  const cell = text.trim();
  if (!cell) return fail("is empty; give the control's id, e.g. A.5.1");
  const match = numbered.exec(cell);
  if (match?.[1]) {
    const id = match[1].replace(/\s+/g, "");
    const title = match[2]?.trim() || undefined;
    const parts = id.split(".");
    const withTitle = <T extends object>(ref: T) => (title ? { ...ref, title } : ref);
    if (parts.length === 3) {
      const control = find2013Control(id);
      return control ? ok(withTitle({ edition: "2013" as const, id: control.id })) : fail(`"${cell}" is no ISO/IEC 27001:2013 Annex A control`);
    }
    if (parts.length === 2) {
      const control = findControl(id);
      if (control) return ok(withTitle({ edition: "2022" as const, id: control.id }));
      return ok({ edition: "heading", id });
    }
    return ok({ edition: "heading", id });
  }
  const [first = "", ...rest] = cell.split(/\s+/);
  if (ownControlIdPattern.test(first)) {
    const title = rest.join(" ").replace(/^[-–:]\s*/, "") || undefined;
    return ok(title ? { edition: "own", id: first, title } : { edition: "own", id: first });
  }
  return fail(`"${cell}" is not a control id; write it as A.5.1, 5.1 or, for a 2013 SoA, A.12.4.1`);
}

const word = (text: string) => text.trim().toLowerCase().replace(/[\s_-]+/g, " ").replace(/[.!]$/, "");

const applicabilityWords = new Map<string, SoaApplicability>([
  ...["yes", "y", "applicable", "true", "x", "included", "include", "selected", "in scope", "in"].map((w) => [w, "applicable"] as const),
  ...["no", "n", "not applicable", "n/a", "na", "false", "excluded", "exclude", "not selected", "out of scope", "out"].map((w) => [w, "not_applicable"] as const),
  ...["inherited", "inherit", "inherited from aws", "inherited (aws)", "yes (inherited)", "inherited from provider", "provider", "cloud provider"].map((w) => [w, "inherited"] as const),
]);

const partially = new Set(["partially", "partial", "partly", "partially applicable", "yes (partially)", "some"]);

export function parseApplicabilityCell(text: string): CellResult<SoaApplicability> {
  const key = word(text);
  const value = applicabilityWords.get(key);
  if (value) return ok(value);
  if (partially.has(key)) return ok("applicable", `"${text.trim()}" read as applicable: a control applies or not; say in the justification which part of the scope it covers`);
  if (!key) return fail("is empty; write Yes, No or Inherited");
  return fail(`"${text.trim()}" is not Yes, No or Inherited`);
}

const statusWords = new Map<string, ImplementationStatus | null>([
  ...["implemented", "done", "complete", "completed", "yes", "in place", "operational", "fully implemented"].map((w) => [w, "implemented"] as const),
  ...["partially implemented", "partially", "partial", "in progress", "ongoing", "partly implemented", "in implementation"].map((w) => [w, "partially_implemented"] as const),
  ...["planned", "to do", "todo", "scheduled"].map((w) => [w, "planned"] as const),
  ...["not implemented", "not started", "no", "missing", "none"].map((w) => [w, "not_implemented"] as const),
  ...["", "n/a", "na", "not applicable", "-", "not assessed", "unknown", "tbd"].map((w) => [w, null] as const),
]);

/** A status word; "In progress" counts as partially implemented and "Not started" as not implemented. */
export function parseStatusCell(text: string): CellResult<ImplementationStatus | null> {
  const value = statusWords.get(word(text));
  if (value !== undefined) return ok(value);
  return fail(`"${text.trim()}" is not a status: write Implemented, Partially implemented (or In progress), Planned or Not implemented (or Not started)`);
}

const reasonWords = new Map<string, SoaReason["kind"]>([
  ["risk", "risk"],
  ["risk treatment", "risk"],
  ["legal", "legal"],
  ["regulatory", "legal"],
  ["legal or regulatory", "legal"],
  ["law", "legal"],
  ["contractual", "contractual"],
  ["contract", "contractual"],
  ["business", "business"],
  ["business practice", "business"],
  ["business requirement", "business"],
  ["best practice", "best_practice"],
  ["best practices", "best_practice"],
]);

/** "risk: R-001; legal: GDPR; business" — kinds with an optional reference, split on ";" or newlines. */
export function parseReasonsCell(text: string): CellResult<SoaReason[]> {
  const reasons: SoaReason[] = [];
  for (const part of text.split(/[;\n]/).map((p) => p.trim()).filter(Boolean)) {
    const colon = part.indexOf(":");
    const kindText = colon >= 0 ? part.slice(0, colon) : part;
    const ref = colon >= 0 ? part.slice(colon + 1).trim() : "";
    const kind = reasonWords.get(word(kindText));
    if (!kind) return fail(`"${kindText.trim()}" is not a reason: write risk, legal, contractual, business or best practice, each optionally followed by ": reference"`);
    reasons.push(ref ? { kind, ref } : { kind });
  }
  return ok(reasons);
}
