// Export → import → export round trip and the bad-import paths, on both databases.
import { mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { count, eq } from "drizzle-orm";
import { parse } from "yaml";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { exportWorkspace, importWorkspace } from "../src/app/workspace-files.js";
import { initWorkspace, resolveWorkspace } from "../src/app/workspaces.js";
import { InvalidInputError } from "../src/domain/errors.js";
import type { Db } from "../src/store/open.js";
import { assets, auditLog, people } from "../src/store/schema/index.js";
import { uniqueSlug } from "./helpers/fixtures.js";
import { describeEachStore } from "./helpers/stores.js";

let scratch: string;
beforeAll(async () => {
  scratch = await mkdtemp(join(tmpdir(), "isms-files-"));
});
afterAll(async () => {
  await rm(scratch, { recursive: true, force: true });
});

async function readTree(dir: string): Promise<Map<string, Buffer>> {
  const files = new Map<string, Buffer>();
  for (const name of (await readdir(dir)).sort()) files.set(name, await readFile(join(dir, name)));
  return files;
}

async function exportedCopy(db: Db, slug: string, name: string): Promise<string> {
  const dir = join(scratch, `${name}-${slug}`);
  await exportWorkspace(db, await resolveWorkspace(db, slug), dir);
  return dir;
}

async function rowCounts(db: Db): Promise<{ assets: number; people: number; auditLog: number }> {
  const [a] = await db.select({ n: count() }).from(assets);
  const [p] = await db.select({ n: count() }).from(people);
  const [l] = await db.select({ n: count() }).from(auditLog);
  return { assets: a?.n ?? 0, people: p?.n ?? 0, auditLog: l?.n ?? 0 };
}

describeEachStore("workspace files", (getStore) => {
  it("exports, imports and exports again to byte-identical files", async () => {
    const { db } = getStore();
    const slug = uniqueSlug("round");
    await initWorkspace(db, { name: "Round Trip", slug, companyName: "Acme: Cloud \"Ltd\"", template: "aws-saas" });
    const first = await exportedCopy(db, slug, "first");

    await importWorkspace(db, first, { replace: true });
    const second = await exportedCopy(db, slug, "second");

    const a = await readTree(first);
    const b = await readTree(second);
    expect([...b.keys()]).toEqual([...a.keys()]);
    for (const [name, bytes] of a) expect(b.get(name)?.equals(bytes), name).toBe(true);
    expect(a.get("assets.yaml")?.toString()).toContain("id: A-014");
    expect(parse(a.get("workspace.yaml")?.toString() ?? "")).toMatchObject({ companyName: 'Acme: Cloud "Ltd"' });
  });

  it("imports an export into a new workspace when the slug is free, with every register restored", async () => {
    const { db } = getStore();
    const source = uniqueSlug("src");
    await initWorkspace(db, { name: "Source", slug: source, template: "aws-saas" });
    const dir = join(scratch, `copy-${source}`);
    const exported = await exportWorkspace(db, await resolveWorkspace(db, source), dir);
    const header = join(dir, "workspace.yaml");
    const target = uniqueSlug("dst");
    await writeFile(header, (await readFile(header, "utf8")).replace(`slug: ${source}`, `slug: ${target}`));

    const result = await importWorkspace(db, dir, { replace: false });

    expect(result).toMatchObject({ replaced: false, rows: exported.rows });
    expect(exported.rows).toBeGreaterThan(150);
    const ws = await resolveWorkspace(db, target);
    const [n] = await db.select({ n: count() }).from(assets).where(eq(assets.workspaceId, ws.id));
    expect(n?.n).toBe(14);
  });

  describe("a bad import names the file, the place and the reason, and writes nothing", () => {
    async function brokenCopy(db: Db, edit: (dir: string) => Promise<void>): Promise<{ dir: string; slug: string }> {
      const slug = uniqueSlug("bad");
      await initWorkspace(db, { name: "Bad", slug, template: "aws-saas" });
      const dir = await exportedCopy(db, slug, "broken");
      await edit(dir);
      return { dir, slug };
    }

    async function replace(path: string, from: string, to: string): Promise<void> {
      const text = await readFile(path, "utf8");
      expect(text).toContain(from);
      await writeFile(path, text.replace(from, to));
    }

    const cases: { name: string; edit: (dir: string) => Promise<void>; message: RegExp }[] = [
      {
        name: "a field of the wrong type",
        edit: (dir) => replace(join(dir, "assets.yaml"), "inScope: true", "inScope: maybe"),
        message: /assets\.yaml \[0\]\.inScope: .*boolean/,
      },
      {
        name: "a field the register does not have",
        edit: (dir) => replace(join(dir, "people.yaml"), "  role: Top management", "  role: Top management\n  salary: 10"),
        message: /people\.yaml \[0\]: .*salary/,
      },
      {
        name: "a missing required field",
        edit: (dir) => replace(join(dir, "exclusions.yaml"), "  subject: Corporate finance, payroll and accounting systems\n", ""),
        message: /exclusions\.yaml \[0\]\.subject: /,
      },
      {
        name: "text that is not YAML",
        edit: (dir) => writeFile(join(dir, "suppliers.yaml"), "- id: SUP-001\n  name: [unclosed\n"),
        message: /suppliers\.yaml line \d+, column \d+: .*not valid YAML/,
      },
      {
        name: "two entries with one id",
        edit: (dir) => replace(join(dir, "assets.yaml"), "id: A-002", "id: A-001"),
        message: /assets\.yaml \[1\]\.id: duplicate id "A-001"/,
      },
      {
        name: "a file that is not a register",
        edit: (dir) => writeFile(join(dir, "riskz.yaml"), "[]\n"),
        message: /riskz\.yaml: unknown register file/,
      },
      {
        name: "an owner who is not in the people register",
        edit: (dir) => replace(join(dir, "assets.yaml"), "owner: P-004", "owner: P-999"),
        message: /assets\.yaml: the database refused it: .*assets_owner_fk/,
      },
    ];

    for (const c of cases) {
      it(`refuses ${c.name}`, async () => {
        const { db } = getStore();
        const { dir } = await brokenCopy(db, c.edit);
        const before = await rowCounts(db);

        const failure = await importWorkspace(db, dir, { replace: true }).then(
          () => undefined,
          (error: unknown) => error,
        );

        expect(failure).toBeInstanceOf(InvalidInputError);
        expect(String(failure instanceof Error ? failure.message : failure)).toMatch(c.message);
        expect(await rowCounts(db)).toEqual(before);
      });
    }

    it("refuses to overwrite an existing workspace unless told to replace it", async () => {
      const { db } = getStore();
      const { dir } = await brokenCopy(db, async () => {});
      await expect(importWorkspace(db, dir, { replace: false })).rejects.toThrow(/already exists.*--replace/);
    });
  });
});
