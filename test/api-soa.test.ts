// The Statement of Applicability over the HTTP API, on both databases: the list and its filters, one
// control with its evidence and check results, changes by role (a control owner changes only their
// own), an auditor held to their audit's controls and period, another workspace kept out (404), bad
// bodies named by field, and a decision that shows in the list and in the downloaded XLSX.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, expect, it } from "vitest";
import { addAudit } from "../src/app/audits/audits.js";
import { recordCollectionRun } from "../src/app/collection.js";
import { addEntry } from "../src/app/entries.js";
import { setSoaEntry } from "../src/app/soa.js";
import type { Workspace } from "../src/app/workspaces.js";
import { awsChecks, runChecks } from "../src/aws/checks/index.js";
import { credentialReport } from "../src/aws/checks/test-snapshots.js";
import { createBlobStore, type BlobStore } from "../src/evidence/blobs.js";
import { recordEvidence } from "../src/evidence/records.js";
import { soaColumns } from "../src/reports/soa-rows.js";
import { soaControlSchema, soaListSchema, soaRowSchema } from "../src/server/routes/soa-schemas.js";
import { z } from "zod";
import { bodyOf, describeEachApi, type ApiClient, type TestApi, expectProblem, expectFieldProblem } from "./helpers/api.js";

let blobRoot: string;
let blobs: BlobStore;
beforeAll(async () => {
  blobRoot = await mkdtemp(join(tmpdir(), "isms-api-soa-"));
  blobs = createBlobStore(blobRoot);
});
afterAll(() => rm(blobRoot, { recursive: true, force: true }));

interface Team {
  ws: Workspace;
  admin: ApiClient;
  editor: ApiClient;
  /** Linked to P-001, who owns 8.5 and not 5.15. */
  owner: ApiClient;
  /** Audits AUD-001: controls 8.5 and 8.24 over 2026. */
  auditor: ApiClient;
  viewer: ApiClient;
  stranger: ApiClient;
}

/** A blank workspace with two owned controls, a collection run whose MFA check fails for bob (8.5), and evidence from before the audit. */
async function team(api: TestApi): Promise<Team> {
  const admin = await api.setUpAdmin();
  const ws = await api.workspace({ template: "blank" });
  await api.db.transaction(async (tx) => {
    await addEntry(tx, ws, "people", { name: "Olivia Owner" }, { actor: "test", idPrefix: "P" });
    await addEntry(tx, ws, "people", { name: "Oscar Other" }, { actor: "test", idPrefix: "P" });
    await setSoaEntry(tx, ws, "8.5", { applicability: "applicable", reasons: [{ kind: "business" }], owner: "P-001" }, { actor: "test" });
    await setSoaEntry(tx, ws, "5.15", { applicability: "applicable", reasons: [{ kind: "business" }], owner: "P-002" }, { actor: "test" });
    await addAudit(tx, ws, { title: "Stage 2", kind: "stage2", auditor: "Certification body", plannedStart: "2026-01-01", plannedEnd: "2026-12-31", controls: ["8.5", "8.24"] }, { actor: "test" });
    const snapshots = [credentialReport([{ user: "alice", password: true, mfa: true }, { user: "bob", password: true, mfa: false }])];
    const collected = { caller: "111111111111", snapshots, problems: [], stats: { accounts: 1, regions: 1, calls: 1, retries: 0 } };
    const finishedAt = new Date("2026-06-01T00:10:00Z");
    await recordCollectionRun(tx, ws, blobs, { startedAt: new Date("2026-06-01T00:00:00Z"), finishedAt, caller: "111111111111", options: { org: false, roleName: "ISMSCollector" }, collected, checks: awsChecks, results: runChecks(snapshots), actor: "test" });
    await recordEvidence(tx, ws, blobs, { kind: "access-review", title: "Access review 2025", controlIds: ["8.5"], source: { kind: "upload" }, collectedAt: new Date("2025-05-01T00:00:00Z"), content: { reviewed: 12 } });
  });
  const other = await api.workspace({ template: "blank" });
  return {
    ws,
    admin,
    editor: await api.member("editor", ws),
    owner: await api.member("control-owner", ws, { personId: "P-001" }),
    auditor: await api.member("auditor", ws, { auditId: "AUD-001" }),
    viewer: await api.member("viewer", ws),
    stranger: await api.member("administrator", other),
  };
}

/** The rows of a list answer, read with the schema the OpenAPI document gives for it. */
async function controlsOf(response: Response) {
  expect(response.status).toBe(200);
  const body = soaListSchema.parse(await response.json());
  expect(body.total).toBe(body.controls.length);
  return body.controls;
}

