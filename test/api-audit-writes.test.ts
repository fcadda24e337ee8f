// Audit writes over the HTTP API, on both databases: administrators and editors start and complete audits,
// raise findings and add corrective actions; a control owner closes only the actions they own and reviews
// none; auditors and viewers write nothing; bad bodies are refused by field; another workspace's account
// is kept out (404). Each write shows in the read routes and in the history.
import { beforeAll, expect, it } from "vitest";
import { addCorrectiveAction } from "../src/app/audits/actions.js";
import { addAudit, startAudit } from "../src/app/audits/audits.js";
import { generateChecklist } from "../src/app/audits/checklist.js";
import { addFinding } from "../src/app/audits/findings.js";
import { addEntry } from "../src/app/entries.js";
import { addDays, isoDay } from "../src/domain/risk/calendar.js";
import { actionListSchema, auditDetailSchema, findingListSchema } from "../src/server/routes/audit-schemas.js";
import { actionAnswerSchema, auditAnswerSchema, checkAnswerSchema, checklistAnswerSchema, findingAnswerSchema, planAnswerSchema } from "../src/server/routes/audit-write-schemas.js";
import { z } from "zod";
import { bodyOf, describeEachApi, expectFieldProblem, expectProblem, type TestApi, seededTeam, type SeededTeam } from "./helpers/api.js";

const today = isoDay(new Date());
const historySchema = z.object({ entries: z.array(z.object({ actor: z.string(), action: z.string(), entityId: z.string().nullable() })) });


/**
 * P-001 Olivia Owner, P-002 Pat Platform, P-003 Iris the ISMS owner. AUD-001 (A.5.18) and AUD-002 (9.3)
 * planned; AUD-003 (A.8.13) in progress with its one-line checklist unchecked and F-001, a minor
 * nonconformity, whose CA-001 is owned by P-001 and CA-002 by P-002.
 */
async function team(api: TestApi): Promise<SeededTeam> {
  const { ws, ...roles } = await seededTeam(api, { ownerPersonId: "P-001", auditInside: "AUD-003", auditOutside: "AUD-002" }, async (tx, ws) => {
    const test = { actor: "test" };
    await addEntry(tx, ws, "people", { name: "Olivia Owner", ismsRoles: ["control-owner"] }, { ...test, idPrefix: "P" });
    await addEntry(tx, ws, "people", { name: "Pat Platform", ismsRoles: ["control-owner"] }, { ...test, idPrefix: "P" });
    await addEntry(tx, ws, "people", { name: "Iris Isms", ismsRoles: ["isms-owner"] }, { ...test, idPrefix: "P" });
    const audit = { kind: "internal" as const, auditor: "Ivy Independent", plannedStart: addDays(today, -30), plannedEnd: addDays(today, 30) };
    await addAudit(tx, ws, { ...audit, title: "Access", controls: ["5.18"] }, test);
    await addAudit(tx, ws, { ...audit, title: "Management review", clauses: ["9.3"] }, test);
    await addAudit(tx, ws, { ...audit, title: "Backups", controls: ["8.13"] }, test);
    await startAudit(tx, ws, "AUD-003", { on: addDays(today, -2) }, test);
    await generateChecklist(tx, ws, "AUD-003", test);
    await addFinding(tx, ws, { auditId: "AUD-003", kind: "minor_nonconformity", requirement: "A.8.13", description: "No restore test this year" }, test);
    const action = { findingId: "F-001", correction: "Restored one server", rootCause: "No one planned it", dueDate: addDays(today, 30) };
    await addCorrectiveAction(tx, ws, { ...action, action: "Plan a yearly restore test", owner: "P-001" }, test);
    await addCorrectiveAction(tx, ws, { ...action, action: "Monitor backup jobs", owner: "P-002" }, test);
  });
  return { ws, ...roles };
}

