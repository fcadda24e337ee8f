// The web app in headless Chromium for those who may only read: a certification auditor held to their
// audit, and a viewer. Neither finds a way to edit (no edit form, no edit button, no input in a table),
// and a write sent straight to the API is refused with a 403 that says why.
import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { z } from "zod";
import { addMember } from "../src/app/accounts/members.js";
import { addAudit } from "../src/app/audits/audits.js";
import { resolveWorkspace } from "../src/app/workspaces.js";
import { testApi, type ApiClient } from "./helpers/api.js";
import { describeWithChromium } from "./helpers/browser.js";
import { keepScreenshot, signInThroughForm, useWebApp } from "./helpers/web-app.js";

describeWithChromium("web app: auditors and viewers only read", (getBrowser) => {
  const getWeb = useWebApp();
  let context: BrowserContext;
  let page: Page;
  let auditor: ApiClient;
  /** The viewer's one-time invitation link token: the viewer sets a password through the page. */
  let viewerInvitation: string;

  beforeAll(async () => {
    const web = getWeb();
    const api = testApi(web.store.db);
    const ws = await resolveWorkspace(web.store.db, web.workspace);
    const today = new Date().toISOString().slice(0, 10);
    await web.store.db.transaction((tx) =>
      addAudit(tx, ws, { title: "Stage 2", kind: "stage2", auditor: "Certification body", plannedStart: "2026-01-01", plannedEnd: today > "2026-12-31" ? today : "2026-12-31", controls: ["8.5"] }, { actor: "test" }),
    );
    auditor = await api.member("auditor", ws, { auditId: "AUD-001", email: "ann@cb.example", name: "Ann Auditor" });
    const invited = await web.store.db.transaction((tx) => addMember(tx, ws, { email: "vic@acme.example", name: "Vic Viewer", role: "viewer" }, { actor: "test" }));
    viewerInvitation = invited.invitation?.token ?? "";
    context = await getBrowser().newContext({ viewport: { width: 1440, height: 900 } });
    page = await context.newPage();
  });
  afterAll(async () => {
    await context.close();
  });

  /** A change sent straight to the API with the page's session and CSRF token, as a crafted script would. */
  const writeThroughApi = async (path: string, body: unknown) => {
    const answer = await page.evaluate(
      async ({ path, body }) => {
        const me: unknown = await (await fetch("/api/me")).json();
        const token = typeof me === "object" && me !== null && "csrfToken" in me && typeof me.csrfToken === "string" ? me.csrfToken : "";
        const response = await fetch(path, { method: "PATCH", headers: { "content-type": "application/json", "x-csrf-token": token }, body: JSON.stringify(body) });
        return { status: response.status, body: await response.text() };
      },
      { path, body },
    );
    return { status: answer.status, detail: z.object({ detail: z.string() }).parse(JSON.parse(answer.body)).detail };
  };

  /** A GET with the page's session, its JSON parsed with `schema`. */
  const read = async <T extends z.ZodType>(path: string, schema: T): Promise<z.infer<T>> => schema.parse(await (await page.request.get(`${getWeb().url}${path}`)).json());

  it("refuses a wrong password with the API's words, then signs the auditor in with their role", async () => {
    const web = getWeb();
    await page.goto(`${web.url}/`);
    await page.getByLabel("Email").fill(auditor.account.email);
    await page.getByLabel("Password").fill("not the password at all");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect.poll(() => page.getByRole("alert").textContent()).toBe("The email or password is not right. Check both and try again; an administrator can send you a new setup link");

    await signInThroughForm(page, web.url, auditor.account.email, auditor.password);
    await page.waitForURL(/#\/w\/acme\/dashboard$/);
    await expect.poll(() => page.getByTestId("account").textContent()).toBe("Ann AuditorAuditor");
    await page.getByTestId("soa-by-theme").waitFor();
    // Readiness is the organization's judgement of itself: not the auditor's to see.
    expect(await page.getByTestId("readiness-stage1").count()).toBe(0);
  });

  it("shows the auditor only the risks of their audit's controls, with no edit form in a risk's panel", async () => {
    const web = getWeb();
    const visible = await read("/api/w/acme/risks", z.object({ total: z.number() }));
    expect(visible.total).toBeGreaterThan(0);
    expect(visible.total).toBeLessThan(55);

    await page.goto(`${web.url}/#/w/acme/risks/R-001`);
    const panel = page.getByRole("complementary", { name: "Risk R-001" });
    await expect.poll(() => panel.getByTestId("inherent-rating").textContent()).toMatch(/^L2 × I5/);
    await expect.poll(() => page.getByTestId("risk-count").textContent()).toBe(`${visible.total} risks`);
    // The edit form needs the heat map's scales: once they are there, it would show if it were offered.
    await page.getByTestId("heatmap-inherent").waitFor();
    expect(await panel.locator("form, input, select, textarea").count()).toBe(0);
    expect(await panel.getByRole("button").allTextContents()).toEqual(["✕"]);
    await keepScreenshot(page, "auditor-risk");
  });

  it("shows the auditor the SoA of their audit with no edit button and no input in the table, and the workbook to download", async () => {
    await page.getByRole("navigation", { name: "Sections" }).getByRole("link", { name: "SoA" }).click();
    const table = page.getByRole("table", { name: "Statement of Applicability" });
    await expect.poll(() => page.getByTestId("control-count").textContent()).toBe("1 control");
    expect(await table.locator("tbody tr").first().getAttribute("data-control")).toBe("8.5");
    expect(await table.getByRole("button").count()).toBe(0);
    expect(await table.locator("input, select, textarea").count()).toBe(0);
    expect(await page.getByRole("link", { name: "Download XLSX" }).count()).toBe(1);
    await keepScreenshot(page, "auditor-soa");
  });

  it("refuses the auditor's writes sent straight to the API with a 403 that says why", async () => {
    const risk = await writeThroughApi("/api/w/acme/risks/R-001", { likelihood: 1 });
    expect(risk.status).toBe(403);
    expect(risk.detail).toMatch(/^Auditors only read, comment and raise evidence requests, and cannot update risks/);
    const control = await writeThroughApi("/api/w/acme/soa/8.5", { applicability: "not_applicable", justification: "no" });
    expect(control.status).toBe(403);
    expect(control.detail).toMatch(/^Auditors only read, comment and raise evidence requests, and cannot update the SoA/);
    const stored = await read("/api/w/acme/soa/8.5", z.object({ control: z.object({ applicability: z.string() }) }));
    expect(stored.control.applicability).toBe("applicable");
  });

  it("signs out back to the sign-in page, and the ended session opens nothing", async () => {
    await page.getByRole("button", { name: "Sign out" }).click();
    await page.getByRole("form", { name: "Sign in" }).waitFor();
    expect(await page.getByText("You are signed out.").count()).toBe(1);
    expect((await page.request.get(`${getWeb().url}/api/me`)).status()).toBe(401);
  });

  it("lets an invited viewer set a password through the invitation link, then read every control and risk and change none", async () => {
    const web = getWeb();
    await page.goto(`${web.url}/invitation#token=${viewerInvitation}`);
    await page.getByLabel("Password", { exact: true }).fill("four unrelated words here");
    await page.getByLabel("Password again").fill("four unrelated words here");
    await page.getByRole("button", { name: "Set password and sign in" }).click();
    await expect.poll(() => page.getByTestId("account").textContent()).toBe("Vic ViewerViewer");
    expect(page.url()).toBe(`${web.url}/#/w/acme/dashboard`);
    await page.goto(`${web.url}/#/w/acme/soa`);
    await expect.poll(() => page.getByTestId("control-count").textContent()).toBe("93 controls");
    expect(await page.getByRole("table", { name: "Statement of Applicability" }).getByRole("button").count()).toBe(0);
    await page.goto(`${web.url}/#/w/acme/risks/R-002`);
    const panel = page.getByRole("complementary", { name: "Risk R-002" });
    await panel.getByTestId("inherent-rating").waitFor();
    await page.getByTestId("heatmap-inherent").waitFor();
    expect(await panel.locator("form, input, select, textarea").count()).toBe(0);
    const refused = await writeThroughApi("/api/w/acme/risks/R-002", { status: "closed" });
    expect(refused.status).toBe(403);
    expect(refused.detail).toMatch(/^Viewers cannot update risks/);
  });
});
