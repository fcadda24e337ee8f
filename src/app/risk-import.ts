// Imports a risk register (and optionally its treatment plan) from CSV or XLSX: every row is checked
// first and nothing is written if one is bad; then, in one transaction, risks are added or updated through
// the register's services (so each is rescored under the methodology in force and its assessment kept).
import { basename } from "node:path";
import { eq } from "drizzle-orm";
import { InvalidInputError } from "../domain/errors.js";
import type { Risk, TreatmentAction } from "../domain/risk/index.js";
import { readTable, type Table } from "../reports/tables.js";
import type { Db, Tx } from "../store/open.js";
import { assets, people } from "../store/schema/index.js";
import { canonicalJson } from "../domain/canonical-json.js";
import { appendAuditLog } from "./audit-log.js";
import { mapColumns, parseColumnMap, type ColumnMapping, type FieldSpec } from "./column-mapping.js";
import { nextId } from "./entries.js";
import { loadPersonDirectory } from "./people.js";
import { looseHeadings, riskRegisterFields, treatmentPlanFields } from "./risk-import-fields.js";
import { readPlanRows, type ImportedAction } from "./risk-import-plan.js";
import { readRegisterRows, type ImportedRisk, type PersonRef, type RowIssue } from "./risk-import-rows.js";
import { currentMethodology } from "./risk-methodology.js";
import { addRisk, addTreatmentAction, editRisk, editTreatmentAction, loadRisks, loadTreatmentActions, lockRiskIds, type RiskInput } from "./risks.js";
import type { Workspace } from "./workspaces.js";

export interface RiskImportOptions {
  /** Column mapping for the register: "Heading=field,…" (fields as in riskRegisterFields). */
  map?: string | undefined;
  sheet?: string | undefined;
  /** A treatment plan file (CSV or XLSX) to import with the register. */
  treatmentPlan?: string | undefined;
  treatmentMap?: string | undefined;
  treatmentSheet?: string | undefined;
  /**
   * A sheet's Inherent or Residual Score that differs from the score the methodology computes from the
   * sheet's own ratings: "error" (the default) rejects the row; "warning" reports it and keeps the computed score.
   */
  scoreMismatch?: "error" | "warning" | undefined;
  actor: string;
  at?: Date;
}

export interface TreatmentPlanImportResult {
  source: string;
  added: { id: string; ref: string | null; riskId: string }[];
  updated: string[];
  unchanged: string[];
  /** Actions the plan marks as recurring: imported with no due date. */
  recurring: string[];
  ignoredColumns: string[];
}

export interface RiskImportResult {
  source: string;
  methodologyVersion: number;
  added: string[];
  updated: string[];
  unchanged: string[];
  peopleAdded: { id: string; name: string }[];
  /** Reported, not blocking: a sheet's level named differently from the band, a 2013 control id read as 2022, … */
  warnings: string[];
  /** Columns no field took (informational ones such as "Budget" included). */
  ignoredColumns: string[];
  treatmentPlan: TreatmentPlanImportResult | null;
}

async function readMapped(path: string, sheet: string | undefined, map: string | undefined, fields: readonly FieldSpec[]): Promise<{ table: Table; mapping: ColumnMapping }> {
  const table = await readTable(path, { sheet });
  const overrides = looseHeadings(table.header, fields, parseColumnMap(map, fields));
  return { table, mapping: mapColumns(table.source, table.header, fields, overrides) };
}

/** One error for every bad row of both files, each named by file, row and column. */
function rowErrors(issues: readonly RowIssue[]): InvalidInputError {
  const files = [...new Set(issues.map((i) => i.file))];
  const single = files.length === 1 ? files[0] : undefined;
  const sorted = [...issues].sort((a, b) => files.indexOf(a.file) - files.indexOf(b.file) || a.row - b.row);
  return new InvalidInputError(
    single ?? "risk import",
    sorted.map((i) => ({ path: `${single ? "" : `${i.file} `}row ${i.row}, column "${i.column}"`, message: i.message })),
  );
}

