// Reads the rows of an imported risk register into risk changes, checking each against the methodology
// in force: levels on its scales, the sheet's max impact and scores against what the methodology computes.
import { bandOf, riskIdSchema, scoreOf, type Methodology, type Risk } from "../domain/risk/index.js";
import type { Table } from "../reports/tables.js";
import { mappedRows, type ColumnMapping } from "./column-mapping.js";
import type { PersonDirectory } from "./people.js";
import {
  acceptedDecisionWords,
  acceptedRiskStatusWords,
  controlMentions,
  impactField,
  isBlank,
  readDecision,
  readLevel,
  readRiskStatus,
  readScore,
  readYesNo,
  residualImpactField,
} from "./risk-import-fields.js";
import type { RiskInput } from "./risks.js";

export interface RowIssue {
  file: string;
  row: number;
  column: string;
  message: string;
}

/** A person named in a sheet: one in the register already, or a name to add to it. */
export type PersonRef = { id: string } | { name: string } | null;

export interface ImportedRisk {
  row: number;
  id: string | undefined;
  /** Only the fields the sheet has columns for; the owner is resolved when writing. */
  changes: RiskInput;
  owner: PersonRef | undefined;
}

export interface RegisterRowsContext {
  methodology: Methodology;
  version: number;
  existing: ReadonlyMap<string, Risk>;
  assets: readonly { id: string; name: string }[];
  people: PersonDirectory;
  /** "error": a score that differs from the computed one is a row error; "warning": it is reported and recomputed. */
  scoreMismatch: "error" | "warning";
}

