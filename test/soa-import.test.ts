// Importing an SoA spreadsheet: the real filled sample without loss, a 2013-numbered SoA converted with
// a report, bad rows refused whole, owners matched or added, and --replace; on both stores.
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { parse } from "csv-parse/sync";
import { count, eq } from "drizzle-orm";
import { afterAll, beforeAll, expect, it } from "vitest";
import { addRisk } from "../src/app/risks.js";
import { loadStatementOfApplicability, setSoaEntry } from "../src/app/soa.js";
import { importStatementOfApplicability } from "../src/app/soa-import.js";
import { initWorkspace, resolveWorkspace, type Workspace } from "../src/app/workspaces.js";
import { findControl } from "../src/catalog/annex-a.js";
import { InvalidInputError } from "../src/domain/errors.js";
import type { Db } from "../src/store/open.js";
import { controlImplementations, evidenceRecords, people } from "../src/store/schema/index.js";
import { uniqueSlug } from "./helpers/fixtures.js";
import { describeEachStore } from "./helpers/stores.js";

const sample = fileURLToPath(new URL("./fixtures/cenedril/statement-of-applicability.csv", import.meta.url));
const sample2013 = fileURLToPath(new URL("./fixtures/soa/soa-2013.csv", import.meta.url));
let scratch: string;
beforeAll(async () => {
  scratch = await mkdtemp(join(tmpdir(), "isms-soa-import-"));
});
afterAll(async () => {
  await rm(scratch, { recursive: true, force: true });
});

async function workspace(db: Db, template: "aws-saas" | "blank" = "blank"): Promise<Workspace> {
  const slug = uniqueSlug("soai");
  await initWorkspace(db, { name: "SoA import", slug, template });
  return resolveWorkspace(db, slug);
}

async function csvFile(name: string, lines: string[]): Promise<string> {
  const path = join(scratch, name);
  await writeFile(path, `${lines.join("\n")}\n`);
  return path;
}

const rowCount = async (db: Db, ws: Workspace) => (await db.select({ n: count() }).from(controlImplementations).where(eq(controlImplementations.workspaceId, ws.id)))[0]?.n ?? 0;
const peopleCount = async (db: Db, ws: Workspace) => (await db.select({ n: count() }).from(people).where(eq(people.workspaceId, ws.id)))[0]?.n ?? 0;
const statusOf: Record<string, string | null> = { Implemented: "implemented", "Partially implemented": "partially_implemented", "N/A": null };