describeEachApi("the SoA API", (getApi) => {
  let t: Team;
  let soa: string;
  beforeAll(async () => {
    t = await team(getApi());
    soa = `/api/w/${t.ws.slug}/soa`;
  });

  it("lists the 93 Annex A controls in the standard's order with owners, attributes and evidence counts", async () => {
    const controls = await controlsOf(await t.viewer.get(soa));
    expect(controls).toHaveLength(93);
    expect(controls.slice(0, 2).map((c) => c.controlId)).toEqual(["5.1", "5.2"]);
    const control = controls.find((c) => c.controlId === "8.5");
    expect(control).toMatchObject({ applicability: "applicable", owner: "P-001", ownerName: "Olivia Owner" });
    expect(control?.attributes).toEqual(expect.arrayContaining(["#Preventive", "#Protect"]));
    expect(control?.evidence.count).toBeGreaterThanOrEqual(2);
  });

  it("filters by theme, applicability, status, owner and 27002 attribute", async () => {
    expect(await controlsOf(await t.viewer.get(`${soa}?theme=physical`))).toHaveLength(14);
    expect((await controlsOf(await t.viewer.get(`${soa}?owner=P-002`))).map((c) => c.controlId)).toEqual(["5.15"]);
    expect((await controlsOf(await t.viewer.get(`${soa}?applicability=applicable&theme=technological`))).map((c) => c.controlId)).toEqual(["8.5"]);
    expect(await controlsOf(await t.viewer.get(`${soa}?applicability=undecided`))).toHaveLength(91);
    // alice has MFA and bob has none: the check passes and fails under 5.17 and 8.5, derived as partially implemented.
    expect((await controlsOf(await t.viewer.get(`${soa}?status=partially_implemented`))).map((c) => c.controlId)).toEqual(["5.17", "8.5"]);
    expect((await controlsOf(await t.viewer.get(`${soa}?status=not_assessed&applicability=applicable`))).map((c) => c.controlId)).toEqual(["5.15"]);
    const corrective = await controlsOf(await t.viewer.get(`${soa}?attribute=corrective`));
    expect(corrective.length).toBeGreaterThan(0);
    expect(corrective.length).toBeLessThan(93);
    for (const control of corrective) expect(control.attributes).toContain("#Corrective");
    expect((await controlsOf(await t.viewer.get(`${soa}?attribute=%23Identity_and_access_management`))).map((c) => c.controlId)).toContain("5.15");

    await expectFieldProblem(await t.viewer.get(`${soa}?attribute=%23Magic`), "attribute", /not an ISO\/IEC 27002 attribute/);
  });

  it("shows one control with its evidence and the latest check results", async () => {
    const response = await t.viewer.get(`${soa}/A.8.5`);
    expect(response.status).toBe(200);
    const body = soaControlSchema.parse(await response.json());
    expect(body.control).toMatchObject({ controlId: "8.5", owner: "P-001" });
    expect(body.evidence.map((e) => e.kind)).toEqual(expect.arrayContaining(["aws-snapshot", "access-review"]));
    expect(body.checkResults).toContainEqual(expect.objectContaining({ checkId: "iam-user-console-mfa", passed: false, resource: "arn:aws:iam::111111111111:user/bob" }));
    expect(body.checkResults).toContainEqual(expect.objectContaining({ checkId: "iam-user-console-mfa", passed: true }));
    await expectProblem(await t.viewer.get(`${soa}/9.99`), 404, /^No control 9.99 in this SoA/);
  });

  it("holds an auditor to the controls and the period of their audit", async () => {
    expect((await controlsOf(await t.auditor.get(soa))).map((c) => c.controlId)).toEqual(["8.5", "8.24"]);
    await expectProblem(await t.auditor.get(`${soa}/5.15`), 403, "5.15 is about 5.15, outside audit AUD-001 (which covers 8.5, 8.24); ask the ISMS owner if the audit needs it");
    const inside = soaControlSchema.parse(await (await t.auditor.get(`${soa}/8.5`)).json());
    expect(inside.evidence.length).toBeGreaterThan(0);
    // The access review of 2025 is before the audit's period.
    expect(inside.evidence.map((e) => e.kind)).not.toContain("access-review");
  });

  it("lets a control owner change their own control and nobody else's; auditors and viewers change nothing", async () => {
    const change = (who: ApiClient, control: string) => who.patch(`${soa}/${control}`, { implementationDescription: `described by ${who.account.email}` });
    const statuses = { admin: (await change(t.admin, "5.15")).status, editor: (await change(t.editor, "5.15")).status, owner: (await change(t.owner, "8.5")).status };
    expect(statuses).toEqual({ admin: 200, editor: 200, owner: 200 });
    await expectProblem(await change(t.owner, "5.15"), 403, "Control owners change only what they own: 5.15 is owned by P-002, not by you (P-001); ask its owner or an editor");
    await expectProblem(await change(t.auditor, "8.5"), 403, /^Auditors only read, comment and raise evidence requests, and cannot update the SoA/);
    await expectProblem(await change(t.viewer, "8.5"), 403, "Viewers cannot update the SoA: only administrators, editors and control owners may; ask an administrator of the workspace");
    const [described] = await controlsOf(await t.viewer.get(`${soa}?owner=P-001`));
    expect(described).toMatchObject({ controlId: "8.5", implementationDescription: `described by ${t.owner.account.email}` });
  });

  it("keeps another workspace's account out: its SoA does not exist for it", async () => {
    for (const response of [await t.stranger.get(soa), await t.stranger.get(`${soa}/8.5`), await t.stranger.patch(`${soa}/8.5`, { owner: null }), await t.stranger.get(`${soa}.xlsx`)]) {
      await expectProblem(response, 404, `No workspace "${t.ws.slug}" for this account; GET /api/workspaces lists yours`);
    }
  });

  it("refuses bad bodies with a 400 problem naming the field, and an exclusion without a justification", async () => {
    const cases: [Promise<Response>, string, RegExp][] = [
      [t.editor.patch(`${soa}/8.24`, { applicability: "maybe" }), "applicability", /applicable/],
      [t.editor.patch(`${soa}/8.24`, { reasons: [{ kind: "risk", ref: "R-001" }] }), "reasons.0.kind", /legal/],
      [t.editor.patch(`${soa}/8.24`, { implementationStatus: "done" }), "implementationStatus", /implemented/],
      [t.editor.patch(`${soa}/8.24`, {}), "", /say what to change/],
    ];
    for (const [call, path, message] of cases) await expectFieldProblem(await call, path, message);
    await expectProblem(await t.editor.patch(`${soa}/8.24`, { applicability: "not_applicable" }), 400, /^8.24: excluding a control needs a justification/);
  });

  it("shows a control's new applicability in the list and in the downloaded XLSX", async () => {
    const justification = "No cryptographic keys are managed in-house";
    const changed = await t.editor.patch(`${soa}/A.8.24`, { applicability: "not_applicable", justification });
    expect(changed.status).toBe(200);
    expect((await bodyOf(changed, z.object({ control: soaRowSchema }))).control).toMatchObject({ controlId: "8.24", applicability: "not_applicable", justification });
    expect((await controlsOf(await t.viewer.get(`${soa}?applicability=not_applicable`))).map((c) => c.controlId)).toEqual(["8.24"]);

    const download = await t.viewer.get(`${soa}.xlsx`);
    expect(download.status).toBe(200);
    expect(download.headers.get("content-type")).toBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    expect(download.headers.get("content-disposition")).toMatch(new RegExp(`^attachment; filename="soa-${t.ws.slug}-\\d{4}-\\d{2}-\\d{2}\\.xlsx"$`));
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await download.arrayBuffer());
    const sheet = workbook.getWorksheet("SoA");
    const rows = (sheet?.getSheetValues() ?? []).flatMap((row) => (Array.isArray(row) ? [row.slice(1)] : []));
    const row = rows.find((r) => r[0] === "A.8.24");
    expect(row?.[soaColumns.indexOf("Applicability")]).toBe("Not applicable");
    expect(row?.[soaColumns.indexOf("Justification")]).toBe(justification);
    expect(rows).toHaveLength(94);

    // An auditor downloads the controls of their audit only.
    const audited = new ExcelJS.Workbook();
    await audited.xlsx.load(await (await t.auditor.get(`${soa}.xlsx`)).arrayBuffer());
    const auditedRows = (audited.getWorksheet("SoA")?.getSheetValues() ?? []).flatMap((r) => (Array.isArray(r) ? [r[1]] : []));
    expect(auditedRows).toEqual(["Control ID", "A.8.5", "A.8.24"]);
  });

  it("documents every SoA route in /api/openapi.json", async () => {
    const { paths } = await bodyOf(await getApi().request("/api/openapi.json"), z.object({ paths: z.record(z.string(), z.record(z.string(), z.unknown())) }));
    const methods = (path: string) => Object.keys(paths[path] ?? {}).sort();
    expect(methods("/api/w/{workspace}/soa")).toEqual(["get"]);
    expect(methods("/api/w/{workspace}/soa/{control}")).toEqual(["get", "patch"]);
    expect(methods("/api/w/{workspace}/soa.xlsx")).toEqual(["get"]);
  });
});
