// The package's index.html and control summaries as an auditor uses them: unzipped to a folder and
// opened from file:// in headless Chromium, with search, filters and links that lead to real files.
import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join, relative } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, beforeEach, expect, it } from "vitest";
import { renderControlSummary } from "../src/reports/package/html-control.js";
import { controlSummaryPath, renderPackageIndex } from "../src/reports/package/html-index.js";
import type { IndexedControl, IndexedFile, PackageIndexModel } from "../src/reports/package/types.js";
import { describeWithChromium } from "./helpers/browser.js";

const artifacts = fileURLToPath(new URL("../test-artifacts/package/", import.meta.url));
const hostileTitle = 'Vendor <script>window.pwned = true</script> review </script><b>bold</b>';

/** Every file the package holds beside the HTML pages, with its content. */
const contents = new Map<string, string>();

function file(path: string, title: string, kind: string, content: string): IndexedFile {
  contents.set(path, content);
  return {
    path,
    title,
    kind,
    size: Buffer.byteLength(content),
    sha256: createHash("sha256").update(content).digest("hex"),
    collectedAt: "2026-03-30T23:10:00.000Z",
    period: { start: "2026-01-01", end: "2026-03-31" },
  };
}

function control(id: string, title: string, theme: string, more: Partial<IndexedControl> = {}): IndexedControl {
  return { id, title, theme, applicability: "applicable", inScope: false, risks: [], checks: [], files: [], ...more };
}

function inPackage(id: string, title: string, theme: string, more: Partial<IndexedControl> = {}): IndexedControl {
  return control(id, title, theme, { inScope: true, folder: `controls/${id}/`, status: "implemented", ...more });
}

const iamUsers = file("controls/A.5.15/iam users #1.json", "IAM users and their MFA", "aws-snapshot", '{"Users":[{"UserName":"alice","MfaActive":true}]}');

const controls: IndexedControl[] = [
  inPackage("A.5.15", "Access control", "organizational", {
    owner: "Dana Reyes",
    implementation: "Access follows roles in AWS IAM Identity Center.\nReviewed each quarter by the system owners.",
    risks: ["R-004 Stolen administrator credentials"],
    checks: [
      { id: "iam-mfa", title: "Every console user has MFA", pass: 24, fail: 1, other: 0 },
      { id: "iam-key-age", title: "No access key is older than 90 days", pass: 12, fail: 0, other: 0 },
      { id: "sso-assignments", title: "Permission sets are assigned to groups, not people", pass: 8, fail: 0, other: 1 },
    ],
    files: [
      iamUsers,
      file("evidence/shared/access review 50% done.txt", "Access review Q1", "upload", "Q1 access review: 50% of systems reviewed."),
      ...["ListRoles", "ListPolicies", "GetAccountAuthorizationDetails", "ListPermissionSets", "ListAccountAssignments"].map((operation) =>
        file(`controls/A.5.15/iam-${operation}.json`, `IAM ${operation} snapshot`, "aws-snapshot", `{"operation":"${operation}"}`),
      ),
      file("controls/A.5.15/check-results.csv", "Check results", "check-results", "check,verdict\niam-mfa,fail\n"),
    ],
  }),
  inPackage("A.8.5", "Secure authentication", "technological", {
    owner: "Sam Okafor",
    status: "partially_implemented",
    checks: [{ id: "root-mfa", title: "The root user has MFA", pass: 1, fail: 0, other: 0 }],
    files: [file("controls/A.8.5/check-results.csv", "Check results", "check-results", "check,verdict\nroot-mfa,pass\n")],
  }),
  control("A.6.3", "Information security awareness, education and training", "people", { owner: "Lee Park", status: "implemented" }),
  control("A.7.4", "Physical security monitoring", "physical", {
    applicability: "not-applicable",
    justification: "No offices or data centres: AWS operates the facilities.",
  }),
  inPackage("OWN-1", hostileTitle, "own", { owner: "Dana Reyes", files: [] }),
];

const model: PackageIndexModel = {
  header: {
    workspace: { id: "ws-acme", name: "Acme ISMS", company: "Acme Cloud Ltd" },
    audit: "stage2",
    period: { start: "2026-01-01", end: "2026-03-31" },
    generatedAt: "2026-03-31T23:59:00.000Z",
    generator: { name: "OpenISMS", version: "0.1.0" },
  },
  auditLabel: "Stage 2 audit",
  keyFingerprint: "9f2c".repeat(16),
  documents: [
    { id: "SOA", title: "Statement of Applicability", path: "documents/statement-of-applicability.xlsx", version: "3", status: "published" },
    { id: "POL-ISP", title: "Information Security Policy", path: "documents/POL-ISP v3.pdf", version: "3", status: "published" },
  ],
  controls,
  requests: [
    { id: "S-01", topic: "IAM users", question: "MFA and key age of 25 sampled IAM users", item: "alice", status: "answered", files: [iamUsers.path] },
  ],
};

let root: string;
let context: BrowserContext;
let page: Page;
const requests: string[] = [];
const consoleErrors: string[] = [];

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), "isms-package-index-"));
  const pages = new Map<string, string>([["index.html", renderPackageIndex(model)]]);
  for (const c of controls) {
    const path = controlSummaryPath(c);
    if (path) pages.set(path, renderControlSummary(c, model));
  }
  for (const d of model.documents) contents.set(d.path, `placeholder for ${d.title}`);
  contents.set("manifest.json", "{}");
  contents.set("signing-key.pub.pem", "-----BEGIN PUBLIC KEY-----\n-----END PUBLIC KEY-----\n");
  for (const [path, text] of [...pages, ...contents]) {
    await mkdir(dirname(join(root, path)), { recursive: true });
    await writeFile(join(root, path), text);
  }
  await mkdir(artifacts, { recursive: true });
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

