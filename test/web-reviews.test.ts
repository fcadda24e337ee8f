// The management reviews screen in headless Chromium against the real API over HTTP: the administrator
// prepares a review, sees its 9.3.2 inputs, records it as held with one decision and one action, and
// marks the action in progress; a viewer sees the review with no control to change it. The web's schemas
// parse what the API answers.
import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { resolveWorkspace } from "../src/app/workspaces.js";
import { courseListSchema } from "../src/web/api/training-api.js";
import { preparedInputSchema, reviewDetailSchema, reviewListSchema } from "../src/web/api/reviews-api.js";
import { testApi, type ApiClient } from "./helpers/api.js";
import { describeWithChromium } from "./helpers/browser.js";
import { keepScreenshot, signInThroughForm, useWebApp } from "./helpers/web-app.js";

const today = new Date().toISOString().slice(0, 10);
const inDays = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);

describeWithChromium("web app: management reviews", (getBrowser) => {
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

  it("lets the administrator prepare a review, record it as held with a decision and an action, and follow the action up", async () => {
    const web = getWeb();
    await signInThroughForm(page, web.url, admin.account.email, admin.password);
    await page.getByRole("navigation", { name: "Sections" }).getByRole("link", { name: "Reviews" }).click();
    await expect.poll(() => page.getByText("No management review yet").count()).toBe(1);

    await page.getByRole("button", { name: "Prepare a review" }).click();
    const prepare = page.getByRole("form", { name: "Prepare a review" });
    expect(await prepare.getByLabel("Chair").inputValue()).toBe("P-001");
    await prepare.getByRole("button", { name: "Prepare" }).click();

    const panel = page.getByRole("complementary", { name: "Review MR-001" });
    await panel.waitFor();
    expect(page.url()).toMatch(/#\/w\/acme\/reviews\/MR-001$/);
    const inputs = panel.getByRole("list", { name: "Inputs" });
    await expect.poll(() => inputs.getByText("9.3.2 a)", { exact: true }).count()).toBe(1);
    expect(await inputs.getByText("9.3.2 d)", { exact: true }).count()).toBe(1);
    expect(await panel.getByText("Chief Executive Officer (P-001)").count()).toBeGreaterThan(0);

    const hold = panel.getByRole("form", { name: "Record as held" });
    expect(await hold.getByLabel(/Chief Executive Officer/).isChecked()).toBe(true);
    await hold.getByLabel(/Head of Security/).check();
    await hold.getByLabel("Decisions").fill("Fund a SIEM for the production accounts");
    // A bad action is refused in the API's words, naming the field; nothing is held.
    await hold.getByRole("button", { name: "Add an action" }).click();
    const action = hold.getByRole("group", { name: "Action 1" });
    await action.getByLabel("What to do").fill("Choose the SIEM");
    await action.getByLabel("Owner").selectOption("P-002");
    await action.getByLabel("Due").fill(inDays(-3));
    await hold.getByRole("button", { name: "Record as held" }).click();
    await expect.poll(() => hold.getByRole("alert").textContent()).toMatch(/actions at actions\.0: it is due on .* before the review/);

    await action.getByLabel("Due").fill(inDays(30));
    await hold.getByLabel("Minutes").fill("minutes/2026-mr-1.md");
    await hold.getByRole("button", { name: "Record as held" }).click();
    await expect.poll(() => panel.getByRole("form", { name: "Record as held" }).count()).toBe(0);
    expect(await panel.getByRole("status").filter({ hasText: "Recorded as held" }).count()).toBe(1);
    expect(await panel.getByRole("list", { name: "Decisions" }).textContent()).toBe("Fund a SIEM for the production accounts");
    const actions = panel.getByRole("table", { name: "Actions of MR-001" });
    const row = actions.locator('tr[data-action="MR-001-A1"]');
    expect(await row.textContent()).toContain("Choose the SIEM");
    expect(await row.textContent()).toContain("Head of Security (P-002)");

    await row.getByLabel("Status of MR-001-A1").selectOption("in_progress");
    await row.getByRole("button", { name: "Save" }).click();
    await expect.poll(() => row.getByRole("button", { name: "Save" }).isDisabled()).toBe(true);
    const list = page.getByRole("table", { name: "Management reviews" });
    await expect.poll(() => list.locator('tr[data-review="MR-001"]').textContent()).toMatch(/held/);
    await expect.poll(() => panel.getByRole("region", { name: "History" }).textContent()).toMatch(/management_review\.action/);
    await keepScreenshot(page, "reviews");

    // The web's schemas read what the API answers.
    const base = `/api/w/${web.workspace}`;
    const { review } = reviewDetailSchema.parse(await (await admin.get(`${base}/reviews/MR-001`)).json());
    expect(review.actions.map((a) => [a.id, a.status, a.owner, a.dueDate])).toEqual([["MR-001-A1", "in_progress", "P-002", inDays(30)]]);
    expect(review).toMatchObject({ status: "held", heldOn: today, attendees: ["P-001", "P-002"], minutesRef: "minutes/2026-mr-1.md" });
    for (const key of ["a", "b", "c", "d", "e", "f", "g"]) expect(preparedInputSchema.safeParse(review.inputs[key]).success, key).toBe(true);
    expect(reviewListSchema.parse(await (await admin.get(`${base}/reviews`)).json()).reviews).toMatchObject([{ id: "MR-001", openActions: 1 }]);
    expect(courseListSchema.parse(await (await viewer.get(`${base}/training/courses`)).json()).courses[0]).toMatchObject({ id: "TC-001", kind: "awareness", validityMonths: 12 });
  });

  it("shows a viewer the review, its decisions and actions, with no control to change them", async () => {
    const web = getWeb();
    await page.getByRole("button", { name: "Sign out" }).click();
    await page.getByRole("form", { name: "Sign in" }).waitFor();
    await signInThroughForm(page, web.url, viewer.account.email, viewer.password);
    await page.goto(`${web.url}/#/w/${web.workspace}/reviews/MR-001`);
    const panel = page.getByRole("complementary", { name: "Review MR-001" });
    await expect.poll(() => panel.getByTestId("status-MR-001-A1").textContent()).toBe("in progress");
    expect(await panel.getByRole("list", { name: "Decisions" }).textContent()).toBe("Fund a SIEM for the production accounts");
    expect(await page.getByRole("button", { name: "Prepare a review" }).count()).toBe(0);
    expect(await page.locator("main form, main input, main select, main textarea").count()).toBe(0);
    await keepScreenshot(page, "reviews-viewer");
  });
});
