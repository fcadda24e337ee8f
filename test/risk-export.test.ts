// Exporting the risk register to XLSX and CSV: the workbook reopens with what went in, and an exported
// file imports back to the same scores, changing nothing.
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, expect, it } from "vitest";
import { importRiskRegister } from "../src/app/risk-import.js";
import { loadRiskReportInput } from "../src/app/risk-reports.js";
import { editRisk, loadRisks, loadTreatmentActions } from "../src/app/risks.js";
import { initWorkspace, resolveWorkspace, type Workspace } from "../src/app/workspaces.js";
import { riskRegisterCsv, treatmentPlanCsv } from "../src/reports/risk-csv.js";
import { riskRegisterWorkbook } from "../src/reports/risk-xlsx.js";
import type { Db } from "../src/store/open.js";
import { uniqueSlug } from "./helpers/fixtures.js";
import { describeEachStore } from "./helpers/stores.js";

const fixture = (name: string) => fileURLToPath(new URL(`./fixtures/cenedril/${name}`, import.meta.url));

let scratch: string;
beforeAll(async () => {
  scratch = await mkdtemp(join(tmpdir(), "isms-risk-export-"));
});
afterAll(async () => {
  await rm(scratch, { recursive: true, force: true });
});

async function workspace(db: Db, template: "blank" | "aws-saas"): Promise<Workspace> {
  const slug = uniqueSlug("risk-export");
  await initWorkspace(db, { name: "Risk export", slug, template });
  return resolveWorkspace(db, slug);
}

/** The sheet's rows as heading → value maps. */
function records(sheet: ExcelJS.Worksheet): Map<string, unknown>[] {
  const header: string[] = [];
  sheet.getRow(1).eachCell((cell, column) => (header[column - 1] = cell.text));
  const rows: Map<string, unknown>[] = [];
  for (let r = 2; r <= sheet.rowCount; r++) {
    const row = sheet.getRow(r);
    rows.push(new Map(header.map((h, i) => [h, row.getCell(i + 1).value])));
  }
  return rows;
}

async function reopen(buffer: Buffer): Promise<ExcelJS.Workbook> {
  const file = join(scratch, `${uniqueSlug("book")}.xlsx`);
  await writeFile(file, buffer);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  return workbook;
}

