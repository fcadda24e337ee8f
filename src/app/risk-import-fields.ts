// What a risk register or treatment plan spreadsheet may hold and how its words are read: the column
// aliases, treatment decisions and statuses in the words other templates use, levels, dates, control ids.
import { findControl } from "../catalog/annex-a.js";
import { find2013Control, mapFrom2013 } from "../catalog/mapping-2013.js";
import type { ImpactCriterion, Methodology, Risk, RiskDecision, ScaleLevel, TreatmentAction } from "../domain/risk/index.js";
import { normalizeHeading, type FieldSpec } from "./column-mapping.js";

/** A heading for a criterion: its id, its label, the label without "and", and the label's first word. */
function criterionAliases(prefix: string, criterion: ImpactCriterion): string[] {
  const label = criterion.label;
  const withoutAnd = label.replace(/\b(and|&)\b/gi, " ");
  const firstWord = label.split(/[\s/,&-]+/)[0] ?? label;
  return [...new Set([criterion.id, label, withoutAnd, firstWord])].flatMap((name) => [`${prefix} ${name}`, `${name} ${prefix}`]);
}

export const impactField = (criterionId: string): string => `impact.${criterionId}`;
export const residualImpactField = (criterionId: string): string => `residualImpact.${criterionId}`;

/** The register's columns; per-criterion impacts follow the methodology in force ("Impact Legal" → legal). */
export function riskRegisterFields(methodology: Methodology): FieldSpec[] {
  const criteria = methodology.impact.criteria;
  return [
    { field: "id", aliases: ["risk id", "ref", "reference", "risk ref", "risk no", "no"] },
    { field: "title", aliases: ["risk title", "title", "risk", "risk name", "name", "risk scenario"], required: true },
    { field: "description", aliases: ["risk description", "details", "scenario"] },
    { field: "assets", aliases: ["asset / process", "asset", "assets", "process", "affected assets", "asset ids"] },
    { field: "threat", aliases: ["threats", "threat source"] },
    { field: "vulnerability", aliases: ["vulnerabilities", "weakness"] },
    { field: "owner", aliases: ["risk owner"] },
    { field: "category", aliases: ["risk category"] },
    { field: "confidentiality", aliases: ["c"] },
    { field: "integrity", aliases: ["i"] },
    { field: "availability", aliases: ["a"] },
    { field: "likelihood", aliases: ["probability", "inherent likelihood"] },
    ...criteria.map((c) => ({ field: impactField(c.id), aliases: criterionAliases("impact", c) })),
    { field: "impact", aliases: ["overall impact", "inherent impact"] },
    { field: "maxImpact", aliases: ["max impact", "maximum impact", "highest impact"] },
    { field: "inherentScore", aliases: ["score", "risk score", "inherent risk score", "inherent risk"] },
    { field: "inherentLevel", aliases: ["inherent risk level", "inherent level", "inherent band", "risk level", "level", "band"] },
    { field: "decision", aliases: ["treatment decision", "treatment", "treatment option", "risk treatment", "risk response", "response"] },
    { field: "controls", aliases: ["existing controls", "current controls", "controls in place", "annex a controls", "annex a control"] },
    { field: "awsServices", aliases: ["aws services", "aws service"] },
    { field: "residualLikelihood", aliases: ["target likelihood"] },
    ...criteria.map((c) => ({ field: residualImpactField(c.id), aliases: criterionAliases("residual impact", c) })),
    { field: "residualImpact", aliases: ["target impact"] },
    { field: "residualMaxImpact", aliases: ["residual max impact", "residual maximum impact"] },
    { field: "residualScore", aliases: ["residual risk score", "target score", "residual risk"] },
    { field: "residualLevel", aliases: ["residual risk level", "residual band"] },
    { field: "status", aliases: ["risk status"] },
  ];
}

/** The treatment plan's columns (the sample's "Start Date", "Budget" have no field and are reported). */
export const treatmentPlanFields: readonly FieldSpec[] = [
  { field: "id", aliases: ["action id", "ref", "reference", "measure id"] },
  { field: "riskId", aliases: ["risk", "risk ref", "risk reference"], required: true },
  { field: "title", aliases: ["action", "treatment action", "measure", "description", "task"], required: true },
  { field: "controls", aliases: ["annex a control", "annex a controls", "control", "control ids"] },
  { field: "owner", aliases: ["action owner", "responsible"] },
  { field: "dueDate", aliases: ["due", "deadline", "target date"] },
  { field: "status", aliases: ["action status"] },
  { field: "evidence", aliases: ["verification", "verification method", "evidence of completion"] },
  { field: "completedOn", aliases: ["completion date", "done on", "completed"] },
];

