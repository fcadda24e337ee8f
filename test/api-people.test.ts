// People and training over the HTTP API, on both databases: the people register with each person's
// training standing, who is overdue and the course catalogue (an auditor sees them only when their audit
// covers 7.2/7.3/A.6.3), recording a completion (administrators and editors only, logged as the account),
// bad input named by field, and another workspace's account kept out (404).
import { and, eq } from "drizzle-orm";
import { beforeAll, expect, it } from "vitest";
import { z } from "zod";
import { addAudit } from "../src/app/audits/audits.js";
import { addEntry } from "../src/app/entries.js";
import { addDays, isoDay } from "../src/domain/risk/calendar.js";
import { recordTraining } from "../src/app/training.js";
import { courseListSchema, personListSchema, trainingGapListSchema, trainingRecordAnswerSchema } from "../src/server/routes/people-schemas.js";
import { auditLog } from "../src/store/schema/index.js";
import { bodyOf, describeEachApi, type ApiClient, type TestApi, expectProblem, expectFieldProblem, seededTeam, type SeededTeam } from "./helpers/api.js";

const today = isoDay(new Date());

/** The roles; auditorOutside audits AUD-001 (control 8.5 only: training is outside it), auditorInside AUD-002 (clause 7.2: training is inside it). */

/**
 * P-001 Olivia (control owner): awareness done 20 days ago, no role training. P-002 Ned (no ISMS role):
 * awareness done 13 months ago, expired. TC-001 awareness (12 months), TC-002 role training (24 months).
 */
async function team(api: TestApi): Promise<SeededTeam> {
  const { ws, ...roles } = await seededTeam(api, { ownerPersonId: "P-001", auditInside: "AUD-002", auditOutside: "AUD-001" }, async (tx, ws) => {
    const context = { actor: "test", today: addDays(today, -60) };
    await addEntry(tx, ws, "people", { name: "Olivia Owner", ismsRoles: ["control-owner"], startDate: "2024-01-01" }, { actor: "test", idPrefix: "P" });
    await addEntry(tx, ws, "people", { name: "Ned New", startDate: "2024-01-01" }, { actor: "test", idPrefix: "P" });
    await addEntry(tx, ws, "training_courses", { title: "Security awareness", kind: "awareness", validityMonths: 12 }, { actor: "test", idPrefix: "TC" });
    await addEntry(tx, ws, "training_courses", { title: "ISMS roles", kind: "role", validityMonths: 24 }, { actor: "test", idPrefix: "TC" });
    await recordTraining(tx, ws, { person: "P-001", course: "TC-001", completedOn: addDays(today, -20) }, { actor: "test" });
    await recordTraining(tx, ws, { person: "P-002", course: "TC-001", completedOn: addDays(today, -400) }, { actor: "test" });
    await addAudit(tx, ws, { title: "Stage 2", kind: "stage2", auditor: "Certification body", plannedStart: addDays(today, -30), plannedEnd: addDays(today, 30), controls: ["8.5"] }, context);
    await addAudit(tx, ws, { title: "Internal audit of 7.2", auditor: "Ivy Independent", plannedStart: addDays(today, -30), plannedEnd: addDays(today, 30), clauses: ["7.2"] }, context);
  });
  return { ws, ...roles };
}

