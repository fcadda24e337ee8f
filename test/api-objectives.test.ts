// Information security objectives (6.2) and their measurements (9.1) over the HTTP API, on both
// databases: the list with each objective's latest value and whether it meets the target, one objective
// with its measurements, adding, changing, removing and measuring (administrators and editors only),
// an auditor kept to audits covering 6.2 or 9.1 and to their period, bad input named by field, and
// another workspace's account kept out (404).
import { and, eq } from "drizzle-orm";
import { beforeAll, expect, it } from "vitest";
import { addAudit } from "../src/app/audits/audits.js";
import { addEntry } from "../src/app/entries.js";
import { addObjective, recordMeasurement } from "../src/app/objectives.js";
import { addDays, isoDay } from "../src/domain/risk/calendar.js";
import { measurementSchema, objectiveDetailSchema, objectiveListSchema, objectiveRowSchema, objectiveSchema, removedSchema } from "../src/server/routes/objective-schemas.js";
import { auditLog } from "../src/store/schema/index.js";
import { z } from "zod";
import { type ApiClient, bodyOf, describeEachApi, expectFieldProblem, expectProblem, type TestApi, seededTeam, type SeededTeam } from "./helpers/api.js";

const today = isoDay(new Date());
const objectiveAnswer = z.object({ objective: objectiveSchema });
const measuredAnswer = z.object({ measurement: measurementSchema, objective: objectiveRowSchema });

/** The owner is P-001, who owns OBJ-001; AUD-002 covers clause 9.1 over today ± 30 days, AUD-001 control 8.5 only. */

/**
 * OBJ-001 "MFA everywhere" (P-001, at least 95 %): 80 four months ago (before the audit's period), 90
 * ten days ago. OBJ-002 "Patch quickly" (at most 5 days): no measurement. OBJ-003 to be removed: one
 * measurement.
 */
async function team(api: TestApi): Promise<SeededTeam> {
  const { ws, ...roles } = await seededTeam(api, { ownerPersonId: "P-001", auditInside: "AUD-002", auditOutside: "AUD-001" }, async (tx, ws) => {
    const context = { actor: "test" };
    await addEntry(tx, ws, "people", { name: "Olivia Owner", ismsRoles: ["control-owner"] }, { ...context, idPrefix: "P" });
    await addEntry(tx, ws, "people", { name: "Sam Security", email: "sam@acme.example" }, { ...context, idPrefix: "P" });
    await addObjective(tx, ws, { title: "MFA everywhere", owner: "P-001", target: "at least 95%", targetValue: 95, unit: "%" }, context);
    await addObjective(tx, ws, { title: "Patch quickly", target: "at most 5 days", targetValue: 5, unit: "days", dueDate: "2027-06-30" }, context);
    await addObjective(tx, ws, { title: "Retire the old VPN" }, context);
    await recordMeasurement(tx, ws, "OBJ-001", { value: 80, measuredOn: addDays(today, -120) }, context);
    await recordMeasurement(tx, ws, "OBJ-001", { value: 90, measuredOn: addDays(today, -10), note: "export of May" }, context);
    await recordMeasurement(tx, ws, "OBJ-003", { value: 1, measuredOn: addDays(today, -5) }, context);
    const audit = { auditor: "Ivy Independent", plannedStart: addDays(today, -30), plannedEnd: addDays(today, 30) };
    await addAudit(tx, ws, { ...audit, title: "Stage 2", kind: "stage2", controls: ["8.5"] }, { ...context, today: addDays(today, -60) });
    await addAudit(tx, ws, { ...audit, title: "Internal audit of 9.1", clauses: ["9.1"] }, { ...context, today: addDays(today, -60) });
  });
  return { ws, ...roles };
}

