// The Scope & assets screen in headless Chromium against the real API over HTTP: the administrator edits
// the scope statement (its approval cleared, shown), approves it again, adds an asset, finds it in the
// table and opens it with its history; a viewer sees the same without a control to change anything. The
// web app's schemas parse the API's real answers.
import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { approveScope } from "../src/app/scope.js";
import { resolveWorkspace } from "../src/app/workspaces.js";
import { assetAnswerSchema, assetListSchema, scopeSchema } from "../src/web/api/scope-api.js";
import { testApi, type ApiClient } from "./helpers/api.js";
import { describeWithChromium } from "./helpers/browser.js";
import { keepScreenshot, signInThroughForm, useWebApp } from "./helpers/web-app.js";

describeWithChromium("web app: scope and assets", (getBrowser) => {
  const getWeb = useWebApp();
  let context: BrowserContext;
  let page: Page;
  let admin: ApiClient;
  let viewer: ApiClient;
  let base: string;

  beforeAll(async () => {
    const web = getWeb();
    const api = testApi(web.store.db);
    admin = await api.setUpAdmin();
    const ws = await resolveWorkspace(web.store.db, web.workspace);
    await web.store.db.transaction((tx) => approveScope(tx, ws, "P-001", "test"));
    viewer = await api.member("viewer", ws, { email: "vic@acme.example", name: "Vic Viewer" });
    base = `/api/w/${web.workspace}`;
    context = await getBrowser().newContext({ viewport: { width: 1440, height: 900 } });
    page = await context.newPage();
  });
  afterAll(async () => {
    await context.close();
  });

  it("parses the API's scope and asset answers with the web app's schemas", async () => {
    const scope = scopeSchema.parse(await (await admin.get(`${base}/scope`)).json());
    expect(scope.statement).not.toBeNull();
    expect(scope.approval?.by).toBe("P-001");
    const { assets } = assetListSchema.parse(await (await admin.get(`${base}/assets`)).json());
    expect(assets.length).toBeGreaterThan(0);
    const first = assets[0]?.id ?? "";
    expect(assetAnswerSchema.parse(await (await admin.get(`${base}/assets/${first}`)).json()).asset.id).toBe(first);
  });

  it("lets the administrator change the scope statement, which clears its approval, and approve it again", async () => {
    const web = getWeb();
    await signInThroughForm(page, web.url, admin.account.email, admin.password);
    await page.getByRole("navigation", { name: "Sections" }).getByRole("link", { name: "Scope & assets" }).click();
    const approval = page.getByTestId("scope-approval");
    await expect.poll(() => approval.textContent()).toMatch(/^approved by .*\(P-001\) on \d{4}-\d{2}-\d{2}$/);

    await page.getByRole("button", { name: "Edit scope" }).click();
    const form = page.getByRole("form", { name: "Change the scope" });
    await form.getByLabel("Scope statement").fill("The Acme Cloud platform, its people and its two offices.");
    await form.getByRole("button", { name: "Save scope" }).click();
    await expect.poll(() => approval.textContent()).toBe("not approved");
    expect(await page.getByTestId("scope-text").textContent()).toBe("The Acme Cloud platform, its people and its two offices.");
    expect(await page.getByRole("status").filter({ hasText: "Scope saved" }).textContent()).toMatch(/needs approving again/);
    expect(scopeSchema.parse(await (await admin.get(`${base}/scope`)).json()).approval).toBeNull();

    const approve = page.getByRole("form", { name: "Approve the scope" });
    await approve.getByLabel("Approved by").selectOption("P-002");
    await approve.getByRole("button", { name: "Approve scope" }).click();
    await expect.poll(() => approval.textContent()).toMatch(/^approved by .*\(P-002\)/);
    expect(await page.getByRole("form", { name: "Approve the scope" }).count()).toBe(0);
  });

  it("adds an asset, finds it in the table by the filter, and opens it with its history", async () => {
    await page.getByRole("button", { name: "Add asset" }).click();
    const form = page.getByRole("form", { name: "Add asset" });
    await form.getByRole("button", { name: "Add asset" }).click();
    // The browser asks for the required name and kind before anything is sent.
    expect(await form.locator("input:invalid").count()).toBe(2);
    await form.getByLabel("Name").fill("Payroll spreadsheet");
    await form.getByLabel("Kind").fill("data");
    await form.getByLabel("Owner").fill("P-404");
    await form.getByRole("button", { name: "Add asset" }).click();
    await expect.poll(() => form.getByRole("alert").textContent()).toMatch(/owner: no person "P-404"/);
    await form.getByLabel("Owner").fill("P-002");
    await form.getByLabel("Classification").fill("confidential");
    await form.getByRole("button", { name: "Add asset" }).click();
    const added = page.getByRole("status").filter({ hasText: "Payroll spreadsheet" });
    await expect.poll(() => added.textContent()).toMatch(/^Added A-\d+ · Payroll spreadsheet\.$/);
    const id = /A-\d+/.exec((await added.textContent()) ?? "")?.[0] ?? "";
    await keepScreenshot(page, "scope");

    await page.getByLabel("Filter assets").fill("payroll");
    const table = page.getByRole("table", { name: "Asset inventory" });
    const rows = table.locator("tbody tr");
    await expect.poll(() => rows.count()).toBe(1);
    expect(await rows.locator("td").allTextContents()).toEqual(expect.arrayContaining([id, "Payroll spreadsheet", "data", "confidential", "yes"]));
    await page.getByLabel("Kind").selectOption("data");
    expect(await rows.count()).toBe(1);

    await rows.getByRole("link", { name: id }).click();
    const panel = page.getByRole("complementary", { name: `Asset ${id}` });
    await expect.poll(() => panel.getByRole("heading", { level: 2 }).textContent()).toBe(`${id} · Payroll spreadsheet`);
    await expect.poll(() => panel.getByRole("region", { name: "History" }).textContent()).toMatch(/assets\.add/);
    expect(await panel.getByRole("form", { name: `Change ${id}` }).count()).toBe(1);
    expect(await panel.getByRole("button", { name: `Remove ${id}…` }).count()).toBe(1);
    await keepScreenshot(page, "scope-asset");
    await page.keyboard.press("Escape");
    await page.waitForURL(/#\/w\/acme\/scope$/);
  });

  it("shows a viewer the scope and the assets with no control to change them", async () => {
    const web = getWeb();
    await page.getByRole("button", { name: "Sign out" }).click();
    await page.getByRole("form", { name: "Sign in" }).waitFor();
    await signInThroughForm(page, web.url, viewer.account.email, viewer.password);
    await page.goto(`${web.url}/#/w/${web.workspace}/scope/A-001`);
    const panel = page.getByRole("complementary", { name: "Asset A-001" });
    await expect.poll(() => panel.locator("dl.facts").count()).toBe(1);
    await expect.poll(() => page.getByTestId("scope-text").textContent()).toBe("The Acme Cloud platform, its people and its two offices.");
    for (const name of ["Edit scope", "Approve scope", "Add asset", "Remove A-001…"]) expect(await page.getByRole("button", { name }).count(), name).toBe(0);
    expect(await page.locator("main form, aside form").count()).toBe(0);
    expect(await page.getByRole("table", { name: "Asset inventory" }).locator("tbody tr").count()).toBeGreaterThan(0);
    await keepScreenshot(page, "scope-viewer");
  });
});
