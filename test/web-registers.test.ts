// The registers' screens in headless Chromium against the real API over HTTP: the administrator records a
// training completion and sees the person's awareness become current, opens the calendar with overdue
// activities marked and a longer horizon, finds no collection run yet, then a run with its results
// filtered in the side panel; a viewer sees the people but no "Record a completion" form.
import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { recordCollectionRun } from "../src/app/collection.js";
import { recordTraining } from "../src/app/training.js";
import { resolveWorkspace } from "../src/app/workspaces.js";
import { awsChecks, runChecks } from "../src/aws/checks/index.js";
import { credentialReport } from "../src/aws/checks/test-snapshots.js";
import type { CollectResult } from "../src/aws/collect.js";
import { createBlobStore } from "../src/evidence/blobs.js";
import { completionAnswerSchema } from "../src/web/api/calendar-api.js";
import { calendarSchema } from "../src/web/api/register-schemas.js";
import { testApi, type ApiClient } from "./helpers/api.js";
import { describeWithChromium } from "./helpers/browser.js";
import { keepScreenshot, signInThroughForm, useWebApp } from "./helpers/web-app.js";

/** The items of a calendar answer. */
const year = (body: unknown) => calendarSchema.parse(body).items;

/** A one-account AWS collection an hour ago: MFA for alice but not bob, and one region it could not reach. */
function smallCollection() {
  const snapshots = [credentialReport([{ user: "alice", password: true, mfa: true }, { user: "bob", password: true, mfa: false }])];
  const problems: CollectResult["problems"] = [{ account: "111111111111", region: "eu-south-2", kind: "region-disabled", message: "the region is not enabled" }];
  const collected: CollectResult = { caller: "111111111111", snapshots, problems, stats: { accounts: 1, regions: 2, calls: 1, retries: 0 } };
  const finishedAt = new Date(Date.now() - 3_600_000);
  return { startedAt: new Date(finishedAt.getTime() - 60_000), finishedAt, caller: collected.caller, options: { org: true, roleName: "ISMSCollector" }, collected, checks: awsChecks, results: runChecks(snapshots), actor: "test" };
}

