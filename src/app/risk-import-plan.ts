// Reads the rows of an imported risk treatment plan (6.1.3 e, 8.3) into treatment actions: each names a
// risk of the register, its Annex A controls, owner, due date ("Recurring" means none), status and evidence.
import type { TreatmentAction } from "../domain/risk/index.js";
import type { Table } from "../reports/tables.js";
import { mappedRows, type ColumnMapping } from "./column-mapping.js";
import type { PersonDirectory } from "./people.js";
import { acceptedActionStatusWords, controlMentions, isBlank, readActionStatus, readDay, recurringWords } from "./risk-import-fields.js";
import { readPerson, type PersonRef, type RowIssue } from "./risk-import-rows.js";

export interface ImportedAction {
  row: number;
  /** The sheet's own id for the action ("RTP-001"), if any. */
  ref: string | undefined;
  riskId: string;
  title: string;
  /** Only the fields the sheet has columns for. */
  changes: Partial<Pick<TreatmentAction, "controlIds" | "dueDate" | "status" | "evidence" | "completedOn">>;
  owner: PersonRef | undefined;
  recurring: boolean;
}

export function readPlanRows(
  table: Table,
  mapping: ColumnMapping,
  context: { knownRiskIds: ReadonlySet<string>; people: PersonDirectory },
): { actions: ImportedAction[]; issues: RowIssue[]; warnings: string[] } {
  const issues: RowIssue[] = [];
  const warnings: string[] = [];
  const actions: ImportedAction[] = [];
  const seen = new Map<string, number>();

  const { has, rows } = mappedRows(table, mapping, issues, isBlank);
  for (const { row, text, value, problem } of rows) {
    const before = issues.length;
    const changes: ImportedAction["changes"] = {};

    const ref = value("id") ?? undefined;
    if (ref) {
      const first = seen.get(ref);
      if (first) problem("id", `${ref} is also on row ${first}`);
      seen.set(ref, row);
    }
    const riskId = value("riskId")?.toUpperCase();
    if (!riskId) problem("riskId", "is empty; name the risk the action treats (e.g. R-001)");
    else if (!context.knownRiskIds.has(riskId)) {
      problem("riskId", `names ${riskId}, which is neither in the register being imported nor in this workspace; correct the id or add the risk`);
    }
    let title = value("title");
    if (!title) problem("title", "is empty; say what the action does");

    let recurring = false;
    if (has("dueDate")) {
      const due = value("dueDate");
      if (due && recurringWords.has(due.toLowerCase())) {
        recurring = true;
        changes.dueDate = null;
        if (title && !/recurring/i.test(title)) title = `${title} (recurring)`;
      } else if (due) {
        const day = readDay(due);
        if (typeof day === "string") changes.dueDate = day;
        else problem("dueDate", `${day.error}, or "Recurring" for an action that repeats`);
      } else changes.dueDate = null;
    }
    if (has("completedOn")) {
      const done = value("completedOn");
      const day = done ? readDay(done) : null;
      if (day !== null && typeof day !== "string") problem("completedOn", day.error);
      else changes.completedOn = day;
    }
    const statusText = value("status");
    if (statusText) {
      const status = readActionStatus(statusText);
      if (!status) problem("status", `"${statusText}" is not an action status; use one of: ${acceptedActionStatusWords}`);
      else changes.status = status;
    }
    if (has("evidence")) changes.evidence = value("evidence");
    if (has("controls")) {
      const controlsText = value("controls");
      const mentions = controlsText ? controlMentions(controlsText) : { ids: [], unknown: [], mapped: [], onlyIds: true };
      for (const unknown of mentions.unknown) problem("controls", `names ${unknown}, which is not an ISO/IEC 27001:2022 Annex A control; correct the id (e.g. A.8.5)`);
      for (const { from, to } of mentions.mapped) warnings.push(`treatment plan row ${row}: ${from} (ISO/IEC 27001:2013) read as ${to.join(", ")} (2022)`);
      if (controlsText && mentions.ids.length === 0) warnings.push(`treatment plan row ${row}: "${controlsText}" names no Annex A control`);
      changes.controlIds = mentions.ids;
    }
    let owner: PersonRef | undefined;
    if (has("owner")) {
      const person = readPerson(text("owner"), context.people);
      if (typeof person === "string") problem("owner", person);
      else owner = person;
    }
    if (issues.length === before && riskId && title) actions.push({ row, ref, riskId, title, changes, owner, recurring });
  }
  return { actions, issues, warnings };
}
