// Imports a supplier register from CSV or XLSX: every row is checked first and nothing is written if one
// is bad; rows are matched to suppliers by name (updated) or added, and a sheet's review dates and result
// are recorded as reviews.
import { basename } from "node:path";
import { eq } from "drizzle-orm";
import { canonicalJson } from "../domain/canonical-json.js";
import { InvalidInputError } from "../domain/errors.js";
import { isoDay } from "../domain/risk/calendar.js";
import { readTable, type Table } from "../reports/tables.js";
import type { Db } from "../store/open.js";
import { people, suppliers } from "../store/schema/index.js";
import type { SupplierCertification } from "../store/schema/json.js";
import { appendAuditLog } from "./audit-log.js";
import { mapColumns, mappedRows, parseColumnMap, type ColumnMapping, type FieldSpec } from "./column-mapping.js";
import { addEntry, editEntry, nextId } from "./entries.js";
import { loadPersonDirectory, type PersonDirectory } from "./people.js";
import { isBlank, looseHeadings, readDay } from "./risk-import-fields.js";
import { readPerson, type PersonRef, type RowIssue } from "./risk-import-rows.js";
import { certificationName, recordSupplierReview, sameCertification, supplierCriticalities, type Supplier } from "./suppliers.js";
import type { Workspace } from "./workspaces.js";

export const supplierFields: readonly FieldSpec[] = [
  { field: "id", aliases: ["supplier id", "vendor id", "ref", "reference"] },
  { field: "name", aliases: ["supplier", "supplier name", "vendor", "vendor name", "provider", "company"], required: true },
  { field: "service", aliases: ["services", "service provided", "product", "description"], required: true },
  { field: "dataAccessed", aliases: ["data accessed", "data", "data processed", "data shared", "information accessed"] },
  { field: "criticality", aliases: ["tier", "risk tier", "risk rating"] },
  { field: "location", aliases: ["country", "region", "hosting location", "data location"] },
  { field: "owner", aliases: ["supplier owner", "relationship owner", "business owner"] },
  { field: "contractStart", aliases: ["contract start", "contract start date", "start date"] },
  { field: "contractEnd", aliases: ["contract end", "contract end date", "end date", "renewal date"] },
  { field: "dpa", aliases: ["dpa signed", "data processing agreement", "dpa in place"] },
  { field: "certifications", aliases: ["certificates", "certification", "attestations"] },
  { field: "certificationsValidUntil", aliases: ["certification expiry", "certificate expiry", "certifications valid until", "certification valid until"] },
  { field: "certificationsReportRef", aliases: ["certification report", "assurance report", "audit report", "report ref"] },
  { field: "lastReview", aliases: ["last review", "last reviewed", "last review date", "reviewed on"] },
  { field: "reviewResult", aliases: ["review result", "review outcome", "last review result"] },
  { field: "nextReview", aliases: ["next review", "next review date", "review due"] },
];

// ---- Certification cells ----------------------------------------------------------------------

const schemePattern =
  /\b(?:ISO(?:\s*\/\s*IEC)?\s*\d{4,5}(?:-\d+)?(?::\d{4})?|SOC\s*[123](?:\s+Type\s*(?:II|I|2|1)\b)?|(?:BSI\s*)?C5\b|PCI[\s-]*DSS(?:\s*v?\d(?:\.\d)?)?|CSA\s*STAR(?:\s+Level\s*[123])?|TISAX|HITRUST|FedRAMP(?:\s+(?:High|Moderate|Low))?|Cyber\s+Essentials(?:\s+Plus)?|DIN\s*\d{4,5}|ISAE\s*3402|SSAE\s*1[68])/gi;
const untilPattern = /\(?\s*(?:valid\s+(?:until|to)|until|expires?|expiry|exp\.?)?\s*:?\s*(\d{4}-\d{2}-\d{2})\s*\)?/i;
const trimNote = (text: string) => text.replace(/^[\s,;:–-]+|[\s,;:–-]+$/g, "").replace(/\s+/g, " ");

