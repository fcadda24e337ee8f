// PostgreSQL through a node-postgres pool: the store for several processes and for scale.
import { drizzle } from "drizzle-orm/node-postgres";
import { migrate } from "drizzle-orm/node-postgres/migrator";
import pg from "pg";
import { migrationsFolder } from "./migrations.js";
import type { Store } from "./open.js";
import * as schema from "./schema/index.js";

/** Serializes migrations between processes that open the same server at once. */
const migrationLockKey = 7_365_000_000;

/** The PostgreSQL server could not be reached or refused the connection. */
export class DatabaseUnreachableError extends Error {
  override readonly name = "DatabaseUnreachableError";
  constructor(
    readonly location: string,
    options: { cause: unknown },
  ) {
    const reason = options.cause instanceof Error ? options.cause.message : String(options.cause);
    super(
      `Cannot connect to PostgreSQL at ${location}: ${reason}. Check that the server runs and that ` +
        `DATABASE_URL is right, or unset DATABASE_URL to use the embedded database in the data directory.`,
      options,
    );
  }
}

export async function openPostgresStore(databaseUrl: string): Promise<Store> {
  const location = redactPassword(databaseUrl);
  // Every session in UTC, so raw SQL renders instants as it does on the embedded database.
  const pool = new pg.Pool({ connectionString: databaseUrl, options: "-c TimeZone=UTC" });
  pool.on("error", (error) => process.emitWarning(`PostgreSQL connection at ${location} failed while idle: ${error.message}`));
  const db = drizzle({ client: pool, schema });
  try {
    let client: pg.PoolClient;
    try {
      client = await pool.connect();
    } catch (error) {
      throw new DatabaseUnreachableError(location, { cause: error });
    }
    try {
      await client.query("select pg_advisory_lock($1)", [migrationLockKey]);
      await migrate(drizzle({ client }), { migrationsFolder });
      await client.query("select pg_advisory_unlock($1)", [migrationLockKey]);
      client.release();
    } catch (error) {
      client.release(true); // ends the session, and with it the advisory lock
      throw error;
    }
  } catch (error) {
    await pool.end();
    throw error;
  }
  let closing: Promise<void> | undefined;
  return {
    db,
    kind: "postgres",
    location,
    close() {
      closing ??= pool.end();
      return closing;
    },
  };
}

function redactPassword(databaseUrl: string): string {
  try {
    const url = new URL(databaseUrl);
    if (url.password) url.password = "***";
    return url.toString();
  } catch {
    return "the server named by the connection string"; // not a URL (key=value form): show nothing secret
  }
}
