// Exporting the SoA: the XLSX workbook an auditor opens (cover, frozen and filtered SoA sheet with
// drop-downs, summary), its round trip through the import, the CSV, and a PDF that renders; both stores.
import { spawnSync } from "node:child_process";
import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parse } from "csv-parse/sync";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, expect, it } from "vitest";
import { addRisk } from "../src/app/risks.js";
import { addOwnControl, loadStatementOfApplicability, setSoaEntry } from "../src/app/soa.js";
import { exportStatementOfApplicability } from "../src/app/soa-export.js";
import { importStatementOfApplicability } from "../src/app/soa-import.js";
import { publishSoa } from "../src/app/soa-versions.js";
import { initWorkspace, resolveWorkspace, type Workspace } from "../src/app/workspaces.js";
import type { SoaEntry } from "../src/domain/soa/index.js";
import { soaColumns } from "../src/reports/soa-rows.js";
import type { Db } from "../src/store/open.js";
import { uniqueSlug } from "./helpers/fixtures.js";
import { describeEachStore } from "./helpers/stores.js";

let scratch: string;
beforeAll(async () => {
  scratch = await mkdtemp(join(tmpdir(), "isms-soa-export-"));
});
afterAll(async () => {
  await rm(scratch, { recursive: true, force: true });
});

async function workspace(db: Db): Promise<Workspace> {
  const slug = uniqueSlug("soae");
  await initWorkspace(db, { name: "SoA export", slug, companyName: "Acme Cloud Ltd", template: "aws-saas" });
  return resolveWorkspace(db, slug);
}

/** An SoA with something in every column: reasons, an override, a description, a reference, an own control. */
async function filledWorkspace(db: Db): Promise<Workspace> {
  const ws = await workspace(db);
  await db.transaction(async (tx) => {
    await setSoaEntry(tx, ws, "8.24", { reasons: [{ kind: "contractual", ref: "MSA §9" }, { kind: "legal", ref: "GDPR Art. 32" }], implementationStatus: "partially_implemented", implementationDescription: "KMS keys per environment; TLS 1.2+", reference: "POL-007" }, { actor: "test" });
    await setSoaEntry(tx, ws, "5.7", { implementationStatus: "planned", overrideReason: "The feed is not yet wired to triage", owner: "P-004" }, { actor: "test" });
    await setSoaEntry(tx, ws, "8.11", { applicability: "not_applicable", justification: "The product stores no personal data beyond account e-mail addresses" }, { actor: "test" });
    await addOwnControl(tx, ws, { id: "ACME-01", title: "Customer-managed keys on request", justification: "Enterprise customers ask for it" }, { actor: "test" });
    await addRisk(tx, ws, { title: "Key leak", decision: "treat", controlIds: ["8.24"] }, { actor: "test" });
  });
  return ws;
}

const comparable = (entries: readonly SoaEntry[]) => entries.map(({ evidence: _evidence, ...rest }) => rest);