function certification(scheme: string, rest: string): SupplierCertification | string {
  const until = untilPattern.exec(rest);
  const note = trimNote(until ? rest.replace(until[0], " ") : rest);
  const name = [scheme ? certificationName(scheme) : "", note].filter(Boolean).join(" ");
  if (!until?.[1]) return { name };
  const day = readDay(until[1]);
  return typeof day === "string" ? { name, validUntil: day } : day.error;
}

/**
 * The certifications a cell lists — "ISO 27001 SOC 2 C5", "SOC 2 Type II (until 2027-03-31); ISO 27001" —
 * each known scheme a certification of its own, a note such as "(vendor)" kept with its name; a message when a date is wrong.
 */
export function parseCertifications(cell: string): SupplierCertification[] | string {
  if (isBlank(cell)) return [];
  const found: SupplierCertification[] = [];
  for (const part of cell.split(/[,;|\n+&]|\band\b/i).map((p) => p.trim()).filter((p) => !isBlank(p))) {
    const matches = [...part.matchAll(schemePattern)];
    const lead = trimNote(part.slice(0, matches[0]?.index ?? part.length));
    const pieces = lead ? [certification("", lead)] : [];
    matches.forEach((m, i) => pieces.push(certification(m[0], part.slice(m.index + m[0].length, matches[i + 1]?.index ?? part.length))));
    for (const piece of pieces) {
      if (typeof piece === "string") return piece;
      if (!found.some((c) => sameCertification(c.name, piece.name))) found.push(piece);
    }
  }
  return found;
}

/** Gives the certifications a column's values: one value for all, or one per certification in order. */
function spreadOver(certs: SupplierCertification[], text: string, set: (c: SupplierCertification, value: string) => string | undefined): string | undefined {
  const values = text.split(/[,;|\n]/).map((v) => v.trim()).filter((v) => !isBlank(v));
  if (values.length === 0) return undefined;
  if (values.length !== 1 && values.length !== certs.length) {
    return `gives ${values.length} values for ${certs.length} certifications; give one for all, or one per certification in the same order`;
  }
  for (const [i, cert] of certs.entries()) {
    const problem = set(cert, values[values.length === 1 ? 0 : i] ?? "");
    if (problem) return problem;
  }
  return undefined;
}

// ---- Rows ---------------------------------------------------------------------------------------

type SupplierValues = Partial<Omit<Supplier, "id">>;

interface ImportedSupplier {
  row: number;
  /** The sheet's own id ("SUP-004"), used for a new supplier when it is free. */
  ref: string | null;
  name: string;
  /** Only the fields the sheet has columns for. */
  values: SupplierValues;
  owner: PersonRef | undefined;
  reviewResult: string | null;
}

const criticalityWords = new Map<string, (typeof supplierCriticalities)[number]>([...supplierCriticalities.map((c) => [c, c] as const), ["moderate", "medium"]]);
const dpaYes = new Set(["yes", "y", "true", "x", "signed", "in place"]);
const dpaNo = new Set(["no", "n", "false", "", "n/a", "na", "none", "not signed", "not required"]);
const openEnded = new Set(["rolling", "ongoing", "open-ended", "open ended", "evergreen", "indefinite", "perpetual", "auto-renew", "auto renew"]);
const dayFields = ["contractStart", "contractEnd", "lastReview", "nextReview"] as const;

