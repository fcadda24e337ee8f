// Management reviews written over the HTTP API (9.3), on both databases: preparing one, recording it as
// held with decisions and actions, following an action up; who may (administrators and editors) and who
// is refused and why; bad bodies named by field; the history under the account; another workspace's 404.
import { z } from "zod";
import { beforeAll, expect, it } from "vitest";
import { addAudit } from "../src/app/audits/audits.js";
import { addEntry } from "../src/app/entries.js";
import { holdManagementReview, prepareManagementReview } from "../src/app/management-review.js";
import { addDays, isoDay } from "../src/domain/risk/calendar.js";
import { reviewDetailSchema, reviewHeldSchema, reviewListSchema } from "../src/server/routes/review-schemas.js";
import { type ApiClient, bodyOf, describeEachApi, expectFieldProblem, expectProblem, type TestApi, seededTeam, type SeededTeam } from "./helpers/api.js";

const today = isoDay(new Date());

/**
 * P-001 Tess (top management), P-002 Carl (control owner). MR-001 held 10 days ago with action MR-001-A1 owned by P-002.
 * The owner is P-002; AUD-001 covers clause 9.3 over today ± 30 days, AUD-002 control 8.5 only.
 */
async function team(api: TestApi): Promise<SeededTeam> {
  const { ws, ...roles } = await seededTeam(api, { ownerPersonId: "P-002", auditInside: "AUD-001", auditOutside: "AUD-002" }, async (tx, ws) => {
    const test = { actor: "test" };
    await addEntry(tx, ws, "people", { name: "Tess Top", ismsRoles: ["top-management"] }, { ...test, idPrefix: "P" });
    await addEntry(tx, ws, "people", { name: "Carl Owner", ismsRoles: ["control-owner"] }, { ...test, idPrefix: "P" });
    await prepareManagementReview(tx, ws, { on: addDays(today, -10) }, test);
    await holdManagementReview(tx, ws, "MR-001", { attendees: ["P-001"], decisions: ["Keep the scope"], actions: [`Rotate keys;P-002;${addDays(today, 20)}`] }, test);
    const audit = { kind: "internal" as const, auditor: "Ivy Independent", plannedStart: addDays(today, -30), plannedEnd: addDays(today, 30) };
    await addAudit(tx, ws, { ...audit, title: "Management review", clauses: ["9.3"] }, { ...test, today: addDays(today, -60) });
    await addAudit(tx, ws, { ...audit, title: "Logging", controls: ["8.5"] }, { ...test, today: addDays(today, -60) });
  });
  return { ws, ...roles };
}

const historySchema = z.object({ entries: z.array(z.object({ actor: z.string(), action: z.string(), entityId: z.string().nullable() })) });

