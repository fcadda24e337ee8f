// The audits screen in headless Chromium against the real API over HTTP: the administrator starts a planned
// audit from its panel, raises a finding in it and sees it listed, adds a corrective action for it, and
// closes an action with its evidence; plans an audit, creates its checklist, records each line and
// completes it with its report; a viewer sees the audit and its findings but no control to change them. The web schemas of
// audits-api.ts parse the server's answers.
import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { addCorrectiveAction } from "../src/app/audits/actions.js";
import { addAudit, startAudit } from "../src/app/audits/audits.js";
import { addFinding } from "../src/app/audits/findings.js";
import { resolveWorkspace } from "../src/app/workspaces.js";
import { actionAnswerSchema, auditAnswerSchema, checkAnswerSchema, checklistAnswerSchema, findingAnswerSchema, planAnswerSchema } from "../src/web/api/audits-api.js";
import { correctiveActionListSchema, findingListSchema } from "../src/web/api/schemas.js";
import { testApi, type ApiClient } from "./helpers/api.js";
import { describeWithChromium } from "./helpers/browser.js";
import { keepScreenshot, signInThroughForm, useWebApp } from "./helpers/web-app.js";

const today = new Date().toISOString().slice(0, 10);

describeWithChromium("web app: audits, findings and corrective actions", (getBrowser) => {
  const getWeb = useWebApp();
  let context: BrowserContext;
  let page: Page;
  let admin: ApiClient;
  let viewer: ApiClient;
  let auditId: string;
  let otherAudit: string;

  beforeAll(async () => {
    const web = getWeb();
    const api = testApi(web.store.db);
    admin = await api.setUpAdmin();
    const ws = await resolveWorkspace(web.store.db, web.workspace);
    await web.store.db.transaction(async (tx) => {
      const test = { actor: "test" };
      const planned = await addAudit(tx, ws, { title: "Access control", auditor: "Ivy Independent", controls: ["5.18"] }, test);
      auditId = planned.audit.id;
      const under = await addAudit(tx, ws, { title: "Backups", auditor: "Ivy Independent", controls: ["8.13"] }, test);
      otherAudit = under.audit.id;
      await startAudit(tx, ws, otherAudit, {}, test);
      const finding = await addFinding(tx, ws, { auditId: otherAudit, kind: "observation", requirement: "A.8.13", description: "Restore logs kept 7 days" }, test);
      await addCorrectiveAction(tx, ws, { findingId: finding.id, action: "Keep restore logs 90 days", owner: "P-001", dueDate: today }, test);
    });
    viewer = await api.member("viewer", ws, { email: "vic@acme.example", name: "Vic Viewer" });
    context = await getBrowser().newContext({ viewport: { width: 1440, height: 900 } });
    page = await context.newPage();
  });
  afterAll(async () => {
    await context.close();
  });

  it("lets the administrator start an audit, raise a finding in it and see it listed, answer it and close an action", async () => {
    const web = getWeb();
    await signInThroughForm(page, web.url, admin.account.email, admin.password);
    await page.goto(`${web.url}/#/w/${web.workspace}/audits/${auditId}`);
    const panel = page.getByRole("complementary", { name: `Audit ${auditId}` });
    expect(await panel.getByRole("form", { name: `Raise a finding in ${auditId}` }).count()).toBe(0);
    const started = page.waitForResponse((r) => r.url().endsWith(`/audits/${auditId}/start`));
    await panel.getByRole("button", { name: "Start audit" }).click();
    expect(auditAnswerSchema.parse(await (await started).json()).audit).toMatchObject({ id: auditId, status: "in_progress" });
    await expect.poll(() => page.getByRole("status").filter({ hasText: "is in progress" }).textContent()).toBe(`${auditId} is in progress.`);

    const form = panel.getByRole("form", { name: `Raise a finding in ${auditId}` });
    await form.getByLabel("Kind").selectOption("minor_nonconformity");
    await form.getByLabel("Requirement").fill("99.9");
    await form.getByLabel("What was found").fill("Two leavers kept VPN access for 40 days");
    await form.getByRole("button", { name: "Raise finding" }).click();
    await expect.poll(() => form.getByRole("alert").textContent()).toMatch(/neither a clause of ISO\/IEC 27001/);

    await form.getByLabel("Requirement").fill("A.5.18");
    await form.getByLabel("Evidence").fill("E-001, JIRA-7");
    const raised = page.waitForResponse((r) => r.url().endsWith("/findings") && r.request().method() === "POST");
    await form.getByRole("button", { name: "Raise finding" }).click();
    const { finding } = findingAnswerSchema.parse(await (await raised).json());
    expect(finding).toMatchObject({ auditId, kind: "minor_nonconformity", requirement: "A.5.18", status: "open" });
    const inPanel = panel.getByRole("table", { name: `Findings of ${auditId}` });
    await expect.poll(() => inPanel.getByRole("row", { name: new RegExp(`${finding.id} .*Two leavers kept VPN access`) }).count()).toBe(1);
    await keepScreenshot(page, "audit-finding-raised");

    // A nonconformity's action needs its correction and root cause; the API's refusal is shown as it says it.
    const adding = panel.getByRole("form", { name: "Add a corrective action" });
    await adding.getByLabel("Finding").selectOption(finding.id);
    await adding.getByLabel("Action").fill("Disable VPN access in the leaver script");
    await adding.getByLabel("Owner").fill("P-001");
    await adding.getByLabel("Due").fill(today);
    await adding.getByRole("button", { name: "Add action" }).click();
    await expect.poll(() => adding.getByRole("alert").textContent()).toMatch(new RegExp(`^${finding.id} is a nonconformity: its corrective action needs correction .* and rootCause`));
    await adding.getByLabel("Correction").fill("Disabled both accounts");
    await adding.getByLabel("Root cause").fill("HR does not tell IT");
    await adding.getByRole("button", { name: "Add action" }).click();
    await expect.poll(() => inPanel.getByRole("row", { name: new RegExp(`${finding.id} .*Disable VPN access in the leaver script`) }).count()).toBe(1);

    await page.goto(`${web.url}/#/w/${web.workspace}/audits`);
    const findings = page.getByRole("table", { name: "Findings" });
    await expect.poll(() => findings.getByRole("row", { name: new RegExp(finding.id) }).count()).toBe(1);
    await findings.getByRole("button", { name: /^Close CA-\d+…$/ }).first().click();
    const closing = page.getByRole("form", { name: /^Close CA-\d+$/ });
    await closing.getByLabel("Closure evidence").fill("E-002");
    const closed = page.waitForResponse((r) => r.url().endsWith("/close"));
    await closing.getByRole("button", { name: "Close" }).click();
    expect(actionAnswerSchema.parse(await (await closed).json()).action).toMatchObject({ status: "closed" });
    await expect.poll(() => findings.getByRole("button", { name: /^Review CA-\d+…$/ }).count()).toBe(1);

    // The administrator's account is linked to no person: the review names who did it.
    await findings.getByRole("button", { name: /^Review CA-\d+…$/ }).click();
    const reviewing = page.getByRole("form", { name: /^Review the effectiveness of CA-\d+$/ });
    await reviewing.getByLabel("What the review looked at").fill("no leaver kept VPN access in three months");
    await reviewing.getByLabel("Reviewed by").fill("P-002");
    const reviewed = page.waitForResponse((r) => r.url().endsWith("/review"));
    await reviewing.getByRole("button", { name: "Record review" }).click();
    expect(actionAnswerSchema.parse(await (await reviewed).json()).action).toMatchObject({ status: "closed", effective: true });
    await expect.poll(() => findings.getByRole("button", { name: /^Review CA-\d+…$/ }).count()).toBe(0);

    // The web schemas read the lists as the server answers them.
    const listed = findingListSchema.parse(await (await admin.get(`/api/w/${web.workspace}/findings?audit=${auditId}`)).json());
    expect(listed.findings.map((f) => f.id)).toEqual([finding.id]);
    const actions = correctiveActionListSchema.parse(await (await admin.get(`/api/w/${web.workspace}/corrective-actions`)).json());
    expect(actions.actions.filter((a) => a.status === "closed")).toHaveLength(1);
    expect(actions.actions.filter((a) => a.findingId === finding.id).map((a) => a.description)).toEqual(["Disable VPN access in the leaver script"]);
  });

  it("lets the administrator plan an audit, create its checklist, record every line and complete it with its report", async () => {
    const web = getWeb();
    await page.goto(`${web.url}/#/w/${web.workspace}/audits`);
    await page.getByRole("button", { name: "Plan an audit" }).click();
    const plan = page.getByRole("form", { name: "Plan an audit" });
    await plan.getByLabel("Title").fill("Supplier security, spring");
    await plan.getByLabel("Auditor", { exact: true }).fill("Ivy Independent");
    await plan.getByLabel("Clauses").fill("9.2");
    await plan.getByLabel("Annex A controls").fill("A.5.19, A.5.20");
    await plan.getByLabel("Criteria").fill("ISO/IEC 27001:2022 and the supplier policy");
    const planned = page.waitForResponse((r) => r.url().endsWith(`/api/w/${web.workspace}/audits`) && r.request().method() === "POST");
    await plan.getByRole("button", { name: "Plan audit" }).click();
    const { audit } = planAnswerSchema.parse(await (await planned).json());
    expect(audit).toMatchObject({ title: "Supplier security, spring", status: "planned", clauses: ["9.2"], controls: ["5.19", "5.20"] });
    await page.waitForURL(new RegExp(`#/w/acme/audits/${audit.id}$`));
    const panel = page.getByRole("complementary", { name: `Audit ${audit.id}` });

    const created = page.waitForResponse((r) => r.url().endsWith(`/audits/${audit.id}/checklist`));
    await panel.getByRole("button", { name: "Create the checklist" }).click();
    expect(checklistAnswerSchema.parse(await (await created).json()).added).toBe(3);
    const lines = panel.getByRole("table", { name: `Checklist of ${audit.id}` }).locator("tbody tr");
    await expect.poll(() => lines.count()).toBe(3);
    await panel.getByRole("button", { name: "Start audit" }).click();

    // Completing with lines unchecked is refused in the API's words.
    const completing = panel.getByRole("form", { name: `Complete ${audit.id}` });
    await completing.getByLabel("Report").fill("DOC-031");
    await completing.getByRole("button", { name: "Complete audit" }).click();
    await expect.poll(() => completing.getByRole("alert").textContent()).toMatch(new RegExp(`^${audit.id} has 3 checklist lines without a result`));

    for (const requirement of ["9.2", "A.5.19", "A.5.20"]) {
      const check = panel.getByRole("form", { name: `Record a checklist line of ${audit.id}` });
      await expect.poll(() => check.getByLabel("Requirement").inputValue()).toBe(requirement);
      await check.getByLabel("Sampled").fill("the last 5 supplier reviews");
      await check.getByLabel("Observed").fill("each signed off with its certificate on file");
      await check.getByLabel("Result").selectOption(requirement === "A.5.20" ? "observation" : "conforming");
      const recorded = page.waitForResponse((r) => r.url().endsWith(`/audits/${audit.id}/checks`));
      await check.getByRole("button", { name: "Record line" }).click();
      expect(checkAnswerSchema.parse(await (await recorded).json()).check.requirement).toBe(requirement);
    }
    await expect.poll(() => lines.locator("td:nth-child(4)").allTextContents()).toEqual(["conforming", "conforming", "observation"]);
    // Every line has its result: the form starts on none, for a correction.
    expect(await panel.getByRole("form", { name: `Record a checklist line of ${audit.id}` }).getByLabel("Requirement").inputValue()).toBe("");

    const completed = page.waitForResponse((r) => r.url().endsWith(`/audits/${audit.id}/complete`));
    await completing.getByLabel("Report").fill("DOC-031");
    await completing.getByRole("button", { name: "Complete audit" }).click();
    expect(auditAnswerSchema.parse(await (await completed).json()).audit).toMatchObject({ status: "completed", reportRef: "DOC-031", actualEnd: today });
    await expect.poll(() => page.getByRole("status").filter({ hasText: "is completed" }).textContent()).toBe(`${audit.id} is completed; its report: DOC-031.`);
    await keepScreenshot(page, "audit-completed");
  });

  it("shows a viewer the audit and its findings but no control to change them", async () => {
    const web = getWeb();
    await page.getByRole("button", { name: "Sign out" }).click();
    await page.getByRole("form", { name: "Sign in" }).waitFor();
    await signInThroughForm(page, web.url, viewer.account.email, viewer.password);
    await page.goto(`${web.url}/#/w/${web.workspace}/audits/${otherAudit}`);
    await expect.poll(() => page.getByRole("table", { name: `Findings of ${otherAudit}` }).getByRole("row").count()).toBe(2);
    expect(await page.locator("main form, main input, main select, main textarea").count()).toBe(0);
    expect(await page.getByRole("button", { name: /^(Start audit|Complete audit|Close CA-|Review CA-)/ }).count()).toBe(0);
    await keepScreenshot(page, "audits-viewer");
  });
});