describeEachApi("audit, finding and corrective action writes over the API", (getApi) => {
  let t: SeededTeam;
  let base: string;
  beforeAll(async () => {
    t = await team(getApi());
    base = `/api/w/${t.ws.slug}`;
  });

  const history = async (entity: string) => (await bodyOf(await t.admin.get(`${base}/history?entity=${entity}`), historySchema)).entries.map((e) => e.action);
  const actionsLog = async () => (await bodyOf(await t.viewer.get(`${base}/corrective-actions`), actionListSchema)).actions;
  const auditStatus = async (id: string) => (await bodyOf(await t.viewer.get(`${base}/audits/${id}`), auditDetailSchema)).audit.status;

  it("lets an editor start a planned audit and an administrator complete it, shown in the audit and its history", async () => {
    const started = await bodyOf(await t.editor.post(`${base}/audits/AUD-001/start`, {}), auditAnswerSchema);
    expect(started.audit).toMatchObject({ id: "AUD-001", status: "in_progress", actualStart: today });
    await expectProblem(await t.editor.post(`${base}/audits/AUD-001/start`, {}), 400, /^AUD-001 is in progress; only a planned audit can start/);
    const completed = await bodyOf(await t.admin.post(`${base}/audits/AUD-001/complete`, { on: today, reportRef: "DOC-031" }), auditAnswerSchema);
    expect(completed.audit).toMatchObject({ status: "completed", actualEnd: today, reportRef: "DOC-031" });
    expect(await auditStatus("AUD-001")).toBe("completed");
    expect(await history("audits:AUD-001")).toEqual(["audits.add", "audits.start", "audits.complete"]);
  });

  it("refuses control owners, auditors and viewers an audit's start and completion", async () => {
    for (const client of [t.owner, t.auditorInside, t.auditorOutside, t.viewer]) {
      const refused = await client.post(`${base}/audits/AUD-002/start`, {});
      expect(refused.status).toBe(403);
      expect((await client.post(`${base}/audits/AUD-003/complete`, {})).status).toBe(403);
    }
    await expectProblem(await t.owner.post(`${base}/audits/AUD-002/start`, {}), 403, /^Control owners change only what they own and cannot update audits/);
    await expectProblem(await t.auditorInside.post(`${base}/audits/AUD-003/complete`, {}), 403, /^Auditors only read, comment and raise evidence requests, and cannot update audits/);
    await expectProblem(await t.viewer.post(`${base}/audits/AUD-002/start`, {}), 403, /^Viewers cannot update audits/);
    expect([await auditStatus("AUD-002"), await auditStatus("AUD-003")]).toEqual(["planned", "in_progress"]);
    await expectFieldProblem(await t.admin.post(`${base}/audits/AUD-002/start`, { on: "Monday" }), "on", /YYYY-MM-DD/);
    await expectProblem(await t.admin.post(`${base}/audits/AUD-999/start`, {}), 404, /^No audit AUD-999 in this workspace/);
  });

  it("lets an editor raise a finding in an audit under way, listed in the findings, the audit and the history", async () => {
    const response = await t.editor.post(`${base}/findings`, { auditId: "AUD-003", kind: "observation", requirement: "A.8.13", description: "Restore logs kept only 7 days", evidenceRefs: ["E-007"] });
    expect(response.status).toBe(201);
    const { finding } = await bodyOf(response, findingAnswerSchema);
    expect(finding).toMatchObject({ id: "F-002", auditId: "AUD-003", kind: "observation", requirement: "A.8.13", status: "open", raisedOn: today, evidenceRefs: ["E-007"] });
    const listed = await bodyOf(await t.auditorInside.get(`${base}/findings?audit=AUD-003`), findingListSchema);
    expect(listed.findings.map((f) => f.id)).toEqual(["F-001", "F-002"]);
    expect((await bodyOf(await t.viewer.get(`${base}/audits/AUD-003`), auditDetailSchema)).findings.map((f) => f.id)).toContain("F-002");
    expect(await history("audit_findings:F-002")).toEqual(["audit_findings.add"]);
  });

  it("refuses control owners, auditors (even in their own audit) and viewers a finding", async () => {
    const finding = { auditId: "AUD-003", kind: "observation", requirement: "A.8.13", description: "Seen" };
    await expectProblem(await t.owner.post(`${base}/findings`, finding), 403, /^Control owners change only what they own and cannot create findings/);
    await expectProblem(await t.auditorInside.post(`${base}/findings`, finding), 403, /^Auditors only read, comment and raise evidence requests, and cannot create findings/);
    await expectProblem(await t.auditorOutside.post(`${base}/findings`, finding), 403, /^Auditors only read/);
    await expectProblem(await t.viewer.post(`${base}/findings`, finding), 403, /^Viewers cannot create findings/);
    expect((await bodyOf(await t.viewer.get(`${base}/findings`), findingListSchema)).findings).toHaveLength(2);
  });

  it("names each bad field of a finding, and refuses one in a planned or unknown audit", async () => {
    const finding = { auditId: "AUD-003", kind: "observation", requirement: "A.8.13", description: "Seen" };
    await expectFieldProblem(await t.admin.post(`${base}/findings`, { ...finding, kind: "bad" }), "kind", /use one of major_nonconformity/);
    await expectFieldProblem(await t.admin.post(`${base}/findings`, { ...finding, requirement: "99.9" }), "requirement", /neither a clause of ISO\/IEC 27001 .* nor an Annex A control/);
    await expectFieldProblem(await t.admin.post(`${base}/findings`, { ...finding, description: " " }), "description", /is empty/);
    await expectFieldProblem(await t.admin.post(`${base}/findings`, { ...finding, raisedOn: "soon" }), "raisedOn", /YYYY-MM-DD/);
    await expectFieldProblem(await t.admin.post(`${base}/findings`, { ...finding, severity: "high" }), "", /severity/);
    await expectProblem(await t.admin.post(`${base}/findings`, { ...finding, auditId: "AUD-002" }), 400, "AUD-002 is planned; findings come from an audit under way or completed");
    await expectProblem(await t.admin.post(`${base}/findings`, { ...finding, auditId: "AUD-999" }), 404, /^No audit AUD-999 in this workspace/);
    expect((await bodyOf(await t.viewer.get(`${base}/findings`), findingListSchema)).findings).toHaveLength(2);
  });

  it("lets an editor add a corrective action for a finding, its owner named by name; others may not", async () => {
    const action = { findingId: "F-001", correction: "Restored one", rootCause: "Unplanned", action: "Alert on failed jobs", owner: "Pat Platform", dueDate: addDays(today, 14) };
    const response = await t.editor.post(`${base}/corrective-actions`, action);
    expect(response.status).toBe(201);
    expect((await bodyOf(response, actionAnswerSchema)).action).toMatchObject({ id: "CA-003", findingId: "F-001", owner: "P-002", status: "open", description: "Alert on failed jobs" });
    expect((await actionsLog()).map((a) => a.id)).toEqual(["CA-001", "CA-002", "CA-003"]);
    expect(await history("corrective_actions:CA-003")).toEqual(["corrective_actions.add"]);
    await expectProblem(await t.owner.post(`${base}/corrective-actions`, { ...action, owner: "P-001" }), 403, /^Control owners change only what they own and cannot create actions/);
    for (const client of [t.auditorInside, t.auditorOutside, t.viewer]) expect((await client.post(`${base}/corrective-actions`, action)).status).toBe(403);
    expect(await actionsLog()).toHaveLength(3);
  });

  it("names each bad field of a corrective action, and what a nonconformity's action lacks", async () => {
    const action = { findingId: "F-001", correction: "Restored one", rootCause: "Unplanned", action: "Alert", owner: "P-001", dueDate: today };
    await expectFieldProblem(await t.admin.post(`${base}/corrective-actions`, { ...action, owner: "Nobody" }), "owner", /no person "Nobody" in this workspace/);
    await expectFieldProblem(await t.admin.post(`${base}/corrective-actions`, { ...action, dueDate: "31/12/2027" }), "dueDate", /YYYY-MM-DD/);
    await expectFieldProblem(await t.admin.post(`${base}/corrective-actions`, { ...action, action: "" }), "action", /is empty/);
    const { correction: _c, rootCause: _r, ...bare } = action;
    await expectProblem(await t.admin.post(`${base}/corrective-actions`, bare), 400, "F-001 is a nonconformity: its corrective action needs correction (what was done at once, 10.2 a) and rootCause (why it happened, 10.2 b)");
    await expectProblem(await t.admin.post(`${base}/corrective-actions`, { ...action, findingId: "F-999" }), 404, /^No finding F-999 in this workspace/);
    expect(await actionsLog()).toHaveLength(3);
  });

  it("lets a control owner close the action they own with evidence, and no other", async () => {
    await expectFieldProblem(await t.owner.post(`${base}/corrective-actions/CA-001/close`, { evidenceRefs: [] }), "evidenceRefs", /name what shows it was done/);
    const closed = await bodyOf(await t.owner.post(`${base}/corrective-actions/CA-001/close`, { evidenceRefs: ["E-050"] }), actionAnswerSchema);
    expect(closed.action).toMatchObject({ id: "CA-001", status: "closed", closureEvidenceRefs: ["E-050"] });
    await expectProblem(await t.owner.post(`${base}/corrective-actions/CA-002/close`, { evidenceRefs: ["E-051"] }), 403, /^Control owners change only what they own: CA-002 is owned by P-002, not by you \(P-001\)/);
    await expectProblem(await t.auditorInside.post(`${base}/corrective-actions/CA-002/close`, { evidenceRefs: ["E-051"] }), 403, /^Auditors only read/);
    await expectProblem(await t.viewer.post(`${base}/corrective-actions/CA-002/close`, { evidenceRefs: ["E-051"] }), 403, /^Viewers cannot update actions/);
    await expectProblem(await t.admin.post(`${base}/corrective-actions/CA-999/close`, { evidenceRefs: ["E-051"] }), 404, /^No corrective action CA-999/);
    expect((await actionsLog()).map((a) => [a.id, a.status])).toEqual([["CA-001", "closed"], ["CA-002", "open"], ["CA-003", "open"]]);
    expect(await history("corrective_actions:CA-001")).toEqual(["corrective_actions.add", "corrective_actions.close"]);
  });

  it("keeps the effectiveness review from the action's owner; an editor's 'not effective' opens it again", async () => {
    const review = { effective: false, note: "The restore test was skipped again", by: "Pat Platform" };
    await expectProblem(await t.owner.post(`${base}/corrective-actions/CA-001/review`, review), 403, /^Control owners change only what they own and cannot approve actions/);
    for (const client of [t.auditorInside, t.viewer]) expect((await client.post(`${base}/corrective-actions/CA-001/review`, review)).status).toBe(403);
    await expectFieldProblem(await t.editor.post(`${base}/corrective-actions/CA-001/review`, { note: "Looked" }), "effective", /true or false/);
    await expectFieldProblem(await t.editor.post(`${base}/corrective-actions/CA-001/review`, { effective: true, note: "Looked" }), "by", /linked to no person/);
    await expectFieldProblem(await t.editor.post(`${base}/corrective-actions/CA-001/review`, { ...review, by: "Nobody" }), "by", /no person "Nobody"/);
    await expectProblem(await t.editor.post(`${base}/corrective-actions/CA-002/review`, review), 400, /^CA-002 is open; its effectiveness is reviewed once it is closed/);
    const reopened = await bodyOf(await t.editor.post(`${base}/corrective-actions/CA-001/review`, review), actionAnswerSchema);
    expect(reopened.action).toMatchObject({ status: "open", closedAt: null, effective: false, effectivenessReviewedOn: today });
    expect(await history("corrective_actions:CA-001")).toEqual(["corrective_actions.add", "corrective_actions.close", "corrective_actions.reopen"]);
  });

  it("lets an editor plan an audit, keeping an auditor who is not independent only with the reason why", async () => {
    const plan = { title: "Internal audit", clauses: ["9.2", "10.2"], auditor: "Iris Isms", plannedStart: today, plannedEnd: addDays(today, 5) };
    await expectProblem(await t.editor.post(`${base}/audits`, plan), 400, /^Iris Isms \(P-003\) is not independent of AUD-004: /);
    await expectFieldProblem(await t.editor.post(`${base}/audits`, { ...plan, clauses: ["99"] }), "clauses.0", /not a clause of ISO\/IEC 27001/);
    await expectFieldProblem(await t.editor.post(`${base}/audits`, { ...plan, plannedEnd: "later" }), "plannedEnd", /YYYY-MM-DD/);
    await expectProblem(await t.owner.post(`${base}/audits`, plan), 403, /^Control owners change only what they own and cannot create audits/);
    for (const client of [t.auditorInside, t.viewer]) expect((await client.post(`${base}/audits`, plan)).status).toBe(403);
    const response = await t.editor.post(`${base}/audits`, { ...plan, overrideIndependence: "Two people in the company" });
    expect(response.status).toBe(201);
    const planned = await bodyOf(response, planAnswerSchema);
    expect(planned.audit).toMatchObject({ id: "AUD-004", status: "planned", auditor: "Iris Isms", clauses: ["9.2", "10.2"] });
    expect(planned.independence).toMatchObject({ overridden: "Two people in the company", conflicts: ["holds the isms-owner role and the audit covers clauses 9.2, 10.2"] });
    expect(await history("audits:AUD-004")).toEqual(["audits.add", "audit.independence_override"]);
  });

  it("lets an editor create a planned audit's checklist from its clauses and controls, once; others may not", async () => {
    await expectProblem(await t.auditorInside.post(`${base}/audits/AUD-002/checklist`), 403, /^Auditors only read/);
    await expectProblem(await t.owner.post(`${base}/audits/AUD-002/checklist`), 403, /^Control owners change only what they own/);
    await expectProblem(await t.viewer.post(`${base}/audits/AUD-002/checklist`), 403, /^Viewers/);
    await expectProblem(await t.editor.post(`${base}/audits/AUD-404/checklist`), 404, /AUD-404/);
    const created = await bodyOf(await t.editor.post(`${base}/audits/AUD-002/checklist`), checklistAnswerSchema);
    expect(created).toEqual({ added: 1, checklist: [{ requirement: "9.3", sampled: null, observed: null, result: "not_checked", evidenceRefs: [] }] });
    // Again: nothing is missing, nothing is added.
    expect((await bodyOf(await t.admin.post(`${base}/audits/AUD-002/checklist`), checklistAnswerSchema)).added).toBe(0);
    expect((await bodyOf(await t.viewer.get(`${base}/audits/AUD-002`), auditDetailSchema)).checklist.map((l) => l.requirement)).toEqual(["9.3"]);
    expect(await history("audits:AUD-002")).toContain("audit_checklist.generate");
  });

  it("completes an audit only once its checklist lines have results, which editors record and auditors do not", async () => {
    await expectProblem(await t.admin.post(`${base}/audits/AUD-003/complete`, {}), 400, /^AUD-003 has 1 checklist line without a result \(A\.8\.13\)/);
    const check = { requirement: "A.8.13", sampled: "3 restore tickets", observed: "All restored within the hour", result: "conforming" };
    await expectProblem(await t.auditorInside.post(`${base}/audits/AUD-003/checks`, check), 403, /^Auditors only read/);
    await expectProblem(await t.owner.post(`${base}/audits/AUD-003/checks`, check), 403, /^Control owners change only what they own/);
    await expectFieldProblem(await t.editor.post(`${base}/audits/AUD-003/checks`, { ...check, result: "not_checked" }), "result", /use one of conforming/);
    await expectFieldProblem(await t.editor.post(`${base}/audits/AUD-003/checks`, { ...check, sampled: "" }), "sampled", /is empty/);
    await expectProblem(await t.editor.post(`${base}/audits/AUD-003/checks`, { ...check, requirement: "A.5.1" }), 400, /^AUD-003 checklist has no line for A\.5\.1/);
    const checked = await bodyOf(await t.editor.post(`${base}/audits/AUD-003/checks`, check), checkAnswerSchema);
    expect(checked.check).toMatchObject({ requirement: "A.8.13", result: "conforming", sampled: "3 restore tickets" });
    const completed = await bodyOf(await t.admin.post(`${base}/audits/AUD-003/complete`, {}), auditAnswerSchema);
    expect(completed.audit).toMatchObject({ status: "completed", actualEnd: today });
    expect((await bodyOf(await t.viewer.get(`${base}/audits/AUD-003`), auditDetailSchema)).checklist.map((l) => l.result)).toEqual(["conforming"]);
  });

  it("keeps another workspace's account out of every write (404) and changes nothing", async () => {
    const before = await actionsLog();
    const refused = `No workspace "${t.ws.slug}" for this account; GET /api/workspaces lists yours`;
    await expectProblem(await t.stranger.post(`${base}/audits/AUD-002/start`, {}), 404, refused);
    await expectProblem(await t.stranger.post(`${base}/audits`, { title: "Mine", clauses: ["9.2"] }), 404, refused);
    await expectProblem(await t.stranger.post(`${base}/audits/AUD-001/checklist`), 404, refused);
    await expectProblem(await t.stranger.post(`${base}/audits/AUD-002/checks`, { requirement: "9.3", sampled: "s", observed: "o", result: "conforming" }), 404, refused);
    await expectProblem(await t.stranger.post(`${base}/findings`, { auditId: "AUD-003", kind: "observation", requirement: "A.8.13", description: "Seen" }), 404, refused);
    await expectProblem(await t.stranger.post(`${base}/corrective-actions`, { findingId: "F-001", action: "A", owner: "P-001", dueDate: today }), 404, refused);
    await expectProblem(await t.stranger.post(`${base}/corrective-actions/CA-002/close`, { evidenceRefs: ["E-1"] }), 404, refused);
    await expectProblem(await t.stranger.post(`${base}/corrective-actions/CA-002/review`, { effective: true, note: "n", by: "P-001" }), 404, refused);
    // Before the body is even read: an empty one is answered the same.
    await expectProblem(await t.stranger.post(`${base}/findings`, {}), 404, refused);
    expect(await actionsLog()).toEqual(before);
    expect(await auditStatus("AUD-002")).toBe("planned");
  });
});