/** A person cell: an id or name in the register, a new name, or an unknown id (a message). */
export function readPerson(text: string, people: PersonDirectory): PersonRef | string {
  if (isBlank(text)) return null;
  const id = people.find(text);
  if (id) return { id };
  if (/^P-\d+$/i.test(text.trim())) {
    return `no person ${text.trim()} in this workspace; give their name to add them to the people register, or add them first with: isms people add`;
  }
  return { name: text.trim() };
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** The assets a cell names by id or name, in the order named; `unmatched` when some part of it names none. */
export function matchAssets(text: string, assets: readonly { id: string; name: string }[]): { ids: string[]; unmatched: boolean } {
  const mentionAt = (part: string, id: string) => new RegExp(`(^|[^A-Za-z0-9-])${escapeRegExp(id)}($|[^A-Za-z0-9-])`, "i").exec(part)?.index;
  const ids: string[] = [];
  let unmatched = false;
  for (const part of text.split(/[,;+\n]|\s&\s/).map((p) => p.trim()).filter(Boolean)) {
    const byName = assets.filter((a) => a.name.trim().toLowerCase() === part.toLowerCase());
    const byId = assets.flatMap((a) => {
      const at = mentionAt(part, a.id);
      return at === undefined ? [] : [{ id: a.id, at }];
    });
    const found = [...byName.map((a) => a.id), ...byId.sort((a, b) => a.at - b.at).map((m) => m.id)];
    if (found.length === 0) unmatched = true;
    for (const id of found) if (!ids.includes(id)) ids.push(id);
  }
  return { ids, unmatched };
}

/** The description with notes appended as "Label: text" lines, each only once. */
function withNotes(base: string | null, notes: readonly [string, string][]): string | null {
  const lines = base ? [base] : [];
  for (const [label, text] of notes) {
    const line = `${label}: ${text}`;
    if (!base?.includes(line)) lines.push(line);
  }
  return lines.length ? lines.join("\n") : null;
}

const sides = {
  inherent: {
    likelihood: "likelihood",
    criterion: impactField,
    impact: "impact",
    maxImpact: "maxImpact",
    score: "inherentScore",
    level: "inherentLevel",
    name: "Inherent",
    both: "give both the likelihood and the impact, or neither",
  },
  residual: {
    likelihood: "residualLikelihood",
    criterion: residualImpactField,
    impact: "residualImpact",
    maxImpact: "residualMaxImpact",
    score: "residualScore",
    level: "residualLevel",
    name: "Residual",
    both: "give both the residual likelihood and the residual impact, or neither",
  },
} as const;

type Ratings = { likelihood: number | null; impacts: Record<string, number>; impact: number | null };

export function readRegisterRows(
  table: Table,
  mapping: ColumnMapping,
  context: RegisterRowsContext,
): { risks: ImportedRisk[]; issues: RowIssue[]; warnings: string[] } {
  const { methodology } = context;
  const issues: RowIssue[] = [];
  const warnings: string[] = [];
  const risks: ImportedRisk[] = [];
  const seen = new Map<string, number>();

  const { has, rows } = mappedRows(table, mapping, issues, isBlank);
  for (const { row, text, value, problem } of rows) {
    const before = issues.length;
    const changes: RiskInput = {};

    let id: string | undefined;
    const givenId = value("id");
    if (givenId) {
      id = givenId.toUpperCase();
      if (!riskIdSchema.safeParse(id).success) problem("id", `${givenId} is not a risk id; number risks R-001, R-002, … or leave the cell empty to number new ones`);
      const first = seen.get(id);
      if (first) problem("id", `${id} is also on row ${first}`);
      seen.set(id, row);
    }
    const existing = id ? context.existing.get(id) : undefined;
    const label = `row ${row}${id ? ` (${id})` : ""}`;

    const title = value("title");
    if (!title) problem("title", "is empty; every risk needs a title");
    else changes.title = title;
    for (const field of ["category", "threat", "vulnerability"] as const) if (has(field)) changes[field] = value(field);
    for (const field of ["confidentiality", "integrity", "availability"] as const) {
      if (!has(field)) continue;
      const flag = readYesNo(text(field));
      if (typeof flag === "string") problem(field, flag);
      else changes[field] = flag;
    }
    if (has("awsServices")) changes.awsServices = text("awsServices").split(/[,;\n]/).map((s) => s.trim()).filter(Boolean);

    let owner: PersonRef | undefined;
    if (has("owner")) {
      const person = readPerson(text("owner"), context.people);
      if (typeof person === "string") problem("owner", person);
      else owner = person;
    }

    const notes: [string, string][] = [];
    const assetText = value("assets");
    if (has("assets")) {
      const matched = assetText ? matchAssets(assetText, context.assets) : { ids: [], unmatched: false };
      changes.assetIds = matched.ids;
      if (assetText && matched.unmatched) notes.push(["Asset / process", assetText]);
    }

    const controlsText = value("controls");
    if (has("controls")) {
      const mentions = controlsText ? controlMentions(controlsText) : { ids: [], unknown: [], mapped: [], onlyIds: true };
      for (const unknown of mentions.unknown) problem("controls", `names ${unknown}, which is not an ISO/IEC 27001:2022 Annex A control; correct the id (e.g. A.8.5)`);
      for (const { from, to } of mentions.mapped) warnings.push(`${label}: ${from} (ISO/IEC 27001:2013) read as ${to.join(", ")} (2022)`);
      changes.controlIds = mentions.ids;
      if (controlsText && !mentions.onlyIds) notes.push(["Existing controls", controlsText]);
    }

    if (has("decision")) {
      const decisionText = value("decision");
      const decision = decisionText ? readDecision(decisionText) : null;
      if (decision === undefined) problem("decision", `"${decisionText ?? ""}" is not a treatment decision; use one of: ${acceptedDecisionWords}`);
      else changes.decision = decision;
    }

    const statusText = value("status");
    if (statusText) {
      const status = readRiskStatus(statusText);
      if (!status) problem("status", `"${statusText}" is not a risk status; use one of: ${acceptedRiskStatusWords}`);
      else {
        changes.status = status.status;
        if (status.note) notes.push(["Status", status.note]);
      }
    }

    if (has("description") || notes.length) {
      const base = has("description") ? value("description") : (existing?.description ?? null);
      changes.description = withNotes(base, notes);
    }

    for (const side of ["inherent", "residual"] as const) {
      const names = sides[side];
      const criteria = methodology.impact.criteria.map((c) => c.id);
      const impactColumns = [names.impact, names.maxImpact, ...criteria.map(names.criterion)];
      if (!has(names.likelihood) && !impactColumns.some(has)) continue;
      let unreadable = false;
      const level = (field: string, scale: "likelihood" | "impact"): number | null => {
        const cell = value(field);
        if (!cell) return null;
        const read = readLevel(cell, methodology[scale].levels, scale);
        if (typeof read === "number") return read;
        problem(field, read);
        unreadable = true;
        return null;
      };
      const ratings: Ratings = { likelihood: level(names.likelihood, "likelihood"), impacts: {}, impact: null };
      for (const criterion of criteria) {
        const rated = level(names.criterion(criterion), "impact");
        if (rated !== null) ratings.impacts[criterion] = rated;
      }
      const rated = Object.values(ratings.impacts);
      const highest = rated.length ? Math.max(...rated) : null;
      const overall = level(names.impact, "impact");
      const max = level(names.maxImpact, "impact");
      for (const [field, given] of [[names.impact, overall], [names.maxImpact, max]] as const) {
        if (highest !== null && given !== null && given !== highest) {
          problem(field, `is ${given}, but the highest impact over the criteria is ${highest}; correct one of them`);
        }
      }
      ratings.impact = highest ?? overall ?? max;
      if (!unreadable && (ratings.likelihood === null) !== (ratings.impact === null)) {
        problem(ratings.likelihood === null ? names.likelihood : (impactColumns.find(has) ?? names.impact), names.both);
      }
      if (has(names.likelihood)) changes[side === "inherent" ? "likelihood" : "residualLikelihood"] = ratings.likelihood;
      if (impactColumns.some(has)) {
        if (side === "inherent") Object.assign(changes, { impacts: ratings.impacts, impact: ratings.impact });
        else Object.assign(changes, { residualImpacts: ratings.impacts, residualImpact: ratings.impact });
      }
      if (issues.length > before) continue;
      checkScore(side, ratings, { value, problem, warnings, label, context });
    }
    if (issues.length === before) risks.push({ row, id, changes, owner });
  }
  return { risks, issues, warnings };
}

/** The sheet's score and level against what the methodology computes from the sheet's ratings. */
function checkScore(
  side: "inherent" | "residual",
  ratings: Ratings,
  row: {
    value: (field: string) => string | null;
    problem: (field: string, message: string) => void;
    warnings: string[];
    label: string;
    context: RegisterRowsContext;
  },
): void {
  const names = sides[side];
  const { methodology, version } = row.context;
  const scoreText = row.value(names.score);
  const given = scoreText ? readScore(scoreText) : null;
  if (typeof given === "string") return row.problem(names.score, given);
  if (ratings.likelihood === null || ratings.impact === null) {
    if (given !== null) row.problem(names.score, `gives ${given} but no ${side} likelihood and impact to score; rate both (the score is computed from them)`);
    return;
  }
  const computed = scoreOf(methodology, ratings.likelihood, ratings.impact);
  const how = methodology.scoring.method === "product" ? "likelihood × impact" : "the methodology's matrix";
  if (given !== null && given !== computed) {
    const what = `is ${given}, but likelihood ${ratings.likelihood} and impact ${ratings.impact} score ${computed} under methodology v${version} (${how})`;
    // A sheet that multiplies while the methodology reads a matrix was scored by another method, not wrongly.
    const otherMethod = methodology.scoring.method === "matrix" && given === ratings.likelihood * ratings.impact;
    if (row.context.scoreMismatch === "warning" || otherMethod) {
      row.warnings.push(`${row.label}: ${names.name} Score ${what}; ${computed} is kept`);
    } else {
      row.problem(names.score, `${what}; correct the score or the ratings, or import with --score-mismatch warn to keep the computed score`);
    }
  }
  const levelText = row.value(names.level);
  const band = bandOf(methodology, computed);
  if (levelText && ![band.label, band.id].some((name) => name.toLowerCase() === levelText.toLowerCase())) {
    row.warnings.push(`${row.label}: the sheet's ${side} level "${levelText}" is band ${band.label} (score ${computed}) under methodology v${version}`);
  }
}
