// Adding, changing and removing people over the HTTP API, on both databases: administrators and editors
// may, control owners, auditors and viewers are refused, bad fields are named, someone who owns anything
// cannot be removed (they leave instead), and another workspace's account is kept out (404).
import { and, eq } from "drizzle-orm";
import { beforeAll, expect, it } from "vitest";
import { addAudit } from "../src/app/audits/audits.js";
import { addEntry } from "../src/app/entries.js";
import { addRisk } from "../src/app/risks.js";
import { addDays, isoDay } from "../src/domain/risk/calendar.js";
import { personListSchema } from "../src/server/routes/people-schemas.js";
import { personAnswerSchema } from "../src/server/routes/person-schemas.js";
import { auditLog } from "../src/store/schema/index.js";
import { bodyOf, describeEachApi, expectFieldProblem, expectProblem, type ApiClient, type TestApi, seededTeam, type SeededTeam } from "./helpers/api.js";

const today = isoDay(new Date());


/** P-001 Olivia Owner owns risk R-001; AUD-001 covers the people controls (A.6.1–A.6.5) over this month, AUD-002 clause 9.3. */
async function team(api: TestApi): Promise<SeededTeam> {
  const { ws, ...roles } = await seededTeam(api, { ownerPersonId: "P-001", auditInside: "AUD-001", auditOutside: "AUD-002" }, async (tx, ws) => {
    const test = { actor: "test" };
    await addEntry(tx, ws, "people", { name: "Olivia Owner", startDate: "2024-01-08", ismsRoles: ["risk-owner"] }, { ...test, idPrefix: "P" });
    await addRisk(tx, ws, { title: "Leaked keys", owner: "P-001" }, test);
    const audit = { kind: "internal" as const, auditor: "Ivy Independent", title: "People", plannedStart: addDays(today, -15), plannedEnd: addDays(today, 15) };
    await addAudit(tx, ws, { ...audit, controls: ["6.1", "6.2", "6.3", "6.5"] }, { ...test, today: addDays(today, -30) });
    await addAudit(tx, ws, { ...audit, title: "Management review", clauses: ["9.3"] }, { ...test, today: addDays(today, -30) });
  });
  return { ws, ...roles };
}

