// Suppliers, management reviews, the calendar and collection runs over the HTTP API, on both databases:
// read by every role, an auditor held to what their audit covers (A.5.19–A.5.22 for suppliers, 9.3 and
// its period for reviews, an activity's basis for the calendar, the period and controls for collection),
// a record by id or a 404, bad queries named by field, and another workspace's account kept out (404).
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { z } from "zod";
import { loadRunResults, recordCollectionRun } from "../src/app/collection.js";
import type { CollectResult } from "../src/aws/collect.js";
import { awsChecks, runChecks } from "../src/aws/checks/index.js";
import { credentialReport, listBuckets, publicAccessBlock } from "../src/aws/checks/test-snapshots.js";
import { createBlobStore } from "../src/evidence/blobs.js";
import { addAudit } from "../src/app/audits/audits.js";
import { addEntry } from "../src/app/entries.js";
import { holdManagementReview, prepareManagementReview } from "../src/app/management-review.js";
import { addDays, isoDay } from "../src/domain/risk/calendar.js";
import { calendarSchema } from "../src/server/routes/calendar-schemas.js";
import { runListSchema, runResultsSchema } from "../src/server/routes/collection-schemas.js";
import { reviewDetailSchema, reviewListSchema } from "../src/server/routes/review-schemas.js";
import { supplierDetailSchema, supplierListSchema } from "../src/server/routes/supplier-schemas.js";
import { bodyOf, describeEachApi, problemOf, type ApiClient, type TestApi, expectProblem, seededTeam, type SeededTeam } from "./helpers/api.js";

const today = isoDay(new Date());

let blobRoot: string;
beforeAll(async () => {
  blobRoot = await mkdtemp(join(tmpdir(), "isms-api-registers-"));
});
afterAll(() => rm(blobRoot, { recursive: true, force: true }));

/** A small AWS collection finishing at `at`: MFA for alice but not bob, a bucket without a full public access block. */
function collectionAt(at: Date) {
  const snapshots = [credentialReport([{ user: "alice", password: true, mfa: true }, { user: "bob", password: true, mfa: false }]), listBuckets(["logs"]), publicAccessBlock("logs", ["BlockPublicPolicy"])];
  const collected: CollectResult = {
    caller: "111111111111",
    snapshots,
    problems: [{ account: "111111111111", region: "eu-south-2", kind: "region-disabled", message: "the region is not enabled" }],
    stats: { accounts: 1, regions: 2, calls: snapshots.length, retries: 0 },
  };
  const results = runChecks(snapshots);
  return { startedAt: new Date(at.getTime() - 60_000), finishedAt: at, caller: collected.caller, options: { org: true, roleName: "ISMSCollector" }, collected, checks: awsChecks, results, actor: "test" };
}

interface Team extends SeededTeam {
  /** Audits AUD-001: controls 5.19, 5.22 and 8.5, from 30 days ago to 30 days ahead. */
  supplierAuditor: ApiClient;
  /** Audits AUD-002: clause 9.3, from 30 days ago to 10 days ahead. */
  reviewAuditor: ApiClient;
}

/**
 * SUP-001 AWS (critical, owned by P-001): review overdue since 10 days, ISO/IEC 27001 expiring in 30.
 * SUP-002 Slack (low): nothing due. MR-001 held 20 days ago with one open action; MR-002 planned in 30 days.
 * Collection run C-001 on 2025-01-15, before either audit's period; C-002 an hour ago.
 */
