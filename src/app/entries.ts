// Add, edit, remove and list the entries of a workspace register, each write in a transaction with
// its audit-log entry. The register's zod schema (derived from its table) validates every value.
import { and, eq } from "drizzle-orm";
import { InvalidInputError, IsmsError } from "../domain/errors.js";
import type { Db, Tx } from "../store/open.js";
import { auditLog } from "../store/schema/index.js";
import { appendAuditLog } from "./audit-log.js";
import { compareIds, registerNamed, type Register } from "./registers.js";
import type { Workspace } from "./workspaces.js";

export type Entry = Record<string, unknown>;

export async function listEntries(db: Db, workspace: Workspace, registerName: string): Promise<Entry[]> {
  const register = registerNamed(registerName);
  const rows: Entry[] = await db.select().from(register.table).where(eq(register.workspaceColumn, workspace.id));
  return rows.map((row) => withoutWorkspace(row)).sort((a, b) => compareIds(String(a.id), String(b.id)));
}

export async function getEntry(db: Db, workspace: Workspace, registerName: string, id: string): Promise<Entry> {
  const register = registerNamed(registerName);
  const [row]: Entry[] = await db
    .select()
    .from(register.table)
    .where(and(eq(register.workspaceColumn, workspace.id), eq(register.idColumn, id)));
  if (!row) throw new IsmsError(`No entry ${id} in ${register.name.replaceAll("_", " ")}`, `List them with: isms ${register.name.replaceAll("_", "-")} list`);
  return withoutWorkspace(row);
}

function withoutWorkspace(row: Entry): Entry {
  const { workspaceId: _workspaceId, ...rest } = row;
  return rest;
}

/** The next id of the form PREFIX-NNN after the highest one in use ("R-010" after "R-009"). */
export function nextId(prefix: string, used: Iterable<string>): string {
  let highest = 0;
  const pattern = new RegExp(`^${prefix}-(\\d+)$`);
  for (const id of used) {
    const match = pattern.exec(id);
    if (match?.[1]) highest = Math.max(highest, Number(match[1]));
  }
  return `${prefix}-${String(highest + 1).padStart(3, "0")}`;
}

function validate(register: Register, source: string, values: Entry): Entry {
  const parsed = register.row.safeParse(values);
  if (!parsed.success) {
    throw new InvalidInputError(
      source,
      parsed.error.issues.map((i) => ({ path: i.path.map(String).join("."), message: i.message })),
    );
  }
  return parsed.data;
}

export interface WriteContext {
  actor: string;
}

export async function addEntry(
  tx: Tx,
  workspace: Workspace,
  registerName: string,
  values: Entry,
  context: WriteContext & { idPrefix: string },
): Promise<Entry> {
  const register = registerNamed(registerName);
  const existing = await tx.select({ id: register.idColumn }).from(register.table).where(eq(register.workspaceColumn, workspace.id));
  // A removed entry's id is never handed out again: its history in the audit log stays its own.
  const removed = await tx
    .select({ id: auditLog.entityId })
    .from(auditLog)
    .where(and(eq(auditLog.workspaceId, workspace.id), eq(auditLog.action, `${register.name}.remove`)));
  const id = typeof values.id === "string" && values.id ? values.id : nextId(context.idPrefix, [...existing, ...removed].map((e) => String(e.id)));
  if (existing.some((e) => e.id === id)) throw new IsmsError(`${id} already exists in ${register.name.replaceAll("_", " ")}`, "Choose another id, or edit it");
  const row = validate(register, `new ${register.name.replaceAll("_", " ")} entry`, { ...values, id });
  await tx.insert(register.table).values({ ...row, workspaceId: workspace.id });
  await appendAuditLog(tx, { workspaceId: workspace.id, actor: context.actor, action: `${register.name}.add`, entityType: register.name, entityId: id, before: null, after: row });
  return row;
}

export async function editEntry(tx: Tx, workspace: Workspace, registerName: string, id: string, changes: Entry, context: WriteContext): Promise<Entry> {
  const register = registerNamed(registerName);
  const before = await getEntry(tx, workspace, registerName, id);
  const row = validate(register, `${register.name.replaceAll("_", " ")} ${id}`, { ...before, ...changes, id });
  await tx
    .update(register.table)
    .set(row)
    .where(and(eq(register.workspaceColumn, workspace.id), eq(register.idColumn, id)));
  await appendAuditLog(tx, { workspaceId: workspace.id, actor: context.actor, action: `${register.name}.edit`, entityType: register.name, entityId: id, before, after: row });
  return row;
}

export async function removeEntry(tx: Tx, workspace: Workspace, registerName: string, id: string, context: WriteContext): Promise<void> {
  const register = registerNamed(registerName);
  const before = await getEntry(tx, workspace, registerName, id);
  try {
    await tx.delete(register.table).where(and(eq(register.workspaceColumn, workspace.id), eq(register.idColumn, id)));
  } catch (error) {
    const detail = error instanceof Error && error.cause instanceof Error ? error.cause.message : String(error);
    throw new IsmsError(`${id} cannot be removed while other entries refer to it (${detail})`, "Change or remove those entries first");
  }
  await appendAuditLog(tx, { workspaceId: workspace.id, actor: context.actor, action: `${register.name}.remove`, entityType: register.name, entityId: id, before, after: null });
}