describeWithChromium("web app: people, calendar and collection", (getBrowser) => {
  const getWeb = useWebApp();
  let context: BrowserContext;
  let page: Page;
  let admin: ApiClient;
  let viewer: ApiClient;

  beforeAll(async () => {
    const web = getWeb();
    const api = testApi(web.store.db);
    admin = await api.setUpAdmin();
    const ws = await resolveWorkspace(web.store.db, web.workspace);
    // P-002's awareness ran out a month ago: an overdue activity in the calendar.
    const longAgo = new Date(Date.now() - 400 * 86_400_000).toISOString().slice(0, 10);
    await web.store.db.transaction((tx) => recordTraining(tx, ws, { person: "P-002", course: "TC-001", completedOn: longAgo }, { actor: "test" }));
    viewer = await api.member("viewer", ws, { email: "vic@acme.example", name: "Vic Viewer" });
    context = await getBrowser().newContext({ viewport: { width: 1440, height: 900 } });
    page = await context.newPage();
  });
  afterAll(async () => {
    await context.close();
  });

  it("lets the administrator record an awareness completion and shows the person's awareness become current", async () => {
    const web = getWeb();
    await signInThroughForm(page, web.url, admin.account.email, admin.password);
    await page.getByRole("navigation", { name: "Sections" }).getByRole("link", { name: "People" }).click();
    const awareness = page.getByTestId("awareness-P-001");
    await expect.poll(() => awareness.textContent()).toBe("missing");
    const overdue = page.getByRole("table", { name: "Overdue training" });
    expect(await overdue.getByRole("row", { name: /P-001 .* awareness/ }).count()).toBe(1);

    const form = page.getByRole("form", { name: "Record a completion" });
    await form.getByLabel("Person").selectOption("P-001");
    // The course is picked from the catalogue (GET /training/courses); a day still to come is refused.
    const course = form.getByLabel("Course");
    await expect.poll(() => course.locator("option").allTextContents()).toContain("TC-001 · Information security awareness (awareness, 12 months)");
    await course.selectOption("TC-001");
    await form.getByLabel("Completed on").fill(new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 10));
    await form.getByRole("button", { name: "Record" }).click();
    await expect.poll(() => form.getByRole("alert").textContent()).toMatch(/^completedOn: .* is after today/);
    expect(await awareness.textContent()).toBe("missing");

    await form.getByLabel("Completed on").fill(new Date().toISOString().slice(0, 10));
    await form.getByRole("button", { name: "Record" }).click();
    await expect.poll(() => awareness.textContent()).toBe("current");
    expect(await page.getByRole("status").filter({ hasText: "Recorded" }).textContent()).toMatch(/^Recorded: P-001 completed TC-001 on \d{4}-\d{2}-\d{2}\.$/);
    expect(await overdue.getByRole("row", { name: /P-001 .* awareness/ }).count()).toBe(0);
    await keepScreenshot(page, "people");
  });

  it("opens the calendar with the overdue activities marked, and a shorter horizon shows no more than a longer one", async () => {
    await page.getByRole("navigation", { name: "Sections" }).getByRole("link", { name: "Calendar" }).click();
    const table = page.getByRole("table", { name: "Calendar" });
    await page.getByTestId("calendar-count").waitFor();
    const api = calendarSchema.parse(await (await admin.get(`/api/w/${getWeb().workspace}/calendar?within=90`)).json());
    expect(api.items.filter((i) => i.overdue).map((i) => i.owner)).toContain("P-002");
    await expect.poll(() => table.locator("tbody tr").count()).toBe(api.items.length);
    expect(await table.locator('tbody tr[data-overdue="yes"]').count()).toBe(api.items.filter((i) => i.overdue).length);
    const overdueRows = table.locator('tbody tr[data-overdue="yes"]');
    expect(await overdueRows.getByText("overdue", { exact: true }).count()).toBe(api.items.filter((i) => i.overdue).length);
    expect(await overdueRows.filter({ hasText: "Head of Security" }).count()).toBe(1);

    await page.getByLabel("Due within").selectOption("365");
    const year = calendarSchema.parse(await (await admin.get(`/api/w/${getWeb().workspace}/calendar?within=365`)).json());
    await expect.poll(() => table.locator("tbody tr").count()).toBe(year.items.length);
    expect(year.items.length).toBeGreaterThanOrEqual(api.items.length);
    await keepScreenshot(page, "calendar");
  });

  it("records a planned activity as done from the calendar, which plans its next occurrence", async () => {
    const form = page.getByRole("form", { name: "Record an activity as done" });
    const first = year(await (await admin.get(`/api/w/${getWeb().workspace}/calendar?within=365`)).json()).find((i) => /^ACT-/.test(i.id));
    if (!first) throw new Error("the aws-saas workspace plans no activity");
    await form.getByLabel("Activity").selectOption(first.id);
    await form.getByLabel("Done on").fill(new Date(Date.now() + 3 * 86_400_000).toISOString().slice(0, 10));
    await form.getByRole("button", { name: "Record" }).click();
    await expect.poll(() => form.getByRole("alert").textContent()).toMatch(/on: .* is after today/);

    const day = new Date().toISOString().slice(0, 10);
    await form.getByLabel("Done on").fill(day);
    await form.getByLabel("Evidence").fill("E-001, JIRA-7");
    const answered = page.waitForResponse((r) => r.request().method() === "POST" && r.url().endsWith(`/calendar/${first.id}/done`));
    await form.getByRole("button", { name: "Record" }).click();
    // The web app's schema reads the real answer.
    expect(completionAnswerSchema.parse(await (await answered).json())).toMatchObject({ done: { id: first.id, doneOn: day }, evidence: ["E-001", "JIRA-7"] });
    await expect.poll(() => page.getByRole("status").filter({ hasText: first.id }).textContent()).toMatch(new RegExp(`^${first.id} .*: done on ${day}\\.`));
    const after = year(await (await admin.get(`/api/w/${getWeb().workspace}/calendar?within=365`)).json());
    expect(after.find((i) => i.id === first.id)).toBeUndefined();
    expect(after.filter((i) => i.kind === first.kind).map((i) => i.lastDone)).toContain(day);
  });

  it("says so when no collection run exists yet", async () => {
    await page.getByRole("navigation", { name: "Sections" }).getByRole("link", { name: "Collection" }).click();
    await expect.poll(() => page.getByTestId("collection-empty").textContent()).toBe("No collection run yet: collect evidence from AWS with isms collect aws.");
    expect(await page.getByRole("table", { name: "Collection runs" }).locator("tbody tr").count()).toBe(0);
    await keepScreenshot(page, "collection-empty");
  });

  it("lists a collection run with its counts and problems, and filters its results by status in the side panel until Escape closes it", async () => {
    const web = getWeb();
    const ws = await resolveWorkspace(web.store.db, web.workspace);
    const blobRoot = await mkdtemp(join(tmpdir(), "isms-web-registers-"));
    try {
      await web.store.db.transaction((tx) => recordCollectionRun(tx, ws, createBlobStore(blobRoot), smallCollection()));
      await page.reload();
      const runs = page.getByRole("table", { name: "Collection runs" });
      const row = runs.locator("tbody tr");
      await expect.poll(() => row.count()).toBe(1);
      const cells = await row.locator("td").allTextContents();
      expect(cells.slice(2, 4)).toEqual(["1", "2"]);
      expect(cells[6]).toBe("1: 111111111111 eu-south-2: the region is not enabled");
      expect(await page.getByTestId("collection-empty").count()).toBe(0);

      await row.getByRole("link", { name: "C-001" }).click();
      const panel = page.getByRole("complementary", { name: "Collection run C-001" });
      const results = panel.getByRole("table", { name: "Results of C-001" }).locator("tbody tr");
      await expect.poll(() => results.count()).toBeGreaterThan(1);
      const all = await results.count();
      await panel.getByLabel("Status").selectOption("fail");
      // While the filtered results load the table is briefly empty: wait for the settled list, then judge it.
      await expect.poll(async () => { const n = await results.count(); return n > 0 && n < all; }).toBe(true);
      expect(new Set(await results.locator("td:nth-child(2)").allTextContents())).toEqual(new Set(["fail"]));
      await keepScreenshot(page, "collection-run");
      await page.keyboard.press("Escape");
      await page.waitForURL(/#\/w\/acme\/collection$/);
      // The address changes before the panel is gone from the page: wait for it to go.
      await expect.poll(() => panel.count()).toBe(0);
    } finally {
      await rm(blobRoot, { recursive: true, force: true });
    }
  });

  it("shows a viewer the people and their training but no form to record a completion", async () => {
    const web = getWeb();
    await page.getByRole("button", { name: "Sign out" }).click();
    await page.getByRole("form", { name: "Sign in" }).waitFor();
    await signInThroughForm(page, web.url, viewer.account.email, viewer.password);
    await page.goto(`${web.url}/#/w/${web.workspace}/people`);
    await expect.poll(() => page.getByTestId("awareness-P-001").textContent()).toBe("current");
    expect(await page.getByRole("form", { name: "Record a completion" }).count()).toBe(0);
    expect(await page.locator("main form, main input, main select").count()).toBe(0);
    await keepScreenshot(page, "people-viewer");
  });
});