/**
 * Overrides for headings that match a field only once a parenthesised note is dropped ("Likelihood (1-5)"),
 * unless another heading names that field outright. The user's own --map comes first.
 */
export function looseHeadings(header: readonly string[], fields: readonly FieldSpec[], overrides: Map<string, string>): Map<string, string> {
  const names = (f: FieldSpec) => [f.field, ...f.aliases].map(normalizeHeading);
  const exact = (heading: string) => fields.find((f) => names(f).includes(normalizeHeading(heading)));
  const result = new Map(overrides);
  const claimed = new Set([...overrides.values(), ...header.flatMap((h) => exact(h)?.field ?? [])]);
  for (const heading of header) {
    if (!heading || result.has(heading) || exact(heading)) continue;
    const stripped = heading.replace(/\([^)]*\)/g, " ").trim();
    if (stripped === heading || !stripped) continue;
    const spec = fields.find((f) => !claimed.has(f.field) && names(f).includes(normalizeHeading(stripped)));
    if (spec) {
      result.set(heading, spec.field);
      claimed.add(spec.field);
    }
  }
  return result;
}

const words = (text: string): string => text.trim().toLowerCase().replace(/[\s_]+/g, " ");

/** Treatment decisions as other registers write them (6.1.3 a); the first word counts when the phrase is unknown. */
const decisionWords: Record<RiskDecision, readonly string[]> = {
  treat: ["treat", "mitigate", "reduce", "modify", "treatment", "mitigation", "reduction"],
  tolerate: ["tolerate", "accept", "accept with monitoring", "retain", "accepted", "acceptance", "retention"],
  transfer: ["transfer", "share", "insure", "transferred", "sharing", "insurance"],
  terminate: ["terminate", "avoid", "avoided", "avoidance", "terminated", "eliminate"],
};

export const acceptedDecisionWords =
  "treat (mitigate, reduce), tolerate (accept, accept with monitoring, retain), transfer (share, insure), terminate (avoid)";

function keysOf<T extends string>(table: Record<T, readonly string[]>): T[] {
  const keys: T[] = [];
  for (const key in table) keys.push(key);
  return keys;
}

const lookup = <T extends string>(table: Record<T, readonly string[]>, phrase: string): T | undefined =>
  keysOf(table).find((key) => key.replace("_", " ") === phrase || table[key].includes(phrase));

/** The value whose words match the whole phrase, or else its first word. */
function fromWords<T extends string>(table: Record<T, readonly string[]>, text: string): T | undefined {
  const phrase = words(text);
  return lookup(table, phrase) ?? lookup(table, phrase.split(" ")[0] ?? phrase);
}

export const readDecision = (text: string): RiskDecision | undefined => fromWords(decisionWords, text);

const riskStatusWords: Record<Risk["status"], readonly string[]> = {
  open: ["open", "new", "identified", "draft", "not started"],
  treating: ["treating", "in progress", "in treatment", "being treated", "ongoing", "in-progress"],
  accepted: ["accepted", "tolerated", "retained"],
  closed: ["closed", "avoided", "eliminated", "resolved", "terminated", "retired"],
};

export const acceptedRiskStatusWords = "open, in progress (in treatment), accepted, closed (avoided)";

/**
 * A risk status and, when the cell says more ("Avoided — payments outsourced to …"), the rest of it as a
 * note: the status is read from the words before a dash, colon, comma or bracket.
 */
export function readRiskStatus(text: string): { status: Risk["status"]; note?: string } | undefined {
  const exact = lookup(riskStatusWords, words(text));
  if (exact) return { status: exact };
  const split = /^(.*?)\s*(?:[—–:(,;]|\s-\s)\s*(.*?)\)?$/.exec(text.trim());
  const status = split?.[1] ? lookup(riskStatusWords, words(split[1])) : undefined;
  if (!status) return undefined;
  const note = split?.[2]?.trim();
  return note ? { status, note } : { status };
}

const actionStatusWords: Record<TreatmentAction["status"], readonly string[]> = {
  planned: ["planned", "open", "not started", "to do", "todo", "new", "scheduled"],
  in_progress: ["in progress", "in-progress", "ongoing", "started", "in treatment", "underway"],
  done: ["done", "completed", "complete", "closed", "implemented", "finished"],
  cancelled: ["cancelled", "canceled", "dropped", "withdrawn", "rejected"],
};

export const acceptedActionStatusWords = "planned (open, not started), in progress, done (completed, implemented), cancelled";

export const readActionStatus = (text: string): TreatmentAction["status"] | undefined => lookup(actionStatusWords, words(text));

