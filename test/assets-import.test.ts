// Importing an asset inventory from CSV and XLSX: the real sample register, column mapping, and bad rows.
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { count, eq } from "drizzle-orm";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, expect, it } from "vitest";
import { importAssets } from "../src/app/assets.js";
import { getEntry } from "../src/app/entries.js";
import { initWorkspace, resolveWorkspace, type Workspace } from "../src/app/workspaces.js";
import type { Db } from "../src/store/open.js";
import { assets, people } from "../src/store/schema/index.js";
import { uniqueSlug } from "./helpers/fixtures.js";
import { describeEachStore } from "./helpers/stores.js";

const sampleRegister = fileURLToPath(new URL("./fixtures/cenedril/asset-register.csv", import.meta.url));
let scratch: string;
beforeAll(async () => {
  scratch = await mkdtemp(join(tmpdir(), "isms-assets-"));
});
afterAll(async () => {
  await rm(scratch, { recursive: true, force: true });
});

async function blankWorkspace(db: Db): Promise<Workspace> {
  const slug = uniqueSlug("assets");
  await initWorkspace(db, { name: "Assets", slug, template: "blank" });
  return resolveWorkspace(db, slug);
}

async function counts(db: Db, ws: Workspace): Promise<{ assets: number; people: number }> {
  const [a] = await db.select({ n: count() }).from(assets).where(eq(assets.workspaceId, ws.id));
  const [p] = await db.select({ n: count() }).from(people).where(eq(people.workspaceId, ws.id));
  return { assets: a?.n ?? 0, people: p?.n ?? 0 };
}

describeEachStore("asset import", (getStore) => {
  it("imports the sample asset register with its ids, owners and further columns", async () => {
    const { db } = getStore();
    const ws = await blankWorkspace(db);

    const result = await importAssets(db, ws, sampleRegister, { actor: "test" });

    expect(result.added).toHaveLength(18);
    expect(result.keptColumns).toEqual(["Category", "Custodian", "Criticality", "Environment", "Status"]);
    expect(result.peopleAdded.map((p) => p.name)).toContain("Head of Sales");
    const first = await getEntry(db, ws, "assets", "AST-001");
    expect(first).toMatchObject({
      name: "Customer database (prod)",
      kind: "Information",
      classification: "Confidential",
      location: "AWS eu-central-1",
      inScope: true,
      attributes: { Category: "Database", Custodian: "IT Operations", Criticality: "High", Environment: "Production", Status: "Active" },
    });
    const owner = await getEntry(db, ws, "people", String(first.owner));
    expect(owner.name).toBe("Head of Sales");
  });

  it("updates the same assets when the register is imported again, adding no one twice", async () => {
    const { db } = getStore();
    const ws = await blankWorkspace(db);
    await importAssets(db, ws, sampleRegister, { actor: "test" });
    const before = await counts(db, ws);

    const again = await importAssets(db, ws, sampleRegister, { actor: "test" });

    expect(again.added).toHaveLength(0);
    expect(again.updated).toHaveLength(18);
    expect(again.peopleAdded).toHaveLength(0);
    expect(await counts(db, ws)).toEqual(before);
  });

  it("reads a named XLSX sheet with the columns mapped as the user says", async () => {
    const { db } = getStore();
    const ws = await blankWorkspace(db);
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet("Cover").addRow(["Inventory v3"]);
    const sheet = workbook.addWorksheet("Inventory");
    sheet.addRow(["Thing", "Sort", "Responsible", "In ISMS?"]);
    sheet.addRow(["Production account 1234", "aws-account", "Platform Lead", "Yes"]);
    sheet.addRow(["Old marketing site", "service", "Platform Lead", "No"]);
    const file = join(scratch, "inventory.xlsx");
    await workbook.xlsx.writeFile(file);

    const result = await importAssets(db, ws, file, { actor: "test", sheet: "Inventory", map: "Thing=name,Sort=kind,Responsible=owner,In ISMS?=inScope" });

    expect(result.added).toEqual(["A-001", "A-002"]);
    expect(await getEntry(db, ws, "assets", "A-002")).toMatchObject({ name: "Old marketing site", inScope: false });
    expect(result.peopleAdded).toHaveLength(1);
  });

  it("reports every bad row by its number and writes nothing", async () => {
    const { db } = getStore();
    const ws = await blankWorkspace(db);
    const file = join(scratch, "bad.csv");
    await writeFile(
      file,
      ["ID,Asset Name,Type,Owner,In Scope", "X-1,Laptops,endpoint,New Person,yes", "X-2,,data,,yes", "X-3,Backups,data,,perhaps", "X-1,Again,data,,no"].join("\n"),
    );
    const before = await counts(db, ws);

    const failure: unknown = await importAssets(db, ws, file, { actor: "test" }).catch((error: unknown) => error);

    expect(failure).toBeInstanceOf(Error);
    const message = failure instanceof Error ? failure.message : "";
    expect(message).toMatch(/bad\.csv at row 3, column "Asset Name": is empty/);
    expect(message).toContain("and 2 more problems");
    expect(await counts(db, ws)).toEqual(before);
  });

  it("says which column is missing and how to map it", async () => {
    const { db } = getStore();
    const ws = await blankWorkspace(db);
    const file = join(scratch, "nameless.csv");
    await writeFile(file, "Ref,Type\nR1,data\n");
    await expect(importAssets(db, ws, file, { actor: "test" })).rejects.toThrow(/no column for name \(columns: Ref, Type\).*--map "Your heading=name"/);
  });
});
