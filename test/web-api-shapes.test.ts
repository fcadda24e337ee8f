// The web app reads what the API answers: every route the screens call, answered by the real API over
// an aws-saas workspace, parses with the web's schemas (src/web/api/schemas.ts); and a refused request
// becomes the message the screens show.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addCorrectiveAction } from "../src/app/audits/actions.js";
import { addAudit, startAudit } from "../src/app/audits/audits.js";
import { addFinding } from "../src/app/audits/findings.js";
import { recordCollectionRun } from "../src/app/collection.js";
import { awsChecks, runChecks } from "../src/aws/checks/index.js";
import type { CollectResult } from "../src/aws/collect.js";
import { credentialReport } from "../src/aws/checks/test-snapshots.js";
import { createBlobStore } from "../src/evidence/blobs.js";
import { recordEvidence } from "../src/evidence/records.js";
import { ApiError, answerOf, errorOf, problemMessage } from "../src/web/api/client.js";
import {
  auditListSchema,
  correctiveActionListSchema,
  dashboardSchema,
  documentDetailSchema,
  documentListSchema,
  documentVersionAnswerSchema,
  evidenceAnswerSchema,
  evidenceListSchema,
  evidenceRequestAnswerSchema,
  evidenceRequestListSchema,
  findingListSchema,
  heatmapSchema,
  historySchema,
  meSchema,
  riskAnswerSchema,
  riskDetailSchema,
  riskListSchema,
  sessionSchema,
  setupNeededSchema,
  soaAnswerSchema,
  soaControlSchema,
  soaListSchema,
  treatmentPlanSchema,
} from "../src/web/api/schemas.js";
import { calendarSchema, personListSchema, runListSchema, runResultsSchema, trainingGapListSchema, trainingRecordAnswerSchema } from "../src/web/api/register-schemas.js";
import { useTestApi, type ApiClient } from "./helpers/api.js";

/** A one-account AWS collection: MFA for alice but not bob, and one region it could not reach. */
function smallCollection(at: Date) {
  const snapshots = [credentialReport([{ user: "alice", password: true, mfa: true }, { user: "bob", password: true, mfa: false }])];
  const problems: CollectResult["problems"] = [{ account: "111111111111", region: "eu-south-2", kind: "region-disabled", message: "the region is not enabled" }];
  const collected: CollectResult = { caller: "111111111111", snapshots, problems, stats: { accounts: 1, regions: 2, calls: 1, retries: 0 } };
  const startedAt = new Date(at.getTime() - 60_000);
  return { startedAt, finishedAt: at, caller: collected.caller, options: { org: true, roleName: "ISMSCollector" }, collected, checks: awsChecks, results: runChecks(snapshots), actor: "test" };
}

