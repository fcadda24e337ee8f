// The records screens in headless Chromium against the real API over HTTP: the administrator submits and
// approves a policy in the Documents side panel (approved in the name of its named approver, who did not
// write it) and sees its status change; opens a piece of evidence with its metadata; and an auditor held
// to their audit raises an evidence request and finds it listed.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { addCorrectiveAction } from "../src/app/audits/actions.js";
import { addAudit, startAudit } from "../src/app/audits/audits.js";
import { addFinding } from "../src/app/audits/findings.js";
import { resolveWorkspace } from "../src/app/workspaces.js";
import { createBlobStore } from "../src/evidence/blobs.js";
import { recordEvidence } from "../src/evidence/records.js";
import { documentListSchema, type DocumentRow } from "../src/web/api/schemas.js";
import { testApi, type ApiClient } from "./helpers/api.js";
import { describeWithChromium } from "./helpers/browser.js";
import { keepScreenshot, signInThroughForm, useWebApp } from "./helpers/web-app.js";

describeWithChromium("web app: documents, evidence and audits", (getBrowser) => {
  const getWeb = useWebApp();
  let context: BrowserContext;
  let page: Page;
  let admin: ApiClient;
  let auditor: ApiClient;
  let blobRoot: string;
  /** A draft policy whose named approver is not its owner (who wrote it). */
  let policy: DocumentRow;
  let evidence: { id: string; sha256: string };

  beforeAll(async () => {
    const web = getWeb();
    const api = testApi(web.store.db);
    admin = await api.setUpAdmin();
    const ws = await resolveWorkspace(web.store.db, web.workspace);
    blobRoot = await mkdtemp(join(tmpdir(), "isms-web-records-"));
    const blobs = createBlobStore(blobRoot);
    const today = new Date().toISOString().slice(0, 10);
    const recorded = await web.store.db.transaction(async (tx) => {
      await addAudit(tx, ws, { title: "Stage 2", kind: "stage2", auditor: "Certification body", plannedStart: "2026-01-01", plannedEnd: today > "2026-12-31" ? today : "2026-12-31", controls: ["8.5"] }, { actor: "test" });
      await startAudit(tx, ws, "AUD-001", { on: today }, { actor: "test" });
      await addFinding(tx, ws, { auditId: "AUD-001", kind: "minor_nonconformity", requirement: "8.5", description: "Two console users without MFA" }, { actor: "test" });
      await addCorrectiveAction(tx, ws, { findingId: "F-001", correction: "MFA turned on for both", rootCause: "No policy check", action: "Enforce MFA through an SCP", owner: "P-002", dueDate: "2026-12-01" }, { actor: "test" });
      await recordEvidence(tx, ws, blobs, { kind: "access-review", title: "Access rights review", controlIds: ["5.15"], source: { kind: "upload", uploader: "P-001" }, collectedAt: new Date(), content: { reviewed: 40 } });
      return recordEvidence(tx, ws, blobs, { kind: "upload", title: "MFA report", controlIds: ["8.5"], source: { kind: "upload", uploader: "P-001" }, collectedAt: new Date(), period: { start: "2026-01-01", end: "2026-06-30" }, content: { users: 12, withoutMfa: 0 } });
    });
    evidence = { id: recorded.record.id, sha256: recorded.record.sha256 };
    auditor = await api.member("auditor", ws, { auditId: "AUD-001", email: "ann@cb.example", name: "Ann Auditor" });
    const list = documentListSchema.parse(await (await admin.get(`/api/w/${web.workspace}/documents`)).json());
    const found = list.documents.find((d) => d.kind.includes("policy") && d.status === "draft" && d.approver !== null && d.approver !== d.owner);
    if (!found) throw new Error("the aws-saas workspace has no draft policy with an approver other than its owner");
    policy = found;
    context = await getBrowser().newContext({ viewport: { width: 1440, height: 900 } });
    page = await context.newPage();
  });
  afterAll(async () => {
    await context.close();
    await rm(blobRoot, { recursive: true, force: true });
  });

  const nav = (name: string) => page.getByRole("navigation", { name: "Sections" }).getByRole("link", { name }).click();

  it("shows the administrator the mandatory documents, then submits and approves a policy in its side panel", async () => {
    const web = getWeb();
    await signInThroughForm(page, web.url, admin.account.email, admin.password);
    await nav("Documents");
    const checklist = page.getByRole("table", { name: "Mandatory documents" });
    await checklist.waitFor();
    expect(await checklist.locator("tbody tr").count()).toBeGreaterThan(5);
    await expect.poll(() => page.getByTestId("checklist-summary").textContent()).toMatch(/^\d+ of \d+ mandatory documents have nothing missing/);
    await keepScreenshot(page, "documents-checklist");

    await page.getByRole("tab", { name: "Register" }).click();
    await page.getByRole("table", { name: "Document register" }).getByRole("link", { name: policy.id, exact: true }).click();
    await page.waitForURL(new RegExp(`#/w/acme/documents/${policy.id}$`));
    const panel = page.getByRole("complementary", { name: `Document ${policy.id}` });
    const status = panel.getByTestId("document-status");
    await expect.poll(() => status.textContent()).toBe("draft");
    expect(await panel.getByRole("link", { name: "PDF" }).first().getAttribute("href")).toBe(`/api/w/acme/documents/${policy.id}/export?format=pdf&version=1`);
    expect(await panel.getByRole("link", { name: "DOCX" }).count()).toBe(1);
    // Only the step the draft waits for is offered.
    expect(await panel.getByRole("button", { name: /^(Approve|Publish)/ }).count()).toBe(0);

    await panel.getByRole("button", { name: "Submit for review v1" }).click();
    await expect.poll(() => status.textContent()).toBe("in review");
    // An approver who is no person of the workspace is refused with the reason.
    await panel.getByLabel("Approved by").fill("Nobody Known");
    await panel.getByRole("button", { name: "Approve v1" }).click();
    await expect.poll(() => panel.getByRole("alert").textContent()).toMatch(/no person "Nobody Known" in this workspace/);
    expect(await status.textContent()).toBe("in review");
    // The administrator is no person in the register: left empty, the approval is given in the document's approver's name.
    await panel.getByLabel("Approved by").fill("");
    await panel.getByRole("button", { name: "Approve v1" }).click();
    await expect.poll(() => status.textContent()).toBe("approved");
    await panel.getByRole("button", { name: "Publish v1" }).waitFor();
    const row = page.getByRole("table", { name: "Document register" }).getByRole("row").filter({ has: page.getByRole("link", { name: policy.id, exact: true }) });
    await expect.poll(() => row.textContent()).toContain("approved");
    await keepScreenshot(page, "documents-approved");
  });

  it("publishes the approved policy, after which no lifecycle step is offered", async () => {
    const panel = page.getByRole("complementary", { name: `Document ${policy.id}` });
    await panel.getByRole("button", { name: "Publish v1" }).click();
    await expect.poll(() => panel.getByTestId("document-status").textContent()).toBe("published");
    // Nothing waits for a step now: no lifecycle button is offered.
    expect(await panel.getByRole("button", { name: /v1$/ }).count()).toBe(0);
  });

  it("filters the evidence and opens one record with its source, period and SHA-256", async () => {
    await nav("Evidence");
    const table = page.getByRole("table", { name: "Evidence" });
    await table.getByRole("link", { name: evidence.id }).waitFor();
    await page.getByLabel("Control").fill("8.5");
    await page.getByRole("button", { name: "Filter" }).click();
    await expect.poll(() => page.getByTestId("evidence-count").textContent()).toBe("1 record");
    await page.getByLabel("Control").fill("9.99");
    await page.getByRole("button", { name: "Filter" }).click();
    await expect.poll(() => page.getByTestId("evidence-count").textContent()).toBe("0 records");
    await page.getByLabel("Control").fill("");
    await page.getByRole("button", { name: "Filter" }).click();

    await table.getByRole("link", { name: evidence.id }).click();
    const panel = page.getByRole("complementary", { name: `Evidence ${evidence.id}` });
    await expect.poll(() => panel.getByTestId("evidence-sha256").textContent()).toBe(evidence.sha256);
    expect(await panel.textContent()).toContain("2026-01-01 to 2026-06-30");
    expect(await panel.getByRole("link", { name: "Open the content" }).getAttribute("href")).toBe(`/api/w/acme/evidence/${evidence.id}/content`);
    await keepScreenshot(page, "evidence-record");
    await page.keyboard.press("Escape");
    await page.waitForURL(/#\/w\/acme\/evidence$/);
  });

  it("lets an auditor raise an evidence request and see it listed, and refuses one outside their audit with the reason", async () => {
    const web = getWeb();
    await page.getByRole("button", { name: "Sign out" }).click();
    await signInThroughForm(page, web.url, auditor.account.email, auditor.password);
    await nav("Evidence");
    await page.getByRole("tab", { name: "Requests" }).click();
    const form = page.getByRole("form", { name: "Raise a request" });
    await form.getByLabel("Topic").fill("mfa");
    await form.getByLabel("Question").fill("Show the MFA report for the production account");
    await form.getByLabel("Item").fill("June 2026");
    await form.getByLabel("Controls").fill("5.15");
    await form.getByRole("button", { name: "Raise the request" }).click();
    await expect.poll(() => form.getByRole("alert").textContent()).toMatch(/5\.15/);

    await form.getByLabel("Controls").fill("8.5");
    await form.getByRole("button", { name: "Raise the request" }).click();
    const requests = page.getByRole("table", { name: "Evidence requests" });
    await expect.poll(() => requests.locator("tbody tr").count()).toBe(1);
    expect(await requests.locator("tbody tr").first().textContent()).toMatch(/mfa: Show the MFA report for the production account.*item: June 2026.*8\.5.*open/);
    await expect.poll(() => page.getByTestId("request-count").textContent()).toBe("1 request, 1 open");
    await keepScreenshot(page, "evidence-requests-auditor");
  });

  it("shows the audits with their findings and corrective actions, read-only", async () => {
    await nav("Audits");
    const audits = page.getByRole("table", { name: "Audits" });
    await audits.getByRole("link", { name: "AUD-001" }).click();
    const panel = page.getByRole("complementary", { name: "Audit AUD-001" });
    await expect.poll(() => panel.textContent()).toContain("Certification body");
    const finding = panel.getByRole("table", { name: "Findings of AUD-001" }).locator("tbody tr");
    expect(await finding.count()).toBe(1);
    // The auditor knows the names only of the owners of the controls in their audit: P-002 stays an id.
    expect(await finding.textContent()).toMatch(/F-001.*minor nonconformity.*Two console users without MFA.*Enforce MFA through an SCP open P-002, due 2026-12-01/);
    expect(await page.locator("main input, main textarea, main button:not(.quiet)").count()).toBe(0);
    await keepScreenshot(page, "audits");
  });
});
