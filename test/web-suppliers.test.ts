// The suppliers screen in headless Chromium against the real API over HTTP: an administrator adds a
// supplier, files a certification, records a security review and sees the next review date move; a viewer
// sees the register and a supplier but no control to change them; the web's schemas parse the API's answers.
import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { resolveWorkspace } from "../src/app/workspaces.js";
import { addMonths, isoDay } from "../src/domain/risk/calendar.js";
import { certificationAnswerSchema, reviewAnswerSchema, supplierAnswerSchema, supplierDetailSchema, supplierListSchema } from "../src/web/api/suppliers-api.js";
import { testApi, type ApiClient } from "./helpers/api.js";
import { describeWithChromium } from "./helpers/browser.js";
import { keepScreenshot, signInThroughForm, useWebApp } from "./helpers/web-app.js";

const today = isoDay(new Date());

describeWithChromium("web app: suppliers", (getBrowser) => {
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
    viewer = await api.member("viewer", await resolveWorkspace(web.store.db, web.workspace), { email: "vera@acme.example", name: "Vera Viewer" });
    base = `/api/w/${web.workspace}/suppliers`;
    context = await getBrowser().newContext({ viewport: { width: 1440, height: 900 } });
    page = await context.newPage();
  });
  afterAll(async () => {
    await context.close();
  });

  it("lets the administrator add a supplier, file a certification and record a review, and shows the next review move", async () => {
    const web = getWeb();
    await signInThroughForm(page, web.url, admin.account.email, admin.password);
    await page.getByRole("navigation", { name: "Sections" }).getByRole("link", { name: "Suppliers" }).click();
    const register = page.getByRole("table", { name: "Supplier register" });
    await expect.poll(() => register.locator("tbody tr").count()).toBe(3);

    await page.getByRole("button", { name: "Add supplier" }).click();
    const form = page.getByRole("form", { name: "Add a supplier" });
    await form.getByLabel("Name").fill("Stripe");
    await form.getByLabel("Service").fill("Payments");
    await form.getByLabel("Criticality").selectOption("high");
    await form.getByLabel("Owner").selectOption("P-002");
    await form.getByLabel("DPA signed").check();
    await form.getByRole("button", { name: "Add supplier" }).click();

    // The new supplier opens in the side panel, and the register lists it as due: high and never reviewed.
    const panel = page.getByRole("complementary", { name: /^Supplier SUP-\d+$/ });
    await panel.waitFor();
    const id = (await panel.getAttribute("aria-label"))?.replace("Supplier ", "") ?? "";
    const nextReview = panel.getByTestId("next-review");
    await expect.poll(() => nextReview.textContent()).toMatch(/^not planned/);
    const row = register.locator("tbody tr", { hasText: "Stripe" });
    await expect.poll(() => row.locator("td").allTextContents()).toEqual([id, "Stripe", "Payments", "high", "Head of Security (P-002)", "yes", "none on file", "—", "due"]);
    const dueItems = page.getByRole("list", { name: "Supplier items due" }).getByRole("listitem").filter({ hasText: "Stripe" });
    expect(await dueItems.allTextContents()).toEqual([`${today} StripeReview: high supplier never reviewed`]);

    const certification = panel.getByRole("form", { name: "File a certification" });
    await certification.getByLabel("Name").fill("ISO 27001");
    await certification.getByLabel("Valid until").fill("2028-06-30");
    await certification.getByRole("button", { name: "File certification" }).click();
    await expect.poll(() => panel.getByRole("region", { name: "Certifications" }).getByRole("listitem").allTextContents()).toEqual(["ISO/IEC 27001 until 2028-06-30Remove"]);

    const review = panel.getByRole("form", { name: "Record a review" });
    await review.getByLabel("Result").fill("Satisfactory; PCI DSS attestation read");
    await review.getByLabel("Next review").fill("2020-01-01");
    await review.getByRole("button", { name: "Record review" }).click();
    await expect.poll(() => review.getByRole("alert").textContent()).toMatch(new RegExp(`^next: 2020-01-01 is not after the review on ${today}`));
    expect(await nextReview.textContent()).toMatch(/^not planned/);

    await review.getByLabel("Next review").fill("");
    await review.getByRole("button", { name: "Record review" }).click();
    const next = addMonths(today, 12);
    await expect.poll(() => nextReview.textContent()).toBe(`${next} `);
    expect(await panel.getByTestId("latest-review").textContent()).toMatch(new RegExp(`^${today}: Satisfactory; PCI DSS attestation read · recorded by ${admin.account.email}; next ${next}$`));
    await expect.poll(() => row.locator("td").nth(7).textContent()).toBe(next);
    expect(await row.locator("td").nth(8).textContent()).toBe("");
    await expect.poll(() => dueItems.count()).toBe(0);
    await expect.poll(() => panel.getByRole("region", { name: "History" }).getByText("suppliers.review", { exact: true }).count()).toBe(1);
    await keepScreenshot(page, "suppliers-panel");

    await page.keyboard.press("Escape");
    await page.waitForURL(/#\/w\/acme\/suppliers$/);
    await expect.poll(() => panel.count()).toBe(0);
    await keepScreenshot(page, "suppliers");
  });

  it("shows a viewer the register and a supplier, with no control to change them", async () => {
    const web = getWeb();
    await page.getByRole("button", { name: "Sign out" }).click();
    await page.getByRole("form", { name: "Sign in" }).waitFor();
    await signInThroughForm(page, web.url, viewer.account.email, viewer.password);
    await page.goto(`${web.url}/#/w/${web.workspace}/suppliers/SUP-001`);
    const panel = page.getByRole("complementary", { name: "Supplier SUP-001" });
    await expect.poll(() => panel.getByRole("region", { name: "Certifications" }).getByRole("listitem").count()).toBe(2);
    expect(await page.getByRole("table", { name: "Supplier register" }).locator("tbody tr").count()).toBe(4);
    expect(await page.getByRole("button", { name: /Add supplier|Edit|Remove|Record review|File certification/ }).count()).toBe(0);
    expect(await page.locator("main form, aside form").count()).toBe(0);
    await keepScreenshot(page, "suppliers-viewer");
  });

  it("parses the suppliers API's answers, reads and writes, with the web's schemas", async () => {
    const list = supplierListSchema.parse(await (await admin.get(base)).json());
    expect(list.suppliers.map((s) => s.name)).toEqual(["Amazon Web Services", "Workforce identity provider", "Source code hosting", "Stripe"]);
    expect(supplierDetailSchema.parse(await (await admin.get(`${base}/SUP-001`)).json()).supplier.certifications.length).toBe(2);
    const added = supplierAnswerSchema.parse(await (await admin.post(base, { name: "Shapes Ltd", service: "Schema checks" })).json());
    const id = added.supplier.id;
    expect(certificationAnswerSchema.parse(await (await admin.post(`${base}/${id}/certifications`, { name: "C5" })).json()).certification.name).toBe("BSI C5");
    expect(reviewAnswerSchema.parse(await (await admin.post(`${base}/${id}/reviews`, { result: "Fine" })).json()).review.on).toBe(today);
    expect(supplierAnswerSchema.parse(await (await admin.patch(`${base}/${id}`, { location: "EU" })).json()).supplier.location).toBe("EU");
    expect(supplierAnswerSchema.parse(await (await admin.delete(`${base}/${id}/certifications/C5`)).json()).supplier.certifications).toEqual([]);
    expect((await admin.delete(`${base}/${id}`)).status).toBe(204);
  });
});
