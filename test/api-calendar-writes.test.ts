// Recording a planned activity as done over the HTTP API, on both databases: administrators and editors
// record any, a control owner only their own, auditors and viewers none; a recurring activity gets its next
// occurrence; a day to come, a second completion and another register's item are refused by field or
// status; another workspace's account is kept out (404).
import { beforeAll, expect, it } from "vitest";
import { addAudit } from "../src/app/audits/audits.js";
import { addEntry } from "../src/app/entries.js";
import { addDays, isoDay } from "../src/domain/risk/calendar.js";
import { completionAnswerSchema } from "../src/server/routes/calendar-writes.js";
import { calendarSchema } from "../src/server/routes/calendar-schemas.js";
import { activities } from "../src/store/schema/index.js";
import { bodyOf, describeEachApi, expectFieldProblem, expectProblem, type TestApi, seededTeam, type SeededTeam } from "./helpers/api.js";

const today = isoDay(new Date());


/**
 * ACT-001 access review (quarterly, owned by P-001, overdue); ACT-002 restore test (yearly, owned by P-002);
 * ACT-003 a one-off tabletop exercise (P-002). AUD-001 covers A.5.18, AUD-002 clause 9.3.
 */
async function team(api: TestApi): Promise<SeededTeam> {
  const { ws, ...roles } = await seededTeam(api, { ownerPersonId: "P-001", auditInside: "AUD-001", auditOutside: "AUD-002" }, async (tx, ws) => {
    const test = { actor: "test" };
    await addEntry(tx, ws, "people", { name: "Olivia Owner", ismsRoles: ["control-owner"] }, { ...test, idPrefix: "P" });
    await addEntry(tx, ws, "people", { name: "Pat Platform", ismsRoles: ["control-owner"] }, { ...test, idPrefix: "P" });
    const planned = (id: string, kind: string, title: string, owner: string, due: string, recurrenceMonths: number | null) => ({ workspaceId: ws.id, id, kind, title, owner, due, recurrenceMonths });
    await tx.insert(activities).values([
      planned("ACT-001", "access-review", "Quarterly access review", "P-001", addDays(today, -5), 3),
      planned("ACT-002", "backup-restore-test", "Backup restore test", "P-002", addDays(today, 40), 12),
      planned("ACT-003", "tabletop-exercise", "Ransomware tabletop", "P-002", addDays(today, 10), null),
    ]);
    const audit = { kind: "internal" as const, auditor: "Ivy Independent", plannedStart: addDays(today, -30), plannedEnd: addDays(today, 30) };
    await addAudit(tx, ws, { ...audit, title: "Access", controls: ["5.18"] }, { ...test, today: addDays(today, -60) });
    await addAudit(tx, ws, { ...audit, title: "Management review", clauses: ["9.3"] }, { ...test, today: addDays(today, -60) });
  });
  return { ws, ...roles };
}

describeEachApi("recording calendar activities as done over the API", (getApi) => {
  let t: SeededTeam;
  let base: string;
  beforeAll(async () => {
    t = await team(getApi());
    base = `/api/w/${t.ws.slug}`;
  });

  const planned = async () => (await bodyOf(await t.viewer.get(`${base}/calendar`), calendarSchema)).items.filter((i) => i.id.startsWith("ACT-")).map((i) => [i.id, i.due, i.lastDone]);

  it("lets a control owner record their own activity, and plans its next occurrence", async () => {
    const response = await t.owner.post(`${base}/calendar/ACT-001/done`, { on: today, evidence: ["E-042", "E-042", "JIRA-7"] });
    expect(response.status).toBe(200);
    const answer = await bodyOf(response, completionAnswerSchema);
    expect(answer.done).toMatchObject({ id: "ACT-001", doneOn: today });
    expect(answer.next).toMatchObject({ id: "ACT-004", kind: "access-review", owner: "P-001", doneOn: null, recurrenceMonths: 3 });
    expect(answer.evidence).toEqual(["E-042", "JIRA-7"]);
    expect(await planned()).toContainEqual(["ACT-004", answer.next?.due, today]);
  });

  it("refuses a control owner another person's activity, and auditors and viewers every one", async () => {
    await expectProblem(await t.owner.post(`${base}/calendar/ACT-002/done`, { on: today }), 403, /^Control owners change only what they own: ACT-002 is owned by P-002, not by you \(P-001\)/);
    await expectProblem(await t.auditorInside.post(`${base}/calendar/ACT-002/done`, { on: today }), 403, /^Auditors only read, comment and raise evidence requests, and cannot update activities/);
    await expectProblem(await t.auditorOutside.post(`${base}/calendar/ACT-002/done`, { on: today }), 403, /^Auditors only read/);
    await expectProblem(await t.viewer.post(`${base}/calendar/ACT-002/done`, { on: today }), 403, /^Viewers cannot update activities: only administrators, editors and control owners may/);
    expect((await planned()).find(([id]) => id === "ACT-002")).toEqual(["ACT-002", addDays(today, 40), null]);
  });

  it("lets editors and administrators record any activity; a one-off plans nothing further", async () => {
    const restore = await bodyOf(await t.editor.post(`${base}/calendar/ACT-002/done`, { on: addDays(today, -1) }), completionAnswerSchema);
    expect(restore.next).toMatchObject({ kind: "backup-restore-test", recurrenceMonths: 12 });
    const tabletop = await bodyOf(await t.admin.post(`${base}/calendar/ACT-003/done`, { on: today }), completionAnswerSchema);
    expect(tabletop).toMatchObject({ done: { id: "ACT-003", doneOn: today }, next: null, evidence: [] });
  });

  it("names a bad day or id, refuses a day to come and a second completion, and writes nothing", async () => {
    const before = await planned();
    await expectFieldProblem(await t.admin.post(`${base}/calendar/ACT-003/done`, { on: "soon" }), "on", /YYYY-MM-DD/);
    await expectFieldProblem(await t.admin.post(`${base}/calendar/ACT-004/done`, { on: addDays(today, 1) }), "on", /is after today/);
    await expectFieldProblem(await t.admin.post(`${base}/calendar/ACT-004/done`, { on: today, evidence: [" "] }), "evidence.0", /is empty/);
    await expectFieldProblem(await t.admin.post(`${base}/calendar/supplier-review:SUP-001/done`, { on: today }), "id", /recorded there/);
    await expectProblem(await t.admin.post(`${base}/calendar/ACT-003/done`, { on: today }), 409, /^ACT-003 \(Ransomware tabletop\) was already done on/);
    await expectProblem(await t.admin.post(`${base}/calendar/ACT-999/done`, { on: today }), 404, /^No planned activity ACT-999/);
    expect(await planned()).toEqual(before);
  });

  it("keeps another workspace's account out (404) and leaves the activity as it was", async () => {
    const before = await planned();
    await expectProblem(await t.stranger.post(`${base}/calendar/ACT-004/done`, { on: today }), 404, `No workspace "${t.ws.slug}" for this account; GET /api/workspaces lists yours`);
    expect(await planned()).toEqual(before);
  });
});
