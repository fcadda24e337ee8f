// The workspace's registers as the files see them: one YAML file per workspace table, rows in a
// stable order, every row validated by a zod schema derived from its table before anything is written.
import { getTableColumns, getTableName, type Column } from "drizzle-orm";
import type { PgColumn, PgTable } from "drizzle-orm/pg-core";
import { createInsertSchema } from "drizzle-zod";
import { z } from "zod";
import { workspaceTables } from "../store/schema/index.js";

export interface Register {
  /** The register's name, also its file name without ".yaml" (e.g. "assets"). */
  name: string;
  table: PgTable;
  /** Columns a file carries, in table order (the workspace id is implied by the workspace). */
  columns: [string, PgColumn][];
  workspaceColumn: PgColumn;
  idColumn: PgColumn;
  row: z.ZodType<Record<string, unknown>>;
}

function toRegister(name: string, table: PgTable): Register {
  const all = getTableColumns(table);
  const { workspaceId, id } = all;
  if (!workspaceId || !id) throw new Error(`table ${getTableName(table)} lacks workspace_id or id`);
  const columns = Object.entries(all).filter(([key]) => key !== "workspaceId");
  const shape: Record<string, z.ZodType> = {};
  const generated: Record<string, z.ZodType> = createInsertSchema(table).shape;
  for (const [key] of columns) {
    const field = generated[key];
    if (field) shape[key] = field;
  }
  const row = z.strictObject(shape).transform((r): Record<string, unknown> => ({ ...r }));
  return { name, table, columns, workspaceColumn: workspaceId, idColumn: id, row };
}

/**
 * Tables that belong to the deployment rather than to the ISMS's content: memberships point at the
 * deployment's user accounts, so they do not travel in an export.
 */
const deploymentTables = new Set(["workspace_members", "memberships"]);

/** Every workspace register, parents before children (the order rows are inserted in). */
export const registers: readonly Register[] = workspaceTables
  .filter(({ name }) => !deploymentTables.has(name))
  .map(({ name, table }) => toRegister(name, table));

/** Orders ids naturally, so R-2 sorts before R-10 and the order never depends on the database. */
export function compareIds(a: string, b: string): number {
  return a.localeCompare(b, "en", { numeric: true, sensitivity: "variant" }) || (a < b ? -1 : a > b ? 1 : 0);
}

/** A stored value as a file shows it: instants as ISO 8601 text, nulls left out by the caller. */
export function toFileValue(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString();
  if (typeof value === "bigint") return Number(value);
  return value;
}

/** A file value as the store takes it: ISO text back to an instant for timestamp columns. */
export function fromFileValue(column: Column, value: unknown): unknown {
  if (column.dataType === "date" && typeof value === "string") {
    const instant = new Date(value);
    return Number.isNaN(instant.getTime()) ? value : instant;
  }
  return value;
}

/** The register with this name ("assets", "risks"…); a programming error if there is none. */
export function registerNamed(name: string): Register {
  const register = registers.find((r) => r.name === name);
  if (!register) throw new Error(`no register named ${name}`);
  return register;
}