describeEachApi("the people register's writes over the API", (getApi) => {
  let t: SeededTeam;
  let base: string;
  beforeAll(async () => {
    t = await team(getApi());
    base = `/api/w/${t.ws.slug}`;
  });

  const add = async (who: ApiClient, body: unknown) => {
    const response = await who.post(`${base}/people`, body);
    expect(response.status, await response.clone().text()).toBe(201);
    return (await bodyOf(response, personAnswerSchema)).person;
  };

  it("lets administrators and editors add a joiner, who then appears in the register with the next id", async () => {
    const mia = await add(t.admin, { name: " Mia Chen ", email: "mia@acme.example", role: "Head of Security", startDate: today, ismsRoles: ["isms-owner", "control-owner"] });
    expect(mia).toEqual({ id: "P-002", name: "Mia Chen", email: "mia@acme.example", role: "Head of Security", startDate: today, endDate: null, ismsRoles: ["isms-owner", "control-owner"] });
    const noel = await add(t.editor, { name: "Noel Nguyen" });
    expect(noel).toMatchObject({ id: "P-003", email: null, ismsRoles: [] });
    const { people } = await bodyOf(await t.viewer.get(`${base}/people`), personListSchema);
    expect(people.map((p) => [p.id, p.name, p.inScope])).toEqual([
      ["P-001", "Olivia Owner", true],
      ["P-002", "Mia Chen", true],
      ["P-003", "Noel Nguyen", true],
    ]);
    const logged = await getApi().db.select().from(auditLog).where(and(eq(auditLog.workspaceId, t.ws.id), eq(auditLog.action, "people.add"), eq(auditLog.actor, `account:${t.admin.account.email}`)));
    expect(logged.map((e) => [e.entityId, e.after])).toEqual([["P-002", expect.objectContaining({ name: "Mia Chen", role: "Head of Security" })]]);
  });

  it("refuses control owners, auditors and viewers every write, in the permission table's words", async () => {
    const refusals: [ApiClient, RegExp][] = [
      [t.owner, /^Control owners change only what they own and cannot (create|update|delete) people/],
      [t.auditorInside, /^Auditors only read, comment and raise evidence requests, and cannot (create|update|delete) people/],
      [t.auditorOutside, /^Auditors only read, comment and raise evidence requests, and cannot (create|update|delete) people/],
      [t.viewer, /^Viewers cannot (create|update|delete) people: only administrators and editors may/],
    ];
    for (const [who, reason] of refusals) {
      await expectProblem(await who.post(`${base}/people`, { name: "Not Allowed" }), 403, reason);
      await expectProblem(await who.patch(`${base}/people/P-001`, { role: "CEO" }), 403, reason);
      await expectProblem(await who.delete(`${base}/people/P-001`), 403, reason);
    }
    const { people } = await bodyOf(await t.admin.get(`${base}/people`), personListSchema);
    expect(people.map((p) => p.name)).not.toContain("Not Allowed");
  });

  it("marks a leaver with a leaving day, and clears a field given null", async () => {
    const leaver = await add(t.admin, { name: "Lee Leaving", email: "lee@acme.example", startDate: "2023-05-02" });
    const changed = await t.editor.patch(`${base}/people/${leaver.id}`, { endDate: addDays(today, -1), email: null });
    expect(changed.status).toBe(200);
    expect((await bodyOf(changed, personAnswerSchema)).person).toMatchObject({ id: leaver.id, endDate: addDays(today, -1), email: null, name: "Lee Leaving" });
    const { people } = await bodyOf(await t.admin.get(`${base}/people`), personListSchema);
    expect(people.find((p) => p.id === leaver.id)?.inScope).toBe(false);
  });

  it("names each bad field, and writes nothing", async () => {
    await expectFieldProblem(await t.admin.post(`${base}/people`, { name: "  " }), "name", /is empty/);
    await expectFieldProblem(await t.admin.post(`${base}/people`, { name: "Bad Mail", email: "not-mail" }), "email", /not an email address/);
    await expectFieldProblem(await t.admin.post(`${base}/people`, { name: "Bad Role", ismsRoles: ["boss"] }), "ismsRoles.0", /is not an ISMS role; the roles are top-management, isms-owner/);
    await expectFieldProblem(await t.admin.post(`${base}/people`, { name: "Bad Day", startDate: "2025-02-30" }), "startDate", /YYYY-MM-DD/);
    await expectFieldProblem(await t.admin.post(`${base}/people`, { name: "Backwards", startDate: "2025-03-01", endDate: "2025-02-01" }), "endDate", /before the start date/);
    await expectFieldProblem(await t.admin.patch(`${base}/people/P-001`, { endDate: "2023-12-31" }), "endDate", /2023-12-31 is before the start date 2024-01-08/);
    await expectFieldProblem(await t.admin.patch(`${base}/people/P-001`, { nickname: "Liv" }), "", /nickname/);
    await expectProblem(await t.admin.patch(`${base}/people/P-001`, {}), 400, /names nothing to change/);
    await expectFieldProblem(await t.admin.patch(`${base}/people/olivia`, { role: "CEO" }), "id", /a person's id looks like P-001/);
    await expectProblem(await t.admin.patch(`${base}/people/P-999`, { role: "CEO" }), 404, /^No entry P-999 in people/);
    const { people } = await bodyOf(await t.admin.get(`${base}/people`), personListSchema);
    expect(people.map((p) => p.name)).not.toEqual(expect.arrayContaining(["Bad Mail", "Bad Role", "Bad Day", "Backwards"]));
    expect(people.find((p) => p.id === "P-001")?.endDate).toBeNull();
  });

  it("removes a person entered by mistake, and refuses to remove one who owns something", async () => {
    const mistake = await add(t.editor, { name: "Typo Person" });
    const removed = await t.editor.delete(`${base}/people/${mistake.id}`);
    expect(removed.status).toBe(204);
    await expectProblem(await t.editor.delete(`${base}/people/${mistake.id}`), 404, new RegExp(`^No entry ${mistake.id} in people`));
    await expectProblem(await t.admin.delete(`${base}/people/P-001`), 409, /^P-001 Olivia Owner owns 1 open item: R-001 \(risks\); give P-001 a leaving day instead/);
    const { people } = await bodyOf(await t.admin.get(`${base}/people`), personListSchema);
    expect(people.map((p) => p.id)).toContain("P-001");
    expect(people.map((p) => p.id)).not.toContain(mistake.id);
  });

  it("keeps an account of another workspace out: 404 on every write, and nothing changes", async () => {
    const notYours = `No workspace "${t.ws.slug}" for this account; GET /api/workspaces lists yours`;
    await expectProblem(await t.stranger.post(`${base}/people`, { name: "Intruder" }), 404, notYours);
    await expectProblem(await t.stranger.patch(`${base}/people/P-001`, { role: "Intruder" }), 404, notYours);
    await expectProblem(await t.stranger.delete(`${base}/people/P-001`), 404, notYours);
    const { people } = await bodyOf(await t.admin.get(`${base}/people`), personListSchema);
    expect(people.find((p) => p.id === "P-001")).toMatchObject({ name: "Olivia Owner" });
    expect(people.map((p) => p.name)).not.toContain("Intruder");
  });
});
