// Importing a risk register and its treatment plan from CSV and XLSX: the real Cenedril sample, updates,
// score checks, and bad rows that leave the database as it was.
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { parse } from "csv-parse/sync";
import { count, eq } from "drizzle-orm";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, expect, it } from "vitest";
import { z } from "zod";
import { InvalidInputError } from "../src/domain/errors.js";
import { importRiskRegister } from "../src/app/risk-import.js";
import { getEntry } from "../src/app/entries.js";
import { loadAssessments, loadRisks, loadTreatmentActions } from "../src/app/risks.js";
import { initWorkspace, resolveWorkspace, type Workspace } from "../src/app/workspaces.js";
import type { Db } from "../src/store/open.js";
import { people, risks, treatmentActions } from "../src/store/schema/index.js";
import { uniqueSlug } from "./helpers/fixtures.js";
import { describeEachStore } from "./helpers/stores.js";

const fixture = (name: string) => fileURLToPath(new URL(`./fixtures/cenedril/${name}`, import.meta.url));
const sampleRegister = fixture("risk-register.csv");
const samplePlan = fixture("risk-treatment-plan.csv");

let scratch: string;
beforeAll(async () => {
  scratch = await mkdtemp(join(tmpdir(), "isms-risk-import-"));
});
afterAll(async () => {
  await rm(scratch, { recursive: true, force: true });
});

async function workspace(db: Db, template: "blank" | "aws-saas" = "blank"): Promise<Workspace> {
  const slug = uniqueSlug("risk-import");
  await initWorkspace(db, { name: "Risk import", slug, template });
  return resolveWorkspace(db, slug);
}

async function counts(db: Db, ws: Workspace): Promise<{ risks: number; people: number; actions: number }> {
  const [r] = await db.select({ n: count() }).from(risks).where(eq(risks.workspaceId, ws.id));
  const [p] = await db.select({ n: count() }).from(people).where(eq(people.workspaceId, ws.id));
  const [a] = await db.select({ n: count() }).from(treatmentActions).where(eq(treatmentActions.workspaceId, ws.id));
  return { risks: r?.n ?? 0, people: p?.n ?? 0, actions: a?.n ?? 0 };
}

async function failureOf(promise: Promise<unknown>): Promise<InvalidInputError> {
  const failure: unknown = await promise.then(
    () => undefined,
    (error: unknown) => error,
  );
  if (!(failure instanceof InvalidInputError)) throw new Error(`expected an InvalidInputError, got ${String(failure)}`);
  return failure;
}

const header =
  "ID,Risk Title,Owner,Likelihood (1-5),Impact Financial,Impact Operational,Impact Reputational,Impact Legal/Regulatory,Impact Health/Safety,Max Impact,Inherent Score,Treatment Decision,Status";

