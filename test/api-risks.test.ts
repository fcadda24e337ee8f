// The risk register over the HTTP API, on both databases: every route for every role (allowed, or
// refused with a 403 problem that says why), an auditor held to their audit's controls, another
// workspace's account kept out (404), bad bodies named by field, and the heat map following a change.
import { beforeAll, expect, it } from "vitest";
import { addAudit } from "../src/app/audits/audits.js";
import { addEntry } from "../src/app/entries.js";
import { loadAssessments } from "../src/app/risks.js";
import type { Workspace } from "../src/app/workspaces.js";
import { heatmapSchema, riskDetailSchema, riskListSchema, riskSchema, treatmentPlanSchema } from "../src/server/routes/risk-schemas.js";
import { z } from "zod";
import { bodyOf, describeEachApi, type ApiClient, type TestApi, expectProblem, expectFieldProblem } from "./helpers/api.js";

interface Team {
  ws: Workspace;
  admin: ApiClient;
  editor: ApiClient;
  /** Linked to P-001, who owns R-001 (controls 8.5) and not R-002 (5.15). */
  owner: ApiClient;
  /** A control owner whose account is linked to no person. */
  unlinked: ApiClient;
  /** Audits AUD-001: control 8.5 only. */
  auditor: ApiClient;
  viewer: ApiClient;
  /** An administrator of another workspace only. */
  stranger: ApiClient;
}

async function team(api: TestApi): Promise<Team> {
  const admin = await api.setUpAdmin();
  const ws = await api.workspace({ template: "blank" });
  await api.db.transaction(async (tx) => {
    await addEntry(tx, ws, "people", { name: "Olivia Owner" }, { actor: "test", idPrefix: "P" });
    await addEntry(tx, ws, "people", { name: "Oscar Other" }, { actor: "test", idPrefix: "P" });
    await addAudit(tx, ws, { title: "Access control audit", auditor: "Certification body", plannedStart: "2026-01-01", plannedEnd: "2026-12-31", controls: ["8.5"] }, { actor: "test" });
  });
  const created = [
    await admin.post(`/api/w/${ws.slug}/risks`, { title: "Console access without MFA", owner: "Olivia Owner", likelihood: 3, impact: 4, decision: "treat", controlIds: ["8.5"] }),
    await admin.post(`/api/w/${ws.slug}/risks`, { title: "Stale access rights", owner: "P-002", likelihood: 2, impact: 2, controlIds: ["5.15"] }),
  ];
  expect(created.map((r) => r.status)).toEqual([201, 201]);
  const other = await api.workspace({ template: "blank" });
  return {
    ws,
    admin,
    editor: await api.member("editor", ws),
    owner: await api.member("control-owner", ws, { personId: "P-001" }),
    unlinked: await api.member("control-owner", ws),
    auditor: await api.member("auditor", ws, { auditId: "AUD-001" }),
    viewer: await api.member("viewer", ws),
    stranger: await api.member("administrator", other),
  };
}

/** The rows of a list answer, read with the schema the OpenAPI document gives for it. */
async function risksOf(response: Response) {
  expect(response.status).toBe(200);
  return riskListSchema.parse(await response.json()).risks;
}

async function statusesOf(calls: Record<string, Promise<Response>>): Promise<Record<string, number>> {
  const entries = await Promise.all(Object.entries(calls).map(async ([who, call]) => [who, (await call).status] as const));
  return Object.fromEntries(entries);
}

