// The Objectives screen in headless Chromium against the real API over HTTP: the administrator adds an
// objective, records measurements and sees the latest value and on-target state change in the table,
// binds it to an automated check and raises its target; a viewer sees the objectives but no control to
// change them. The web's schemas parse the API's answers.
import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { resolveWorkspace } from "../src/app/workspaces.js";
import { measuredSchema, objectiveAnswerSchema, objectiveDetailSchema, objectiveListSchema, removedSchema } from "../src/web/api/objectives-api.js";
import { bodyOf, testApi, type ApiClient } from "./helpers/api.js";
import { describeWithChromium } from "./helpers/browser.js";
import { keepScreenshot, signInThroughForm, useWebApp } from "./helpers/web-app.js";

describeWithChromium("web app: objectives", (getBrowser) => {
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
    viewer = await api.member("viewer", await resolveWorkspace(web.store.db, web.workspace), { email: "vic@acme.example", name: "Vic Viewer" });
    base = `/api/w/${web.workspace}/objectives`;
    context = await getBrowser().newContext({ viewport: { width: 1440, height: 900 } });
    page = await context.newPage();
  });
  afterAll(async () => {
    await context.close();
  });

  it("parses the API's answers with the web's schemas", async () => {
    const { objectives } = await bodyOf(await admin.get(base), objectiveListSchema);
    expect(objectives.map((o) => o.id)).toContain("OBJ-001");
    expect((await bodyOf(await admin.get(`${base}/OBJ-001`), objectiveDetailSchema)).objective.checkId).toBe("iam-user-console-mfa");
    const added = await bodyOf(await admin.post(base, { id: "OBJ-SCRATCH", title: "Scratch objective", targetValue: 10, target: "at most 10 days", unit: "days" }), objectiveAnswerSchema);
    const measured = await bodyOf(await admin.post(`${base}/${added.objective.id}/measurements`, { value: 12, note: "slow month" }), measuredSchema);
    expect(measured.objective).toMatchObject({ met: false, direction: "at-most" });
    expect((await bodyOf(await admin.patch(`${base}/${added.objective.id}`, { status: "cancelled" }), objectiveAnswerSchema)).objective.status).toBe("cancelled");
    expect(await bodyOf(await admin.delete(`${base}/${added.objective.id}`), removedSchema)).toEqual({ removed: added.objective.id, measurements: 1 });
  });

  it("lets the administrator add an objective, see a measurement bring it on target, bind it to a check and raise its target", async () => {
    const web = getWeb();
    await signInThroughForm(page, web.url, admin.account.email, admin.password);
    await page.getByRole("navigation", { name: "Sections" }).getByRole("link", { name: "Objectives" }).click();
    await page.getByRole("table", { name: "Objectives" }).getByRole("link", { name: "OBJ-001" }).waitFor();

    await page.getByRole("button", { name: "Add objective" }).click();
    const add = page.getByRole("form", { name: "Add an objective" });
    await add.getByLabel("Title").fill("Phishing reports are answered the same day");
    await add.getByLabel("Target", { exact: true }).fill("at least 90%");
    await add.getByLabel("Target value").fill("90");
    await add.getByLabel("Unit").fill("%");
    await add.getByLabel("Owner").fill("Nobody Known");
    await add.getByRole("button", { name: "Add objective" }).click();
    await expect.poll(() => add.getByRole("alert").textContent()).toMatch(/owner: no person "Nobody Known"/);
    await add.getByLabel("Owner").fill("P-002");
    await add.getByRole("button", { name: "Add objective" }).click();
    await page.waitForURL(/#\/w\/acme\/objectives\/OBJ-\d+$/);
    const id = new URL(page.url()).hash.split("/").at(-1) ?? "";
    const panel = page.getByRole("complementary", { name: `Objective ${id}` });
    await panel.getByRole("heading", { name: `${id} · Phishing reports are answered the same day` }).waitFor();

    const latest = page.getByTestId(`latest-${id}`);
    const met = page.getByTestId(`met-${id}`);
    await expect.poll(() => met.textContent()).toBe("not measured");
    const measure = panel.getByRole("form", { name: "Record a measurement" });
    await measure.getByLabel(/^Value/).fill("80");
    await measure.getByRole("button", { name: "Record" }).click();
    await expect.poll(() => latest.textContent()).toBe("80%");
    expect(await met.textContent()).toBe("off target");
    expect(await panel.getByTestId("panel-met").textContent()).toBe("off target");

    await measure.getByLabel(/^Value/).fill("96.5");
    await measure.getByLabel("Note").fill("after the new triage rota");
    await measure.getByRole("button", { name: "Record" }).click();
    await expect.poll(() => latest.textContent()).toBe("96.5%");
    expect(await met.textContent()).toBe("on target");
    await expect.poll(() => panel.getByTestId("panel-met").textContent()).toBe("on target");
    expect(await panel.getByRole("table", { name: "Measurements" }).getByRole("row").count()).toBe(3);
    await panel.getByRole("region", { name: "History" }).getByText("objectives.add").waitFor();

    const binding = panel.getByRole("form", { name: "Automated check" });
    await binding.getByLabel("Check id").fill("phishing-triage");
    await binding.getByRole("button", { name: "Bind to the check" }).click();
    await expect.poll(() => binding.getByRole("alert").textContent()).toMatch(/No automated check "phishing-triage"/);
    await binding.getByLabel("Check id").fill("iam-user-console-mfa");
    await binding.getByRole("button", { name: "Bind to the check" }).click();
    await binding.getByText("Measured at each AWS collection by iam-user-console-mfa").waitFor();
    await keepScreenshot(page, "objectives-panel");

    // A higher target puts the latest value off target again.
    const change = panel.getByRole("form", { name: `Change ${id}` });
    await change.getByLabel("Target value").fill("99");
    await change.getByRole("button", { name: "Save changes" }).click();
    await expect.poll(() => met.textContent()).toBe("off target");
    expect(await panel.getByRole("status").filter({ hasText: "Saved the changes" }).textContent()).toBe(`Saved the changes to ${id}.`);
    await page.keyboard.press("Escape");
    await page.waitForURL(/#\/w\/acme\/objectives$/);
    await expect.poll(() => page.getByRole("img", { name: "Trend: 80%, 96.5% (target ≥ 99%)" }).count()).toBe(1);
    await keepScreenshot(page, "objectives");
  });

  it("shows a viewer the objectives and their measurements but no control to change them", async () => {
    const web = getWeb();
    await page.getByRole("button", { name: "Sign out" }).click();
    await signInThroughForm(page, web.url, viewer.account.email, viewer.password);
    await page.goto(`${web.url}/#/w/${web.workspace}/objectives/OBJ-002`);
    const panel = page.getByRole("complementary", { name: "Objective OBJ-002" });
    await panel.getByRole("heading", { name: /^OBJ-002 · / }).waitFor();
    expect(await page.getByRole("table", { name: "Objectives" }).getByRole("row").count()).toBeGreaterThan(1);
    expect(await page.getByRole("button", { name: "Add objective" }).count()).toBe(0);
    expect(await panel.getByRole("form").count()).toBe(0);
    expect(await panel.getByRole("button", { name: /^Remove/ }).count()).toBe(0);
    expect(await panel.getByRole("region", { name: "History" }).count()).toBe(0);
  });
});
