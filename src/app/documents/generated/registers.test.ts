// The documents generated from the registers, on both stores: each renders from the aws-saas template,
// reports the gaps that template leaves, and follows the data when a row is added.
import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { describeEachStore } from "../../../../test/helpers/stores.js";
import { uniqueSlug } from "../../../../test/helpers/fixtures.js";
import type { PdfBlock, PdfDocumentModel } from "../../../reports/pdf.js";
import type { Db } from "../../../store/open.js";
import {
  assets,
  auditFindings,
  audits,
  checkResults,
  collectionRuns,
  controlImplementations,
  correctiveActions,
  documents,
  documentVersions,
  exclusions,
  managementReviews,
  measurements,
  trainingRecords,
} from "../../../store/schema/index.js";
import { initWorkspace, resolveWorkspace, type Workspace } from "../../workspaces.js";
import { assetInventoryDocument } from "./asset-inventory.js";
import { correctiveActionsLogDocument } from "./corrective-actions-log.js";
import { documentRegisterDocument } from "./document-register.js";
import { exclusionRegisterDocument } from "./exclusion-register.js";
import { internalAuditProgrammeDocument } from "./internal-audit-programme.js";
import { managementReviewRecordsDocument } from "./management-review-records.js";
import { monitoringResultsDocument } from "./monitoring-results.js";
import { trainingRecordsDocument } from "./training-records.js";
import type { GeneratedDocument } from "./types.js";

const at = new Date("2026-06-15T12:00:00Z");

const generated: GeneratedDocument[] = [
  trainingRecordsDocument,
  internalAuditProgrammeDocument,
  managementReviewRecordsDocument,
  correctiveActionsLogDocument,
  assetInventoryDocument,
  exclusionRegisterDocument,
  documentRegisterDocument,
  monitoringResultsDocument,
];

function blockText(block: PdfBlock): string {
  if (block.kind === "table") return [block.header, ...block.rows].map((row) => row.join(" | ")).join("\n");
  if (block.kind === "list") return block.items.join("\n");
  return "text" in block ? block.text : "";
}

/** Everything a reader sees in the model, one line per row or item. */
function textOf(model: PdfDocumentModel): string {
  const meta = model.meta.map(([label, value]) => `${label}: ${value}`);
  return [model.title, ...meta, ...model.sections.flatMap((s) => [s.heading, ...s.blocks.map(blockText)])].join("\n");
}

/** The rows of the model's table whose header starts with `first`. */
function tableRows(model: PdfDocumentModel, first: string): string[][] {
  return model.sections.flatMap((s) => s.blocks).flatMap((b) => (b.kind === "table" && b.header[0] === first ? b.rows : []));
}

async function produce<Data>(document: GeneratedDocument<Data>, db: Db, workspace: Workspace) {
  const context = { workspace, at };
  const data = await document.load(db, context);
  const model = document.render(data, context);
  return { data, gaps: document.gaps(data), model, text: textOf(model) };
}

async function templateWorkspace(db: Db): Promise<Workspace> {
  const slug = uniqueSlug("gen");
  await initWorkspace(db, { name: "Acme ISMS", slug, companyName: "Acme Cloud Ltd", template: "aws-saas" });
  return resolveWorkspace(db, slug);
}