describeEachStore("risk register export", (getStore) => {
  it("writes a workbook whose Risks sheet has the register's ids, scores and bands", async () => {
    const { db } = getStore();
    const ws = await workspace(db, "aws-saas");
    await db.transaction((tx) => editRisk(tx, ws, "R-001", { residualLikelihood: 1, residualImpact: 3 }, { actor: "test" }));
    const input = await loadRiskReportInput(db, ws);

    const workbook = await reopen(await riskRegisterWorkbook(input));

    expect(workbook.worksheets.map((s) => s.name)).toEqual(["Methodology", "Inherent matrix", "Residual matrix", "Risks", "Treatment plan"]);
    const risksSheet = workbook.getWorksheet("Risks");
    if (!risksSheet) throw new Error("no Risks sheet");
    expect(risksSheet.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    expect(risksSheet.autoFilter).toBeTruthy();
    const rows = records(risksSheet);
    const bandLabel = (score: number | null | undefined) => input.methodology.body.bands.find((b) => score != null && b.min <= score && score <= b.max)?.label ?? null;
    expect(rows.map((r) => r.get("ID"))).toEqual(input.risks.map((r) => r.id));
    expect(rows.map((r) => r.get("Inherent Score"))).toEqual(input.risks.map((r) => r.inherentScore));
    expect(rows.map((r) => r.get("Inherent Band"))).toEqual(input.risks.map((r) => bandLabel(r.inherentScore)));
    expect(rows[0]?.get("Residual Score")).toBe(3);
    expect(rows[0]?.get("Residual Band")).toBe("Low");
    expect(rows[0]?.get("Impact Legal and regulatory")).toBe(input.risks[0]?.impacts.legal);

    const inherent = workbook.getWorksheet("Inherent matrix");
    if (!inherent) throw new Error("no Inherent matrix sheet");
    expect(inherent.getRow(1).getCell(6).value).toBe("5 Catastrophic");
    expect(inherent.getRow(2).getCell(1).value).toBe("5 Almost certain");
    let placed = 0;
    for (let r = 2; r <= 6; r++) for (let c = 2; c <= 6; c++) placed += Number(inherent.getRow(r).getCell(c).value);
    expect(placed).toBe(55);
    // Likelihood 5 × impact 5 scores 25: the Critical band's colour.
    expect(inherent.getRow(2).getCell(6).fill).toMatchObject({ fgColor: { argb: "FFC62828" } });

    const methodology = workbook.getWorksheet("Methodology");
    const facts = new Map<unknown, unknown>();
    methodology?.eachRow((row) => facts.set(row.getCell(1).value, row.getCell(2).value));
    expect(facts.get("Acceptance threshold")).toBe(4);
    expect(facts.get("Critical")).toBe("critical");
    const plan = workbook.getWorksheet("Treatment plan");
    expect(plan ? records(plan).map((r) => r.get("ID")) : []).toEqual(input.actions.map((a) => a.id));
  });

  it("imports its own CSV export back to the same scores, changing nothing", async () => {
    const { db } = getStore();
    const ws = await workspace(db, "aws-saas");
    await db.transaction((tx) => editRisk(tx, ws, "R-002", { likelihood: 1, residualLikelihood: 1, residualImpact: 2, decision: "tolerate" }, { actor: "test" }));
    const input = await loadRiskReportInput(db, ws);
    const register = join(scratch, `${uniqueSlug("register")}.csv`);
    const plan = join(scratch, `${uniqueSlug("plan")}.csv`);
    await writeFile(register, riskRegisterCsv(input));
    await writeFile(plan, treatmentPlanCsv(input));

    const same = await importRiskRegister(db, ws, register, { treatmentPlan: plan, actor: "test" });

    expect(same.unchanged).toHaveLength(55);
    expect(same.treatmentPlan?.unchanged).toHaveLength(15);
    expect(same.ignoredColumns).toEqual(["Owner Name", "Plan Approved By", "Plan Approved On", "Residual Accepted By", "Residual Accepted On", "Last Assessed", "Next Review"]);
    expect(same.warnings).toEqual([]);

    const other = await workspace(db, "aws-saas");
    const moved = await importRiskRegister(db, other, register, { treatmentPlan: plan, actor: "test" });
    expect(moved.updated).toEqual(["R-002"]);
    const scores = (risks: Awaited<ReturnType<typeof loadRisks>>) => risks.map((r) => [r.id, r.inherentScore, r.residualScore, r.decision]);
    expect(scores(await loadRisks(db, other))).toEqual(scores(input.risks.slice()));
    expect((await loadTreatmentActions(db, other)).length).toBe(15);
  });

  it("round-trips an imported sample register, keeping its notes without repeating them", async () => {
    const { db } = getStore();
    const ws = await workspace(db, "blank");
    await importRiskRegister(db, ws, fixture("risk-register.csv"), { treatmentPlan: fixture("risk-treatment-plan.csv"), actor: "test" });
    const input = await loadRiskReportInput(db, ws);
    const book = join(scratch, `${uniqueSlug("register")}.xlsx`);
    await writeFile(book, await riskRegisterWorkbook(input));

    const again = await importRiskRegister(db, ws, book, { sheet: "Risks", treatmentPlan: book, treatmentSheet: "Treatment plan", actor: "test" });

    expect(again.unchanged).toHaveLength(7);
    expect(again.treatmentPlan?.unchanged).toHaveLength(11);
    expect(again.peopleAdded).toEqual([]);
  });
});