async function team(api: TestApi): Promise<Team> {
  const { ws, ...roles } = await seededTeam(api, { ownerPersonId: "P-001", auditInside: "AUD-001", auditOutside: "AUD-002" }, async (tx, ws) => {
    const test = { actor: "test" };
    await addEntry(tx, ws, "people", { name: "Olivia Owner", ismsRoles: ["top-management"] }, { ...test, idPrefix: "P" });
    const aws = { name: "Amazon Web Services", service: "Cloud hosting", criticality: "critical", owner: "P-001", dpa: true, dataAccessed: "customer data" };
    await addEntry(tx, ws, "suppliers", { ...aws, certifications: [{ name: "ISO/IEC 27001", validUntil: addDays(today, 30) }], nextReview: addDays(today, -10) }, { ...test, idPrefix: "SUP" });
    await addEntry(tx, ws, "suppliers", { name: "Slack", service: "Chat", criticality: "low", nextReview: addDays(today, 400) }, { ...test, idPrefix: "SUP" });
    await prepareManagementReview(tx, ws, { on: addDays(today, -20) }, test);
    const hold = { attendees: ["P-001"], decisions: ["Keep the scope"], actions: [`Review AWS again;P-001;${addDays(today, 30)}`], minutesRef: "minutes/mr-1.md" };
    await holdManagementReview(tx, ws, "MR-001", hold, test);
    await prepareManagementReview(tx, ws, { on: addDays(today, 30) }, test);
    const audit = { kind: "internal" as const, auditor: "Ivy Independent", plannedStart: addDays(today, -30) };
    await addAudit(tx, ws, { ...audit, title: "Suppliers", plannedEnd: addDays(today, 30), controls: ["5.19", "5.22", "8.5"] }, { ...test, today: addDays(today, -60) });
    await addAudit(tx, ws, { ...audit, title: "Management review", plannedEnd: addDays(today, 10), clauses: ["9.3"] }, { ...test, today: addDays(today, -60) });
  });
  const blobs = createBlobStore(blobRoot);
  for (const at of [new Date("2025-01-15T10:00:00Z"), new Date(Date.now() - 3_600_000)]) await api.db.transaction((tx) => recordCollectionRun(tx, ws, blobs, collectionAt(at)));
  return { ws, ...roles, supplierAuditor: roles.auditorInside, reviewAuditor: roles.auditorOutside };
}