describeEachApi("the people and training API", (getApi) => {
  let t: SeededTeam;
  let base: string;
  beforeAll(async () => {
    t = await team(getApi());
    base = `/api/w/${t.ws.slug}`;
  });

  const gaps = async (who: ApiClient, query = "") =>
    (await bodyOf(await who.get(`${base}/training/overdue${query}`), trainingGapListSchema)).gaps.map((g) => [g.personId, g.need, g.state]);

  it("lists the people with where each stands on awareness and role training, for every role", async () => {
    for (const who of [t.admin, t.editor, t.owner, t.auditorOutside, t.auditorInside, t.viewer]) {
      const { asOf, people } = await bodyOf(await who.get(`${base}/people`), personListSchema);
      expect(asOf).toBe(today);
      expect(people.map((p) => [p.id, p.name, p.inScope, p.awareness, p.roleTraining])).toEqual([
        ["P-001", "Olivia Owner", true, "current", "missing"],
        ["P-002", "Ned New", true, "expired", null],
      ]);
    }
  });

  it("counts awareness expiring within the days asked for as expiring", async () => {
    const { people } = await bodyOf(await t.viewer.get(`${base}/people?within=366`), personListSchema);
    expect(people.find((p) => p.id === "P-001")?.awareness).toBe("expiring");
    await expectFieldProblem(await t.viewer.get(`${base}/people?within=soon`), "within", /number of days/);
  });

  it("lists who is overdue, and shows an auditor the gaps only when their audit covers training", async () => {
    for (const who of [t.admin, t.editor, t.owner, t.viewer, t.auditorInside]) {
      expect(await gaps(who)).toEqual([
        ["P-001", "role", "missing"],
        ["P-002", "awareness", "expired"],
      ]);
    }
    expect(await gaps(t.auditorOutside)).toEqual([]);
    const [expired] = (await bodyOf(await t.viewer.get(`${base}/training/overdue`), trainingGapListSchema)).gaps.filter((g) => g.personId === "P-002");
    expect(expired?.latest).toMatchObject({ courseId: "TC-001", courseTitle: "Security awareness", completedOn: addDays(today, -400) });
    await expectFieldProblem(await t.viewer.get(`${base}/training/overdue?within=400`), "within", /0 to 366/);
  });

  it("lists the course catalogue for every role that reads training, an auditor only when their audit covers it", async () => {
    for (const who of [t.admin, t.editor, t.owner, t.viewer, t.auditorInside]) {
      const { courses } = await bodyOf(await who.get(`${base}/training/courses`), courseListSchema);
      expect(courses).toEqual([
        { id: "TC-001", title: "Security awareness", kind: "awareness", description: null, validityMonths: 12 },
        { id: "TC-002", title: "ISMS roles", kind: "role", description: null, validityMonths: 24 },
      ]);
    }
    expect(await bodyOf(await t.auditorOutside.get(`${base}/training/courses`), courseListSchema)).toEqual({ courses: [] });
  });

  it("records a completion for administrators and editors, once, in the audit log under the account", async () => {
    const completion = { person: "Olivia Owner", course: "ISMS roles", completedOn: addDays(today, -1), evidenceRef: "LMS report" };
    const created = await t.editor.post(`${base}/training/records`, completion);
    expect(created.status).toBe(201);
    const { record, already } = await bodyOf(created, trainingRecordAnswerSchema);
    expect(already).toBe(false);
    expect(record).toMatchObject({ personId: "P-001", courseId: "TC-002", evidenceRef: "LMS report" });
    expect(record.expiresOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const again = await t.admin.post(`${base}/training/records`, completion);
    expect(again.status).toBe(200);
    expect(await bodyOf(again, trainingRecordAnswerSchema)).toMatchObject({ already: true, record: { id: record.id } });
    const logged = await getApi().db.select().from(auditLog).where(and(eq(auditLog.workspaceId, t.ws.id), eq(auditLog.entityId, record.id)));
    expect(logged.map((l) => [l.action, l.actor])).toEqual([["training_records.add", `account:${t.editor.account.email}`]]);
    expect(await gaps(t.viewer)).toEqual([["P-002", "awareness", "expired"]]);
  });

  it("refuses recording to control owners, auditors and viewers, saying why", async () => {
    const completion = { person: "P-002", course: "TC-001", completedOn: today };
    await expectProblem(await t.owner.post(`${base}/training/records`, completion), 403, /^Control owners change only what they own and cannot create training/);
    await expectProblem(await t.auditorInside.post(`${base}/training/records`, completion), 403, /^Auditors only read, comment and raise evidence requests, and cannot create training/);
    await expectProblem(await t.viewer.post(`${base}/training/records`, completion), 403, /^Viewers cannot create training: only administrators and editors may/);
    expect(await gaps(t.viewer)).toContainEqual(["P-002", "awareness", "expired"]);
  });

  it("names the field of a bad completion, an unknown person or course, and a day still to come", async () => {
    const post = (body: unknown) => t.admin.post(`${base}/training/records`, body);
    await expectFieldProblem(await post({ person: "P-002", course: "TC-001", completedOn: "2026-02-30" }), "completedOn", /YYYY-MM-DD/);
    await expectFieldProblem(await post({ person: " ", course: "TC-001", completedOn: today }), "person", /person's id, name or email/);
    await expectFieldProblem(await post({ course: "TC-001", completedOn: today }), "person", /./);
    await expectProblem(await post({ person: "Nobody", course: "TC-001", completedOn: today }), 400, /^person: no person "Nobody" in this workspace/);
    await expectProblem(await post({ person: "P-002", course: "Juggling", completedOn: today }), 400, /^course: no course "Juggling" in this workspace/);
    await expectProblem(await post({ person: "P-002", course: "TC-001", completedOn: addDays(today, 2) }), 400, /^completedOn: .* is after today/);
    expect(await gaps(t.viewer)).toContainEqual(["P-002", "awareness", "expired"]);
  });

  it("keeps another workspace's account out: its people and training do not exist for it", async () => {
    for (const path of ["people", "training/overdue", "training/courses"]) {
      await expectProblem(await t.stranger.get(`${base}/${path}`), 404, `No workspace "${t.ws.slug}" for this account; GET /api/workspaces lists yours`);
    }
    await expectProblem(await t.stranger.post(`${base}/training/records`, { person: "P-002", course: "TC-001", completedOn: today }), 404, /^No workspace/);
  });

  it("documents the people and training routes in /api/openapi.json", async () => {
    const { paths } = await bodyOf(await getApi().request("/api/openapi.json"), z.object({ paths: z.record(z.string(), z.record(z.string(), z.unknown())) }));
    const methods = (path: string) => Object.keys(paths[path] ?? {}).sort();
    // The register's writes (POST /people and the rest) are documented and tested in api-people-writes.test.ts.
    expect(methods("/api/w/{workspace}/people")).toContain("get");
    expect(methods("/api/w/{workspace}/training/overdue")).toEqual(["get"]);
    expect(methods("/api/w/{workspace}/training/records")).toEqual(["post"]);
    expect(methods("/api/w/{workspace}/training/courses")).toEqual(["get"]);
  });
});
