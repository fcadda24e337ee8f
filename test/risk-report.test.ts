// The Risk Assessment Report and the Risk Treatment Plan of the aws-saas workspace: what they hold, and
// that they render to PDFs poppler can draw page by page.
import { execFileSync } from "node:child_process";
import { mkdtemp, readdir, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadRiskReportInput } from "../src/app/risk-reports.js";
import { acceptResidualRisk, approveTreatmentPlan, editRisk } from "../src/app/risks.js";
import { initWorkspace, resolveWorkspace } from "../src/app/workspaces.js";
import { renderPdf, type PdfBlock, type PdfDocumentModel } from "../src/reports/pdf.js";
import { riskAssessmentReport, riskReportStamp, riskTreatmentPlan, type RiskReportInput } from "../src/reports/risk-report.js";
import type { Store } from "../src/store/open.js";
import { openTestStore } from "./helpers/pglite-template.js";

let store: Store;
let scratch: string;
let input: RiskReportInput;

beforeAll(async () => {
  scratch = await mkdtemp(join(tmpdir(), "isms-risk-report-"));
  store = await openTestStore();
  const { db } = store;
  await initWorkspace(db, { name: "Acme", companyName: "Acme Cloud Ltd", slug: "acme", template: "aws-saas" });
  const ws = await resolveWorkspace(db, "acme");
  await db.transaction(async (tx) => {
    const risk = await editRisk(tx, ws, "R-001", { decision: "treat", residualLikelihood: 1, residualImpact: 4 }, { actor: "test" });
    await approveTreatmentPlan(tx, ws, "R-001", String(risk.owner), { actor: "test" });
    await acceptResidualRisk(tx, ws, "R-001", String(risk.owner), { actor: "test" });
  });
  input = await loadRiskReportInput(db, ws, new Date("2026-11-27T10:00:00Z"));
});
afterAll(async () => {
  await store.close();
  await rm(scratch, { recursive: true, force: true });
});

const headings = (doc: PdfDocumentModel) => doc.sections.map((s) => s.heading);
const blocksOf = (doc: PdfDocumentModel, heading: string): PdfBlock[] => doc.sections.find((s) => s.heading === heading)?.blocks ?? [];

/** Renders the document, draws its pages with pdftoppm and returns the PNG files' sizes. */
async function drawnPages(doc: PdfDocumentModel, name: string): Promise<number[]> {
  const pdf = join(scratch, `${name}.pdf`);
  await writeFile(pdf, await renderPdf(doc, { stamp: riskReportStamp(input) }));
  try {
    execFileSync("pdftoppm", ["-r", "40", "-png", pdf, join(scratch, name)], { stdio: "pipe" });
  } catch (error) {
    if (error instanceof Error && "code" in error && error.code === "ENOENT") {
      throw new Error("pdftoppm is not installed: install poppler-utils (apt-get install poppler-utils) to check the rendered PDFs");
    }
    throw error;
  }
  const pages = (await readdir(scratch)).filter((f) => f.startsWith(`${name}-`) && f.endsWith(".png"));
  return Promise.all(pages.map(async (f) => (await stat(join(scratch, f))).size));
}

