// The schema keeps the conventions that generic code (workspace export and import) relies on.
import { getTableColumns, getTableName, is } from "drizzle-orm";
import type { Column } from "drizzle-orm";
import { getTableConfig, PgTable } from "drizzle-orm/pg-core";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { generateDrizzleJson, generateMigration } from "drizzle-kit/api";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { migrationsFolder } from "../src/store/migrations.js";
import * as schema from "../src/store/schema/index.js";
import { workspaces, workspaceTables } from "../src/store/schema/index.js";

const allTables = Object.values(schema).flatMap((value) => (is(value, PgTable) ? [value] : []));
const deploymentTables = ["workspaces", "users", "audit_log", "accounts", "sessions", "setup_tokens"];

describe("store schema", () => {
  it("lists every workspace-scoped table in workspaceTables, under its SQL name", () => {
    const listed = workspaceTables.map(({ name, table }) => {
      expect(getTableName(table)).toBe(name);
      return name;
    });
    const scoped = allTables.map((t) => getTableName(t)).filter((name) => !deploymentTables.includes(name));
    expect([...listed].sort()).toEqual([...scoped].sort());
  });

  it.each(workspaceTables.map(({ name, table }) => [name, table] as const))(
    "%s is keyed by (workspace_id, id) and deleted with its workspace",
    (_name, table) => {
      const config = getTableConfig(table);
      const { workspaceId, id } = getTableColumns(table);
      expect(workspaceId).toMatchObject({ name: "workspace_id", columnType: "PgUUID", notNull: true });
      expect(id).toMatchObject({ name: "id", columnType: "PgText", notNull: true });
      expect(config.primaryKeys.map((pk) => pk.columns.map((c) => c.name))).toEqual([["workspace_id", "id"]]);
      const toWorkspace = config.foreignKeys.filter((fk) => fk.reference().foreignTable === workspaces);
      expect(toWorkspace.map((fk) => [fk.reference().columns.map((c) => c.name), fk.onDelete])).toEqual([[["workspace_id"], "cascade"]]);
    },
  );

  it("orders workspaceTables parents before children", () => {
    const position = new Map<string, number>(workspaceTables.map(({ table }, index) => [getTableName(table), index]));
    for (const [index, { name, table }] of workspaceTables.entries()) {
      for (const fk of getTableConfig(table).foreignKeys) {
        const parent = getTableName(fk.reference().foreignTable);
        if (deploymentTables.includes(parent) || parent === name) continue;
        expect(position.get(parent), `${name} references ${parent}`).toBeLessThan(index);
      }
    }
  });

  it("references inside a workspace always include the workspace, so they cannot cross tenants", () => {
    for (const { name, table } of workspaceTables) {
      for (const fk of getTableConfig(table).foreignKeys) {
        const parent = fk.reference().foreignTable;
        if (deploymentTables.includes(getTableName(parent))) continue;
        expect(fk.reference().columns[0]?.name, `${fk.getName()} of ${name}`).toBe("workspace_id");
      }
    }
  });

  it.each(allTables.map((table) => [getTableName(table), table] as const))(
    "%s names columns in snake_case, stores instants as Dates, calendar dates as text and JSON as jsonb",
    (_name, table) => {
      for (const [field, column] of Object.entries<Column>(getTableColumns(table))) {
        expect(column.name).toBe(field.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`));
        expect(["PgTimestampString", "PgDate", "PgJson"]).not.toContain(column.columnType);
      }
    },
  );

  it("the migrations in drizzle/ are up to date with the schema (else run npx drizzle-kit generate)", async () => {
    const journal = z.object({ entries: z.array(z.object({ idx: z.number() })) }).parse(JSON.parse(readFileSync(join(migrationsFolder, "meta", "_journal.json"), "utf8")));
    const last = String(journal.entries.at(-1)?.idx ?? 0).padStart(4, "0");
    const snapshot: unknown = JSON.parse(readFileSync(join(migrationsFolder, "meta", `${last}_snapshot.json`), "utf8"));
    const current: unknown = generateDrizzleJson(schema);
    expect(await generateMigration(snapshot, current)).toEqual([]);
  });
});
