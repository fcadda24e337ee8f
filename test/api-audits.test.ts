// Audits over the HTTP API, on both databases: the audits, one audit with its checklist and findings,
// the findings and the corrective actions log, read by every role; an auditor held to their own audit
// and its findings, another workspace's account kept out (404), bad queries named by field, and no
// route that changes an audit.
import { beforeAll, expect, it } from "vitest";
import { z } from "zod";
import { addCorrectiveAction } from "../src/app/audits/actions.js";
import { addAudit, startAudit } from "../src/app/audits/audits.js";
import { generateChecklist } from "../src/app/audits/checklist.js";
import { addFinding } from "../src/app/audits/findings.js";
import { addEntry } from "../src/app/entries.js";
import { actionListSchema, auditDetailSchema, auditListSchema, findingListSchema } from "../src/server/routes/audit-schemas.js";
import { bodyOf, describeEachApi, type ApiClient, type TestApi, expectProblem, expectFieldProblem, seededTeam, type SeededTeam } from "./helpers/api.js";

interface Team extends SeededTeam {
  /** Audits AUD-001 (the certification body's, control 8.5), not AUD-002 (internal, clause 9.2). */
  auditor: ApiClient;
}

/** AUD-001 with finding F-001 and its action CA-001 (owner P-001); AUD-002 with F-002 and CA-002 (owner P-002). */
async function team(api: TestApi): Promise<Team> {
  const { ws, ...roles } = await seededTeam(api, { ownerPersonId: "P-001", auditInside: "AUD-001", auditOutside: "AUD-002" }, async (tx, ws) => {
    const context = { actor: "test", today: "2026-03-01" };
    await addEntry(tx, ws, "people", { name: "Olivia Owner" }, { actor: "test", idPrefix: "P" });
    await addEntry(tx, ws, "people", { name: "Oscar Other" }, { actor: "test", idPrefix: "P" });
    await addAudit(tx, ws, { title: "Stage 2", kind: "stage2", auditor: "Certification body", plannedStart: "2026-02-01", plannedEnd: "2026-12-31", controls: ["8.5"] }, context);
    await addAudit(tx, ws, { title: "Internal audit of 9.2", auditor: "Ivy Independent", plannedStart: "2026-02-01", plannedEnd: "2026-02-28", clauses: ["9.2"] }, context);
    for (const id of ["AUD-001", "AUD-002"]) await startAudit(tx, ws, id, { on: "2026-02-01" }, context);
    await generateChecklist(tx, ws, "AUD-001", context);
    await addFinding(tx, ws, { auditId: "AUD-001", kind: "minor_nonconformity", requirement: "8.5", description: "Two console users without MFA" }, context);
    await addFinding(tx, ws, { auditId: "AUD-002", kind: "observation", requirement: "9.2", description: "The programme does not say how auditors are chosen" }, context);
    await addCorrectiveAction(tx, ws, { findingId: "F-001", correction: "MFA turned on for both", rootCause: "No policy check", action: "Enforce MFA through an SCP", owner: "P-001", dueDate: "2026-05-01" }, context);
    await addCorrectiveAction(tx, ws, { findingId: "F-002", action: "Add auditor selection to the programme", owner: "P-002", dueDate: "2026-04-01" }, context);
  });
  return { ws, ...roles, auditor: roles.auditorInside };
}

