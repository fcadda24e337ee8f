// Opening the store: which database the options and environment choose, where PGlite keeps its
// files, that data survives a reopen, and what a person is told when PostgreSQL cannot be reached.
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { openStore } from "../src/store/open.js";
import { openPgliteStore } from "../src/store/pglite.js";
import { DatabaseUnreachableError } from "../src/store/postgres.js";
import { findWorkspace, listWorkspaces } from "../src/store/workspaces.js";
import { createTestWorkspace } from "./helpers/fixtures.js";
import { createTestDatabase, runPostgresTests } from "./helpers/stores.js";

const dirs: string[] = [];
function freshDir(): string {
  const dir = mkdtempSync(join(tmpdir(), "isms-open-"));
  dirs.push(dir);
  return dir;
}

afterEach(() => {
  vi.unstubAllEnvs();
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe("openStore on the embedded database", () => {
  it("creates the data directory, keeps PGlite's files in db/, and keeps data across a reopen", async () => {
    const dataDir = join(freshDir(), "nested", ".isms");
    const first = await openStore({ dataDir });
    expect(first).toMatchObject({ kind: "pglite", location: dataDir });
    const created = await createTestWorkspace(first.db);
    await first.close();
    await first.close(); // closing twice is harmless
    expect(existsSync(join(dataDir, "db", "PG_VERSION"))).toBe(true);

    const second = await openStore({ dataDir });
    expect(await findWorkspace(second.db, created.slug)).toEqual(created);
    await second.close();
  });

  it("uses ISMS_DATA_DIR when no data directory is given and DATABASE_URL is unset", async () => {
    const dataDir = join(freshDir(), "from-env");
    vi.stubEnv("DATABASE_URL", "");
    vi.stubEnv("ISMS_DATA_DIR", dataDir);
    const store = await openStore();
    expect(store.location).toBe(dataDir);
    await store.close();
  });

  it("finds its migrations whatever the working directory", async () => {
    const before = process.cwd();
    process.chdir(freshDir());
    try {
      const store = await openPgliteStore({ memory: true });
      expect(await listWorkspaces(store.db)).toEqual([]);
      await store.close();
    } finally {
      process.chdir(before);
    }
  });
});

describe.runIf(runPostgresTests)("openStore on PostgreSQL", () => {
  it("a database URL wins over a data directory, and DATABASE_URL over the default data directory", async () => {
    const database = await createTestDatabase();
    try {
      const explicit = await openStore({ databaseUrl: database.url, dataDir: join(freshDir(), "unused") });
      expect(explicit.kind).toBe("postgres");
      await explicit.close();
      vi.stubEnv("DATABASE_URL", database.url);
      const fromEnv = await openStore();
      expect(fromEnv.kind).toBe("postgres");
      await fromEnv.close();
    } finally {
      await database.drop();
    }
  });

  it("several processes' stores may open one server at once; migrations run once", async () => {
    const database = await createTestDatabase();
    try {
      const stores = await Promise.all([1, 2, 3].map(() => openStore({ databaseUrl: database.url })));
      const [a, b] = stores;
      if (!a || !b) throw new Error("stores did not open");
      const created = await createTestWorkspace(a.db);
      expect(await findWorkspace(b.db, created.slug)).toEqual(created);
      await Promise.all(stores.map((s) => s.close()));
    } finally {
      await database.drop();
    }
  });
});

describe("openStore when PostgreSQL cannot be reached", () => {
  it("says where it tried, without the password, and what to do", async () => {
    const refused = await openStore({ databaseUrl: "postgres://isms:s3cret@127.0.0.1:1/isms" }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(DatabaseUnreachableError);
    const message = String(refused);
    expect(message).toContain("postgres://isms:***@127.0.0.1:1/isms");
    expect(message).not.toContain("s3cret");
    expect(message).toContain("DATABASE_URL");
  });
});