describeEachStore("documents generated from the registers", (getStore) => {
  // `template` is never written to; `changing` takes the rows the tests add, each test touching its own document.
  let template: Workspace;
  let changing: Workspace;
  beforeAll(async () => {
    const { db } = getStore();
    template = await templateWorkspace(db);
    changing = await templateWorkspace(db);
  });

  describe("on the aws-saas template", () => {
    for (const document of generated) {
      it(`${document.id} loads plain JSON and renders its title and sections`, async () => {
        const { data, model } = await produce(document, getStore().db, template);
        expect(JSON.parse(JSON.stringify(data))).toEqual(data);
        expect(model.title).toBe(document.title);
        expect(model.sections.length).toBeGreaterThan(0);
        expect(model.meta).toContainEqual(["Organization", "Acme Cloud Ltd"]);
        expect(document.render(data, { workspace: template, at })).toEqual(model);
      });
    }

    it("training records miss every record and everyone's awareness training", async () => {
      const { gaps } = await produce(trainingRecordsDocument, getStore().db, template);
      expect(gaps).toEqual([expect.stringContaining("No training record"), expect.stringContaining("6 people in scope have no awareness training record")]);
      expect(gaps[1]).toContain("Head of Security (P-002)");
    });

    it("the audit programme reports that no internal audit is planned and no clause is covered", async () => {
      const { gaps, model } = await produce(internalAuditProgrammeDocument, getStore().db, template);
      expect(gaps).toEqual([expect.stringContaining("No internal audit is planned or done within 12 months of 2026-06-15")]);
      const coverage = tableRows(model, "Clause");
      expect(coverage.map((row) => row[0]?.split(" ")[0])).toEqual(["4", "5", "6", "7", "8", "9", "10"]);
      expect(coverage.every((row) => row[1] === "no")).toBe(true);
    });

    it("management review records report that no review was held", async () => {
      const { gaps, text } = await produce(managementReviewRecordsDocument, getStore().db, template);
      expect(gaps).toEqual([expect.stringContaining("No management review was held in the 12 months to 2026-06-15")]);
      expect(text).toContain("No management review has been recorded yet.");
    });

    it("an empty corrective actions log is no gap", async () => {
      const { gaps, text } = await produce(correctiveActionsLogDocument, getStore().db, template);
      expect(gaps).toEqual([]);
      expect(text).toContain("No nonconformity has been recorded.");
    });

    it("the asset inventory groups the template's owned assets by kind", async () => {
      const { gaps, model, text } = await produce(assetInventoryDocument, getStore().db, template);
      expect(gaps).toEqual([]);
      expect(model.sections.map((s) => s.heading)).toContain("2. aws-account");
      expect(text).toContain("Production AWS account (A-002) | Platform Engineering Lead (P-004) | confidential | yes");
    });

    it("the exclusion register lists the scope exclusions and the justified not-applicable controls", async () => {
      const { data, gaps, text } = await produce(exclusionRegisterDocument, getStore().db, template);
      expect(gaps).toEqual([]);
      expect(data.exclusions.map((e) => e.id)).toEqual(["EX-001", "EX-002"]);
      expect(data.notApplicable.map((c) => c.controlId)).toContain("7.4");
      expect(text).toContain("A.7.4 | Physical security monitoring");
    });

    it("the document register reports documents not yet under control", async () => {
      const { gaps } = await produce(documentRegisterDocument, getStore().db, template);
      expect(gaps.length).toBeGreaterThan(0);
    });

    it("monitoring results report every active objective as unmeasured and no collection run", async () => {
      const { data, gaps, text } = await produce(monitoringResultsDocument, getStore().db, template);
      expect(gaps.map((g) => g.split(" ")[1])).toEqual(["OBJ-001", "OBJ-002", "OBJ-003", "OBJ-004"]);
      expect(data.latestRun).toBeNull();
      expect(text).toContain("No automated collection has been run yet.");
    });
  });

  describe("after a row is added", () => {
    it("training records show a completion, and flag a lapsed course as overdue", async () => {
      const { db } = getStore();
      const row = { workspaceId: changing.id, expiresOn: null, evidenceRef: null };
      await db.insert(trainingRecords).values([
        { ...row, id: "TR-1", personId: "P-002", courseId: "TC-001", completedOn: "2026-05-01", evidenceRef: "LMS export 2026-05" },
        { ...row, id: "TR-2", personId: "P-003", courseId: "TC-002", completedOn: "2024-03-01" },
      ]);
      const { data, gaps, text } = await produce(trainingRecordsDocument, db, changing);
      expect(data.records.map((r) => r.id)).toEqual(["TR-1", "TR-2"]);
      expect(gaps).toEqual([expect.stringContaining("5 people in scope have no awareness training record")]);
      expect(gaps[0]).not.toContain("P-002");
      expect(text).toContain("Head of Security (P-002) | Information security awareness (TC-001) | 2026-05-01 | 2027-05-01 | LMS export 2026-05");
      expect(text).toContain("Chief Technology Officer (P-003): Secure development on AWS (TC-002), expired 2025-03-01");
      expect((await produce(trainingRecordsDocument, db, template)).data.records).toEqual([]);
    });

    it("an internal audit fills the programme, and its major finding without action opens the corrective actions log", async () => {
      const { db } = getStore();
      await db.insert(audits).values({
        workspaceId: changing.id,
        id: "IA-1",
        kind: "internal",
        title: "Internal audit of the ISMS 2026",
        scope: "Clauses 4–10 and the controls of A.5 and A.8",
        auditor: "P-006",
        plannedStart: "2026-05-10",
        plannedEnd: "2026-05-12",
        status: "completed",
        reportRef: "reports/ia-2026.pdf",
      });
      await db.insert(auditFindings).values({ workspaceId: changing.id, id: "F-1", auditId: "IA-1", kind: "major_nonconformity", requirement: "9.2.2", description: "The audit programme was never approved", status: "open" });

      const programme = await produce(internalAuditProgrammeDocument, db, changing);
      expect(programme.gaps).toEqual([]);
      expect(programme.text).toContain("Internal audit of the ISMS 2026 (IA-1) | 2026-05-10 – 2026-05-12");
      expect(programme.text).toContain("Internal auditor (P-006)");
      expect(programme.text).toContain("F-1 | major nonconformity | 9.2.2 | The audit programme was never approved | open");
      expect(tableRows(programme.model, "Clause").every((row) => row[1] === "yes")).toBe(true);

      const log = await produce(correctiveActionsLogDocument, db, changing);
      expect(log.gaps).toEqual(["Nonconformity F-1 (major nonconformity, audit IA-1) has no corrective action."]);
      expect(log.text).toContain("F-1 | Internal audit of the ISMS 2026 (IA-1, internal)");
      expect(log.text).toContain("⚠ none");

      await db.insert(correctiveActions).values({ workspaceId: changing.id, id: "CA-1", findingId: "F-1", description: "Have the CEO approve the programme", owner: "P-002", dueDate: "2026-06-01", status: "open" });
      const actioned = await produce(correctiveActionsLogDocument, db, changing);
      expect(actioned.gaps).toEqual([expect.stringContaining("Corrective action CA-1 is overdue: due 2026-06-01")]);
      expect(actioned.text).toContain("CA-1 | F-1 | Have the CEO approve the programme | — | Head of Security (P-002) | 2026-06-01 ⚠ overdue | open");
    });

    it("management review records show each review newest first, with attendees by name and the records' own labels", async () => {
      const { db } = getStore();
      const review = { workspaceId: changing.id, minutesRef: null, inputs: {}, decisions: {} };
      await db.insert(managementReviews).values([
        { ...review, id: "MR-0", heldOn: "2025-01-10", attendees: ["P-001"] },
        {
          ...review,
          id: "MR-1",
          heldOn: "2026-03-20",
          attendees: ["P-001", "P-002", "External adviser"],
          inputs: { "audit results": ["IA-1 completed", "1 major nonconformity"], "status of actions": "none open" },
          decisions: { improvements: "Approve the audit programme" },
          minutesRef: "minutes/mr-2026-03.md",
        },
      ]);
      const { data, gaps, model, text } = await produce(managementReviewRecordsDocument, db, changing);
      expect(data.reviews.map((r) => r.id)).toEqual(["MR-1", "MR-0"]);
      expect(gaps).toEqual([]);
      expect(model.sections.map((s) => s.heading).slice(1)).toEqual(["2. Review of 2026-03-20 (MR-1)", "3. Review of 2025-01-10 (MR-0)"]);
      expect(text).toContain("Attendees | Chief Executive Officer (P-001), Head of Security (P-002), External adviser");
      expect(text).toContain("audit results: IA-1 completed; 1 major nonconformity");
      expect(text).toContain("improvements: Approve the audit programme");
    });

    it("the asset inventory flags an in-scope asset with no owner", async () => {
      const { db } = getStore();
      await db.insert(assets).values({ workspaceId: changing.id, id: "A-900", kind: "saas", name: "Customer support desk", owner: null, inScope: true });
      const { gaps, text } = await produce(assetInventoryDocument, db, changing);
      expect(gaps).toEqual(["Asset A-900 (Customer support desk) is in scope and has no owner (A.5.9)."]);
      expect(text).toContain("Customer support desk (A-900) | ⚠ none | not classified | yes");
    });

    it("the exclusion register shows a new exclusion and flags a not-applicable control with no justification", async () => {
      const { db } = getStore();
      await db.insert(exclusions).values({ workspaceId: changing.id, id: "EX-900", subject: "Office guest Wi-Fi", reason: "Separate from every company system" });
      await db
        .update(controlImplementations)
        .set({ applicability: "not_applicable", justification: "" })
        .where(and(eq(controlImplementations.workspaceId, changing.id), eq(controlImplementations.controlId, "5.7")));
      const { gaps, text } = await produce(exclusionRegisterDocument, db, changing);
      expect(gaps).toEqual([expect.stringContaining("Control 5.7 (Threat intelligence) is marked not applicable with no justification")]);
      expect(text).toContain("EX-900 | Office guest Wi-Fi | Separate from every company system");
      expect(text).toContain("A.5.7 | Threat intelligence | ⚠ no justification recorded");
    });

    it("the document register shows the version in force, the draft pending and a missed review", async () => {
      const { db } = getStore();
      await db.insert(documents).values({ workspaceId: changing.id, id: "DOC-900", title: "Test Policy", kind: "policy", owner: "P-002", nextReview: "2026-01-31", clauses: ["5.2"], controls: ["5.1"] });
      const version = { workspaceId: changing.id, documentId: "DOC-900" };
      await db.insert(documentVersions).values([
        { ...version, id: "DOC-900-1", version: "1", status: "published", approvedBy: "P-001", approvedAt: new Date("2025-01-31T10:00:00Z") },
        { ...version, id: "DOC-900-2", version: "2", status: "draft", author: "P-002", changeSummary: "Adds remote working", createdAt: new Date("2026-06-01T08:00:00Z") },
      ]);
      const { data, gaps, text } = await produce(documentRegisterDocument, db, changing);
      expect(data.documents.map((d) => d.id)).toContain("DOC-900");
      expect(gaps).toContain("Test Policy (DOC-900) was due for review on 2026-01-31.");
      expect(gaps.join("\n")).not.toContain("(DOC-900) has no approved version");
      expect(text).toContain("Test Policy (DOC-900) | policy | Head of Security (P-002) | v1 (published) | Chief Executive Officer (P-001) on 2025-01-31 | 2026-01-31 ⚠ overdue | 5.2, A.5.1");
      expect(text).toContain("Test Policy (DOC-900) | 2 | draft | Head of Security (P-002) | 2026-06-01 | Adds remote working");
    });

    it("monitoring results show a measurement and the latest collection run's checks", async () => {
      const { db } = getStore();
      await db.insert(measurements).values({ workspaceId: changing.id, id: "M-1", objectiveId: "OBJ-001", measuredOn: "2026-06-01", value: 97.5, note: "IAM credential report" });
      await db.insert(collectionRuns).values({
        workspaceId: changing.id,
        id: "run-1",
        source: "aws",
        startedAt: new Date("2026-06-14T10:00:00Z"),
        finishedAt: new Date("2026-06-14T10:05:00Z"),
        caller: "111111111111",
        collectorVersion: "test",
        options: {},
        stats: { accounts: 1, passed: 1, failed: 1 },
      });
      const result = { workspaceId: changing.id, runId: "run-1", account: "111111111111", region: "eu-west-1", detail: "", severity: "high", controlIds: ["8.5"] };
      await db.insert(checkResults).values([
        { ...result, id: "run-1.1", n: 1, checkId: "iam-user-mfa", resource: "alice", status: "pass" },
        { ...result, id: "run-1.2", n: 2, checkId: "iam-user-mfa", resource: "bob", status: "fail" },
        { ...result, id: "run-1.3", n: 3, checkId: "s3-public-access", resource: "logs", status: "unknown" },
      ]);
      const { data, gaps, text } = await produce(monitoringResultsDocument, db, changing);
      expect(gaps.map((g) => g.split(" ")[1])).toEqual(["OBJ-002", "OBJ-003", "OBJ-004"]);
      expect(data.latestRun?.checks).toEqual([
        { checkId: "iam-user-mfa", passed: 1, failed: 1, other: 0 },
        { checkId: "s3-public-access", passed: 0, failed: 0, other: 1 },
      ]);
      expect(text).toContain("2026-06-01 | 97.5 | IAM credential report");
      expect(text).toContain("run-1 (aws), ran from 2026-06-14 10:00 UTC to 2026-06-14 10:05 UTC as 111111111111, over the accounts 111111111111");
    });
  });
});
