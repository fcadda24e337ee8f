// Opens the store: PostgreSQL when a database URL is given, else the embedded PGlite database in the
// ISMS data directory. Either way the migrations are applied before the store is returned.
import { resolve } from "node:path";
import type { ExtractTablesWithRelations } from "drizzle-orm";
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from "drizzle-orm/pg-core";
import { openPostgresStore } from "./postgres.js";
import type * as schema from "./schema/index.js";

export type Schema = typeof schema;
/** The database, whichever driver is underneath; a Tx is also a Db. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
/** The transaction passed to `db.transaction(async (tx) => ...)`. */
export type Tx = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;

export interface Store {
  db: Db;
  kind: "pglite" | "postgres";
  /** The data directory or the server (without password), for messages. */
  location: string;
  close(): Promise<void>;
}

export interface OpenStoreOptions {
  /** The ISMS data directory for the embedded database (default: ISMS_DATA_DIR, else ./.isms). */
  dataDir?: string | undefined;
  /** A PostgreSQL connection URL; wins over dataDir (default: DATABASE_URL). */
  databaseUrl?: string | undefined;
  /** The command shown to a second process that finds the data directory locked. */
  command?: string | undefined;
}

export const defaultDataDir = ".isms";

/**
 * Opens the store. In order: `databaseUrl`, `dataDir`, the DATABASE_URL environment variable,
 * ISMS_DATA_DIR, ./.isms. A data directory is created if missing and locked to this process until
 * `close()` (DataDirectoryInUseError if another process has it).
 */
export async function openStore(options: OpenStoreOptions = {}): Promise<Store> {
  const databaseUrl = options.databaseUrl || (options.dataDir ? undefined : process.env.DATABASE_URL || undefined);
  if (databaseUrl) return openPostgresStore(databaseUrl);
  const dataDir = resolve(options.dataDir || process.env.ISMS_DATA_DIR || defaultDataDir);
  // Imported on use: a process on PostgreSQL never loads the embedded database (about 20 MB).
  const { openPgliteStore } = await import("./pglite.js");
  return openPgliteStore({ dataDir, command: options.command ?? commandLine() });
}

function commandLine(): string {
  return process.argv.slice(1).join(" ");
}

export { DataDirectoryInUseError } from "./lock.js";
export { DatabaseUnreachableError } from "./postgres.js";
