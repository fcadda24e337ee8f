// The people register from an HR export (7.2; A.6.1–A.6.5): CSV or XLSX, columns matched as in the asset
// import; a row updates the person with its id or email, else adds one. One bad row and nothing is written.
import { basename } from "node:path";
import { and, eq } from "drizzle-orm";
import { InvalidInputError, IsmsError } from "../domain/errors.js";
import { readTable, type Table } from "../reports/tables.js";
import type { Db } from "../store/open.js";
import { people } from "../store/schema/index.js";
import { appendAuditLog } from "./audit-log.js";
import { mapColumns, mappedRows, parseColumnMap, type ColumnMapping, type FieldSpec, type RowProblem } from "./column-mapping.js";
import { nextId } from "./entries.js";
import { compareIds } from "./registers.js";
import { readDay } from "./risk-import-fields.js";
import type { Workspace } from "./workspaces.js";

export const personFields: readonly FieldSpec[] = [
  { field: "id", aliases: ["person id", "ref", "reference"] },
  { field: "name", aliases: ["full name", "employee name", "employee", "person", "display name", "legal name"] },
  { field: "givenName", aliases: ["first name", "given name", "forename", "firstname"] },
  { field: "familyName", aliases: ["last name", "surname", "family name", "lastname"] },
  { field: "email", aliases: ["work email", "email address", "e-mail", "mail", "business email"] },
  { field: "role", aliases: ["job title", "position", "job", "function", "job role"] },
  { field: "startDate", aliases: ["start", "started", "hire date", "hired", "joined", "joining date", "date joined", "start date"] },
  { field: "endDate", aliases: ["end", "leaving date", "left", "leave date", "termination date", "last day", "last working day", "exit date"] },
  { field: "ismsRoles", aliases: ["isms roles", "isms role", "security roles", "security role"] },
];

/** The register's own columns that a file sets when it has a column for them. */
const personColumns = ["name", "email", "role", "startDate", "endDate", "ismsRoles"] as const;
type PersonValues = { name: string; email: string | null; role: string | null; startDate: string | null; endDate: string | null; ismsRoles: string[] };
type PersonRow = typeof people.$inferSelect;

interface ImportedPerson {
  row: number;
  id: string | null;
  /** Only the columns the file has. */
  values: Partial<PersonValues> & { name: string };
}

export interface PeopleImportResult {
  source: string;
  added: { id: string; name: string }[];
  updated: { id: string; name: string; fields: string[] }[];
  unchanged: number;
  /** With --replace: people the file does not list, now given a leaving date. */
  left: { id: string; name: string; endDate: string }[];
  ignoredColumns: string[];
}

const emailPattern = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** "Risk Owner; ISMS owner" → ["risk-owner", "isms-owner"]. */
function readRoles(text: string): { roles: string[]; bad: string[] } {
  const roles = text
    .split(/[,;|]/)
    .map((r) => r.trim().toLowerCase().replace(/[\s_]+/g, "-"))
    .filter(Boolean);
  return { roles: [...new Set(roles)], bad: roles.filter((r) => !/^[a-z][a-z0-9-]*$/.test(r)) };
}