describeEachApi("the management reviews API: writes", (getApi) => {
  let t: SeededTeam;
  let base: string;
  beforeAll(async () => {
    t = await team(getApi());
    base = `/api/w/${t.ws.slug}`;
  });

  const ids = async () => (await bodyOf(await t.viewer.get(`${base}/reviews`), reviewListSchema)).reviews.map((r) => [r.id, r.status]);
  const review = async (id: string) => (await bodyOf(await t.viewer.get(`${base}/reviews/${id}`), reviewDetailSchema)).review;
  const history = async (id: string) => (await bodyOf(await t.admin.get(`${base}/history?entity=management_review:${id}`), historySchema)).entries.map((e) => [e.action, e.actor]);
  const holding = { attendees: ["Tess Top", "Ada Adviser"], decisions: ["Fund the SIEM", "Keep the scope"], actions: [{ text: "Buy the SIEM", owner: "P-002", due: addDays(today, 60) }], minutesRef: "minutes/mr-2.md" };

  it("prepares a review for administrators and editors with every 9.3.2 input, logged under the account", async () => {
    const created = await t.editor.post(`${base}/reviews`, { on: today, chair: "Tess Top" });
    expect(created.status).toBe(201);
    const { review: prepared } = await bodyOf(created, reviewDetailSchema);
    expect(prepared).toMatchObject({ id: "MR-002", heldOn: today, status: "planned", attendees: ["P-001"], decisions: {}, actions: [] });
    expect(Object.keys(prepared.inputs).sort()).toEqual(["a", "b", "c", "d", "e", "f", "g", "prepared"]);
    expect(prepared.inputs.prepared).toMatchObject({ on: today, previousReview: "MR-001", chair: "P-001" });
    expect(await history("MR-002")).toEqual([["management_review.prepare", `account:${t.editor.account.email}`]]);
    const byAdmin = await bodyOf(await t.admin.post(`${base}/reviews`, { on: addDays(today, 40) }), reviewDetailSchema);
    expect(byAdmin.review).toMatchObject({ id: "MR-003", status: "planned", attendees: [] });
  });

  it("records a planned review as held, read back with its decisions, actions and history", async () => {
    const res = await t.editor.post(`${base}/reviews/MR-002/hold`, holding);
    expect(res.status).toBe(200);
    const { warnings } = await bodyOf(res, reviewHeldSchema);
    expect(warnings).toEqual(["Ada Adviser is not in the people register and is recorded by name"]);
    const held = await review("MR-002");
    expect(held).toMatchObject({ status: "held", heldOn: today, attendees: ["P-001", "Ada Adviser"], decisions: { "1": "Fund the SIEM", "2": "Keep the scope" }, minutesRef: "minutes/mr-2.md" });
    expect(held.actions).toEqual([{ id: "MR-002-A1", description: "Buy the SIEM", owner: "P-002", dueDate: addDays(today, 60), status: "open", closedOn: null, note: null }]);
    expect(await history("MR-002")).toEqual([
      ["management_review.prepare", `account:${t.editor.account.email}`],
      ["management_review.hold", `account:${t.editor.account.email}`],
    ]);
    const list = (await bodyOf(await t.viewer.get(`${base}/reviews`), reviewListSchema)).reviews.find((r) => r.id === "MR-002");
    expect(list?.openActions).toBe(1);
    await expectProblem(await t.admin.post(`${base}/reviews/MR-002/hold`, holding), 409, /^Management review MR-002 was already held on /);
  });

  it("follows an action up: done with the day, then open again", async () => {
    const res = await t.admin.patch(`${base}/reviews/MR-001/actions/1`, { status: "done", note: "Keys rotated", on: addDays(today, -1) });
    expect(res.status).toBe(200);
    const { review: changed } = await bodyOf(res, reviewDetailSchema);
    expect(changed.actions[0]).toMatchObject({ id: "MR-001-A1", status: "done", closedOn: addDays(today, -1), note: "Keys rotated" });
    expect((await review("MR-001")).actions[0]?.status).toBe("done");
    await t.editor.patch(`${base}/reviews/MR-001/actions/1`, { status: "open" });
    expect((await review("MR-001")).actions[0]).toMatchObject({ status: "open", closedOn: null, note: "Keys rotated" });
    expect((await history("MR-001")).slice(-2)).toEqual([
      ["management_review.action", `account:${t.admin.account.email}`],
      ["management_review.action", `account:${t.editor.account.email}`],
    ]);
    await expectProblem(await t.admin.patch(`${base}/reviews/MR-001/actions/9`, { status: "done" }), 404, /^No review action MR-001-A9/);
    await expectProblem(await t.admin.patch(`${base}/reviews/MR-404/actions/1`, { status: "done" }), 404, /^No management review MR-404/);
    await expectProblem(await t.admin.post(`${base}/reviews/MR-404/hold`, holding), 404, /^No management review MR-404/);
  });

  it("refuses every review write to control owners (even on an action they own), auditors and viewers, saying why", async () => {
    const before = await ids();
    const writes = [
      ["create", (who: ApiClient) => who.post(`${base}/reviews`, { on: today })],
      ["update", (who: ApiClient) => who.post(`${base}/reviews/MR-003/hold`, holding)],
      ["update", (who: ApiClient) => who.patch(`${base}/reviews/MR-001/actions/1`, { status: "done" })],
    ] as const;
    for (const [action, write] of writes) {
      await expectProblem(await write(t.owner), 403, new RegExp(`^Control owners change only what they own and cannot ${action} reviews: only administrators and editors may`));
      for (const auditor of [t.auditorInside, t.auditorOutside]) {
        await expectProblem(await write(auditor), 403, new RegExp(`^Auditors only read, comment and raise evidence requests, and cannot ${action} reviews`));
      }
      await expectProblem(await write(t.viewer), 403, new RegExp(`^Viewers cannot ${action} reviews: only administrators and editors may`));
    }
    expect(await ids()).toEqual(before);
    expect((await review("MR-003")).status).toBe("planned");
    expect((await review("MR-001")).actions[0]?.status).toBe("open");
  });

  it("lets an auditor read a review their audit covers, and not one it does not", async () => {
    const { review: seen } = await bodyOf(await t.auditorInside.get(`${base}/reviews/MR-001`), reviewDetailSchema);
    expect(seen.decisions).toEqual({ "1": "Keep the scope" });
    await expectProblem(await t.auditorOutside.get(`${base}/reviews/MR-001`), 403, /^MR-001 is about 9.3, outside audit AUD-002/);
  });

  it("names the field of a bad preparation", async () => {
    const post = (body: unknown) => t.admin.post(`${base}/reviews`, body);
    await expectFieldProblem(await post({ on: "2026-02-30" }), "on", /YYYY-MM-DD/);
    await expectFieldProblem(await post({ on: today, chair: "" }), "chair", /./);
    await expectFieldProblem(await post({ on: today, when: "soon" }), "", /when/);
    await expectProblem(await post({ on: today, chair: "Nobody" }), 400, /^chair: no person "Nobody" in this workspace/);
  });

  it("names the field of a bad hold, an unknown attendee and an action's owner or day", async () => {
    const hold = (body: unknown) => t.admin.post(`${base}/reviews/MR-003/hold`, body);
    await expectFieldProblem(await hold({ ...holding, attendees: [] }), "attendees", /name who attended/);
    await expectFieldProblem(await hold({ ...holding, decisions: undefined }), "decisions", /./);
    await expectFieldProblem(await hold({ ...holding, decisions: [" "] }), "decisions.0", /none empty/);
    await expectFieldProblem(await hold({ ...holding, actions: [{ text: "Buy", owner: "P-002", due: "soon" }] }), "actions.0.due", /YYYY-MM-DD/);
    await expectFieldProblem(await hold({ ...holding, actions: [{ text: "", owner: "P-002", due: today }] }), "actions.0.text", /say what is to be done/);
    // MR-003 is planned 40 days ahead: held "today" it needs the day given.
    await expectProblem(await hold(holding), 400, /still to come.*give the day it was held with on/);
    const held = { ...holding, on: today };
    await expectProblem(await hold({ ...held, attendees: ["P-999"] }), 400, /^attendees: no person P-999 in this workspace/);
    await expectFieldProblem(await hold({ ...held, actions: [{ text: "Buy", owner: "Nobody", due: today }] }), "actions.0", /no person "Nobody" in this workspace to own it/);
    await expectFieldProblem(await hold({ ...held, actions: [{ text: "Buy", owner: "P-002", due: addDays(today, -1) }] }), "actions.0", /before the review/);
    expect((await review("MR-003")).status).toBe("planned");
  });

  it("names the field of a bad action change", async () => {
    await expectFieldProblem(await t.admin.patch(`${base}/reviews/MR-001/actions/1`, { status: "finished" }), "status", /open, in_progress, done, cancelled/);
    await expectFieldProblem(await t.admin.patch(`${base}/reviews/MR-001/actions/1`, { status: "done", on: "yesterday" }), "on", /YYYY-MM-DD/);
    await expectFieldProblem(await t.admin.patch(`${base}/reviews/MR-001/actions/first`, { status: "done" }), "n", /action's number/);
    expect((await review("MR-001")).actions[0]?.status).toBe("open");
  });

  it("keeps another workspace's account out of every review write (404)", async () => {
    const notFound = `No workspace "${t.ws.slug}" for this account; GET /api/workspaces lists yours`;
    await expectProblem(await t.stranger.post(`${base}/reviews`, { on: today }), 404, notFound);
    await expectProblem(await t.stranger.post(`${base}/reviews/MR-003/hold`, holding), 404, notFound);
    await expectProblem(await t.stranger.patch(`${base}/reviews/MR-001/actions/1`, { status: "done" }), 404, notFound);
    await expectProblem(await t.stranger.get(`${base}/reviews/MR-001`), 404, notFound);
  });

  it("documents the review writes in /api/openapi.json", async () => {
    const { paths } = await bodyOf(await getApi().request("/api/openapi.json"), z.object({ paths: z.record(z.string(), z.record(z.string(), z.unknown())) }));
    const methods = (path: string) => Object.keys(paths[path] ?? {}).sort();
    expect(methods("/api/w/{workspace}/reviews")).toEqual(["get", "post"]);
    expect(methods("/api/w/{workspace}/reviews/{id}/hold")).toEqual(["post"]);
    expect(methods("/api/w/{workspace}/reviews/{id}/actions/{n}")).toEqual(["patch"]);
  });
});
