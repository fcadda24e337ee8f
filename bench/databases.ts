// Runs a benchmark on the embedded database (a fresh data directory) and then on PostgreSQL, on a database
// created for it on the test server and dropped after; the PostgreSQL run is skipped, saying why, when no
// server answers.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openStore, type Store } from "../src/store/open.js";
import { createTestDatabase } from "../test/helpers/stores.js";

export async function onEachDatabase(benchmark: (label: "pglite" | "postgres", store: Store) => Promise<void>): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), "isms-bench-"));
  const embedded = await openStore({ dataDir: dir });
  try {
    await benchmark("pglite", embedded);
  } finally {
    await embedded.close();
    await rm(dir, { recursive: true, force: true });
  }

  const database = await createTestDatabase().catch((error: unknown) => {
    console.log(`postgres: skipped (${error instanceof Error ? error.message : String(error)})`);
    return undefined;
  });
  if (!database) return;
  const server = await openStore({ databaseUrl: database.url });
  try {
    await benchmark("postgres", server);
  } finally {
    await server.close();
    await database.drop();
  }
}
