// Documents under control on both stores: the template's drafts and the mandatory-documents
// checklist, the lifecycle with segregation of approval, superseded versions kept readable,
// generated documents following their data, controlled snapshots, and acknowledgements.
import { and, count, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { generatedDocuments, getGeneratedDocument, renderGeneratedDocument } from "../src/app/documents/generated/index.js";
import { acknowledgeDocument, approveDocument, createDocument, editDocument, publishDocument, submitDocument } from "../src/app/documents/lifecycle.js";
import { documentChecklist, requiredDocuments, uncoveredDocumentedInformation } from "../src/app/documents/mandatory.js";
import { acknowledgementStatus, getDocument } from "../src/app/documents/records.js";
import { documentBytes, renderDocument } from "../src/app/documents/render.js";
import { snapshotGeneratedDocument } from "../src/app/documents/snapshot.js";
import { assessReadiness } from "../src/app/readiness.js";
import { initWorkspace, resolveWorkspace, type Workspace } from "../src/app/workspaces.js";
import { DocumentLifecycleError } from "../src/domain/documents/lifecycle.js";
import { auditLog, people, trainingCourses, trainingRecords } from "../src/store/schema/index.js";
import type { Db } from "../src/store/open.js";
import { uniqueSlug } from "./helpers/fixtures.js";
import { describeEachStore } from "./helpers/stores.js";

const cli = { actor: "test" };

async function templateWorkspace(db: Db): Promise<Workspace> {
  const slug = uniqueSlug("docs");
  await initWorkspace(db, { name: "Acme ISMS", slug, companyName: "Acme Cloud Ltd", template: "aws-saas" });
  return resolveWorkspace(db, slug);
}

/** Takes a document from draft to in force: submitted by its author, approved by `approver`. */
async function bringIntoForce(db: Db, ws: Workspace, id: string, approver: string) {
  await db.transaction((tx) => submitDocument(tx, ws, id, cli));
  await db.transaction((tx) => approveDocument(tx, ws, id, approver, cli));
  return db.transaction((tx) => publishDocument(tx, ws, id, cli));
}

const textOf = async (db: Db, ws: Workspace, id: string, version?: string) => (await documentBytes(await renderDocument(db, ws, id, { version }), "md")).toString("utf8");

describe("the mandatory-documents list", () => {
  it("names every item of documented information that clauses 4 to 10 require, and the seed's eleven documents", () => {
    expect(uncoveredDocumentedInformation()).toEqual([]);
    const ids = requiredDocuments.map((r) => r.id);
    for (const seed of ["isms-scope", "information-security-policy", "risk-assessment-methodology", "risk-assessment-report", "risk-treatment-plan", "statement-of-applicability", "information-security-objectives", "training-records", "internal-audit-programme", "management-review-records", "corrective-actions-log"]) {
      expect(ids).toContain(seed);
    }
  });

  it("meets each generated requirement with a document OpenISMS can generate", () => {
    const generated = new Set(generatedDocuments.map((g) => g.id));
    for (const r of requiredDocuments) if ("generated" in r.meetBy) expect(generated.has(r.meetBy.generated)).toBe(true);
  });
});

describeEachStore("documents under control", (getStore) => {
  let ws: Workspace;
  beforeAll(async () => {
    ws = await templateWorkspace(getStore().db);
  });

  it("creates every template document as a draft at init, so the checklist shows nothing missing", async () => {
    const checklist = await documentChecklist(getStore().db, ws);
    expect(checklist.counts.missing).toBe(0);
    expect(checklist.required.every((e) => e.state === "draft" || e.state === "generated")).toBe(true);
    expect(checklist.required.find((e) => e.id === "information-security-policy")?.documents.map((d) => d.id)).toEqual(["POL-ISP"]);
    expect(checklist.other.map((e) => e.id)).toEqual(expect.arrayContaining(["POL-ACCESS", "POL-CRYPTO", "POL-DELETION"]));
    const policy = await getDocument(getStore().db, ws, "POL-ISP");
    expect(policy.versions.map((v) => [v.version, v.status, v.author])).toEqual([["1", "draft", "P-002"]]);
    expect(policy.approver).toBe("P-001");
    const text = policy.versions[0]?.body ?? "";
    expect(text).toContain("Acme Cloud Ltd");
    expect(text).not.toContain("{{");
  });

  it("refuses approval by the author when the workspace has a second person, and changes nothing", async () => {
    const db = getStore().db;
    await db.transaction((tx) => submitDocument(tx, ws, "POL-ACCESS", cli));
    const entries = async () => (await db.select({ n: count() }).from(auditLog).where(eq(auditLog.workspaceId, ws.id)))[0]?.n;
    const before = await entries();
    await expect(db.transaction((tx) => approveDocument(tx, ws, "POL-ACCESS", "P-002", cli))).rejects.toThrow(/P-002 wrote POL-ACCESS v1 and cannot approve it/);
    await expect(db.transaction((tx) => approveDocument(tx, ws, "POL-ACCESS", "Head of Security", cli))).rejects.toBeInstanceOf(DocumentLifecycleError);
    expect((await getDocument(db, ws, "POL-ACCESS")).versions[0]?.status).toBe("in_review");
    expect(await entries()).toBe(before);
    const approved = await db.transaction((tx) => approveDocument(tx, ws, "POL-ACCESS", "P-001", cli));
    expect(approved).toMatchObject({ status: "approved", approvedBy: "P-001" });
    expect(approved.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it("lets the only person of a workspace approve what they wrote", async () => {
    const db = getStore().db;
    const slug = uniqueSlug("solo");
    await initWorkspace(db, { name: "Solo", slug, template: "blank" });
    const solo = await resolveWorkspace(db, slug);
    await db.insert(people).values({ workspaceId: solo.id, id: "P-001", name: "Founder", ismsRoles: ["top-management", "isms-owner"] });
    await db.transaction((tx) => createDocument(tx, solo, { title: "Information Security Policy", kind: "information-security-policy", owner: "P-001", body: "## Purpose\n\nKeep customer data safe." }, cli));
    const published = await bringIntoForce(db, solo, "DOC-001", "P-001");
    expect(published).toMatchObject({ status: "published", approvedBy: "P-001" });
  });

  it("refuses steps out of order, saying what to do next", async () => {
    const db = getStore().db;
    await expect(db.transaction((tx) => publishDocument(tx, ws, "POL-CRYPTO", cli))).rejects.toThrow(/isms docs submit POL-CRYPTO/);
    await expect(db.transaction((tx) => approveDocument(tx, ws, "POL-CRYPTO", "P-001", cli))).rejects.toThrow(/it is draft/);
    await expect(db.transaction((tx) => submitDocument(tx, ws, "NO-SUCH", cli))).rejects.toThrow(/No document "NO-SUCH"/);
  });

  it("supersedes the version in force when a new one is published, and keeps the old one readable", async () => {
    const db = getStore().db;
    const first = await bringIntoForce(db, ws, "POL-LOGGING", "P-001");
    expect(first.publishedAt).toBeInstanceOf(Date);
    const v1Text = await textOf(db, ws, "POL-LOGGING", "1");
    // An approved text is never rewritten: the edit becomes version 2.
    const { version } = await db.transaction((tx) => editDocument(tx, ws, "POL-LOGGING", { body: "## 1. Purpose\n\nLogs are kept for 400 days.", changeSummary: "Retention extended", author: "P-004" }, cli));
    expect(version).toBe("2");
    await bringIntoForce(db, ws, "POL-LOGGING", "P-001");
    const doc = await getDocument(db, ws, "POL-LOGGING");
    expect(doc.versions.map((v) => [v.version, v.status])).toEqual([["1", "superseded"], ["2", "published"]]);
    expect(doc.versions[0]?.supersededAt).toBeInstanceOf(Date);
    expect(doc.nextReview).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const body = (text: string) => text.slice(text.indexOf("\n## 1."));
    const v1After = await textOf(db, ws, "POL-LOGGING", "1");
    expect(body(v1Text).length).toBeGreaterThan(1000);
    expect(body(v1After)).toBe(body(v1Text));
    expect(v1After).toContain("| **Status** | superseded |");
    expect(v1After).not.toContain("400 days");
    const v2 = await textOf(db, ws, "POL-LOGGING");
    expect(v2).toContain("400 days");
    expect(v2).toMatch(/\| 2 \| .* \| Retention extended \|/);
  });

  it("records who acknowledged which version when, and who in scope has not", async () => {
    const db = getStore().db;
    await expect(db.transaction((tx) => acknowledgeDocument(tx, ws, "POL-REMOTE", "P-003", cli))).rejects.toThrow(/no published version to acknowledge/);
    await bringIntoForce(db, ws, "POL-REMOTE", "P-001");
    const at = new Date("2026-11-20T09:00:00Z");
    await db.transaction((tx) => acknowledgeDocument(tx, ws, "POL-REMOTE", "P-003", { ...cli, at }));
    const again = await db.transaction((tx) => acknowledgeDocument(tx, ws, "POL-REMOTE", "Chief Technology Officer", cli));
    expect(again).toMatchObject({ already: true, acknowledgedAt: at });
    const today = new Date().toISOString().slice(0, 10);
    const status = await acknowledgementStatus(db, ws, "POL-REMOTE", today);
    expect(status.version).toBe("1");
    expect(status.acknowledged).toEqual([{ personId: "P-003", name: "Chief Technology Officer", acknowledgedAt: at }]);
    expect(status.pending.map((p) => p.personId)).toEqual(["P-001", "P-002", "P-004", "P-005", "P-006"]);
    // A new version in force asks everyone again.
    await db.transaction((tx) => editDocument(tx, ws, "POL-REMOTE", { body: "## Purpose\n\nVPN always on.", author: "P-002" }, cli));
    await bringIntoForce(db, ws, "POL-REMOTE", "P-001");
    const next = await acknowledgementStatus(db, ws, "POL-REMOTE", today);
    expect(next.version).toBe("2");
    expect(next.acknowledged).toEqual([]);
    expect(next.pending).toHaveLength(6);
    const checklist = await documentChecklist(db, ws);
    expect(checklist.other.find((e) => e.id === "POL-REMOTE")?.missing).toContain("6 of 6 people in scope have not acknowledged v2 (isms docs ack POL-REMOTE --status)");
    // Readiness tells the user before the auditor does.
    const report = await assessReadiness(db, ws, { stage: "stage2" });
    const findings = Object.values(report.stages[0]?.findings ?? {}).flat().filter((f) => f.ruleId === "S2-policies-acknowledged");
    expect(findings.map((f) => f.message)).toEqual([expect.stringMatching(/^6 of 6 people in scope have not acknowledged Remote Working Policy \(POL-REMOTE\) v2: Chief Executive Officer \(P-001\)/)]);
  });

  it("renders a generated document from the data: the same data the same stamp, new data a new stamp and text", async () => {
    const db = getStore().db;
    const definition = getGeneratedDocument("training-records");
    const at = new Date("2026-11-27T10:00:00Z");
    const first = await renderGeneratedDocument(db, ws, definition, at);
    expect((await renderGeneratedDocument(db, ws, definition, at)).dataStamp).toBe(first.dataStamp);
    const [course] = await db.select().from(trainingCourses).where(eq(trainingCourses.workspaceId, ws.id)).limit(1);
    if (!course) throw new Error("the aws-saas template defines training courses");
    await db.insert(trainingRecords).values({ workspaceId: ws.id, id: "TR-900", courseId: course.id, personId: "P-004", completedOn: "2026-11-02", evidenceRef: "LMS certificate 4471" });
    const second = await renderGeneratedDocument(db, ws, definition, at);
    expect(second.dataStamp).not.toBe(first.dataStamp);
    expect(JSON.stringify(second.model)).toContain("LMS certificate 4471");
    expect(JSON.stringify(first.model)).not.toContain("LMS certificate 4471");
    expect(second.model.meta).toContainEqual(["Generated from the data", `data ${second.dataStamp} as of 2026-11-27 10:00 UTC`]);
    await db.delete(trainingRecords).where(and(eq(trainingRecords.workspaceId, ws.id), eq(trainingRecords.id, "TR-900")));
    expect((await renderGeneratedDocument(db, ws, definition, at)).dataStamp).toBe(first.dataStamp);
  });

  it("keeps a generated document under control as a snapshot with its data stamp", async () => {
    const db = getStore().db;
    const submitted = await db.transaction((tx) => snapshotGeneratedDocument(tx, ws, "statement-of-applicability", { ...cli, by: "P-002" }));
    expect(submitted).toMatchObject({ version: "1", status: "in_review", author: "P-002" });
    expect(submitted.dataStamp).toMatch(/^[0-9a-f]{12}$/);
    expect(submitted.body).toContain("A.5.1");
    await db.transaction((tx) => approveDocument(tx, ws, "statement-of-applicability", "P-001", cli));
    await db.transaction((tx) => publishDocument(tx, ws, "statement-of-applicability", cli));
    const checklist = await documentChecklist(db, ws);
    const soa = checklist.required.find((e) => e.id === "statement-of-applicability");
    expect(soa?.state).toBe("generated");
    expect(soa?.documents).toEqual([{ id: "statement-of-applicability", title: "Statement of Applicability", version: "1", status: "published" }]);
    const rendered = await renderDocument(db, ws, "statement-of-applicability");
    expect(rendered.stamp).toContain(`data ${submitted.dataStamp}`);
  });
});