describe("the web app's view of the API", () => {
  const getApi = useTestApi();
  let admin: ApiClient;
  let w: string;
  let blobRoot: string;

  beforeAll(async () => {
    const api = getApi();
    admin = await api.setUpAdmin();
    const ws = await api.workspace({ template: "aws-saas" });
    w = `/api/w/${ws.slug}`;
    blobRoot = await mkdtemp(join(tmpdir(), "isms-web-shapes-"));
    const blobs = createBlobStore(blobRoot);
    const context = { actor: "test", today: "2026-03-01" };
    await api.db.transaction(async (tx) => {
      await recordEvidence(tx, ws, blobs, { kind: "access-review", title: "MFA report", controlIds: ["8.5"], source: { kind: "upload", uploader: "P-001" }, collectedAt: new Date("2026-06-01T09:00:00Z"), content: { users: 12 } });
      await addAudit(tx, ws, { title: "Internal audit", auditor: "Ivy Independent", plannedStart: "2026-02-01", plannedEnd: "2026-02-28", clauses: ["9.2"] }, context);
      await startAudit(tx, ws, "AUD-001", { on: "2026-02-01" }, context);
      await addFinding(tx, ws, { auditId: "AUD-001", kind: "minor_nonconformity", requirement: "9.2", description: "The programme does not say how auditors are chosen" }, context);
      await recordCollectionRun(tx, ws, blobs, smallCollection(new Date()));
      await addCorrectiveAction(tx, ws, { findingId: "F-001", correction: "Auditors chosen for this year", rootCause: "No selection rule", action: "Add auditor selection to the programme", owner: "P-001", dueDate: "2026-04-01" }, context);
    });
  });
  afterAll(() => rm(blobRoot, { recursive: true, force: true }));

  it("parses the signed-in account, its workspaces with roles, and the CSRF token", async () => {
    const me = await answerOf(await admin.get("/api/me"), meSchema, "GET /api/me");
    expect(me.csrfToken).toBe(admin.csrfToken);
    expect(me.workspaces.map((m) => m.role)).toContain("administrator");
    expect(await answerOf(await getApi().request("/api/setup"), setupNeededSchema, "GET /api/setup")).toEqual({ needed: false });
  });

  it("parses the risk register, one risk, both heat maps and the treatment plan", async () => {
    const list = await answerOf(await admin.get(`${w}/risks`), riskListSchema, "risks");
    expect(list.risks).toHaveLength(list.total);
    expect(list.total).toBeGreaterThan(10);
    const detail = await answerOf(await admin.get(`${w}/risks/R-001`), riskDetailSchema, "R-001");
    expect(detail.risk.id).toBe("R-001");
    for (const kind of ["inherent", "residual"]) {
      const heatmap = await answerOf(await admin.get(`${w}/risks/heatmap?kind=${kind}`), heatmapSchema, kind);
      expect(heatmap.cells).toHaveLength(heatmap.likelihoodLevels.length * heatmap.impactLevels.length);
    }
    const plan = await answerOf(await admin.get(`${w}/risks/treatment-plan`), treatmentPlanSchema, "plan");
    expect(plan.risks.length).toBeGreaterThan(0);
  });

  it("parses a changed risk and its audit-log history", async () => {
    const changed = await answerOf(await admin.patch(`${w}/risks/R-002`, { likelihood: 3, status: "treating" }), riskAnswerSchema, "PATCH R-002");
    expect(changed.risk).toMatchObject({ likelihood: 3, status: "treating" });
    const history = await answerOf(await admin.get(`${w}/history?entity=risk:R-002`), historySchema, "history");
    expect(history.entries.at(-1)?.changes).toContainEqual({ field: "status", before: "open", after: "treating" });
  });

  it("parses the SoA, one control with its evidence and check results, and a changed control", async () => {
    const soa = await answerOf(await admin.get(`${w}/soa`), soaListSchema, "soa");
    expect(soa.controls).toHaveLength(93);
    const control = await answerOf(await admin.get(`${w}/soa/8.5`), soaControlSchema, "8.5");
    expect(control.control.controlId).toBe("8.5");
    const changed = await answerOf(await admin.patch(`${w}/soa/7.4`, { applicability: "applicable", justification: "The office has a server room" }), soaAnswerSchema, "PATCH 7.4");
    expect(changed.control).toMatchObject({ applicability: "applicable", justification: "The office has a server room" });
  });

  it("parses the dashboard", async () => {
    const dashboard = await answerOf(await admin.get(`${w}/dashboard`), dashboardSchema, "dashboard");
    expect(dashboard.readiness?.map((s) => s.stage)).toEqual(["stage1", "stage2", "surveillance"]);
    expect(dashboard.soaByTheme.reduce((sum, t) => sum + t.controls, 0)).toBe(93);
  });

  it("parses the mandatory-documents checklist, the register, one document and a submitted version", async () => {
    const list = await answerOf(await admin.get(`${w}/documents`), documentListSchema, "documents");
    expect(list.required.length).toBeGreaterThan(5);
    const draft = list.documents.find((d) => d.status === "draft");
    if (!draft) throw new Error("the aws-saas workspace has no draft document");
    const detail = await answerOf(await admin.get(`${w}/documents/${draft.id}`), documentDetailSchema, draft.id);
    expect(detail.versions.at(-1)?.status).toBe("draft");
    const submitted = await answerOf(await admin.post(`${w}/documents/${draft.id}/submit`, {}), documentVersionAnswerSchema, "submit");
    expect(submitted).toMatchObject({ documentId: draft.id, version: { status: "in_review" } });
  });

  it("parses the evidence with its filters, one record, the requests and a raised request", async () => {
    const all = await answerOf(await admin.get(`${w}/evidence`), evidenceListSchema, "evidence");
    expect(all.evidence.map((e) => e.title)).toContain("MFA report");
    const filtered = await answerOf(await admin.get(`${w}/evidence?control=8.5&kind=access-review&since=2026-01-01`), evidenceListSchema, "filtered evidence");
    expect(filtered.evidence).toHaveLength(1);
    const id = filtered.evidence[0]?.id ?? "";
    const one = await answerOf(await admin.get(`${w}/evidence/${id}`), evidenceAnswerSchema, id);
    expect(one.evidence).toMatchObject({ id, controlIds: ["8.5"], source: { kind: "upload", uploader: "P-001" } });
    expect(one.evidence.sha256).toMatch(/^[0-9a-f]{64}$/);
    const raised = await answerOf(await admin.post(`${w}/evidence/requests`, { topic: "mfa", question: "Show the MFA report", item: "June 2026", controls: ["8.5"] }), evidenceRequestAnswerSchema, "raise");
    expect(raised.request).toMatchObject({ status: "open", controlIds: ["8.5"] });
    const requests = await answerOf(await admin.get(`${w}/evidence/requests`), evidenceRequestListSchema, "requests");
    expect(requests.requests.map((r) => r.id)).toContain(raised.request.id);
  });

  it("parses the audits, their findings and the corrective actions log", async () => {
    const audits = await answerOf(await admin.get(`${w}/audits`), auditListSchema, "audits");
    expect(audits.audits.map((a) => a.id)).toEqual(["AUD-001"]);
    const findings = await answerOf(await admin.get(`${w}/findings`), findingListSchema, "findings");
    expect(findings.findings).toEqual([expect.objectContaining({ id: "F-001", auditId: "AUD-001", kind: "minor_nonconformity" })]);
    const actions = await answerOf(await admin.get(`${w}/corrective-actions`), correctiveActionListSchema, "actions");
    expect(actions.actions).toEqual([expect.objectContaining({ findingId: "F-001", owner: "P-001", status: "open", effective: null })]);
  });

  it("parses the people with their training, the overdue list and a recorded completion", async () => {
    const before = await answerOf(await admin.get(`${w}/people?within=30`), personListSchema, "people");
    expect(before.people.find((p) => p.id === "P-001")).toMatchObject({ inScope: true, awareness: "missing" });
    const overdue = await answerOf(await admin.get(`${w}/training/overdue?within=30`), trainingGapListSchema, "overdue");
    expect(overdue.gaps).toContainEqual(expect.objectContaining({ personId: "P-001", need: "awareness", state: "missing", latest: null }));
    const recorded = await answerOf(await admin.post(`${w}/training/records`, { person: "P-001", course: "TC-001", completedOn: "2026-11-01" }), trainingRecordAnswerSchema, "record");
    expect(recorded).toMatchObject({ already: false, record: { personId: "P-001", courseId: "TC-001", completedOn: "2026-11-01" } });
    const refused = await errorOf(await admin.post(`${w}/training/records`, { person: "P-001", course: "TC-001", completedOn: "1 Nov" }), "record");
    expect(refused.message).toMatch(/completedOn: give the day it was completed as YYYY-MM-DD/);
  });

  it("parses the calendar within a horizon, the collection runs and one run's results filtered by status", async () => {
    const calendar = await answerOf(await admin.get(`${w}/calendar?within=365`), calendarSchema, "calendar");
    expect(calendar.withinDays).toBe(365);
    expect(calendar.items.map((i) => i.kind)).toContain("management-review");
    const { runs } = await answerOf(await admin.get(`${w}/collection/runs`), runListSchema, "runs");
    expect(runs.map((r) => [r.id, r.caller])).toEqual([["C-001", "111111111111"]]);
    expect(runs[0]?.stats).toMatchObject({ accounts: 1, regions: 2 });
    expect(runs[0]?.problems).toEqual([expect.objectContaining({ region: "eu-south-2" })]);
    const failed = await answerOf(await admin.get(`${w}/collection/runs/C-001/results?status=fail`), runResultsSchema, "failed results");
    expect(failed.results.length).toBeGreaterThan(0);
    expect(failed.results.every((r) => r.status === "fail")).toBe(true);
    const all = await answerOf(await admin.get(`${w}/collection/runs/C-001/results`), runResultsSchema, "all results");
    expect(all.results.length).toBeGreaterThan(failed.results.length);
  });

  it("turns the API's refusal of a weak password into the rule it broke", async () => {
    const refused = await getApi().send("POST", "/api/invitation", { token: "x".repeat(43), password: "" });
    const error = await errorOf(refused, "POST /api/invitation");
    expect(error).toBeInstanceOf(ApiError);
    expect(error.status).toBe(400);
    expect(error.message).toBe("The request body is not valid at password: give a password");
  });

  it("lists each invalid field the detail does not already say, one per line", () => {
    const message = problemMessage({
      type: "urn:openisms:problem:invalid-input",
      title: "The request is not valid",
      status: 400,
      detail: "The request body is not valid at email: write an email address such as alice@acme.example (and 1 more)",
      errors: [
        { path: "email", message: "write an email address such as alice@acme.example" },
        { path: "password", message: "give a password" },
      ],
    });
    expect(message).toBe("The request body is not valid at email: write an email address such as alice@acme.example (and 1 more)\npassword: give a password");
  });

  it("says which field of an answer is not what the page expects, and how a non-problem failure went", async () => {
    const drifted = new Response(JSON.stringify({ risks: [{ id: 1 }], total: 1 }), { headers: { "content-type": "application/json" } });
    await expect(answerOf(drifted, riskListSchema, "GET /api/w/acme/risks")).rejects.toThrow(/^The answer to GET \/api\/w\/acme\/risks is not what this page expects \(at risks\.0\.id: /);
    const proxyError = await errorOf(new Response("Bad gateway", { status: 502, statusText: "Bad Gateway" }), "GET /api/me");
    expect(proxyError.message).toBe("GET /api/me failed: the server answered 502 Bad Gateway; try again, and tell the administrator if it persists");
    expect(sessionSchema.safeParse({ account: { id: "a", email: "a@b.c", name: "A" }, csrfToken: "t", expiresAt: "2026-01-01T00:00:00Z" }).success).toBe(true);
  });
});