/** Checks every row; the caller refuses the file when `issues` is not empty. */
export function readPeopleRows(table: Table, mapping: ColumnMapping): { rows: ImportedPerson[]; issues: RowProblem[] } {
  const issues: RowProblem[] = [];
  const rows: ImportedPerson[] = [];
  const firstRow = new Map<string, number>();
  const { has, rows: mapped } = mappedRows(table, mapping, issues);
  for (const { row, value, problem } of mapped) {
    const before = issues.length;
    const values: Partial<PersonValues> = {};
    const given = [value("givenName"), value("familyName")].filter(Boolean).join(" ");
    const name = value("name") ?? (given || null);
    if (!name) problem(has("name") ? "name" : "givenName", "is empty; every person needs a name");
    const email = value("email");
    if (email && !emailPattern.test(email)) problem("email", `"${email}" is not an email address`);
    if (has("email")) values.email = email;
    if (has("role")) values.role = value("role");
    for (const field of ["startDate", "endDate"] as const) {
      const text = value(field);
      const day = text === null ? null : readDay(text);
      if (day !== null && typeof day !== "string") problem(field, day.error);
      else if (has(field)) values[field] = day;
    }
    if (values.startDate && values.endDate && values.endDate < values.startDate) problem("endDate", `${values.endDate} is before the start date ${values.startDate}`);
    if (has("ismsRoles")) {
      const { roles, bad } = readRoles(value("ismsRoles") ?? "");
      for (const role of bad) problem("ismsRoles", `"${role}" is not a role name; write roles like isms-owner, risk-owner, separated by commas`);
      values.ismsRoles = roles;
    }
    const id = value("id");
    // A row is the same person as an earlier one when it has the same id, email, or (lacking both) name.
    const keys: [string, string, string][] = [];
    if (id) keys.push(["id", `id:${id.toLowerCase()}`, id]);
    if (email) keys.push(["email", `email:${email.toLowerCase()}`, email]);
    if (!id && !email && name) keys.push([has("name") ? "name" : "givenName", `name:${name.toLowerCase()}`, name]);
    const repeated = keys.find(([, key]) => firstRow.has(key));
    if (repeated) problem(repeated[0], `${repeated[2]} is also on row ${firstRow.get(repeated[1]) ?? ""}`);
    for (const [, key] of keys) if (!firstRow.has(key)) firstRow.set(key, row);
    if (issues.length === before && name) rows.push({ row, id, values: { ...values, name } });
  }
  return { rows, issues };
}

function rowErrors(source: string, issues: readonly RowProblem[]): InvalidInputError {
  const sorted = [...issues].sort((a, b) => a.row - b.row);
  return new InvalidInputError(source, sorted.map((i) => ({ path: `row ${i.row}, column "${i.column}"`, message: i.message })));
}

/** Which stored person each row is: by id, else by email, else (with neither) by a name only one person has. */
function matchRows(rows: readonly ImportedPerson[], existing: readonly PersonRow[], mapping: ColumnMapping, source: string): Map<ImportedPerson, PersonRow> {
  const headingOf = new Map([...mapping.fields].map(([heading, field]) => [field, heading]));
  const byId = new Map(existing.map((p) => [p.id.toLowerCase(), p]));
  const byEmail = new Map(existing.flatMap((p) => (p.email ? [[p.email.toLowerCase(), p] as const] : [])));
  const byName = new Map<string, PersonRow[]>();
  for (const p of existing) byName.set(p.name.toLowerCase(), [...(byName.get(p.name.toLowerCase()) ?? []), p]);
  const matches = new Map<ImportedPerson, PersonRow>();
  const matchedOnRow = new Map<string, number>();
  const issues: RowProblem[] = [];
  const problem = (row: number, field: string, message: string) => issues.push({ file: source, row, column: headingOf.get(field) ?? field, message });
  for (const person of rows) {
    const email = person.values.email?.toLowerCase();
    const viaId = person.id ? byId.get(person.id.toLowerCase()) : undefined;
    const viaEmail = email ? byEmail.get(email) : undefined;
    const named = !person.id && !email ? byName.get(person.values.name.toLowerCase()) : undefined;
    const match = viaId ?? viaEmail ?? (named?.length === 1 ? named[0] : undefined);
    if (!match) continue;
    if (person.id && match.id.toLowerCase() !== person.id.toLowerCase()) {
      problem(person.row, "email", `${person.values.email ?? ""} is the email of ${match.id} ${match.name}, but the row's id is ${person.id}; correct one of them`);
      continue;
    }
    if (viaId && viaEmail && viaEmail.id !== viaId.id) {
      problem(person.row, "email", `${person.values.email ?? ""} is the email of ${viaEmail.id} ${viaEmail.name}, not of ${viaId.id}; correct one of them`);
      continue;
    }
    const first = matchedOnRow.get(match.id);
    if (first) problem(person.row, person.id ? "id" : "email", `is ${match.id} ${match.name}, as row ${first} is`);
    matchedOnRow.set(match.id, person.row);
    matches.set(person, match);
  }
  if (issues.length) throw rowErrors(source, issues);
  return matches;
}

