// A migrated PGlite database built once and kept as a tarball in the OS temp folder, so that a test
// gets a fresh database by loading it (~0.5 s) instead of running initdb and migrations (~3 s, ~0.8 GB).
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { mkdir, readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { drizzle } from "drizzle-orm/pglite";
import { migrate } from "drizzle-orm/pglite/migrator";
import { z } from "zod";
import { migrationsFolder } from "../../src/store/migrations.js";
import type { Store } from "../../src/store/open.js";
import { databaseFolder, openPgliteStore } from "../../src/store/pglite.js";

let template: Promise<Blob> | undefined;

/** A fresh in-memory store with every migration applied, cloned from the shared template. */
export async function openTestStore(): Promise<Store> {
  return openPgliteStore({ memory: true, loadDataDir: await migratedTemplate() });
}

/**
 * Fills a data directory that has no database yet with a copy of the template (~1.5 s), as opening it would
 * have created it (initdb and every migration, ~4–6 s and ~1 GB). Says whether it did.
 */
export async function seedDataDir(dataDir: string): Promise<boolean> {
  const folder = databaseFolder(dataDir);
  if (existsSync(folder)) return false;
  await mkdir(dataDir, { recursive: true });
  const client = await PGlite.create(folder, { loadDataDir: await migratedTemplate() });
  await client.close();
  return true;
}

/** The template's tarball, built on first use; its file name changes with the migrations and PGlite's version. */
export function migratedTemplate(): Promise<Blob> {
  template ??= loadOrBuildTemplate();
  return template;
}

/** Where the template for the current migrations and PGlite version lives. */
export function templatePath(): string {
  return join(tmpdir(), `openisms-pglite-template-${templateKey()}.tar`);
}

async function loadOrBuildTemplate(): Promise<Blob> {
  const path = templatePath();
  try {
    return new Blob([await readFile(path)]);
  } catch (error) {
    if (!(error instanceof Error && "code" in error && error.code === "ENOENT")) throw error;
  }
  const client = await PGlite.create();
  try {
    await migrate(drizzle({ client }), { migrationsFolder });
    const dump = await client.dumpDataDir("none");
    // Write then rename, so a test worker building the same template at once never reads half a file.
    const partial = `${path}.${process.pid}.partial`;
    writeFileSync(partial, new Uint8Array(await dump.arrayBuffer()));
    renameSync(partial, path);
    return dump;
  } finally {
    await client.close();
  }
}

function templateKey(): string {
  const hash = createHash("sha256").update(`pglite ${pgliteVersion()}\n`);
  const files = readdirSync(migrationsFolder, { recursive: true, encoding: "utf8" }).filter((f) => f.endsWith(".sql") || f.endsWith(".json"));
  for (const file of files.sort()) hash.update(`${file}\n`).update(readFileSync(join(migrationsFolder, file)));
  return hash.digest("hex").slice(0, 16);
}

function pgliteVersion(): string {
  const entry = createRequire(import.meta.url).resolve("@electric-sql/pglite");
  const manifest: unknown = JSON.parse(readFileSync(join(dirname(entry), "..", "package.json"), "utf8"));
  return z.object({ version: z.string() }).parse(manifest).version;
}