describeEachApi("the audits API", (getApi) => {
  let t: Team;
  let base: string;
  beforeAll(async () => {
    t = await team(getApi());
    base = `/api/w/${t.ws.slug}`;
  });

  const auditIds = async (who: ApiClient) => (await bodyOf(await who.get(`${base}/audits`), auditListSchema)).audits.map((a) => a.id);
  const findingIds = async (who: ApiClient, query = "") => (await bodyOf(await who.get(`${base}/findings${query}`), findingListSchema)).findings.map((f) => f.id);
  const actionIds = async (who: ApiClient, query = "") => (await bodyOf(await who.get(`${base}/corrective-actions${query}`), actionListSchema)).actions.map((a) => a.id);

  it("lists the audits for every role, and an auditor only their own", async () => {
    for (const who of [t.admin, t.editor, t.owner, t.viewer]) expect(await auditIds(who)).toEqual(["AUD-001", "AUD-002"]);
    expect(await auditIds(t.auditor)).toEqual(["AUD-001"]);
    const [first] = (await bodyOf(await t.viewer.get(`${base}/audits`), auditListSchema)).audits;
    expect(first).toMatchObject({ id: "AUD-001", kind: "stage2", status: "in_progress", controls: ["8.5"], actualStart: "2026-02-01" });
  });

  it("shows one audit with its checklist and findings, and refuses an auditor another audit", async () => {
    const detail = await bodyOf(await t.auditor.get(`${base}/audits/AUD-001`), auditDetailSchema);
    expect(detail.audit).toMatchObject({ id: "AUD-001", title: "Stage 2" });
    expect(detail.checklist.map((i) => i.requirement)).toContain("A.8.5");
    expect(detail.findings.map((f) => [f.id, f.kind, f.status])).toEqual([["F-001", "minor_nonconformity", "open"]]);
    expect(detail.findings[0]?.dueDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    await expectProblem(await t.auditor.get(`${base}/audits/AUD-002`), 403, "AUD-002 is another audit; this account audits AUD-001 only");
    expect((await t.viewer.get(`${base}/audits/AUD-002`)).status).toBe(200);
    await expectProblem(await t.viewer.get(`${base}/audits/AUD-404`), 404, /^No audit AUD-404 in this workspace/);
  });

  it("lists the findings, filtered by audit and by whether they are open, an auditor's held to their audit", async () => {
    for (const who of [t.admin, t.editor, t.owner, t.viewer]) expect(await findingIds(who)).toEqual(["F-001", "F-002"]);
    expect(await findingIds(t.auditor)).toEqual(["F-001"]);
    expect(await findingIds(t.viewer, "?audit=AUD-002")).toEqual(["F-002"]);
    expect(await findingIds(t.auditor, "?audit=AUD-002")).toEqual([]);
    expect(await findingIds(t.viewer, "?open=true")).toEqual(["F-001", "F-002"]);
    await expectFieldProblem(await t.viewer.get(`${base}/findings?open=maybe`), "open", /true|false/);
  });

  it("gives the corrective actions log, an auditor seeing the actions of their audit's findings", async () => {
    for (const who of [t.admin, t.editor, t.owner, t.viewer]) expect(await actionIds(who)).toEqual(["CA-001", "CA-002"]);
    expect(await actionIds(t.auditor)).toEqual(["CA-001"]);
    expect(await actionIds(t.viewer, "?finding=F-002")).toEqual(["CA-002"]);
    const [action] = (await bodyOf(await t.owner.get(`${base}/corrective-actions?finding=F-001`), actionListSchema)).actions;
    expect(action).toMatchObject({ id: "CA-001", owner: "P-001", status: "open", rootCause: "No policy check", correction: "MFA turned on for both", closedAt: null });
  });

  it("keeps another workspace's account out: its audits do not exist for it", async () => {
    for (const path of ["audits", "audits/AUD-001", "findings", "corrective-actions"]) {
      await expectProblem(await t.stranger.get(`${base}/${path}`), 404, `No workspace "${t.ws.slug}" for this account; GET /api/workspaces lists yours`);
    }
  });

  it("answers a method no audit route has with 404, and changes nothing", async () => {
    await expectProblem(await t.admin.patch(`${base}/findings`, { status: "closed" }), 404, /^No route PATCH \/api\/w\/.*\/findings; see \/api\/openapi.json/);
    expect(await findingIds(t.viewer, "?open=true")).toEqual(["F-001", "F-002"]);
  });

  it("documents every audit route in /api/openapi.json", async () => {
    const { paths } = await bodyOf(await getApi().request("/api/openapi.json"), z.object({ paths: z.record(z.string(), z.record(z.string(), z.unknown())) }));
    const methods = (path: string) => Object.keys(paths[path] ?? {}).sort();
    // Reads here; the writes (planning, starting, raising, closing) are tested in api-audit-writes.test.ts.
    for (const path of ["audits", "findings", "corrective-actions"]) expect(methods(`/api/w/{workspace}/${path}`)).toEqual(["get", "post"]);
    expect(methods("/api/w/{workspace}/audits/{id}")).toEqual(["get"]);
  });
});