function readSupplierRows(table: Table, mapping: ColumnMapping, context: { directory: PersonDirectory; today: string }): { imported: ImportedSupplier[]; issues: RowIssue[] } {
  const issues: RowIssue[] = [];
  const imported: ImportedSupplier[] = [];
  const seen = new Map<string, number>();
  const { has, rows } = mappedRows(table, mapping, issues, isBlank);
  for (const { row, text, value, problem } of rows) {
    const before = issues.length;
    const values: SupplierValues = {};
    const name = value("name") ?? "";
    const first = seen.get(name.toLowerCase());
    if (!name) problem("name", "is empty; every supplier needs a name");
    else if (first) problem("name", `${name} is also on row ${first}`);
    seen.set(name.toLowerCase(), row);
    const service = value("service");
    if (service) values.service = service;
    else problem("service", "is empty; say what the supplier provides");
    if (has("dataAccessed")) values.dataAccessed = value("dataAccessed");
    if (has("location")) values.location = value("location");
    if (has("criticality")) {
      const given = value("criticality");
      const criticality = given === null ? null : criticalityWords.get(given.toLowerCase());
      if (criticality === undefined) problem("criticality", `"${given}" is not a criticality; use ${supplierCriticalities.join(", ")}`);
      else values.criticality = criticality;
    }
    if (has("dpa")) {
      const key = text("dpa").replace(/\([^)]*\)/g, "").trim().toLowerCase();
      if (dpaYes.has(key) || dpaNo.has(key)) values.dpa = dpaYes.has(key);
      else problem("dpa", `"${text("dpa")}" is not yes or no`);
    }
    for (const field of dayFields) {
      if (!has(field)) continue;
      const given = value(field);
      const day = given === null || (field === "contractEnd" && openEnded.has(given.toLowerCase())) ? null : readDay(given);
      if (day !== null && typeof day !== "string") problem(field, field === "contractEnd" ? `${day.error}, or "Rolling" for a contract with no end` : day.error);
      else values[field] = day;
    }
    if (values.lastReview && values.lastReview > context.today) problem("lastReview", `${values.lastReview} is in the future; a review is recorded once it has taken place`);
    else if (values.lastReview && values.nextReview && values.nextReview <= values.lastReview) problem("nextReview", `${values.nextReview} is not after the last review (${values.lastReview})`);
    if (has("certifications")) {
      const certs = parseCertifications(text("certifications"));
      if (typeof certs === "string") problem("certifications", certs);
      else {
        const dated = spreadOver(certs, text("certificationsValidUntil"), (c, v) => {
          const day = readDay(v);
          if (typeof day !== "string") return day.error;
          c.validUntil = day;
          return undefined;
        });
        if (dated) problem("certificationsValidUntil", dated);
        const reported = spreadOver(certs, text("certificationsReportRef"), (c, v) => {
          c.reportRef = v;
          return undefined;
        });
        if (reported) problem("certificationsReportRef", reported);
        values.certifications = certs;
      }
    }
    const owner = has("owner") ? readPerson(text("owner"), context.directory) : undefined;
    if (typeof owner === "string") problem("owner", owner);
    else if (issues.length === before) imported.push({ row, ref: value("id"), name, values, owner, reviewResult: value("reviewResult") });
  }
  return { imported, issues };
}

// ---- Writing ------------------------------------------------------------------------------------

export interface SupplierImportResult {
  source: string;
  added: string[];
  updated: string[];
  unchanged: string[];
  /** Suppliers whose sheet gave a new last review: each recorded as a review, with its result. */
  reviewsRecorded: string[];
  peopleAdded: { id: string; name: string }[];
  /** Reported, not blocking: a sheet's id taken by another supplier, a certification no longer listed. */
  warnings: string[];
  ignoredColumns: string[];
}

/** Whether a certification on file is the one a sheet names, perhaps more precisely ("SOC 2 Type II" for "SOC 2"). */
function isListedAs(filed: SupplierCertification, listed: SupplierCertification): boolean {
  const name = certificationName(listed.name).toLowerCase();
  const onFile = certificationName(filed.name).toLowerCase();
  return onFile === name || onFile.startsWith(`${name} `) || onFile.startsWith(`${name}:`);
}

/** A certification listed again keeps its name, date and report on file where the sheet gives none. */
function mergeCertifications(current: readonly SupplierCertification[], listed: readonly SupplierCertification[]): SupplierCertification[] {
  const merged = listed.map((c) => {
    const filed = current.find((k) => isListedAs(k, c));
    return filed ? { ...filed, ...c, name: filed.name } : c;
  });
  return merged.filter((c, i) => merged.findIndex((k) => sameCertification(k.name, c.name)) === i);
}