describe("the Risk Assessment Report", () => {
  it("opens with the methodology used, then the summary, heat maps, register and findings", () => {
    const report = riskAssessmentReport(input);

    expect(report.title).toBe("Risk Assessment Report");
    expect(report.meta).toEqual(expect.arrayContaining([["Organization", "Acme Cloud Ltd"], ["Data as of", "2026-11-27 10:00 UTC"]]));
    expect(headings(report)).toEqual([
      "1. Risk Assessment Methodology",
      "1.1 Risk identification",
      "1.2 Likelihood scale",
      "1.3 Impact scale and criteria",
      "1.4 Risk score",
      "1.5 Risk levels and treatment decisions",
      "1.6 Risk acceptance criteria",
      "2. Summary",
      "3. Heat maps",
      "4. Risk register",
      "5. Findings",
    ]);
  });

  it("draws both heat maps with every assessed risk, coloured by band", () => {
    const maps = blocksOf(riskAssessmentReport(input), "3. Heat maps").flatMap((b) => (b.kind === "heatmap" ? [b] : []));
    expect(maps.map((m) => m.title)).toEqual(["Inherent risk (before treatment)", "Residual risk (after treatment)"]);
    for (const map of maps) expect(map.cells.flat().reduce((n, c) => n + c.count, 0)).toBe(55);
    expect(maps[0]?.cells[4]?.[4]?.colour).toBe("#c62828");
    // R-001 moved to likelihood 1 × impact 4 after treatment.
    expect(maps[1]?.cells[0]?.[3]?.count).toBeGreaterThanOrEqual(1);
  });

  it("counts risks per band before and after treatment and lists the register by inherent score", () => {
    const report = riskAssessmentReport(input);
    const [bandTable] = blocksOf(report, "2. Summary").flatMap((b) => (b.kind === "table" ? [b] : []));
    expect(bandTable?.header).toEqual(["Band", "Scores", "Default decision", "Inherent", "Residual"]);
    expect(bandTable?.rows.map((r) => r[0])).toEqual(["Critical", "High", "Medium", "Low", "Not rated"]);
    expect(bandTable?.rows.reduce((n, r) => n + Number(r[3]), 0)).toBe(55);
    const register = blocksOf(report, "4. Risk register").find((b) => b.kind === "table");
    const scores = register?.kind === "table" ? register.rows.map((r) => Number.parseInt(r[5] ?? "", 10)) : [];
    expect(scores).toHaveLength(55);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
  });

  it("renders to a PDF that poppler draws page by page", async () => {
    const sizes = await drawnPages(riskAssessmentReport(input), "assessment");
    expect(sizes.length).toBeGreaterThanOrEqual(1);
    for (const size of sizes) expect(size).toBeGreaterThan(1000);
  });
});

describe("the Risk Treatment Plan", () => {
  it("has a section per risk above the threshold with its decision, controls, actions, approval and acceptance", () => {
    const plan = riskTreatmentPlan(input);
    const threshold = input.methodology.body.acceptance.threshold;
    const inPlan = input.risks.filter((r) => (r.inherentScore ?? 0) > threshold || r.decision === "treat");

    expect(plan.title).toBe("Risk Treatment Plan");
    expect(headings(plan)).toHaveLength(inPlan.length + 1);
    const r001 = plan.sections.find((s) => s.heading.startsWith("R-001 "));
    const facts = r001?.blocks.find((b) => b.kind === "table");
    const fact = new Map(facts?.kind === "table" ? facts.rows.map(([k, v]) => [k, v]) : []);
    expect(fact.get("Decision")).toBe("Treat: reduce the likelihood or the impact with controls");
    expect(fact.get("Residual risk")).toBe("4 (Low): likelihood 1, impact 4");
    expect(fact.get("Plan approval")).toMatch(/^approved by .+ on \d{4}-\d{2}-\d{2}$/);
    expect(fact.get("Residual acceptance")).toMatch(/^accepted by /);
    const controls = r001?.blocks.find((b) => b.kind === "list");
    expect(controls?.kind === "list" ? controls.items : []).toContain("A.5.17 Authentication information");
  });

  it("flags the risks that have no plan yet", () => {
    const plan = riskTreatmentPlan(input);
    const summary = plan.sections[0]?.blocks ?? [];
    const flagged = summary.find((b) => b.kind === "list");
    expect(summary.some((b) => b.kind === "paragraph" && /risks have no plan yet/.test(b.text))).toBe(true);
    expect(flagged?.kind === "list" ? flagged.items.length : 0).toBeGreaterThan(0);
    const unplanned = plan.sections.filter((s) => s.blocks[0]?.kind === "paragraph" && s.blocks[0].text.startsWith("⚠ No plan"));
    expect(unplanned.length).toBe(flagged?.kind === "list" ? flagged.items.length : -1);
  });

  it("renders to a PDF that poppler draws page by page", async () => {
    const sizes = await drawnPages(riskTreatmentPlan(input), "treatment");
    expect(sizes.length).toBeGreaterThanOrEqual(1);
    for (const size of sizes) expect(size).toBeGreaterThan(1000);
  });
});
