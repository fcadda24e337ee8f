// The auditor's evidence package built from a workspace that collected from the simulated demo
// organization: what it holds, that it verifies, that verify names exactly the file that was changed,
// added or removed, that the same data gives the same bytes, and that index.html works offline.
import { mkdtemp, readFile, rm, unlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runAwsCollection } from "../src/app/aws-collection.js";
import { setCertificationCycle, writeSurveillanceSampling } from "../src/app/cycle.js";
import { buildEvidencePackage, type BuiltPackage, type PackageRequest } from "../src/app/package/build.js";
import { takeAuditSample } from "../src/app/sample.js";
import { initWorkspace, resolveWorkspace, type Workspace } from "../src/app/workspaces.js";
import { createBlobStore, type BlobStore } from "../src/evidence/blobs.js";
import { loadOrCreateSigningKey, type SigningKey } from "../src/reports/package/signing.js";
import { flipByte, readZip, unzipTo, writeZip } from "../src/reports/package/test-fixtures.js";
import { verifyPackage } from "../src/reports/package/verify.js";
import type { Store } from "../src/store/open.js";
import { startSimulator, type Simulator } from "../testing/aws-sim/server.js";
import { describeWithChromium } from "./helpers/browser.js";
import { openTestStore } from "./helpers/pglite-template.js";