describeEachStore("risk register import", (getStore) => {
  it("imports the sample register and plan with the sample's ratings, scores, decisions and owners", async () => {
    const { db } = getStore();
    const ws = await workspace(db);

    const result = await importRiskRegister(db, ws, sampleRegister, { treatmentPlan: samplePlan, actor: "test" });

    expect(result.added).toEqual(["R-001", "R-002", "R-003", "R-004", "R-005", "R-006", "R-007"]);
    const rows = z.array(z.record(z.string(), z.string())).parse(parse(await readFile(sampleRegister, "utf8"), { columns: true })).map((row) => new Map(Object.entries(row)));
    const stored = await loadRisks(db, ws);
    expect(stored).toHaveLength(7);
    for (const row of rows) {
      const risk = stored.find((r) => r.id === row.get("ID"));
      expect(risk?.likelihood, String(row.get("ID"))).toBe(Number(row.get("Likelihood (1-5)")));
      expect(risk?.inherentScore, String(row.get("ID"))).toBe(Number(row.get("Inherent Score")));
      expect(risk?.residualScore, String(row.get("ID"))).toBe(Number(row.get("Residual Score")));
    }
    const r001 = stored.find((r) => r.id === "R-001");
    expect(r001).toMatchObject({
      title: "Ransomware on file servers",
      threat: "Ransomware",
      impacts: { financial: 5, operational: 5, reputational: 5, legal: 4, "health-and-safety": 1 },
      impact: 5,
      decision: "treat",
      residualLikelihood: 2,
      residualImpact: 4,
      status: "open",
    });
    expect(r001?.description).toContain("Asset / process: File server FS-01 + central SMB share");
    expect(r001?.description).toContain("Existing controls: EDR, MFA on admin accounts");
    // The plan's Annex A controls become the controls that treat the risk.
    expect(r001?.controlIds).toEqual(["5.17", "8.5", "8.12", "8.20", "8.13"]);
    expect(stored.map((r) => r.decision)).toEqual(["treat", "treat", "treat", "tolerate", "treat", "tolerate", "terminate"]);
    expect(stored.map((r) => r.status)).toEqual(["open", "open", "open", "open", "treating", "accepted", "closed"]);
    expect(stored.find((r) => r.id === "R-007")?.description).toContain("Status: payments outsourced to PCI-DSS Level 1 provider (Stripe)");
    const owner = await getEntry(db, ws, "people", String(r001?.owner));
    expect(owner.name).toBe("IT Operations Lead");
    expect(result.peopleAdded.map((p) => p.name)).toEqual(
      expect.arrayContaining(["IT Operations Lead", "ISO", "HR Lead", "DPO", "Marketing Lead", "CFO", "Procurement", "Head of Engineering"]),
    );
    // The sample bands 16 as Critical; the default methodology's High ends at 16.
    expect(result.warnings).toEqual([expect.stringMatching(/row 3 \(R-002\).*"Critical" is band High \(score 16\)/)]);
    expect(result.ignoredColumns).toEqual([]);
    expect((await loadAssessments(db, ws, "R-001")).map((a) => a.reason)).toEqual(["initial"]);

    const actions = await loadTreatmentActions(db, ws);
    expect(actions).toHaveLength(11);
    expect(result.treatmentPlan?.added[0]).toEqual({ id: "T-001", ref: "RTP-001", riskId: "R-001" });
    expect(actions[0]).toMatchObject({ riskId: "R-001", controlIds: ["5.17", "8.5"], dueDate: "2026-06-30", status: "in_progress", evidence: "Audit test Q3" });
    expect(actions[2]).toMatchObject({ title: "Quarterly restore test on offline backup (recurring)", dueDate: null });
    expect(actions[10]).toMatchObject({ status: "done" });
    expect(result.treatmentPlan?.recurring).toEqual(["T-003", "T-005", "T-009"]);
    expect(result.treatmentPlan?.ignoredColumns).toEqual(["Start Date", "Budget (EUR)", "Residual Score After"]);
  });

  it("updates the same risks and actions when imported again, changing nothing that is the same", async () => {
    const { db } = getStore();
    const ws = await workspace(db);
    await importRiskRegister(db, ws, sampleRegister, { treatmentPlan: samplePlan, actor: "test" });
    const before = await counts(db, ws);

    const again = await importRiskRegister(db, ws, sampleRegister, { treatmentPlan: samplePlan, actor: "test" });

    expect(again.added).toEqual([]);
    expect(again.unchanged).toHaveLength(7);
    expect(again.treatmentPlan?.unchanged).toHaveLength(11);
    expect(again.peopleAdded).toEqual([]);
    expect(await counts(db, ws)).toEqual(before);
    expect(await loadAssessments(db, ws, "R-001")).toHaveLength(1);
  });

  it("reports every bad row by its number and writes nothing", async () => {
    const { db } = getStore();
    const ws = await workspace(db, "aws-saas");
    const file = join(scratch, "bad-register.csv");
    await writeFile(
      file,
      [
        header,
        "R-101,Fine risk,New Owner,2,1,1,2,1,1,2,4,Accept,Open",
        "R-102,Impossible likelihood,New Owner,7,3,3,3,3,1,3,21,Mitigate,Open",
        "R-103,Undecided,New Owner,3,3,3,3,3,1,3,9,Maybe,Open",
        "R-104,,New Owner,3,3,3,3,3,1,3,9,Mitigate,Open",
        "R-105,Wrong sum,New Owner,4,2,2,2,2,1,2,10,Mitigate,Open",
      ].join("\n"),
    );
    const before = await counts(db, ws);

    const failure = await failureOf(importRiskRegister(db, ws, file, { treatmentPlan: samplePlan, actor: "test" }));

    const paths = failure.issues.map((i) => i.path);
    expect(paths).toEqual(['row 3, column "Likelihood (1-5)"', 'row 4, column "Treatment Decision"', 'row 5, column "Risk Title"', 'row 6, column "Inherent Score"']);
    expect(failure.source).toBe(file);
    const messages = failure.issues.map((i) => i.message).join("\n");
    expect(messages).toContain("7 is not a level of the likelihood scale; give a whole number from 1 to 5");
    expect(messages).toContain('"Maybe" is not a treatment decision; use one of: treat (mitigate, reduce), tolerate');
    expect(messages).toContain("is empty; every risk needs a title");
    expect(messages).toContain("is 10, but likelihood 4 and impact 2 score 8 under methodology v1");
    // The sample plan names R-001..R-005, which this workspace has: it has no errors of its own.
    expect(await counts(db, ws)).toEqual(before);
  });

  it("refuses a plan row naming a risk that exists nowhere, and writes none of the register", async () => {
    const { db } = getStore();
    const ws = await workspace(db);
    const plan = join(scratch, "plan-unknown-risk.csv");
    await writeFile(plan, ["ID,Risk ID,Action,Annex A Control,Owner,Due Date,Status", "X-1,R-001,Fine action,A 5.17,ISO,2026-06-30,Open", "X-2,R-099,Orphan,A 8.5,ISO,2026-06-30,Open", "X-3,R-002,Odd date,A 8.5,ISO,30/06/2026,Open"].join("\n"));
    const before = await counts(db, ws);

    const failure = await failureOf(importRiskRegister(db, ws, sampleRegister, { treatmentPlan: plan, actor: "test" }));

    expect(failure.message).toMatch(/plan-unknown-risk\.csv at row 3, column "Risk ID": names R-099, which is neither in the register being imported nor in this workspace/);
    expect(failure.issues[1]?.path).toBe('row 4, column "Due Date"');
    expect(await counts(db, ws)).toEqual(before);
  });

  it("keeps the computed score and warns when asked to treat score mismatches as warnings", async () => {
    const { db } = getStore();
    const ws = await workspace(db);
    const file = join(scratch, "other-method.csv");
    await writeFile(file, [header, "R-001,Weighted elsewhere,Ops Lead,4,2,2,2,2,1,2,10,Mitigate,Open"].join("\n"));

    const result = await importRiskRegister(db, ws, file, { actor: "test", scoreMismatch: "warning" });

    expect(result.warnings).toEqual([expect.stringContaining("Inherent Score is 10, but likelihood 4 and impact 2 score 8 under methodology v1 (likelihood × impact); 8 is kept")]);
    expect((await loadRisks(db, ws))[0]?.inherentScore).toBe(8);
  });

  it("updates an existing risk of the workspace, recording the reassessment in its history", async () => {
    const { db } = getStore();
    const ws = await workspace(db, "aws-saas");
    const file = join(scratch, "update.xlsx");
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("Register");
    sheet.addRow(["Ref", "Headline", "Probability", "Impact", "Verdict", "Controls"]);
    sheet.addRow(["R-001", "Root account compromise (reviewed)", 1, 5, "Reduce", "A.5.17, A.8.2, A.9.4.2"]);
    await workbook.xlsx.writeFile(file);

    const result = await importRiskRegister(db, ws, file, { actor: "test", sheet: "Register", map: "Headline=title,Verdict=decision" });

    expect(result.updated).toEqual(["R-001"]);
    expect(result.warnings).toEqual([expect.stringContaining("A.9.4.2 (ISO/IEC 27001:2013) read as 8.5 (2022)")]);
    const [risk] = await loadRisks(db, ws);
    expect(risk).toMatchObject({ title: "Root account compromise (reviewed)", likelihood: 1, impacts: {}, impact: 5, inherentScore: 5, controlIds: ["5.17", "8.2", "8.5"] });
    expect((await loadAssessments(db, ws, "R-001")).map((a) => a.reason)).toEqual(["initial", "edit"]);
  });

  it("refuses an owner given as an unknown person id instead of adding a person called P-099", async () => {
    const { db } = getStore();
    const ws = await workspace(db, "aws-saas");
    const file = join(scratch, "unknown-owner.csv");
    await writeFile(file, ["ID,Title,Owner", "R-100,Lost laptop,P-099", "R-101,Stolen badge,P-001"].join("\n"));

    const failure = await failureOf(importRiskRegister(db, ws, file, { actor: "test" }));

    expect(failure.issues.map((i) => i.path)).toEqual(['row 2, column "Owner"']);
    expect(failure.issues[0]?.message).toContain("no person P-099 in this workspace");
  });
});
