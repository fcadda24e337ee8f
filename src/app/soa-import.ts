// Imports an SoA spreadsheet (CSV or XLSX, 2022 or 2013 numbering) into the workspace: every row is
// checked first and nothing is written if one is bad; unknown owners join the people register.
import { basename, extname } from "node:path";
import { and, eq, inArray } from "drizzle-orm";
import ExcelJS from "exceljs";
import { isControlId } from "../catalog/annex-a.js";
import { InvalidInputError, IsmsError } from "../domain/errors.js";
import { notAssessed, type Conversion2013Report, type ImplementationStatus, type SoaEntry } from "../domain/soa/index.js";
import { readSoaCsv } from "../reports/soa-csv.js";
import { readTable, type Table } from "../reports/tables.js";
import type { Db, Tx } from "../store/open.js";
import { controlImplementations, ownControls, people } from "../store/schema/index.js";
import { appendAuditLog } from "./audit-log.js";
import { mapColumns, normalizeHeading, parseColumnMap } from "./column-mapping.js";
import { nextId } from "./entries.js";
import { loadPersonDirectory } from "./people.js";
import { listOwnControls, loadStatementOfApplicability } from "./soa.js";
import { parseSoaRows, soaFields, type SoaImportNote, type SoaImportRow } from "./soa-import-rows.js";
import type { Workspace } from "./workspaces.js";

export interface SoaImportOptions {
  map?: string | undefined;
  sheet?: string | undefined;
  /** Controls the file does not list lose their decision (Annex A) rather than keep it. */
  replace?: boolean | undefined;
  actor: string;
}

export interface SoaImportResult {
  source: string;
  edition: "2022" | "2013";
  added: string[];
  updated: string[];
  unchanged: string[];
  /** Annex A controls whose entry --replace removed (now undecided). */
  removed: string[];
  ownControlsAdded: string[];
  peopleAdded: { id: string; name: string }[];
  ignoredColumns: string[];
  notes: SoaImportNote[];
  conversion?: Conversion2013Report;
  /** Statuses from the file that evidence and checks outrank (the SoA shows the derived one). */
  statusesSuperseded: { controlId: string; file: ImplementationStatus | null; derived: ImplementationStatus | null }[];
}

/** The worksheet that holds the SoA: the named one, else the first whose header has a control id and applicability column. */
async function pickSheet(path: string): Promise<string | undefined> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(path).catch((error: unknown) => {
    throw new IsmsError(`Cannot read ${path}: ${error instanceof Error ? error.message : String(error)}`, "Check that the file exists and is an XLSX file");
  });
  const matches = (heading: string, field: string) => soaFields.find((f) => f.field === field)?.aliases.some((a) => normalizeHeading(a) === normalizeHeading(heading)) ?? false;
  const sheet = workbook.worksheets.find((ws) => {
    const headings: string[] = [];
    ws.getRow(1).eachCell((cell) => headings.push(cell.text));
    return headings.some((h) => matches(h, "controlId")) && headings.some((h) => matches(h, "applicability"));
  });
  return sheet?.name;
}

async function readSoaTable(path: string, sheet: string | undefined): Promise<{ table: Table; notes: SoaImportNote[]; problems: { path: string; message: string }[] }> {
  if (extname(path).toLowerCase() === ".csv") {
    const { table, repairs, problems } = await readSoaCsv(path);
    return { table, notes: repairs, problems: problems.map((p) => ({ path: `row ${p.row}`, message: p.message })) };
  }
  const chosen = sheet ?? (extname(path).toLowerCase() === ".xlsx" ? await pickSheet(path) : undefined);
  return { table: await readTable(path, { sheet: chosen }), notes: [], problems: [] };
}

/** Risks a file gives as reasons that the register does not show the control treating (risk reasons come from the register). */
function riskReasonNotes(rows: readonly SoaImportRow[], entries: readonly SoaEntry[]): SoaImportNote[] {
  const treated = new Map(entries.map((e) => [e.controlId, new Set(e.treatedRiskIds)]));
  return rows.flatMap((row) => {
    const unknown = (row.riskRefs ?? []).filter((ref) => !treated.get(row.controlId)?.has(ref));
    if (!unknown.length) return [];
    return [{ row: row.rows[0], controlId: row.controlId, message: `${row.controlId} names ${unknown.join(", ")} as reasons, but the risk register has no such "treat" risk naming it; risk reasons follow from the register (isms risk edit … --controls ${row.controlId})` }];
  });
}

/** Reasons as comparable text (the store's JSON may order keys its own way). */
const reasonsKey = (reasons: readonly { kind: string; ref?: string | undefined }[]) => reasons.map((r) => `${r.kind}:${r.ref ?? ""}`).join(";");

/** The stored row an imported row makes, over what is stored now (fields the file lacks stay). */
function storedValues(row: SoaImportRow, before: typeof controlImplementations.$inferSelect | undefined, ownerId: string | null | undefined) {
  const statusInFile = row.implementationStatus !== undefined;
  return {
    applicability: row.applicability,
    reasons: row.reasons ?? before?.reasons ?? [],
    justification: row.justification ?? before?.justification ?? "",
    implementationStatus: statusInFile ? (row.implementationStatus ?? notAssessed) : (before?.implementationStatus ?? notAssessed),
    statusOverrideReason: statusInFile ? (row.overrideReason ?? null) : (before?.statusOverrideReason ?? null),
    owner: ownerId !== undefined ? ownerId : (before?.owner ?? null),
    implementationDescription: row.implementationDescription !== undefined ? row.implementationDescription : (before?.implementationDescription ?? null),
    reference: row.reference !== undefined ? row.reference : (before?.reference ?? null),
  };
}