describeEachApi("the risk register API", (getApi) => {
  let t: Team;
  let risks: string;
  beforeAll(async () => {
    t = await team(getApi());
    risks = `/api/w/${t.ws.slug}/risks`;
  });

  it("adds a risk scored under the methodology in force, its owner found by name", async () => {
    const [first] = await risksOf(await t.admin.get(risks));
    expect(first).toMatchObject({ id: "R-001", owner: "P-001", likelihood: 3, impact: 4, inherentScore: 12 });
    expect(first?.inherentBand).toMatch(/^[a-z]/);
  });

  it("lets every role read the register, and an auditor only the risks of their audit's controls", async () => {
    for (const who of [t.admin, t.editor, t.owner, t.viewer]) expect((await risksOf(await who.get(risks))).map((r) => r.id)).toEqual(["R-001", "R-002"]);
    expect((await risksOf(await t.auditor.get(risks))).map((r) => r.id)).toEqual(["R-001"]);
    expect((await t.auditor.get(`${risks}/R-001`)).status).toBe(200);
    await expectProblem(await t.auditor.get(`${risks}/R-002`), 403, "R-002 is about 5.15, outside audit AUD-001 (which covers 8.5); ask the ISMS owner if the audit needs it");
  });

  it("filters the register by status and owner, and pages it", async () => {
    expect((await risksOf(await t.viewer.get(`${risks}?owner=P-002`))).map((r) => r.id)).toEqual(["R-002"]);
    expect(await risksOf(await t.viewer.get(`${risks}?status=closed`))).toEqual([]);
    const page = await bodyOf(await t.viewer.get(`${risks}?offset=1&limit=1`), riskListSchema);
    expect({ total: page.total, ids: page.risks.map((r) => r.id) }).toEqual({ total: 2, ids: ["R-002"] });
    await expectFieldProblem(await t.viewer.get(`${risks}?status=forgotten`), "status", /open/);
  });

  it("shows one risk with its assessment history, treatment actions and findings", async () => {
    const response = await t.viewer.get(`${risks}/R-001`);
    expect(response.status).toBe(200);
    const detail = riskDetailSchema.parse(await response.json());
    expect(detail).toMatchObject({ risk: { id: "R-001", title: "Console access without MFA" }, history: [{ reason: "initial", likelihood: 3, impact: 4, score: 12 }], actions: [] });
    expect(detail.findings.map((f) => [f.riskId, f.rule])).toContainEqual(["R-001", "treatment-plan"]);
    await expectProblem(await t.viewer.get(`${risks}/R-404`), 404, /^No risk R-404/);
  });

  it("lets administrators and editors add a risk, and refuses the others with the reason", async () => {
    const add = (who: ApiClient) => who.post(risks, { title: `Added by ${who.account.email}` });
    expect(await statusesOf({ admin: add(t.admin), editor: add(t.editor), owner: add(t.owner), auditor: add(t.auditor), viewer: add(t.viewer) })).toEqual({
      admin: 201,
      editor: 201,
      owner: 403,
      auditor: 403,
      viewer: 403,
    });
    await expectProblem(await add(t.owner), 403, "Control owners change only what they own and cannot create risks: only administrators and editors may; ask one of them");
    await expectProblem(await add(t.auditor), 403, /^Auditors only read, comment and raise evidence requests, and cannot create risks/);
    await expectProblem(await add(t.viewer), 403, "Viewers cannot create risks: only administrators and editors may; ask an administrator of the workspace");
  });

  it("lets a control owner change and assess the risks they own and no one else's", async () => {
    const edit = (who: ApiClient, id: string) => who.patch(`${risks}/${id}`, { threat: `noted by ${who.account.email}` });
    expect(await statusesOf({ admin: edit(t.admin, "R-002"), editor: edit(t.editor, "R-002"), owner: edit(t.owner, "R-001"), auditor: edit(t.auditor, "R-001"), viewer: edit(t.viewer, "R-001") })).toEqual({
      admin: 200,
      editor: 200,
      owner: 200,
      auditor: 403,
      viewer: 403,
    });
    await expectProblem(await edit(t.owner, "R-002"), 403, "Control owners change only what they own: R-002 is owned by P-002, not by you (P-001); ask its owner or an editor");
    await expectProblem(await t.owner.post(`${risks}/R-002/assess`, { likelihood: 1 }), 403, /R-002 is owned by P-002/);
    await expectProblem(await edit(t.unlinked, "R-001"), 403, /linked to no person in the people register/);

    const assessed = await t.owner.post(`${risks}/R-001/assess`, { likelihood: 2, impact: 4, residualLikelihood: 1, residualImpact: 2 });
    expect(assessed.status).toBe(200);
    expect((await bodyOf(assessed, z.object({ risk: riskSchema }))).risk).toMatchObject({ id: "R-001", inherentScore: 8, residualScore: 2 });
    const history = await loadAssessments(getApi().db, t.ws, "R-001");
    expect(history.at(-1)).toMatchObject({ reason: "review", assessedBy: "P-001", score: 8, residualScore: 2 });
    for (const who of [t.auditor, t.viewer]) expect((await who.post(`${risks}/R-001/assess`, { likelihood: 1 })).status).toBe(403);
  });

  it("keeps another workspace's account out: its risks do not exist for it", async () => {
    for (const response of [await t.stranger.get(risks), await t.stranger.get(`${risks}/R-001`), await t.stranger.patch(`${risks}/R-001`, { title: "Mine now" }), await t.stranger.get(`${risks}/heatmap`)]) {
      await expectProblem(response, 404, `No workspace "${t.ws.slug}" for this account; GET /api/workspaces lists yours`);
    }
    expect((await risksOf(await t.admin.get(risks))).find((r) => r.id === "R-001")).not.toMatchObject({ title: "Mine now" });
  });

  it("refuses bad bodies with a 400 problem naming the field", async () => {
    const cases: [Promise<Response>, string, RegExp][] = [
      [t.editor.post(risks, { title: "" }), "title", /write something/],
      [t.editor.post(risks, { description: "no title" }), "title", /expected string/i],
      [t.editor.patch(`${risks}/R-002`, { likelihood: "high" }), "likelihood", /expected number/i],
      [t.editor.patch(`${risks}/R-002`, { decision: "ignore" }), "decision", /treat/],
      [t.editor.patch(`${risks}/R-002`, { nextReview: "next spring" }), "nextReview", /YYYY-MM-DD/],
      [t.editor.patch(`${risks}/R-002`, {}), "", /say what to change/],
      [t.editor.post(`${risks}/R-002/assess`, { likelihood: 0 }), "likelihood", /levels start at 1/],
    ];
    for (const [call, path, message] of cases) await expectFieldProblem(await call, path, message);
    await expectProblem(await t.editor.patch(`${risks}/R-002`, { titel: "Typo" }), 400, /titel/);
    await expectProblem(await t.editor.patch(`${risks}/R-002`, { likelihood: 9 }), 400, /^R-002 likelihood/);
    await expectProblem(await t.editor.patch(`${risks}/R-002`, { owner: "Nobody Known" }), 400, /^owner: no person "Nobody Known" in this workspace/);
  });

  it("moves a risk on the heat map when it is reassessed", async () => {
    const cell = async (kind: "inherent" | "residual", likelihood: number, impact: number) => {
      const response = await t.viewer.get(`${risks}/heatmap?kind=${kind}`);
      expect(response.status).toBe(200);
      const map = heatmapSchema.parse(await response.json());
      return map.cells.find((c) => c.likelihood === likelihood && c.impact === impact);
    };
    await t.editor.patch(`${risks}/R-002`, { likelihood: 2, impact: 2 });
    const before = { low: (await cell("inherent", 2, 2))?.count ?? 0, high: (await cell("inherent", 5, 5))?.count ?? 0 };
    expect((await cell("inherent", 2, 2))?.riskIds).toContain("R-002");

    expect((await t.editor.post(`${risks}/R-002/assess`, { likelihood: 5, impact: 5 })).status).toBe(200);
    expect(await cell("inherent", 2, 2)).toMatchObject({ count: before.low - 1 });
    expect(await cell("inherent", 5, 5)).toMatchObject({ count: before.high + 1 });
    expect((await cell("inherent", 5, 5))?.riskIds).toContain("R-002");
    expect((await t.viewer.get(`${risks}/heatmap?kind=sideways`)).status).toBe(400);
  });

  it("gives the treatment plan: risks above the threshold or to treat, worst first, with what is missing", async () => {
    const response = await t.viewer.get(`${risks}/treatment-plan`);
    expect(response.status).toBe(200);
    const plan = treatmentPlanSchema.parse(await response.json());
    const scores = plan.risks.map((r) => r.risk.inherentScore ?? 0);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    expect(plan.risks.find((r) => r.risk.id === "R-001")).toMatchObject({ missing: "to treat, but no treatment action yet" });
    for (const entry of plan.risks) expect((entry.risk.inherentScore ?? 0) > plan.acceptanceThreshold || entry.risk.decision === "treat").toBe(true);
    const audited = treatmentPlanSchema.parse(await (await t.auditor.get(`${risks}/treatment-plan`)).json());
    expect(audited.risks.map((r) => r.risk.id)).not.toContain("R-002");
  });

  it("documents every route of the register in /api/openapi.json", async () => {
    const { paths } = await bodyOf(await getApi().request("/api/openapi.json"), z.object({ paths: z.record(z.string(), z.record(z.string(), z.unknown())) }));
    const methods = (path: string) => Object.keys(paths[path] ?? {}).sort();
    expect(methods("/api/w/{workspace}/risks")).toEqual(["get", "post"]);
    expect(methods("/api/w/{workspace}/risks/{id}")).toEqual(["get", "patch"]);
    expect(methods("/api/w/{workspace}/risks/{id}/assess")).toEqual(["post"]);
    expect(methods("/api/w/{workspace}/risks/heatmap")).toEqual(["get"]);
    expect(methods("/api/w/{workspace}/risks/treatment-plan")).toEqual(["get"]);
  });
});