export async function importSuppliers(
  db: Db,
  workspace: Workspace,
  path: string,
  options: { map?: string | undefined; sheet?: string | undefined; actor: string; today?: string },
): Promise<SupplierImportResult> {
  const table = await readTable(path, { sheet: options.sheet });
  const mapping = mapColumns(table.source, table.header, supplierFields, looseHeadings(table.header, supplierFields, parseColumnMap(options.map, supplierFields)));
  const directory = await loadPersonDirectory(db, workspace);
  const today = options.today ?? isoDay(new Date());
  const { imported, issues } = readSupplierRows(table, mapping, { directory, today });
  if (issues.length) {
    throw new InvalidInputError(
      table.source,
      issues.map((i) => ({ path: `row ${i.row}, column "${i.column}"`, message: i.message })),
    );
  }

  return db.transaction(async (tx) => {
    const result: SupplierImportResult = { source: table.source, added: [], updated: [], unchanged: [], reviewsRecorded: [], peopleAdded: [], warnings: [], ignoredColumns: mapping.unmapped };
    const existing = (await tx.select().from(suppliers).where(eq(suppliers.workspaceId, workspace.id))).map(({ workspaceId: _w, ...s }): Supplier => s);
    const matches = new Map(imported.map((row) => [row, existing.find((s) => s.name.trim().toLowerCase() === row.name.toLowerCase())]));
    // New rows keep the sheet's id when it is free; those are reserved first, so numbering the others never takes one.
    const ids = new Set(existing.map((s) => s.id));
    const ownIds = new Set<ImportedSupplier>();
    for (const row of imported) {
      if (matches.get(row) || !row.ref || ids.has(row.ref)) continue;
      ids.add(row.ref);
      ownIds.add(row);
    }
    const personIds = new Set(directory.ids());
    const ownerId = async (ref: PersonRef | undefined): Promise<string | null | undefined> => {
      if (ref === undefined || ref === null) return ref;
      if ("id" in ref) return ref.id;
      const known = directory.find(ref.name) ?? result.peopleAdded.find((p) => p.name.toLowerCase() === ref.name.toLowerCase())?.id;
      if (known) return known;
      const id = nextId("P", personIds);
      personIds.add(id);
      await tx.insert(people).values({ id, name: ref.name, role: "Supplier owner (added by supplier import)", workspaceId: workspace.id });
      result.peopleAdded.push({ id, name: ref.name });
      return id;
    };
    for (const row of imported) {
      const { lastReview, nextReview, ...fields } = row.values;
      const values: SupplierValues = fields;
      const owner = await ownerId(row.owner);
      if (owner !== undefined) values.owner = owner;
      const current = matches.get(row);
      // A new last review is recorded as a review (with its result); otherwise the next review is a plain field.
      const reviewed = lastReview && lastReview !== current?.lastReview ? lastReview : null;
      if (!reviewed && nextReview !== undefined) values.nextReview = nextReview;
      let id: string;
      if (current) {
        id = current.id;
        if (values.certifications) {
          values.certifications = mergeCertifications(current.certifications, values.certifications);
          const kept = values.certifications;
          const dropped = current.certifications.filter((c) => !kept.some((k) => sameCertification(k.name, c.name)));
          for (const c of dropped) result.warnings.push(`${id} (${current.name}): ${c.name} is no longer listed (row ${row.row}) and was removed`);
        }
        const changes = Object.fromEntries(Object.entries(values).filter(([key, value]) => canonicalJson(value ?? null) !== canonicalJson(Reflect.get(current, key) ?? null)));
        if (Object.keys(changes).length) await editEntry(tx, workspace, "suppliers", id, changes, { actor: options.actor });
        (Object.keys(changes).length || reviewed ? result.updated : result.unchanged).push(id);
      } else {
        id = ownIds.has(row) && row.ref ? row.ref : nextId("SUP", ids);
        if (row.ref && id !== row.ref) result.warnings.push(`row ${row.row}: ${row.ref} is another supplier's id here, so ${row.name} was added as ${id}`);
        ids.add(id);
        await addEntry(tx, workspace, "suppliers", { ...values, name: row.name, id }, { actor: options.actor, idPrefix: "SUP" });
        result.added.push(id);
      }
      if (reviewed) {
        await recordSupplierReview(tx, workspace, id, { result: row.reviewResult, on: reviewed, next: nextReview ?? undefined }, { actor: options.actor, today, source: basename(path) });
        result.reviewsRecorded.push(id);
      }
    }
    await appendAuditLog(tx, { workspaceId: workspace.id, actor: options.actor, action: "suppliers.import", entityType: "suppliers", entityId: basename(path), before: null, after: result });
    return result;
  });
}