describeEachApi("the objectives API", (getApi) => {
  let t: SeededTeam;
  let base: string;
  beforeAll(async () => {
    t = await team(getApi());
    base = `/api/w/${t.ws.slug}`;
  });

  const list = async (who: ApiClient) => (await bodyOf(await who.get(`${base}/objectives`), objectiveListSchema)).objectives;
  const row = async (id: string) => (await list(t.viewer)).find((o) => o.id === id);

  it("lists the objectives with their latest value, whether it meets the target and the trend, for every role that reads", async () => {
    for (const who of [t.admin, t.editor, t.owner, t.viewer]) {
      const objectives = await list(who);
      expect(objectives.map((o) => [o.id, o.title, o.latest?.value ?? null, o.met, o.measurementCount])).toEqual([
        ["OBJ-001", "MFA everywhere", 90, false, 2],
        ["OBJ-002", "Patch quickly", null, null, 0],
        ["OBJ-003", "Retire the old VPN", 1, null, 1],
      ]);
    }
    const [mfa, patch] = await list(t.viewer);
    expect(mfa).toMatchObject({ owner: "P-001", ownerName: "Olivia Owner", direction: "at-least", change: 10, values: [80, 90], status: "active" });
    expect(mfa?.latest).toMatchObject({ measuredOn: addDays(today, -10), note: "export of May", source: "manual", met: false });
    expect(patch).toMatchObject({ direction: "at-most", dueDate: "2027-06-30", ownerName: null, values: [] });
  });

  it("shows an auditor the objectives only when their audit covers 9.1, with the measurements of its period", async () => {
    expect(await list(t.auditorOutside)).toEqual([]);
    const [mfa] = await list(t.auditorInside);
    expect(mfa).toMatchObject({ id: "OBJ-001", values: [90], measurementCount: 1, change: null });
    const detail = await bodyOf(await t.auditorInside.get(`${base}/objectives/OBJ-001`), objectiveDetailSchema);
    expect(detail.measurements.map((m) => m.value)).toEqual([90]);
    await expectProblem(await t.auditorOutside.get(`${base}/objectives/OBJ-001`), 403, /^OBJ-001 is about 6\.2, 9\.1, outside audit AUD-001/);
  });

  it("reads one objective with its measurements, oldest first, and the trend", async () => {
    const { objective, measurements, trend } = await bodyOf(await t.owner.get(`${base}/objectives/OBJ-001`), objectiveDetailSchema);
    expect(objective).toMatchObject({ id: "OBJ-001", targetValue: 95, unit: "%", target: "at least 95%" });
    expect(measurements.map((m) => [m.value, m.met])).toEqual([
      [80, false],
      [90, false],
    ]);
    expect(trend).toMatchObject({ direction: "at-least", met: false, change: 10 });
    await expectProblem(await t.viewer.get(`${base}/objectives/OBJ-999`), 404, /^No objective OBJ-999 in this workspace/);
  });

  it("records a measurement for editors and administrators, and the list shows the new latest value on target", async () => {
    const created = await t.editor.post(`${base}/objectives/OBJ-001/measurements`, { value: 97.5, note: "after the rollout" });
    expect(created.status).toBe(201);
    const { measurement, objective } = await bodyOf(created, measuredAnswer);
    expect(measurement).toMatchObject({ objectiveId: "OBJ-001", value: 97.5, measuredOn: today, met: true, source: "manual" });
    expect(objective).toMatchObject({ met: true, change: 7.5, measurementCount: 3 });
    expect(await row("OBJ-001")).toMatchObject({ latest: { id: measurement.id, value: 97.5 }, met: true });
    const logged = await getApi().db.select().from(auditLog).where(and(eq(auditLog.workspaceId, t.ws.id), eq(auditLog.entityId, measurement.id)));
    expect(logged.map((l) => [l.action, l.actor])).toEqual([["measurements.add", `account:${t.editor.account.email}`]]);

    const lower = await t.admin.post(`${base}/objectives/OBJ-002/measurements`, { value: 4, measuredOn: addDays(today, -1) });
    expect((await bodyOf(lower, measuredAnswer)).objective).toMatchObject({ met: true, direction: "at-most" });
  });

  it("refuses measuring to control owners (even of an objective they own), auditors and viewers, saying why", async () => {
    const measurement = { value: 50 };
    await expectProblem(await t.owner.post(`${base}/objectives/OBJ-001/measurements`, measurement), 403, /^Control owners change only what they own and cannot update objectives/);
    await expectProblem(await t.auditorInside.post(`${base}/objectives/OBJ-001/measurements`, measurement), 403, /^Auditors only read, comment and raise evidence requests, and cannot update objectives/);
    await expectProblem(await t.viewer.post(`${base}/objectives/OBJ-001/measurements`, measurement), 403, /^Viewers cannot update objectives: only administrators and editors may/);
    expect((await row("OBJ-001"))?.latest?.value).toBe(97.5);
  });

  it("adds an objective for editors and administrators, its owner found by name, logged under the account", async () => {
    const created = await t.editor.post(`${base}/objectives`, { title: "Backups restore", owner: "sam@acme.example", targetValue: 100, unit: "%", dueDate: "2027-03-31", frequency: "quarterly" });
    expect(created.status).toBe(201);
    const { objective } = await bodyOf(created, objectiveAnswer);
    expect(objective).toMatchObject({ id: "OBJ-004", title: "Backups restore", owner: "P-002", ownerName: "Sam Security", status: "active", dueDate: "2027-03-31" });
    const logged = await getApi().db.select().from(auditLog).where(and(eq(auditLog.workspaceId, t.ws.id), eq(auditLog.entityId, "OBJ-004")));
    expect(logged.map((l) => [l.action, l.actor])).toEqual([["objectives.add", `account:${t.editor.account.email}`]]);
    const own = await bodyOf(await t.admin.post(`${base}/objectives`, { id: "OBJ-SEC-1", title: "Named by hand", status: "planned" }), objectiveAnswer);
    expect(own.objective).toMatchObject({ id: "OBJ-SEC-1", status: "planned" });
  });

  it("refuses adding to control owners, auditors and viewers", async () => {
    const objective = { title: "Not allowed" };
    await expectProblem(await t.owner.post(`${base}/objectives`, objective), 403, /^Control owners change only what they own and cannot create objectives/);
    await expectProblem(await t.auditorInside.post(`${base}/objectives`, objective), 403, /^Auditors .* cannot create objectives/);
    await expectProblem(await t.viewer.post(`${base}/objectives`, objective), 403, /^Viewers cannot create objectives/);
    expect((await list(t.viewer)).map((o) => o.title)).not.toContain("Not allowed");
  });

  it("changes an objective for editors and administrators: a lower target puts the latest value on target", async () => {
    const changed = await bodyOf(await t.editor.patch(`${base}/objectives/OBJ-003`, { targetValue: 1, target: "at least 1", owner: "Olivia Owner" }), objectiveAnswer);
    expect(changed.objective).toMatchObject({ targetValue: 1, owner: "P-001" });
    expect(await row("OBJ-003")).toMatchObject({ met: true });
    const cleared = await bodyOf(await t.admin.patch(`${base}/objectives/OBJ-003`, { owner: null, status: "achieved" }), objectiveAnswer);
    expect(cleared.objective).toMatchObject({ owner: null, ownerName: null, status: "achieved" });
    await expectProblem(await t.admin.patch(`${base}/objectives/OBJ-999`, { status: "achieved" }), 404, /^No objective OBJ-999/);
  });

  it("refuses changing to control owners (even of an objective they own), auditors and viewers", async () => {
    const change = { title: "Renamed" };
    await expectProblem(await t.owner.patch(`${base}/objectives/OBJ-001`, change), 403, /^Control owners change only what they own and cannot update objectives/);
    await expectProblem(await t.auditorInside.patch(`${base}/objectives/OBJ-001`, change), 403, /^Auditors .* cannot update objectives/);
    await expectProblem(await t.viewer.patch(`${base}/objectives/OBJ-001`, change), 403, /^Viewers cannot update objectives/);
    expect((await row("OBJ-001"))?.title).toBe("MFA everywhere");
  });

  it("binds an objective to an automated check and unbinds it, for editors and administrators only", async () => {
    const check = `${base}/objectives/OBJ-001/check`;
    for (const who of [t.owner, t.auditorInside, t.viewer]) expect((await who.put(check, { checkId: "iam-user-console-mfa" })).status).toBe(403);
    await expectProblem(await t.viewer.delete(check), 403, /^Viewers cannot update objectives/);
    await expectFieldProblem(await t.editor.put(check, { checkId: "iam-mfa" }), "checkId", /^No automated check "iam-mfa". Did you mean .*iam-user-console-mfa/);
    await expectFieldProblem(await t.editor.put(check, {}), "checkId", /./);
    const bound = await bodyOf(await t.editor.put(check, { checkId: "iam-user-console-mfa" }), objectiveAnswer);
    expect(bound.objective).toMatchObject({ checkId: "iam-user-console-mfa", targetValue: 95, unit: "%", frequency: "at each collection" });
    expect(bound.objective.measure).toMatch(/iam-user-console-mfa/);
    const unbound = await bodyOf(await t.admin.delete(check), objectiveAnswer);
    expect(unbound.objective).toMatchObject({ checkId: null, frequency: "at each collection" });
    await expectProblem(await t.admin.delete(check), 409, /^OBJ-001 is not bound to a check/);
    await expectProblem(await t.admin.put(`${base}/objectives/OBJ-999/check`, { checkId: "iam-user-console-mfa" }), 404, /^No objective OBJ-999/);
  });

  it("removes an objective with its measurements for editors and administrators only", async () => {
    for (const who of [t.owner, t.auditorInside, t.viewer]) expect((await who.delete(`${base}/objectives/OBJ-003`)).status).toBe(403);
    await expectProblem(await t.viewer.delete(`${base}/objectives/OBJ-003`), 403, /^Viewers cannot delete objectives/);
    const removed = await bodyOf(await t.editor.delete(`${base}/objectives/OBJ-003`), removedSchema);
    expect(removed).toEqual({ removed: "OBJ-003", measurements: 1 });
    expect(await row("OBJ-003")).toBeUndefined();
    await expectProblem(await t.admin.delete(`${base}/objectives/OBJ-003`), 404, /^No objective OBJ-003/);
  });

  it("names the field of a bad objective or measurement", async () => {
    const add = (body: unknown) => t.admin.post(`${base}/objectives`, body);
    await expectFieldProblem(await add({ title: " " }), "title", /needs a title/);
    await expectFieldProblem(await add({ description: "no title" }), "title", /./);
    await expectFieldProblem(await add({ title: "Dated", dueDate: "2027-02-30" }), "dueDate", /YYYY-MM-DD/);
    await expectFieldProblem(await add({ title: "Stated", status: "done" }), "status", /one of planned, active/);
    await expectFieldProblem(await add({ title: "Valued", targetValue: "95" }), "targetValue", /a number/);
    await expectFieldProblem(await add({ title: "Owned", owner: "Nobody" }), "owner", /no person "Nobody"/);
    await expectProblem(await add({ title: "Extra", colour: "red" }), 400, /colour/);
    await expectFieldProblem(await t.admin.patch(`${base}/objectives/OBJ-001`, {}), "", /say what to change/);
    await expectFieldProblem(await t.admin.patch(`${base}/objectives/OBJ-001`, { owner: "Nobody" }), "owner", /no person/);
    const measure = (body: unknown) => t.admin.post(`${base}/objectives/OBJ-001/measurements`, body);
    await expectFieldProblem(await measure({ measuredOn: today }), "value", /a number/);
    await expectFieldProblem(await measure({ value: 1, measuredOn: "yesterday" }), "measuredOn", /YYYY-MM-DD/);
    await expectProblem(await measure({ value: 1, unit: "%" }), 400, /unit/);
    await expectProblem(await t.admin.post(`${base}/objectives/OBJ-999/measurements`, { value: 1 }), 404, /^No objective OBJ-999/);
    expect((await list(t.viewer)).map((o) => o.title)).toEqual(expect.not.arrayContaining(["Dated", "Stated", "Valued", "Owned", "Extra"]));
  });

  it("keeps another workspace's account out: its objectives do not exist for it", async () => {
    for (const path of ["objectives", "objectives/OBJ-001"]) expect((await t.stranger.get(`${base}/${path}`)).status).toBe(404);
    expect((await t.stranger.post(`${base}/objectives`, { title: "Intruder" })).status).toBe(404);
    expect((await t.stranger.patch(`${base}/objectives/OBJ-001`, { title: "Intruder" })).status).toBe(404);
    expect((await t.stranger.post(`${base}/objectives/OBJ-001/measurements`, { value: 0 })).status).toBe(404);
    expect((await t.stranger.delete(`${base}/objectives/OBJ-001`)).status).toBe(404);
    expect((await t.stranger.put(`${base}/objectives/OBJ-001/check`, { checkId: "iam-user-console-mfa" })).status).toBe(404);
    expect((await row("OBJ-001"))?.title).toBe("MFA everywhere");
  });

  it("lists every objectives route in the OpenAPI document", async () => {
    const document = z.object({ paths: z.record(z.string(), z.record(z.string(), z.unknown())) }).parse(await (await getApi().request("/api/openapi.json")).json());
    expect(Object.keys(document.paths["/api/w/{workspace}/objectives"] ?? {}).sort()).toEqual(["get", "post"]);
    expect(Object.keys(document.paths["/api/w/{workspace}/objectives/{id}"] ?? {}).sort()).toEqual(["delete", "get", "patch"]);
    expect(Object.keys(document.paths["/api/w/{workspace}/objectives/{id}/measurements"] ?? {})).toEqual(["post"]);
    expect(Object.keys(document.paths["/api/w/{workspace}/objectives/{id}/check"] ?? {}).sort()).toEqual(["delete", "put"]);
  });
});