const same = (a: unknown, b: unknown): boolean => canonicalJson(a ?? null) === canonicalJson(b ?? null);

/** The entries of `changes` that differ from `current`. */
function differences<T extends object>(current: T, changes: Partial<T>): Partial<T> {
  const out: Partial<T> = {};
  for (const key in changes) if (!same(changes[key], current[key])) out[key] = changes[key];
  return out;
}

const union = (first: readonly string[], second: readonly string[]) => [...new Set([...first, ...second])];

export async function importRiskRegister(db: Db, workspace: Workspace, path: string, options: RiskImportOptions): Promise<RiskImportResult> {
  const methodology = await currentMethodology(db, workspace);
  const register = await readMapped(path, options.sheet, options.map, riskRegisterFields(methodology.body));
  const existing = new Map((await loadRisks(db, workspace)).map((r) => [r.id, r]));
  const directory = await loadPersonDirectory(db, workspace);
  const assetRows = await db.select({ id: assets.id, name: assets.name }).from(assets).where(eq(assets.workspaceId, workspace.id));
  const rows = readRegisterRows(register.table, register.mapping, {
    methodology: methodology.body,
    version: methodology.version,
    existing,
    assets: assetRows,
    people: directory,
    scoreMismatch: options.scoreMismatch ?? "error",
  });
  const plan = options.treatmentPlan ? await readMapped(options.treatmentPlan, options.treatmentSheet, options.treatmentMap, treatmentPlanFields) : undefined;
  const knownRiskIds = new Set([...existing.keys(), ...rows.risks.flatMap((r) => r.id ?? [])]);
  const planRows = plan ? readPlanRows(plan.table, plan.mapping, { knownRiskIds, people: directory }) : undefined;
  const issues = [...rows.issues, ...(planRows?.issues ?? [])];
  if (issues.length) throw rowErrors(issues);

  return db.transaction(async (tx) => {
    // Before any write (people, risks, the audit log): the order every risk-register writer takes its locks in.
    await lockRiskIds(tx, workspace);
    const context = { actor: options.actor, at: options.at ?? new Date(), by: null };
    const personOf = peopleAdder(tx, workspace, directory);
    const planControls = new Map<string, string[]>();
    for (const action of planRows?.actions ?? []) {
      planControls.set(action.riskId, union(planControls.get(action.riskId) ?? [], action.changes.controlIds ?? []));
    }
    const result: RiskImportResult = {
      source: register.table.source,
      methodologyVersion: methodology.version,
      added: [],
      updated: [],
      unchanged: [],
      peopleAdded: personOf.added,
      warnings: [...rows.warnings, ...(planRows?.warnings ?? [])],
      ignoredColumns: register.mapping.unmapped,
      treatmentPlan: null,
    };
    // Rows with their own ids first, so that numbering the others never takes an id a later row names.
    const ordered = [...rows.risks.filter((r) => r.id), ...rows.risks.filter((r) => !r.id)];
    for (const imported of ordered) {
      await writeRisk(tx, workspace, imported, { existing, planControls, personOf, context, result });
    }
    // Risks named only by the plan gain the controls of their actions.
    for (const [riskId, controls] of planControls) {
      const risk = existing.get(riskId);
      if (!risk || rows.risks.some((r) => r.id === riskId) || controls.every((c) => risk.controlIds.includes(c))) continue;
      await editRisk(tx, workspace, riskId, { controlIds: union(risk.controlIds, controls) }, context);
      result.updated.push(riskId);
    }
    if (plan && planRows) {
      result.treatmentPlan = await writeActions(tx, workspace, planRows.actions, { personOf, actor: options.actor, source: plan.table.source, ignored: plan.mapping.unmapped });
    }
    const summary = { ...result, warnings: result.warnings.length };
    await appendAuditLog(tx, { workspaceId: workspace.id, actor: options.actor, action: "risks.import", entityType: "risks", entityId: basename(path), before: null, after: summary });
    return result;
  });
}