describeEachApi("the suppliers, management reviews, calendar and collection API", (getApi) => {
  let t: Team;
  let base: string;
  beforeAll(async () => {
    t = await team(getApi());
    base = `/api/w/${t.ws.slug}`;
  });

  const suppliers = async (who: ApiClient) => bodyOf(await who.get(`${base}/suppliers`), supplierListSchema);
  const reviewIds = async (who: ApiClient) => (await bodyOf(await who.get(`${base}/reviews`), reviewListSchema)).reviews.map((r) => r.id);

  it("lists the suppliers with what falls due, for every role and an auditor whose audit covers suppliers", async () => {
    for (const who of [t.admin, t.editor, t.owner, t.viewer, t.supplierAuditor]) {
      const { asOf, suppliers: list, due } = await suppliers(who);
      expect(asOf).toBe(today);
      expect(list.map((s) => s.id)).toEqual(["SUP-001", "SUP-002"]);
      expect(due.map((d) => [d.supplierId, d.kind, d.due, d.overdue])).toEqual([
        ["SUP-001", "review", addDays(today, -10), true],
        ["SUP-001", "certification", addDays(today, 30), false],
      ]);
    }
    const [aws] = (await suppliers(t.viewer)).suppliers;
    expect(aws).toMatchObject({ name: "Amazon Web Services", criticality: "critical", owner: "P-001", dpa: true, certifications: [{ name: "ISO/IEC 27001", validUntil: addDays(today, 30) }] });
  });

  it("shows an auditor whose audit covers no supplier control no supplier, and refuses them one by id", async () => {
    expect(await suppliers(t.reviewAuditor)).toEqual({ asOf: today, suppliers: [], due: [] });
    await expectProblem(await t.reviewAuditor.get(`${base}/suppliers/SUP-001`), 403, /^SUP-001 is about 5.19, 5.20, 5.21, 5.22, outside audit AUD-002 \(which covers 9.3\)/);
  });

  it("shows one supplier by id or name with its due items, and answers 404 for one that does not exist", async () => {
    const detail = await bodyOf(await t.supplierAuditor.get(`${base}/suppliers/SUP-001`), supplierDetailSchema);
    expect(detail.supplier.name).toBe("Amazon Web Services");
    expect(detail.latestReview).toBeNull();
    expect(detail.due.map((d) => d.what)).toEqual(["security review overdue", "ISO/IEC 27001 expires"]);
    const slack = await bodyOf(await t.owner.get(`${base}/suppliers/slack`), supplierDetailSchema);
    expect([slack.supplier.id, slack.due]).toEqual(["SUP-002", []]);
    await expectProblem(await t.viewer.get(`${base}/suppliers/SUP-404`), 404, /^No supplier "SUP-404" in this workspace/);
    const field = (await problemOf(await t.viewer.get(`${base}/suppliers/${"x".repeat(65)}`))).errors?.map((e) => e.path);
    expect(field).toEqual(["id"]);
  });

  it("lists the management reviews with their open actions, an auditor seeing those within 9.3 and their period", async () => {
    for (const who of [t.admin, t.editor, t.owner, t.viewer]) expect(await reviewIds(who)).toEqual(["MR-001", "MR-002"]);
    const { reviews } = await bodyOf(await t.viewer.get(`${base}/reviews`), reviewListSchema);
    expect(reviews.map((r) => [r.id, r.status, r.heldOn, r.attendees, r.openActions])).toEqual([
      ["MR-001", "held", addDays(today, -20), ["P-001"], 1],
      ["MR-002", "planned", addDays(today, 30), [], 0],
    ]);
    expect(await reviewIds(t.reviewAuditor)).toEqual(["MR-001"]);
    expect(await reviewIds(t.supplierAuditor)).toEqual([]);
  });

  it("shows one management review with its decisions and actions, refusing an auditor what their audit does not cover", async () => {
    const { review } = await bodyOf(await t.reviewAuditor.get(`${base}/reviews/MR-001`), reviewDetailSchema);
    expect(review).toMatchObject({ id: "MR-001", decisions: { "1": "Keep the scope" }, minutesRef: "minutes/mr-1.md" });
    expect(review.actions).toEqual([{ id: "MR-001-A1", description: "Review AWS again", owner: "P-001", dueDate: addDays(today, 30), status: "open", closedOn: null, note: null }]);
    expect(Object.keys(review.inputs).length).toBeGreaterThan(0);
    await expectProblem(await t.reviewAuditor.get(`${base}/reviews/MR-002`), 403, new RegExp(`^MR-002 is dated ${addDays(today, 30)}, outside the period of audit AUD-002`));
    await expectProblem(await t.supplierAuditor.get(`${base}/reviews/MR-001`), 403, /^MR-001 is about 9.3, outside audit AUD-001/);
    // The service's hint names a command (isms review list), which an API client cannot run: the problem alone.
    await expectProblem(await t.viewer.get(`${base}/reviews/MR-404`), 404, "No management review MR-404");
  });

  it("gives the calendar of activities due and overdue to every role, an auditor's held to their audit's scope", async () => {
    const calendar = async (who: ApiClient, query = "") => bodyOf(await who.get(`${base}/calendar${query}`), calendarSchema);
    for (const who of [t.admin, t.editor, t.owner, t.viewer]) {
      const { asOf, withinDays, items } = await calendar(who, "?within=60");
      expect([asOf, withinDays]).toEqual([today, 60]);
      expect(items[0]).toMatchObject({ id: "supplier-review:SUP-001", owner: "P-001", due: addDays(today, -10), overdue: true, basis: "A.5.22" });
      expect(items.map((i) => i.id)).toContain("awareness-training:P-001");
      expect(items.map((i) => i.id)).not.toContain("management-review");
    }
    const whole = (await calendar(t.viewer)).items.map((i) => i.id);
    expect(whole).toEqual(expect.arrayContaining(["management-review", "supplier-review:SUP-002"]));
    expect((await calendar(t.supplierAuditor, "?within=60")).items.map((i) => i.id)).toEqual(["supplier-review:SUP-001", "supplier-certification:SUP-001:ISO/IEC 27001"]);
    expect((await calendar(t.reviewAuditor)).items.map((i) => [i.id, i.lastDone])).toEqual([["management-review", addDays(today, -20)]]);
  });

  it("names the within field of a calendar asked for badly", async () => {
    for (const within of ["soon", "-1", "4000"]) {
      const response = await t.viewer.get(`${base}/calendar?within=${within}`);
      expect(response.status, within).toBe(400);
      expect((await problemOf(response)).errors?.find((e) => e.path === "within")?.message).toMatch(/number of days from 0 to 3653/);
    }
  });

  it("lists the collection runs, an auditor seeing those within their audit's period", async () => {
    const runIds = async (who: ApiClient) => (await bodyOf(await who.get(`${base}/collection/runs`), runListSchema)).runs.map((r) => r.id);
    for (const who of [t.admin, t.editor, t.owner, t.viewer]) expect(await runIds(who)).toEqual(["C-001", "C-002"]);
    for (const who of [t.supplierAuditor, t.reviewAuditor]) expect(await runIds(who)).toEqual(["C-002"]);
    const [run] = (await bodyOf(await t.viewer.get(`${base}/collection/runs`), runListSchema)).runs;
    expect(run).toMatchObject({ id: "C-001", source: "aws", caller: "111111111111", startedAt: "2025-01-15T09:59:00.000Z", problems: [expect.objectContaining({ kind: "region-disabled" })] });
  });

  it("gives a run's check results, filtered by status, an auditor's held to their audit's controls", async () => {
    const results = async (who: ApiClient, query = "") => (await bodyOf(await who.get(`${base}/collection/runs/C-002/results${query}`), runResultsSchema)).results;
    const all = await results(t.owner);
    expect(all.map((r) => r.id)).toEqual((await loadRunResults(getApi().db, t.ws, "C-002")).map((r) => r.id));
    const failed = await results(t.viewer, "?status=fail");
    expect(failed.length).toBeGreaterThan(0);
    expect(failed.every((r) => r.status === "fail")).toBe(true);
    expect(failed).toContainEqual(expect.objectContaining({ checkId: "iam-user-console-mfa", resource: "arn:aws:iam::111111111111:user/bob" }));
    const audited = await results(t.supplierAuditor);
    expect(audited.length).toBeGreaterThan(0);
    expect(audited.length).toBeLessThan(all.length);
    expect(audited.every((r) => r.controlIds.includes("8.5"))).toBe(true);
    expect(await results(t.reviewAuditor)).toEqual([]);
    await expectProblem(await t.supplierAuditor.get(`${base}/collection/runs/C-001/results`), 403, /^C-001 is dated 2025-01-15, outside the period of audit AUD-001/);
    await expectProblem(await t.viewer.get(`${base}/collection/runs/C-404/results`), 404, `No collection run C-404 in this workspace; GET /api/w/${t.ws.slug}/collection/runs lists them`);
    const bad = await t.viewer.get(`${base}/collection/runs/C-002/results?status=broken`);
    expect(bad.status).toBe(400);
    expect((await problemOf(bad)).errors?.map((e) => e.path)).toEqual(["status"]);
  });

  it("keeps another workspace's account out: its suppliers, reviews, calendar and runs do not exist for it", async () => {
    for (const path of ["suppliers", "suppliers/SUP-001", "reviews", "reviews/MR-001", "calendar", "collection/runs", "collection/runs/C-001/results"]) {
      await expectProblem(await t.stranger.get(`${base}/${path}`), 404, `No workspace "${t.ws.slug}" for this account; GET /api/workspaces lists yours`);
    }
  });

  it("documents the supplier, review, calendar and collection routes in /api/openapi.json; the calendar and runs are read-only", async () => {
    const { paths } = await bodyOf(await getApi().request("/api/openapi.json"), z.object({ paths: z.record(z.string(), z.record(z.string(), z.unknown())) }));
    const methods = (path: string) => Object.keys(paths[path] ?? {}).sort();
    expect(methods("/api/w/{workspace}/suppliers")).toEqual(["get", "post"]);
    expect(methods("/api/w/{workspace}/reviews")).toEqual(["get", "post"]);
    for (const path of ["calendar", "collection/runs", "collection/runs/{id}/results"]) expect(methods(`/api/w/{workspace}/${path}`)).toEqual(["get"]);
    await expectProblem(await t.admin.post(`${base}/calendar`, { title: "New" }), 404, /^No route POST/);
  });
});
