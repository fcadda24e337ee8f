// The embedded database: PGlite in `<data dir>/db`, locked to one process, or in memory for tests.
import { mkdir } from "node:fs/promises";
import { join } from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { drizzle } from "drizzle-orm/pglite";
import { migrate } from "drizzle-orm/pglite/migrator";
import { acquireDataDirectoryLock } from "./lock.js";
import { migrationsFolder } from "./migrations.js";
import type { Store } from "./open.js";
import * as schema from "./schema/index.js";

export type PgliteStoreOptions =
  /** A data directory on disk, locked to this process while open. */
  | { dataDir: string; command: string }
  /** An in-memory database, optionally started from a `dumpDataDir()` tarball. */
  | { memory: true; loadDataDir?: Blob | undefined };

/** Where PGlite keeps the database inside a data directory (beside it: the lock file). */
export function databaseFolder(dataDir: string): string {
  return join(dataDir, "db");
}

export async function openPgliteStore(options: PgliteStoreOptions): Promise<Store> {
  const onDisk = "dataDir" in options;
  if (onDisk) await mkdir(options.dataDir, { recursive: true });
  const lock = onDisk ? await acquireDataDirectoryLock(options.dataDir, options.command) : undefined;
  let client: PGlite | undefined;
  try {
    client = onDisk
      ? await PGlite.create(databaseFolder(options.dataDir))
      : await PGlite.create(options.loadDataDir ? { loadDataDir: options.loadDataDir } : {});
    // Raw SQL then renders instants the same way as on PostgreSQL (see README: dates and times).
    await client.exec("SET TIME ZONE 'UTC'");
    const db = drizzle({ client, schema });
    await migrate(db, { migrationsFolder });
    const opened = client;
    let closing: Promise<void> | undefined;
    return {
      db,
      kind: "pglite",
      location: onDisk ? options.dataDir : "memory",
      close() {
        closing ??= opened.close().finally(() => lock?.release());
        return closing;
      },
    };
  } catch (error) {
    await client?.close();
    lock?.release();
    throw error;
  }
}