type PersonAdder = ((ref: PersonRef | undefined, role: string) => Promise<string | null | undefined>) & { added: { id: string; name: string }[] };

/** Resolves people named in the sheets, adding anyone not yet in the people register (and reporting them). */
function peopleAdder(tx: Tx, workspace: Workspace, directory: Awaited<ReturnType<typeof loadPersonDirectory>>): PersonAdder {
  const added: { id: string; name: string }[] = [];
  const ids = new Set(directory.ids());
  const resolve = async (ref: PersonRef | undefined, role: string): Promise<string | null | undefined> => {
    if (ref === undefined || ref === null) return ref;
    if ("id" in ref) return ref.id;
    const known = directory.find(ref.name) ?? added.find((p) => p.name.toLowerCase() === ref.name.toLowerCase())?.id;
    if (known) return known;
    const id = nextId("P", ids);
    ids.add(id);
    await tx.insert(people).values({ id, name: ref.name, role: `${role} (added by risk import)`, workspaceId: workspace.id });
    added.push({ id, name: ref.name });
    return id;
  };
  return Object.assign(resolve, { added });
}

async function writeRisk(
  tx: Tx,
  workspace: Workspace,
  imported: ImportedRisk,
  state: {
    existing: ReadonlyMap<string, Risk>;
    planControls: ReadonlyMap<string, string[]>;
    personOf: PersonAdder;
    context: { actor: string; at: Date; by: null };
    result: RiskImportResult;
  },
): Promise<void> {
  const current = imported.id ? state.existing.get(imported.id) : undefined;
  const changes: RiskInput = { ...imported.changes };
  const owner = await state.personOf(imported.owner, "Risk owner");
  if (owner !== undefined) changes.owner = owner;
  const fromPlan = imported.id ? state.planControls.get(imported.id) : undefined;
  if (fromPlan) changes.controlIds = union(changes.controlIds ?? current?.controlIds ?? [], fromPlan);
  if (!current) {
    const saved = await addRisk(tx, workspace, { ...changes, ...(imported.id ? { id: imported.id } : {}) }, state.context);
    state.result.added.push(saved.id);
    return;
  }
  const changed = differences(current, changes);
  if (Object.keys(changed).length === 0) {
    state.result.unchanged.push(current.id);
    return;
  }
  await editRisk(tx, workspace, current.id, changed, state.context);
  state.result.updated.push(current.id);
}

async function writeActions(
  tx: Tx,
  workspace: Workspace,
  imported: readonly ImportedAction[],
  options: { personOf: PersonAdder; actor: string; source: string; ignored: string[] },
): Promise<TreatmentPlanImportResult> {
  const result: TreatmentPlanImportResult = { source: options.source, added: [], updated: [], unchanged: [], recurring: [], ignoredColumns: options.ignored };
  const current = await loadTreatmentActions(tx, workspace);
  const context = { actor: options.actor };
  for (const action of imported) {
    const owner = await options.personOf(action.owner, "Action owner");
    const fields: Partial<TreatmentAction> = { ...action.changes, title: action.title, ...(owner !== undefined ? { owner } : {}) };
    // The same action: the sheet's id when it is ours, else the same risk and the same words.
    const match =
      current.find((a) => a.id === action.ref && a.riskId === action.riskId) ??
      current.find((a) => a.riskId === action.riskId && a.title.toLowerCase() === action.title.toLowerCase());
    let id: string;
    if (match) {
      id = match.id;
      const changed = differences(match, fields);
      if (Object.keys(changed).length === 0) result.unchanged.push(id);
      else {
        await editTreatmentAction(tx, workspace, id, changed, context);
        result.updated.push(id);
      }
    } else {
      const saved = await addTreatmentAction(tx, workspace, { ...fields, riskId: action.riskId, title: action.title }, context);
      current.push(saved);
      id = saved.id;
      result.added.push({ id, ref: action.ref ?? null, riskId: action.riskId });
    }
    if (action.recurring) result.recurring.push(id);
  }
  return result;
}
