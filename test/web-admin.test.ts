// The web app in headless Chromium as the ISMS owner uses it, against the real API over HTTP: the first
// administrator set up through the setup link, a risk changed in its side panel with the heat map
// following, and a control's applicability set in the SoA and found in the downloaded workbook.
import ExcelJS from "exceljs";
import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { soaColumns } from "../src/reports/soa-rows.js";
import { describeWithChromium } from "./helpers/browser.js";
import { keepScreenshot, useWebApp } from "./helpers/web-app.js";

const admin = { name: "Ada Admin", email: "ada@acme.example", password: "violet tundra lantern harbour" };

describeWithChromium("web app: the ISMS owner", (getBrowser) => {
  const getWeb = useWebApp();
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    context = await getBrowser().newContext({ viewport: { width: 1440, height: 900 }, acceptDownloads: true });
    page = await context.newPage();
  });
  afterAll(async () => {
    await context.close();
  });

  /** The count the heat map shows in one cell. */
  const cellCount = async (kind: "inherent" | "residual", likelihood: number, impact: number) =>
    Number(await page.getByTestId(`heatmap-${kind}`).locator(`[data-likelihood="${likelihood}"][data-impact="${impact}"]`).getAttribute("data-count"));

  it("sets up the first administrator through the setup link, showing the API's password rule when refused", async () => {
    const web = getWeb();
    const token = await web.setupToken();
    await page.goto(`${web.url}/setup#token=${token}`);
    await page.getByLabel("Name").fill(admin.name);
    await page.getByLabel("Email").fill(admin.email);
    await page.getByLabel("Password", { exact: true }).fill("too short");
    await page.getByLabel("Password again").fill("too shorts");
    await page.getByRole("button", { name: "Create administrator" }).click();
    await expect.poll(() => page.getByRole("alert").textContent()).toContain("The two passwords differ");

    await page.getByLabel("Password again").fill("too short");
    await page.getByRole("button", { name: "Create administrator" }).click();
    await expect.poll(() => page.getByRole("alert").textContent()).toMatch(/use at least 12 characters \(this one has 9\)/);
    await keepScreenshot(page, "setup-refused");

    await page.getByLabel("Password", { exact: true }).fill(admin.password);
    await page.getByLabel("Password again").fill(admin.password);
    await page.getByRole("button", { name: "Create administrator" }).click();

    // The only workspace opens at its dashboard, the token gone from the address.
    await page.waitForURL(`${web.url}/#/w/acme/dashboard`);
    await expect.poll(() => page.getByTestId("account").textContent()).toBe(`${admin.name}Administrator`);
    await page.getByTestId("readiness-stage1").waitFor();
    expect(await page.getByTestId("soa-by-theme").locator("tbody tr").count()).toBe(4);
    expect(await page.getByTestId("heatmap-inherent").locator("[data-count]").count()).toBe(25);
    await keepScreenshot(page, "dashboard");

    // The link was for one use.
    const again = await fetch(`${web.url}/api/setup`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ token, email: "eve@acme.example", name: "Eve", password: admin.password }),
    });
    expect(again.status).toBe(410);
  });

  it("changes a risk's likelihood in its side panel, and the heat map moves it to its new cell", async () => {
    const web = getWeb();
    await page.getByRole("navigation", { name: "Sections" }).getByRole("link", { name: "Risks" }).click();
    await page.getByRole("table", { name: "Risk register" }).getByRole("link", { name: "R-001" }).click();
    await page.waitForURL(/#\/w\/acme\/risks\/R-001$/);
    // Only the rows in view (and a few around them) are in the page.
    const inPage = await page.locator("tr.vrow").count();
    expect(inPage).toBeGreaterThan(10);
    expect(inPage).toBeLessThan(55);
    const panel = page.getByRole("complementary", { name: "Risk R-001" });
    await expect.poll(() => panel.getByTestId("inherent-rating").textContent()).toMatch(/^L2 × I5 = 10/);
    const [fromBefore, toBefore] = [await cellCount("inherent", 2, 5), await cellCount("inherent", 4, 5)];
    expect(fromBefore).toBeGreaterThan(0);

    // Keyboard only: choose the level, Enter saves.
    const likelihood = panel.getByRole("group", { name: "Inherent risk" }).getByLabel("Likelihood");
    await likelihood.selectOption("4");
    await likelihood.press("Enter");
    await expect.poll(() => panel.getByRole("status").textContent()).toMatch(/^Saved: inherent score 20/);
    await expect.poll(() => cellCount("inherent", 2, 5)).toBe(fromBefore - 1);
    expect(await cellCount("inherent", 4, 5)).toBe(toBefore + 1);
    await keepScreenshot(page, "risk-changed");

    const stored = await page.request.get(`${web.url}/api/w/acme/risks/R-001`);
    expect(await stored.json()).toMatchObject({ risk: { likelihood: 4, inherentScore: 20, inherentBand: "critical" } });

    // A cell narrows the register to its risks; Escape closes the panel.
    await page.getByTestId("heatmap-inherent").locator('[data-likelihood="4"][data-impact="5"]').click();
    await expect.poll(() => page.getByTestId("risk-count").textContent()).toBe(`${toBefore + 1} of 55 risks`);
    await page.keyboard.press("Escape");
    await page.waitForURL(/#\/w\/acme\/risks$/);
    await expect.poll(() => page.getByRole("complementary", { name: "Risk R-001" }).count()).toBe(0);

    // Now critical, R-001 is in the treatment plan.
    await page.getByRole("tab", { name: "Treatment plan" }).click();
    await page.getByTestId("treatment-plan").getByRole("link", { name: "R-001" }).waitFor();
    await keepScreenshot(page, "treatment-plan");
  });

  it("refuses a rating outside the methodology's scale with the API's words", async () => {
    const web = getWeb();
    const refused = await page.evaluate(async (url) => {
      const me: unknown = await (await fetch(`${url}/api/me`)).json();
      const token = typeof me === "object" && me !== null && "csrfToken" in me && typeof me.csrfToken === "string" ? me.csrfToken : "";
      const answer = await fetch(`${url}/api/w/acme/risks/R-001`, { method: "PATCH", headers: { "content-type": "application/json", "x-csrf-token": token }, body: '{"likelihood": 9}' });
      return { status: answer.status, type: answer.headers.get("content-type"), body: await answer.text() };
    }, web.url);
    expect(refused.status).toBe(400);
    expect(refused.type).toBe("application/problem+json");
    expect(refused.body).toMatch(/9 is not a level of the 5-level likelihood scale/);
  });

  it("sets a control's applicability and justification in its row, and the downloaded SoA workbook says so", async () => {
    const justification = "Excluded in the browser test: threat intelligence reaches us through the MSSP contract";
    await page.getByRole("navigation", { name: "Sections" }).getByRole("link", { name: "SoA" }).click();
    const row = page.locator('tr[data-control="5.7"]');
    await expect.poll(() => row.getByTestId("applicability").textContent()).toBe("Applicable");

    await row.getByRole("button", { name: "Edit A.5.7" }).click();
    // Escape leaves the row as it was.
    await row.getByLabel("Applicability").selectOption("not_applicable");
    await row.getByLabel("Applicability").press("Escape");
    expect(await row.getByTestId("applicability").textContent()).toBe("Applicable");

    await row.getByRole("button", { name: "Edit A.5.7" }).click();
    await row.getByLabel("Applicability").selectOption("not_applicable");
    await row.getByLabel("Justification").fill(justification);
    await row.getByLabel("Justification").press("Enter");
    await expect.poll(() => row.getByTestId("applicability").textContent()).toBe("Not applicable");
    expect(await row.getByTestId("justification").textContent()).toBe(justification);
    await keepScreenshot(page, "soa-changed");

    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Download XLSX" }).click()]);
    expect(download.suggestedFilename()).toMatch(/^soa-acme-\d{4}-\d{2}-\d{2}\.xlsx$/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(await download.path());
    const rows = (workbook.getWorksheet("SoA")?.getSheetValues() ?? []).flatMap((r) => (Array.isArray(r) ? [r.slice(1)] : []));
    const control = rows.find((r) => r[0] === "A.5.7");
    expect(control?.[soaColumns.indexOf("Applicability")]).toBe("Not applicable");
    expect(control?.[soaColumns.indexOf("Justification")]).toBe(justification);
  });

  it("opens a control's detail with its evidence and check results, and filters the SoA by theme", async () => {
    await page.getByRole("combobox", { name: "Theme" }).selectOption("physical");
    await expect.poll(() => page.getByTestId("control-count").textContent()).toBe("14 of 93 controls");
    await page.getByRole("combobox", { name: "Theme" }).selectOption("");
    await page.getByRole("link", { name: "A.8.5", exact: true }).click();
    const panel = page.getByRole("complementary", { name: "Control A.8.5" });
    await panel.getByRole("heading", { name: "A.8.5 · Secure authentication" }).waitFor();
    await panel.getByRole("region", { name: "Evidence" }).waitFor();
    await panel.getByRole("region", { name: "Check results" }).waitFor();
    await keepScreenshot(page, "soa-control");
  });
});
