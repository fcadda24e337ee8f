// The people register's upkeep in headless Chromium against the real API over HTTP: the administrator adds
// a joiner with ISMS roles (a bad email refused in the API's words) and records a leaver, who drops out of
// scope; the answer's shape is what the web app's schema expects; a viewer sees neither form.
import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { resolveWorkspace } from "../src/app/workspaces.js";
import { personAnswerSchema } from "../src/web/api/people-api.js";
import { testApi, type ApiClient } from "./helpers/api.js";
import { describeWithChromium } from "./helpers/browser.js";
import { keepScreenshot, signInThroughForm, useWebApp } from "./helpers/web-app.js";

describeWithChromium("web app: adding joiners and recording leavers", (getBrowser) => {
  const getWeb = useWebApp();
  let context: BrowserContext;
  let page: Page;
  let admin: ApiClient;
  let viewer: ApiClient;

  beforeAll(async () => {
    const web = getWeb();
    const api = testApi(web.store.db);
    admin = await api.setUpAdmin();
    viewer = await api.member("viewer", await resolveWorkspace(web.store.db, web.workspace), { email: "vera@acme.example", name: "Vera Viewer" });
    context = await getBrowser().newContext({ viewport: { width: 1440, height: 900 } });
    page = await context.newPage();
  });
  afterAll(async () => {
    await context.close();
  });

  it("answers a change to a person in the shape the web app reads", async () => {
    const web = getWeb();
    const response = await admin.patch(`/api/w/${web.workspace}/people/P-001`, { role: "Chief Executive" });
    expect(response.status).toBe(200);
    expect(personAnswerSchema.parse(await response.json()).person).toMatchObject({ id: "P-001", role: "Chief Executive" });
  });

  it("lets the administrator add a joiner and record a leaver, who is then out of scope", async () => {
    const web = getWeb();
    await signInThroughForm(page, web.url, admin.account.email, admin.password);
    await page.getByRole("navigation", { name: "Sections" }).getByRole("link", { name: "People" }).click();
    const people = page.getByRole("table", { name: "People" });
    await expect.poll(() => people.getByRole("row").count()).toBeGreaterThan(1);
    const before = await people.getByRole("row").count();

    const add = page.getByRole("form", { name: "Add a person" });
    await add.getByLabel("Name").fill("Jo Joiner");
    // The browser lets "jo@acme" through (a dotless domain is a valid address to it); the API asks for a full one.
    await add.getByLabel("Email").fill("jo@acme");
    await add.getByLabel("Starts on").fill(new Date(Date.now() - 60 * 86_400_000).toISOString().slice(0, 10));
    await add.getByRole("group", { name: "ISMS roles" }).getByLabel("control-owner").check();
    await add.getByRole("button", { name: "Add person" }).click();
    await expect.poll(() => add.getByRole("alert").textContent()).toMatch(/email: is not an email address/);

    await add.getByLabel("Email").fill("jo@acme.example");
    await add.getByRole("button", { name: "Add person" }).click();
    await expect.poll(() => people.getByRole("row").count()).toBe(before + 1);
    const joiner = people.getByRole("row", { name: /Jo Joiner/ });
    expect(await joiner.textContent()).toMatch(/control-owner/);
    const id = (await joiner.getAttribute("data-person")) ?? "";
    expect(id).toMatch(/^P-\d{3}$/);
    expect(await page.getByRole("status").textContent()).toBe(`Added ${id} Jo Joiner. Record their awareness training when it is done.`);

    const leaver = page.getByRole("form", { name: "Record a leaver" });
    await leaver.getByLabel("Person").selectOption(id);
    // Leaving before starting is refused, in the API's words.
    await leaver.getByLabel("Leaves on").fill("2020-01-01");
    await leaver.getByRole("button", { name: "Record leaving" }).click();
    await expect.poll(() => leaver.getByRole("alert").textContent()).toMatch(/endDate: 2020-01-01 is before the start date/);
    const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
    await leaver.getByLabel("Leaves on").fill(yesterday);
    await leaver.getByRole("button", { name: "Record leaving" }).click();
    await expect.poll(() => page.getByRole("status").textContent()).toMatch(new RegExp(`^${id} Jo Joiner leaves on ${yesterday}`));
    await expect.poll(() => people.getByRole("row", { name: /Jo Joiner/ }).getByRole("cell").nth(3).textContent()).toBe("no");
    expect(await leaver.getByLabel("Person").locator(`option[value="${id}"]`).count()).toBe(0);
    await keepScreenshot(page, "people-joiners-leavers");
  });

  it("shows a viewer the people but no form to add or change them", async () => {
    const web = getWeb();
    const viewerContext = await getBrowser().newContext();
    try {
      const viewerPage = await viewerContext.newPage();
      await signInThroughForm(viewerPage, web.url, viewer.account.email, viewer.password);
      await viewerPage.getByRole("navigation", { name: "Sections" }).getByRole("link", { name: "People" }).click();
      await expect.poll(() => viewerPage.getByRole("table", { name: "People" }).getByRole("row", { name: /Jo Joiner/ }).count()).toBe(1);
      expect(await viewerPage.getByRole("form", { name: "Add a person" }).count()).toBe(0);
      expect(await viewerPage.getByRole("form", { name: "Record a leaver" }).count()).toBe(0);
    } finally {
      await viewerContext.close();
    }
  });
});