describeEachStore("SoA export", (getStore) => {
  it("writes an XLSX with a cover, an SoA sheet with frozen header, filters and drop-downs, and a summary", async () => {
    const { db } = getStore();
    const ws = await filledWorkspace(db);
    await db.transaction((tx) => publishSoa(tx, ws, { approvedBy: "P-001", note: "Stage 1", at: new Date("2026-05-04T09:00:00Z") }, { actor: "test" }));
    const out = join(scratch, `${ws.slug}.xlsx`);
    const written = await exportStatementOfApplicability(db, ws, out);
    expect(written).toMatchObject({ format: "xlsx", controls: 94, version: 1, draft: false });

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(out);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(["Cover", "SoA", "Summary"]);
    const cover = workbook.getWorksheet("Cover");
    const coverText = (cover?.getSheetValues() ?? []).flat().map(String).join(" | ");
    for (const fact of ["Acme Cloud Ltd", "The information security management system of Acme Cloud Ltd", "Version 1", "Chief Executive Officer", "2026-05-04", "Stage 1", "Generated"]) expect(coverText).toContain(fact);

    const sheet = workbook.getWorksheet("SoA");
    expect(sheet?.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    expect(sheet?.autoFilter).toBeTruthy();
    expect(sheet?.rowCount).toBe(95);
    expect(sheet?.getRow(1).values).toEqual([undefined, ...soaColumns]);
    expect(sheet?.getRow(2).getCell(1).value).toBe("A.5.1");
    const applicability = sheet?.getRow(2).getCell(soaColumns.indexOf("Applicability") + 1);
    expect(applicability?.dataValidation).toMatchObject({ type: "list", formulae: ['"Applicable,Inherited,Not applicable"'] });
    const status = sheet?.getRow(2).getCell(soaColumns.indexOf("Implementation Status") + 1);
    expect(status?.dataValidation).toMatchObject({ type: "list", formulae: ['"Implemented,Partially implemented,Planned,Not implemented"'] });
    const row8_24 = sheet?.getRow(2 + 37 + 8 + 14 + 23);
    expect(row8_24?.getCell(1).value).toBe("A.8.24");
    expect(row8_24?.getCell(soaColumns.indexOf("Reasons") + 1).value).toBe("risk: R-056; contractual: MSA §9; legal: GDPR Art. 32");

    const summary = (workbook.getWorksheet("Summary")?.getSheetValues() ?? []).map((r) => (Array.isArray(r) ? r.slice(1) : []));
    expect(summary).toContainEqual(["Theme", "Applicable", "Inherited", "Not applicable", "Undecided", "Total"]);
    expect(summary).toContainEqual(["Physical", 8, 4, 2, 0, 14]);
    expect(summary).toContainEqual(["Own controls", 1, 0, 0, 0, 1]);
    expect(summary).toContainEqual(["Total", 86, 4, 4, 0, 94]);
  });

  it("round-trips: an exported XLSX imports back into an equal SoA", async () => {
    const { db } = getStore();
    const source = await filledWorkspace(db);
    const out = join(scratch, `${source.slug}-round.xlsx`);
    await exportStatementOfApplicability(db, source, out);

    const unchanged = await importStatementOfApplicability(db, source, out, { actor: "test" });
    expect(unchanged.updated).toEqual([]);
    expect(unchanged.unchanged).toHaveLength(94);

    const target = await workspace(db);
    await db.transaction((tx) => addRisk(tx, target, { title: "Key leak", decision: "treat", controlIds: ["8.24"] }, { actor: "test" }));
    const result = await importStatementOfApplicability(db, target, out, { actor: "test" });
    expect(result.ownControlsAdded).toEqual(["ACME-01"]);
    expect(result.peopleAdded).toEqual([]);
    expect(result.notes).toEqual([]);
    expect(result.ignoredColumns).toEqual(["Status Source", "Treated Risks", "Evidence Records", "Fresh Evidence", "Latest Evidence"]);
    expect(comparable(await loadStatementOfApplicability(db, target))).toEqual(comparable(await loadStatementOfApplicability(db, source)));
  });

  it("writes a CSV with the same columns, one row per control", async () => {
    const { db } = getStore();
    const ws = await filledWorkspace(db);
    const out = join(scratch, `${ws.slug}.csv`);
    await exportStatementOfApplicability(db, ws, out);
    const records: string[][] = parse((await readFile(out, "utf8")).replace(/^\uFEFF/, ""));
    expect(records[0]).toEqual([...soaColumns]);
    expect(records).toHaveLength(95);
    expect(records.find((r) => r[0] === "A.8.11")?.slice(3, 7)).toEqual(["Not applicable", "", "The product stores no personal data beyond account e-mail addresses", ""]);
    expect(records.at(-1)?.slice(0, 4)).toEqual(["ACME-01", "Customer-managed keys on request", "Own controls", "Applicable"]);
  });

  it("renders a print-ready PDF that pdftoppm can draw", async () => {
    const { db } = getStore();
    const ws = await filledWorkspace(db);
    const out = join(scratch, `${ws.slug}.pdf`);
    await exportStatementOfApplicability(db, ws, out);
    expect((await readFile(out)).subarray(0, 5).toString()).toBe("%PDF-");
    const probe = spawnSync("pdftoppm", ["-v"], { encoding: "utf8" });
    if (probe.error) throw new Error("pdftoppm is missing: install poppler-utils (apt-get install poppler-utils) to run this test");
    const prefix = join(scratch, `${ws.slug}-page`);
    const drawn = spawnSync("pdftoppm", ["-r", "40", "-png", out, prefix], { encoding: "utf8" });
    expect(drawn.status, drawn.stderr).toBe(0);
    const pages = (await readdir(scratch)).filter((f) => f.startsWith(`${ws.slug}-page`) && f.endsWith(".png"));
    expect(pages.length).toBeGreaterThanOrEqual(1);
  });
});
