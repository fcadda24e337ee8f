// Runs one test suite on both databases: "[pglite]" on a clone of the migrated template, and
// "[postgres]" on a fresh database created on the test server for the suite and dropped after it.
import { randomBytes } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, beforeEach, describe } from "vitest";
import type { Store } from "../../src/store/open.js";
import { openStore } from "../../src/store/open.js";
import { openTestStore } from "./pglite-template.js";

export type GetStore = () => Store;

export const testServerUrl = process.env.ISMS_TEST_DATABASE_URL || "postgres://postgres@127.0.0.1:5432/postgres";

/** Whether the test server answers; asked once per test file. */
const serverProblem = await probeServer(testServerUrl);

/**
 * Declares `suite` twice, as "<name> [pglite]" and "<name> [postgres]". Each variant opens one store
 * for the whole suite, so tests within a suite share it: give each test its own workspace.
 * Without a reachable PostgreSQL the postgres variant is skipped with a message, or fails when CI is set.
 */
export function describeEachStore(name: string, suite: (getStore: GetStore) => void): void {
  describe(`${name} [pglite]`, () => {
    const holder = holdStore(openTestStore);
    suite(holder.get);
  });
  describe(`${name} [postgres]`, () => {
    if (serverProblem === undefined) {
      const holder = holdStore(openFreshPostgresStore);
      suite(holder.get);
      return;
    }
    const where = `PostgreSQL not reachable at ${redact(testServerUrl)} (${serverProblem})`;
    let skipped = 0;
    beforeAll(() => {
      if (process.env.CI) throw new Error(`${where}: CI must run the store tests on PostgreSQL; start the server or set ISMS_TEST_DATABASE_URL.`);
    });
    beforeEach((context) => {
      skipped += 1;
      context.skip();
    });
    afterAll(() => console.warn(`${where}: skipped ${skipped} store tests`));
    suite(() => {
      throw new Error("the postgres store is not available");
    });
  });
}

/** Opens the store before the suite's tests and closes it after them. */
function holdStore(open: () => Promise<Store & { dispose?: () => Promise<void> }>): { get: GetStore } {
  let store: (Store & { dispose?: () => Promise<void> }) | undefined;
  beforeAll(async () => {
    store = await open();
  });
  afterAll(async () => {
    await store?.close();
    await store?.dispose?.();
  });
  return {
    get: () => {
      if (!store) throw new Error("the store opens in beforeAll: call getStore() inside a test or hook, not while declaring");
      return store;
    },
  };
}

/** A migrated store on a database of its own, created on the test server and dropped by dispose(). */
export async function openFreshPostgresStore(): Promise<Store & { dispose: () => Promise<void> }> {
  const database = await createTestDatabase();
  const store = await openStore({ databaseUrl: database.url });
  return { ...store, dispose: database.drop };
}

/** An empty database on the test server named isms_t_<random>; drop() removes it. */
export async function createTestDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `isms_t_${randomBytes(6).toString("hex")}`;
  await onServer((client) => client.query(`create database "${name}"`));
  const url = new URL(testServerUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      await onServer((client) => client.query(`drop database if exists "${name}" with (force)`));
    },
  };
}

/** Whether tests that need the PostgreSQL server run: it answers, or CI is set (and then they must). */
export const runPostgresTests = serverProblem === undefined || Boolean(process.env.CI);

async function onServer<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: testServerUrl, connectionTimeoutMillis: 5_000 });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

async function probeServer(url: string): Promise<string | undefined> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3_000 });
  try {
    await client.connect();
    await client.query("select 1");
    return undefined;
  } catch (error) {
    return error instanceof Error ? error.message || error.name : String(error);
  } finally {
    await client.end().catch(() => undefined); // the connection may never have opened
  }
}

function redact(url: string): string {
  const parsed = new URL(url);
  if (parsed.password) parsed.password = "***";
  return parsed.toString();
}