describe("an evidence package of a workspace that collected from the simulated demo organization", () => {
  let sim: Simulator;
  let store: Store;
  let dir: string;
  let ws: Workspace;
  let blobs: BlobStore;
  let key: SigningKey;
  let stage2: BuiltPackage;
  let stage2Files: Map<string, Buffer>;

  const build = (name: string, request: PackageRequest) => buildEvidencePackage(store.db, ws, blobs, key, join(dir, name), request);

  beforeAll(async () => {
    [sim, store, dir] = await Promise.all([startSimulator({ scenario: "demo" }), openTestStore(), mkdtemp(join(tmpdir(), "isms-package-"))]);
    await initWorkspace(store.db, { name: "Acme ISMS", companyName: "Acme Cloud Ltd", slug: "acme", template: "aws-saas" });
    ws = await resolveWorkspace(store.db, "acme");
    blobs = createBlobStore(join(dir, "evidence"));
    key = await loadOrCreateSigningKey(join(dir, "keys"));
    await runAwsCollection(store.db, ws, blobs, {
      clientConfig: { endpoint: sim.url, region: "us-east-1", credentials: { accessKeyId: sim.env.AWS_ACCESS_KEY_ID ?? "", secretAccessKey: sim.env.AWS_SECRET_ACCESS_KEY ?? "" } },
      org: true,
      roleName: "ISMSCollector",
      actor: "test",
    });
    stage2 = await build("stage2.zip", { audit: "stage2" });
    stage2Files = await readZip(stage2.out);
  }, 240_000);
  afterAll(async () => {
    await sim.close();
    await store.close();
    await rm(dir, { recursive: true, force: true });
  });

  const paths = () => stage2.manifest.files.map((f) => f.path);
  const evidencePaths = () => paths().filter((p) => p.startsWith("evidence/"));

  it("holds the SoA, every mandatory document, and per control in scope a summary, its check results and the raw AWS snapshots", () => {
    expect(paths()).toEqual(expect.arrayContaining(["documents/00-statement-of-applicability.xlsx", "documents/00-statement-of-applicability.pdf", "index.html", "README.txt"]));
    expect(paths().filter((p) => /^documents\/\d\d-.*\.pdf$/.test(p)).length).toBeGreaterThanOrEqual(16);
    expect(paths().filter((p) => p.startsWith("documents/policies/")).length).toBeGreaterThanOrEqual(12);
    expect(stage2.missingDocuments).toEqual([]);
    const summaries = paths().filter((p) => /^controls\/A\.\d\.\d+\/summary\.html$/.test(p));
    expect(summaries.length).toBe(stage2.counts.controls);
    expect(stage2.counts.controls).toBeGreaterThan(50);
    expect(paths()).toContain("controls/A.8.5/check-results.csv");
    const snapshot = stage2.manifest.files.find((f) => f.path.startsWith("evidence/") && f.source.kind === "aws" && f.source.service === "iam");
    expect(snapshot?.source.account).toMatch(/^\d{12}$/);
    expect(snapshot?.source.operation).toBeTruthy();
    expect(snapshot?.collectedAt).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect(snapshot?.period?.start).toMatch(/^\d{4}-\d\d-\d\d$/);
    expect(stage2.manifest.files.every((f) => /^[0-9a-f]{64}$/.test(f.sha256) && f.size === stage2Files.get(f.path)?.length)).toBe(true);
  });

  it("writes identical evidence once, listing every record that holds it", () => {
    const listed = stage2.manifest.files.flatMap((f) => f.source.evidenceIds ?? []);
    expect(new Set(listed).size).toBe(listed.length);
    expect(listed.length).toBe(stage2.counts.evidenceRecords);
    expect(new Set(stage2.manifest.files.filter((f) => f.path.startsWith("evidence/")).map((f) => f.sha256)).size).toBe(evidencePaths().length);
  });

  it("links each check result of a control to the evidence file holding it", () => {
    const csv = stage2Files.get("controls/A.8.5/check-results.csv")?.toString("utf8") ?? "";
    const [header, ...rows] = csv.trim().split("\n");
    expect(header).toContain("evidence_file");
    expect(rows.length).toBeGreaterThan(0);
    const linked = rows.map((r) => r.split(",").at(-1) ?? "");
    expect(linked.every((p) => stage2Files.has(p))).toBe(true);
  });

  it("verifies, and names the one evidence file in which a byte was flipped", async () => {
    const clean = await verifyPackage(stage2.out, { publicKeyPem: key.publicKeyPem });
    expect(clean).toMatchObject({ ok: true, signature: "valid", keyGiven: true, changed: [], added: [], removed: [] });
    expect(clean.checked).toBe(stage2.manifest.files.length);

    const target = evidencePaths()[3] ?? "";
    const tampered = new Map(stage2Files);
    tampered.set(target, flipByte(stage2Files.get(target) ?? Buffer.alloc(0)));
    const out = join(dir, "tampered.zip");
    await writeZip(out, tampered);
    const result = await verifyPackage(out, { publicKeyPem: key.publicKeyPem });
    expect(result.ok).toBe(false);
    expect(result.signature).toBe("valid");
    expect(result.changed.map((c) => c.path)).toEqual([target]);
    expect(result.added).toEqual([]);
    expect(result.removed).toEqual([]);
  });

  it("names a removed file and an added one", async () => {
    const removed = evidencePaths()[0] ?? "";
    const changed = new Map(stage2Files);
    changed.delete(removed);
    changed.set("evidence/extra.json", Buffer.from("{}"));
    const out = join(dir, "removed.zip");
    await writeZip(out, changed);
    const result = await verifyPackage(out, {});
    expect(result).toMatchObject({ ok: false, signature: "valid", keyGiven: false, changed: [], removed: [removed], added: ["evidence/extra.json"] });
  });

  it("verifies the auditor's unzipped folder and names a file edited there", async () => {
    const folder = join(dir, "unzipped");
    await unzipTo(stage2.out, folder);
    expect((await verifyPackage(folder, {})).ok).toBe(true);
    const target = paths().find((p) => p.endsWith("check-results.csv")) ?? "";
    await writeFile(join(folder, target), `${await readFile(join(folder, target), "utf8")}\nextra row\n`);
    await unlink(join(folder, "README.txt"));
    const result = await verifyPackage(folder, {});
    expect(result.changed.map((c) => c.path)).toEqual([target]);
    expect(result.removed).toEqual(["README.txt"]);
  });

  it("refuses a manifest edited to hide a change, and a package checked against another key", async () => {
    const text = stage2Files.get("manifest.json")?.toString("utf8") ?? "";
    const hidden = text.replace(/"size": (\d+)/, (_m, n: string) => `"size": ${Number(n) + 1}`);
    expect(hidden).not.toBe(text);
    const edited = new Map(stage2Files);
    edited.set("manifest.json", Buffer.from(hidden));
    const out = join(dir, "edited-manifest.zip");
    await writeZip(out, edited);
    expect((await verifyPackage(out, {})).signature).toBe("invalid");
    const other = await loadOrCreateSigningKey(join(dir, "other-keys"));
    const result = await verifyPackage(stage2.out, { publicKeyPem: other.publicKeyPem });
    expect(result).toMatchObject({ ok: false, signature: "invalid" });
  });

  it("gives the same bytes for the same data", async () => {
    const again = await build("stage2-again.zip", { audit: "stage2" });
    expect(again.sha256).toBe(stage2.sha256);
    expect(again.bytes).toBe(stage2.bytes);
  });

  it("for Stage 1 holds the documents and no evidence of operation", async () => {
    const stage1 = await build("stage1.zip", { audit: "stage1" });
    expect(stage1.counts.controls).toBe(0);
    expect(stage1.manifest.files.some((f) => f.path.startsWith("evidence/") || f.path.startsWith("controls/"))).toBe(false);
    // The SoA as XLSX and PDF, the 15 other required documents, the 12 topic policies.
    expect(stage1.manifest.files.filter((f) => f.path.startsWith("documents/")).length).toBe(29);
    expect(stage1.counts.documents).toBe(29);
    expect((await verifyPackage(stage1.out, { publicKeyPem: key.publicKeyPem })).ok).toBe(true);
  });

  it("for a surveillance audit needs the stored sampling plan, then holds only the year's sample", async () => {
    await store.db.transaction((tx) => setCertificationCycle(tx, ws, { body: "Example Certification Body", stage1: "2026-06-01", stage2: "2026-07-01", issued: "2026-08-01" }, { actor: "test" }));
    await expect(build("surveillance.zip", { audit: "surveillance" })).rejects.toThrow(/no stored surveillance sampling plan.*isms cycle sample --write/);
    const { plan } = await store.db.transaction((tx) => writeSurveillanceSampling(tx, ws, "test-seed", { actor: "test" }));
    const year2 = plan.assignments.filter((a) => a.year === 2).map((a) => `A.${a.controlId}`).sort();
    const surveillance = await build("surveillance.zip", { audit: "surveillance", year: 2 });
    const folders = [...new Set(surveillance.manifest.files.map((f) => /^controls\/([^/]+)\//.exec(f.path)?.[1]).filter((c) => c !== undefined))].sort();
    expect(folders).toEqual(year2);
  });

  it("holds the auditor's latest Stage 2 sample: the request list, and the evidence answering each request", async () => {
    const drawn = await takeAuditSample(store.db, ws, { audit: "stage2", seed: "auditor-2026" }, { actor: "test" });
    const answered = drawn.requests.filter((r) => r.evidenceIds.length > 0);
    expect(answered.length).toBeGreaterThan(0);
    const withSample = await build("stage2-sample.zip", { audit: "stage2" });
    expect(withSample.counts.requests).toBe(drawn.requests.length);
    const files = await readZip(withSample.out);
    const list = files.get("requests/requests.csv")?.toString("utf8") ?? "";
    for (const r of drawn.requests) expect(list).toContain(r.id);
    const held = new Set(withSample.manifest.files.flatMap((f) => f.source.evidenceIds ?? []));
    for (const r of answered) for (const id of r.evidenceIds) expect(held.has(id), `${r.id} → ${id}`).toBe(true);
    const index = files.get("index.html")?.toString("utf8") ?? "";
    expect(index).toContain(answered[0]?.id ?? "?");
    expect((await verifyPackage(withSample.out, { publicKeyPem: key.publicKeyPem })).ok).toBe(true);
  });

  it("refuses a period that ends before it starts, naming the flag", async () => {
    await expect(build("bad.zip", { audit: "stage2", period: { start: "2026-05-01", end: "2026-04-01" } })).rejects.toThrow(/--period.*ends .* before it starts/);
  });

  describeWithChromium("index.html in headless Chromium, from the unzipped folder with no server", (getBrowser) => {
    it("shows the SoA, finds a control by search and links through its summary to its evidence", async () => {
      const folder = join(dir, "browse");
      await unzipTo(stage2.out, folder);
      const page = await getBrowser().newPage();
      const errors: string[] = [];
      page.on("pageerror", (e) => errors.push(e.message));
      page.on("console", (m) => {
        if (m.type() === "error") errors.push(m.text());
      });
      await page.goto(pathToFileURL(join(folder, "index.html")).href);
      expect(await page.content()).toContain("A.8.5");
      await page.locator("input[type=search]").first().fill("secure authentication");
      await page.locator("a", { hasText: "A.8.5" }).first().click();
      await page.waitForURL(/controls\/A\.8\.5\/summary\.html$/);
      const evidenceLink = page.locator('a[href*="evidence/"]').first();
      const href = await evidenceLink.getAttribute("href");
      expect(href).toBeTruthy();
      const target = new URL(href ?? "", page.url());
      const linked = await readFile(target);
      expect(linked.length).toBeGreaterThan(0);
      await page.screenshot({ path: join("test-artifacts", "package", "stage2-summary-A.8.5.png") });
      expect(errors).toEqual([]);
      await page.close();
    });
  });
});