describeWithChromium("the package index in a browser", (getBrowser) => {
  beforeEach(async () => {
    context = await getBrowser().newContext({ viewport: { width: 1280, height: 900 } });
    context.on("request", (request) => requests.push(request.url()));
    page = await context.newPage();
    page.on("console", (message) => {
      if (message.type() === "error") consoleErrors.push(message.text());
    });
    page.on("pageerror", (error) => consoleErrors.push(error.message));
    await page.goto(pathToFileURL(join(root, "index.html")).href);
    return async () => {
      await context.close();
    };
  });

  /** The file:// URL every link of the page resolves to. */
  const linkTargets = async () => {
    const hrefs = await Promise.all((await page.locator("a[href]").all()).map((a) => a.getAttribute("href")));
    return hrefs.map((href) => new URL(href ?? "", page.url()).href);
  };
  const rowIds = () => page.locator("#controls tbody tr:visible td:first-child").allTextContents();

  it("shows every control of the SoA and says how many", async () => {
    expect(await rowIds()).toEqual(["A.5.15", "A.8.5", "A.6.3", "A.7.4", "OWN-1"]);
    await expect.poll(() => page.locator("#count").textContent()).toBe("5 of 5 controls");
    await page.screenshot({ path: join(artifacts, "index.png"), fullPage: true });
  });

  it("narrows the rows and the count as the auditor types, by id, title, owner, theme or status", async () => {
    const search = page.locator("#search");
    await search.fill("AUTHENTICATION");
    expect(await rowIds()).toEqual(["A.8.5"]);
    expect(await page.locator("#count").textContent()).toBe("1 of 5 controls");
    await search.fill("dana");
    expect(await rowIds()).toEqual(["A.5.15", "OWN-1"]);
    await search.fill("partially");
    expect(await rowIds()).toEqual(["A.8.5"]);
    await search.fill("a.7");
    expect(await rowIds()).toEqual(["A.7.4"]);
    await search.fill("nothing like this");
    expect(await rowIds()).toEqual([]);
    expect(await page.locator("#no-match").isVisible()).toBe(true);
    expect(await page.locator("#count").textContent()).toBe("0 of 5 controls");
    await search.fill("");
    expect(await rowIds()).toHaveLength(5);
  });

  it("filters by theme and by the controls whose evidence is in this package", async () => {
    await page.locator("#theme").selectOption("physical");
    expect(await rowIds()).toEqual(["A.7.4"]);
    await page.locator("#theme").selectOption("");
    await page.locator("#in-package").check();
    expect(await rowIds()).toEqual(["A.5.15", "A.8.5", "OWN-1"]);
    await page.locator("#search").fill("technological");
    expect(await rowIds()).toEqual(["A.8.5"]);
    expect(await page.locator("#count").textContent()).toBe("1 of 5 controls");
  });

  it("shows a title holding markup as text and runs none of it", async () => {
    expect(await page.locator("#controls tbody tr").nth(4).locator("td").nth(1).textContent()).toBe(hostileTitle);
    expect(await page.evaluate("'pwned' in window")).toBe(false);
    expect(await page.locator("#controls b").count()).toBe(0);
  });

  it("links only to files that exist in the package, whatever their names hold", async () => {
    const targets = await linkTargets();
    for (const target of targets) expect(existsSync(fileURLToPath(target)), target).toBe(true);
    const linked = new Set(targets.map((target) => relative(root, fileURLToPath(target))));
    expect([...linked].sort()).toEqual([
      "controls/A.5.15/iam users #1.json",
      "controls/A.5.15/summary.html",
      "controls/A.8.5/summary.html",
      "controls/OWN-1/summary.html",
      "documents/POL-ISP v3.pdf",
      "documents/statement-of-applicability.xlsx",
      "manifest.json",
      "signing-key.pub.pem",
    ]);
  });

  it("opens a control's summary from its id, and that summary's evidence links lead to the files", async () => {
    await page.getByRole("link", { name: "A.5.15", exact: true }).click();
    await page.waitForURL(/controls\/A\.5\.15\/summary\.html$/);
    expect(await page.locator("h1").textContent()).toBe("A.5.15 Access control");
    expect(await page.locator("text=R-004 Stolen administrator credentials").count()).toBe(1);
    await page.screenshot({ path: join(artifacts, "summary-A.5.15.png"), fullPage: true });
    const pdf = await page.pdf({ path: join(artifacts, "summary-A.5.15.pdf"), preferCSSPageSize: true });
    expect(pdf.toString("latin1").match(/\/Type\s*\/Page\b(?!s)/g), "printed pages").toHaveLength(1);

    const targets = await linkTargets();
    for (const target of targets) expect(existsSync(fileURLToPath(target)), target).toBe(true);
    expect(targets).toContain(pathToFileURL(join(root, "evidence/shared/access review 50% done.txt")).href);

    await page.getByRole("link", { name: "IAM users and their MFA" }).click();
    await page.waitForURL(/iam%20users%20%231\.json$/);
    expect(await page.locator("body").textContent()).toContain('"UserName":"alice"');
    await page.goBack();
    await page.getByRole("link", { name: "Package index" }).click();
    await page.waitForURL(/\/index\.html$/);
    expect(await rowIds()).toHaveLength(5);
  });

  it("logged no error and requested nothing outside the package's folder", () => {
    expect(consoleErrors).toEqual([]);
    expect(requests.length).toBeGreaterThan(0);
    expect(requests.filter((url) => !url.startsWith(pathToFileURL(root).href))).toEqual([]);
  });
});