export async function importStatementOfApplicability(db: Db, workspace: Workspace, path: string, options: SoaImportOptions): Promise<SoaImportResult> {
  const { table, notes: readNotes, problems } = await readSoaTable(path, options.sheet);
  const mapping = mapColumns(table.source, table.header, soaFields, parseColumnMap(options.map, soaFields));
  const parsed = parseSoaRows(table, mapping);
  const issues = [...problems, ...parsed.issues];
  if (issues.length) throw new InvalidInputError(table.source, issues);
  if (!parsed.rows.length) throw new IsmsError(`${table.source} lists no controls`, "Check the sheet (--sheet) and the control id column (--map)");

  return db.transaction(async (tx) => {
    const result = await writeRows(tx, workspace, table.source, parsed.rows, options);
    const current = await loadStatementOfApplicability(tx, workspace);
    const statusesSuperseded = parsed.rows.flatMap((row) => {
      const entry = current.find((e) => e.controlId === row.controlId);
      if (!entry || row.implementationStatus === undefined || entry.statusSource !== "derived" || entry.implementationStatus === row.implementationStatus) return [];
      return [{ controlId: row.controlId, file: row.implementationStatus, derived: entry.implementationStatus }];
    });
    const summary: SoaImportResult = {
      source: table.source,
      edition: parsed.edition,
      ...result,
      ignoredColumns: mapping.unmapped,
      notes: [
        ...readNotes,
        ...parsed.notes,
        ...riskReasonNotes(parsed.rows, current),
        ...current
          .filter((e) => e.applicability === "not_applicable" && e.treatedRiskIds.length)
          .map((e) => ({ controlId: e.controlId, message: `${e.controlId} is excluded but treats ${e.treatedRiskIds.join(", ")}; include it or change those risks' treatment` })),
      ],
      ...(parsed.conversion ? { conversion: parsed.conversion } : {}),
      statusesSuperseded,
    };
    const logged = { ...summary, notes: summary.notes.length, conversion: parsed.conversion ? parsed.conversion.converted.length : undefined };
    await appendAuditLog(tx, { workspaceId: workspace.id, actor: options.actor, action: "soa.import", entityType: "soa", entityId: basename(path), before: null, after: logged });
    return summary;
  });
}

async function writeRows(tx: Tx, workspace: Workspace, source: string, rows: readonly SoaImportRow[], options: SoaImportOptions) {
  const directory = await loadPersonDirectory(tx, workspace);
  const personIds = new Set(directory.ids());
  const peopleAdded: { id: string; name: string }[] = [];
  const ownerId = async (name: string | null | undefined): Promise<string | null | undefined> => {
    if (name === undefined || name === null) return name;
    const found = directory.find(name) ?? peopleAdded.find((p) => p.name.toLowerCase() === name.trim().toLowerCase())?.id;
    if (found) return found;
    const id = nextId("P", personIds);
    personIds.add(id);
    await tx.insert(people).values({ workspaceId: workspace.id, id, name: name.trim(), role: "Control owner (added by SoA import)" });
    peopleAdded.push({ id, name: name.trim() });
    return id;
  };

  const own = new Map((await listOwnControls(tx, workspace)).map((c) => [c.id.toLowerCase(), c.id]));
  const stored = new Map((await tx.select().from(controlImplementations).where(eq(controlImplementations.workspaceId, workspace.id))).map((r) => [r.controlId, r]));
  const ownControlsAdded: string[] = [];
  const added: string[] = [];
  const updated: string[] = [];
  const unchanged: string[] = [];
  for (const row of rows) {
    let controlId = row.controlId;
    if (row.own) {
      const existing = own.get(controlId.toLowerCase());
      if (existing) controlId = existing;
      else {
        if (!row.title) throw new InvalidInputError(source, [{ path: `row ${row.rows[0] ?? ""}`, message: `${controlId} is no own control of this workspace; give its title in a "Control Name" column to add it` }]);
        await tx.insert(ownControls).values({ workspaceId: workspace.id, id: controlId, title: row.title });
        own.set(controlId.toLowerCase(), controlId);
        ownControlsAdded.push(controlId);
      }
    }
    const before = stored.get(controlId);
    const values = storedValues(row, before, await ownerId(row.owner));
    if (!before) {
      await tx.insert(controlImplementations).values({ ...values, workspaceId: workspace.id, id: controlId, controlId, evidenceRefs: [] });
      added.push(controlId);
      continue;
    }
    const changed =
      values.applicability !== before.applicability ||
      reasonsKey(values.reasons) !== reasonsKey(before.reasons) ||
      values.justification !== before.justification ||
      values.implementationStatus !== before.implementationStatus ||
      values.statusOverrideReason !== before.statusOverrideReason ||
      values.owner !== before.owner ||
      values.implementationDescription !== before.implementationDescription ||
      values.reference !== before.reference;
    if (!changed) {
      unchanged.push(controlId);
      continue;
    }
    await tx.update(controlImplementations).set(values).where(and(eq(controlImplementations.workspaceId, workspace.id), eq(controlImplementations.controlId, controlId)));
    updated.push(controlId);
  }
  let removed: string[] = [];
  if (options.replace) {
    const listed = new Set(rows.map((r) => r.controlId));
    removed = [...stored.keys()].filter((id) => isControlId(id) && !listed.has(id));
    if (removed.length) await tx.delete(controlImplementations).where(and(eq(controlImplementations.workspaceId, workspace.id), inArray(controlImplementations.controlId, removed)));
  }
  return { added, updated, unchanged, removed, ownControlsAdded, peopleAdded };
}