const sameValue = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

export async function importPeople(
  db: Db,
  workspace: Workspace,
  path: string,
  options: { map?: string | undefined; sheet?: string | undefined; replace?: boolean | undefined; today?: string | undefined; actor: string },
): Promise<PeopleImportResult> {
  const table = await readTable(path, { sheet: options.sheet });
  const mapping = mapColumns(table.source, table.header, personFields, parseColumnMap(options.map, personFields));
  const fields = new Set(mapping.fields.values());
  if (!fields.has("name") && !fields.has("givenName")) {
    throw new IsmsError(`${table.source}: no column for the name (columns: ${table.header.join(", ")})`, 'Name the column with --map "Your heading=name", or give first and last names (givenName, familyName)');
  }
  const { rows, issues } = readPeopleRows(table, mapping);
  if (issues.length) throw rowErrors(table.source, issues);
  const today = options.today ?? new Date().toISOString().slice(0, 10);

  return db.transaction(async (tx) => {
    const existing = await tx.select().from(people).where(eq(people.workspaceId, workspace.id));
    const matches = matchRows(rows, existing, mapping, table.source);
    const ids = new Set(existing.map((p) => p.id));
    const result: PeopleImportResult = { source: table.source, added: [], updated: [], unchanged: 0, left: [], ignoredColumns: mapping.unmapped };
    const changes: { id: string; before: Partial<PersonValues> | null; after: Partial<PersonValues> }[] = [];
    const where = (id: string) => and(eq(people.workspaceId, workspace.id), eq(people.id, id));

    for (const person of rows) {
      const current = matches.get(person);
      if (!current) {
        const id = person.id ?? nextId("P", ids);
        ids.add(id);
        const after = { email: null, role: null, startDate: null, endDate: null, ismsRoles: [], ...person.values };
        await tx.insert(people).values({ ...after, id, workspaceId: workspace.id });
        result.added.push({ id, name: after.name });
        changes.push({ id, before: null, after });
        continue;
      }
      const stored: PersonValues = { name: current.name, email: current.email, role: current.role, startDate: current.startDate, endDate: current.endDate, ismsRoles: current.ismsRoles };
      const next: PersonValues = { ...stored, ...person.values };
      const changed = personColumns.filter((c) => !sameValue(next[c], stored[c]));
      if (changed.length === 0) {
        result.unchanged += 1;
        continue;
      }
      await tx.update(people).set(next).where(where(current.id));
      result.updated.push({ id: current.id, name: next.name, fields: changed });
      changes.push({ id: current.id, before: Object.fromEntries(changed.map((c) => [c, stored[c]])), after: Object.fromEntries(changed.map((c) => [c, next[c]])) });
    }

    if (options.replace) {
      const listed = new Set([...matches.values()].map((p) => p.id));
      const unlisted = existing.filter((p) => !listed.has(p.id) && !p.endDate).sort((a, b) => compareIds(a.id, b.id));
      for (const person of unlisted) {
        await tx.update(people).set({ endDate: today }).where(where(person.id));
        result.left.push({ id: person.id, name: person.name, endDate: today });
        changes.push({ id: person.id, before: { endDate: null }, after: { endDate: today } });
      }
    }
    await appendAuditLog(tx, {
      workspaceId: workspace.id,
      actor: options.actor,
      action: "people.import",
      entityType: "people",
      entityId: basename(path),
      before: null,
      after: { ...result, changes },
    });
    return result;
  });
}