describeEachStore("SoA import", (getStore) => {
  it("imports the filled sample SoA without loss: all 93 rows, decisions, justifications, statuses, descriptions and references", async () => {
    const { db } = getStore();
    const ws = await workspace(db);
    const result = await importStatementOfApplicability(db, ws, sample, { actor: "test" });
    expect(result).toMatchObject({ edition: "2022", updated: [], removed: [], peopleAdded: [], ignoredColumns: [] });
    expect(result.added).toHaveLength(93);
    // Row 72 has an unquoted comma in its implementation description; the import mends it and says so.
    expect(result.notes.map((n) => n.row)).toEqual([72]);
    expect(result.notes[0]?.message).toContain('read "Email DLP in place, endpoint DLP planned" as one cell');

    const soa = new Map((await loadStatementOfApplicability(db, ws)).map((e) => [e.controlId, e]));
    const records: string[][] = parse((await readFile(sample, "utf8")).replace(/^\uFEFF/, ""), { relax_column_count: true });
    const [header, ...rows] = records;
    expect(header).toEqual(["Control ID", "Control Name", "Theme", "Applicable", "Justification", "Implementation Status", "Implementation Description", "Reference"]);
    expect(rows).toHaveLength(93);
    for (const cells of rows) {
      const [id = "", title, theme, applicable, justification, status = "", description, reference] = cells;
      const entry = soa.get(id.replace(/^A\./, ""));
      expect(entry, id).toBeDefined();
      // The sample shortens two titles (5.21, 5.34) the way the catalog's aliases do; the SoA shows the standard's.
      expect(findControl(title ?? "")?.id, id).toBe(entry?.controlId);
      expect(entry?.theme).toBe(theme?.toLowerCase());
      expect(entry?.applicability, id).toBe(applicable === "Yes" ? "applicable" : "not_applicable");
      expect(entry?.justification, id).toBe(justification);
      expect(entry?.implementationStatus, id).toBe(statusOf[status]);
      if (cells.length === 8) {
        expect(entry?.implementationDescription, id).toBe(description);
        expect(entry?.reference, id).toBe(reference);
      }
    }
    expect(soa.get("8.12")).toMatchObject({ implementationDescription: "Email DLP in place, endpoint DLP planned", reference: "POL-018", implementationStatus: "partially_implemented" });
    expect(soa.get("8.30")).toMatchObject({ applicability: "not_applicable", justification: "No outsourced development", implementationStatus: null });
  });

  it("reports nothing changed when the same file is imported again", async () => {
    const { db } = getStore();
    const ws = await workspace(db);
    await importStatementOfApplicability(db, ws, sample, { actor: "test" });
    const again = await importStatementOfApplicability(db, ws, sample, { actor: "test" });
    expect(again.added).toEqual([]);
    expect(again.updated).toEqual([]);
    expect(again.unchanged).toHaveLength(93);
  });

  it("converts a 2013-numbered SoA through the 2013 → 2022 map and reports what merged", async () => {
    const { db } = getStore();
    const ws = await workspace(db);
    const result = await importStatementOfApplicability(db, ws, sample2013, { actor: "test" });
    expect(result.edition).toBe("2013");
    expect(result.added).toEqual(["5.1", "5.36", "7.1", "7.2", "8.2", "8.8", "8.15", "8.17", "8.24", "8.30"]);
    expect(result.notes.find((n) => n.row === 10)?.message).toContain('skipped "A.12.4"');
    expect(result.peopleAdded.map((p) => p.name).sort()).toEqual(["CISO", "CTO", "Office Manager", "Platform Lead"]);
    const report = new Map((result.conversion?.converted ?? []).map((c) => [c.controlId, c]));
    expect(report.get("8.15")?.from).toEqual(["A.12.4.1", "A.12.4.2", "A.12.4.3"]);
    expect(report.get("8.15")?.notes.join("; ")).toMatch(/merged A\.12\.4\.1, A\.12\.4\.2, A\.12\.4\.3; statuses differ .*took the least implemented, not implemented/);
    expect(report.get("7.2")?.notes.join("; ")).toMatch(/conflict in applicability/);
    expect(report.get("5.36")?.notes).toContain("A.18.2.3 also feeds 8.8");
    expect(result.conversion?.undecided).toHaveLength(83);
    expect(result.conversion?.undecided).toContain("5.7");

    const soa = new Map((await loadStatementOfApplicability(db, ws)).map((e) => [e.controlId, e]));
    expect(soa.get("8.15")).toMatchObject({
      applicability: "applicable",
      implementationStatus: "not_implemented",
      justification: "A.12.4.1: CloudTrail and application logs record events | A.12.4.2: Logs are kept in a separate account | A.12.4.3: Administrator actions must be traceable",
    });
    expect(soa.get("5.1")?.implementationStatus).toBe("partially_implemented");
    expect(soa.get("8.8")?.implementationStatus).toBe("planned");
    expect(soa.get("7.2")).toMatchObject({ applicability: "applicable", implementationStatus: "implemented" });
    expect(soa.get("8.30")).toMatchObject({ applicability: "not_applicable", justification: "No development is outsourced" });
    const owner = result.peopleAdded.find((p) => p.name === "Platform Lead")?.id;
    expect(soa.get("8.17")?.owner).toBe(owner);
  });

  it("refuses a file with bad rows, naming each by row and column, and writes nothing", async () => {
    const { db } = getStore();
    const ws = await workspace(db);
    const path = await csvFile("bad.csv", [
      "Control ID,Applicable,Justification,Implementation Status,Owner",
      "A.5.1,Yes,Policy,Implemented,New Person",
      "A.5.2,Perhaps,Roles,Implemented,",
      "A.8.30,No,,N/A,",
      "A.9.9,Yes,Not a control,Implemented,",
      "A.5.3,Yes,SoD,Someday,",
      "A.5.1,Yes,Again,Implemented,",
    ]);
    const error = await importStatementOfApplicability(db, ws, path, { actor: "test" }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidInputError);
    const issues = error instanceof InvalidInputError ? error.issues.map((i) => i.path) : [];
    expect(issues).toEqual(['row 3, column "Applicable"', 'row 4, column "Justification"', 'row 5, column "Control ID"', 'row 6, column "Implementation Status"', 'row 7, column "Control ID"']);
    expect(await rowCount(db, ws)).toBe(0);
    expect(await peopleCount(db, ws)).toBe(0);
  });

  it("refuses a file that mixes 2013 and 2022 numbering", async () => {
    const { db } = getStore();
    const ws = await workspace(db);
    const path = await csvFile("mixed.csv", ["Control,Applicable,Justification", "A.12.4.1,Yes,Logs", "A.8.15,Yes,Logs"]);
    await expect(importStatementOfApplicability(db, ws, path, { actor: "test" })).rejects.toThrow(/mixes 2013 numbering .* with 2022 numbering/);
  });

  it("matches owners by id or name, adds unknown ones to the people register, and reads mapped columns", async () => {
    const { db } = getStore();
    const ws = await workspace(db, "aws-saas");
    const before = await peopleCount(db, ws);
    const path = await csvFile("owners.csv", [
      "Ctrl,Decision,Why,Who",
      "5.1,Yes,Policy,P-001",
      "5.2,Yes,Roles,head of security",
      "5.3,Inherited,AWS does it,Dana Fox",
      "5.4,Partially,Managers,Dana Fox",
    ]);
    const result = await importStatementOfApplicability(db, ws, path, { actor: "test", map: "Ctrl=controlId,Decision=applicability,Why=justification,Who=owner" });
    expect(result.peopleAdded).toEqual([{ id: "P-007", name: "Dana Fox" }]);
    expect(result.updated).toEqual(["5.1", "5.2", "5.3", "5.4"]);
    expect(result.notes.map((n) => n.row)).toEqual([5]);
    expect(await peopleCount(db, ws)).toBe(before + 1);
    const soa = new Map((await loadStatementOfApplicability(db, ws)).map((e) => [e.controlId, e]));
    expect([soa.get("5.1")?.owner, soa.get("5.2")?.owner, soa.get("5.3")?.owner, soa.get("5.4")?.owner]).toEqual(["P-001", "P-002", "P-007", "P-007"]);
    // Columns the file lacks keep what was there: the prefill's reasons stay.
    expect(soa.get("5.1")?.reasons).toEqual([{ kind: "business" }]);
  });

  it("takes risk reasons from the register and says which risks the file names that the register does not", async () => {
    const { db } = getStore();
    const ws = await workspace(db, "aws-saas");
    await db.transaction((tx) => addRisk(tx, ws, { title: "Leaked keys", decision: "treat", controlIds: ["8.5"] }, { actor: "test" }));
    const path = await csvFile("reasons.csv", ["Control ID,Applicable,Justification,Reasons", "A.8.5,Yes,MFA,risk: R-056; legal: NIS2", "A.8.2,Yes,Admins,risk: R-999"]);
    const result = await importStatementOfApplicability(db, ws, path, { actor: "test" });
    expect(result.notes.map((n) => [n.row, n.controlId])).toEqual([[3, "8.2"]]);
    expect(result.notes[0]?.message).toContain("names R-999 as reasons");
    const soa = await loadStatementOfApplicability(db, ws);
    expect(soa.find((e) => e.controlId === "8.5")?.reasons).toEqual([{ kind: "risk", ref: "R-056" }, { kind: "legal", ref: "NIS2" }]);
    expect(soa.find((e) => e.controlId === "8.2")?.reasons).toEqual([]);
  });

  it("with --replace, leaves controls the file does not list undecided", async () => {
    const { db } = getStore();
    const ws = await workspace(db, "aws-saas");
    const path = await csvFile("two.csv", ["Control ID,Applicable,Justification", "A.5.1,Yes,Policy", "A.5.2,Yes,Roles"]);
    const kept = await importStatementOfApplicability(db, ws, path, { actor: "test" });
    expect(kept.removed).toEqual([]);
    expect(await rowCount(db, ws)).toBe(93);
    const replaced = await importStatementOfApplicability(db, ws, path, { actor: "test", replace: true });
    expect(replaced.removed).toHaveLength(91);
    expect(await rowCount(db, ws)).toBe(2);
  });

  it("imports statuses as stated, and says where evidence decides a status the file leaves empty", async () => {
    const { db } = getStore();
    const ws = await workspace(db, "aws-saas");
    await db.transaction((tx) => setSoaEntry(tx, ws, "5.1", { implementationStatus: "planned" }, { actor: "test" }));
    await db.insert(evidenceRecords).values({ workspaceId: ws.id, id: "E-001", kind: "document", controlIds: ["5.2"], source: { kind: "upload" }, collectedAt: new Date(), sha256: "b".repeat(64), path: "blobs/E-001" });
    const path = await csvFile("status.csv", ["Control ID,Applicable,Justification,Implementation Status", "A.5.1,Yes,Policy,Implemented", "A.5.2,Yes,Roles,"]);
    const result = await importStatementOfApplicability(db, ws, path, { actor: "test" });
    expect(result.statusesSuperseded).toEqual([{ controlId: "5.2", file: null, derived: "implemented" }]);
    const soa = await loadStatementOfApplicability(db, ws);
    expect(soa.find((e) => e.controlId === "5.1")).toMatchObject({ implementationStatus: "implemented", statusSource: "manual" });
  });
});
