// Opens the ISMS store for the faces: PGlite in the data directory by default, PostgreSQL when
// DATABASE_URL names a server.
import { openStore, type Store } from "../store/open.js";

export type Isms = Store;

export interface OpenIsmsOptions {
  dataDir?: string | undefined;
  databaseUrl?: string | undefined;
  command?: string | undefined;
}

export async function openIsms(options: OpenIsmsOptions = {}): Promise<Isms> {
  const databaseUrl = options.databaseUrl ?? (process.env.DATABASE_URL || undefined);
  const dataDir = options.dataDir ?? (process.env.ISMS_DATA_DIR || ".isms");
  return openStore({ dataDir, databaseUrl, command: options.command ?? process.argv.slice(1).join(" ") });
}