const emptyWords = new Set(["", "-", "–", "—", "n/a", "na", "none", "tbd"]);

/** A cell that holds nothing: blank, a dash or "n/a". */
export const isBlank = (text: string | undefined): boolean => text === undefined || emptyWords.has(text.trim().toLowerCase());

/** A level given as its number ("4", "4.0") or its label ("Likely"); a message when it is neither. */
export function readLevel(text: string, levels: readonly ScaleLevel[], scale: string): number | string {
  const trimmed = text.trim();
  const numeric = /^(\d+)(?:\.0+)?$/.exec(trimmed);
  const value = numeric ? Number(numeric[1]) : levels.find((l) => l.label.toLowerCase() === trimmed.toLowerCase())?.value;
  if (value !== undefined && value >= 1 && value <= levels.length) return value;
  const labels = levels.map((l) => l.label).join(", ");
  return `${trimmed} is not a level of the ${scale} scale; give a whole number from 1 to ${levels.length} (${labels})`;
}

/** A whole score of 1 or more, or a message. */
export function readScore(text: string): number | string {
  const numeric = /^(\d+)(?:\.0+)?$/.exec(text.trim());
  const value = numeric ? Number(numeric[1]) : NaN;
  return value >= 1 ? value : `${text.trim()} is not a score; give a whole number of 1 or more`;
}

const yes = new Set(["yes", "y", "true", "1", "x"]);
const no = new Set(["no", "n", "false", "0", ""]);

export function readYesNo(text: string): boolean | string {
  const key = text.trim().toLowerCase();
  if (yes.has(key)) return true;
  if (no.has(key)) return false;
  return `"${text}" is not yes or no`;
}

/** A day as YYYY-MM-DD (an XLSX date arrives so), or a message. */
export function readDay(text: string): string | { error: string } {
  const trimmed = text.trim();
  const date = new Date(`${trimmed}T00:00:00Z`);
  const valid = /^\d{4}-\d{2}-\d{2}$/.test(trimmed) && !Number.isNaN(date.getTime()) && date.toISOString().startsWith(trimmed);
  return valid ? trimmed : { error: `"${trimmed}" is not a date; write it as YYYY-MM-DD (e.g. 2026-06-30)` };
}

/** Words that stand for "no due date, it repeats" in a plan's due date column. */
export const recurringWords = new Set(["recurring", "ongoing", "continuous", "monthly", "quarterly", "annually", "yearly", "weekly", "periodic"]);

// "A 5.17", "A.8.5", "A8.12", and 2013 ids such as "A.9.4.2"; a bare id only when the cell is a list of ids.
const prefixedId = /\bA\s*\.?\s*(\d{1,2})\s*\.\s*(\d{1,2})(?:\s*\.\s*(\d{1,2}))?(?![\d.])/g;
const bareList = /^[\s,;/]*(?:\d{1,2}\.\d{1,2}(?:\.\d{1,2})?[\s,;/]+)*\d{1,2}\.\d{1,2}(?:\.\d{1,2})?[\s,;/]*$/;
const bareId = /(\d{1,2})\.(\d{1,2})(?:\.(\d{1,2}))?/g;

export interface ControlMentions {
  /** 2022 control ids in the order first named. */
  ids: string[];
  /** Ids that name no Annex A control. */
  unknown: string[];
  /** 2013 ids read as their 2022 successors. */
  mapped: { from: string; to: string[] }[];
  /** Whether the cell held nothing but control ids. */
  onlyIds: boolean;
}

/** The Annex A controls a cell names: "A 5.17 A 8.5", "EDR (A.8.7), MFA (A.8.5)", or "5.17, 8.5". */
export function controlMentions(text: string): ControlMentions {
  const onlyIds = bareList.test(text);
  const pattern = onlyIds ? bareId : prefixedId;
  const result: ControlMentions = { ids: [], unknown: [], mapped: [], onlyIds };
  const add = (id: string) => {
    if (!result.ids.includes(id)) result.ids.push(id);
  };
  for (const match of text.matchAll(new RegExp(pattern.source, "g"))) {
    const [written, theme, number, part] = match;
    if (part !== undefined) {
      const id2013 = `${Number(theme)}.${Number(number)}.${Number(part)}`;
      const successors = find2013Control(id2013) ? mapFrom2013(id2013).map((c) => c.id) : [];
      if (successors.length === 0) result.unknown.push(written.trim());
      else result.mapped.push({ from: `A.${id2013}`, to: successors });
      successors.forEach(add);
      continue;
    }
    const control = findControl(`${Number(theme)}.${Number(number)}`);
    if (control) add(control.id);
    else result.unknown.push(written.trim());
  }
  return result;
}
