// The dashboard over the HTTP API, on both databases: readiness per stage with the top findings, SoA
// status by theme, heat maps that follow a changed risk, evidence freshness, overdue activities; an
// auditor's dashboard bounded by their audit; another workspace's account kept out (404).
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { addAudit } from "../src/app/audits/audits.js";
import { addEntry } from "../src/app/entries.js";
import { addRisk } from "../src/app/risks.js";
import { setSoaEntry } from "../src/app/soa.js";
import type { Workspace } from "../src/app/workspaces.js";
import { createBlobStore, type BlobStore } from "../src/evidence/blobs.js";
import { recordEvidence } from "../src/evidence/records.js";
import { z } from "zod";
import { severities } from "../src/readiness/index.js";
import { dashboardSchema } from "../src/server/routes/dashboard.js";
import { bodyOf, describeEachApi, type ApiClient, type TestApi } from "./helpers/api.js";

let blobRoot: string;
let blobs: BlobStore;
beforeAll(async () => {
  blobRoot = await mkdtemp(join(tmpdir(), "isms-api-dashboard-"));
  blobs = createBlobStore(blobRoot);
});
afterAll(() => rm(blobRoot, { recursive: true, force: true }));

const dayMs = 86_400_000;

interface Team {
  ws: Workspace;
  admin: ApiClient;
  editor: ApiClient;
  owner: ApiClient;
  /** Audits AUD-001: control 8.5 over the last and the next 100 days. */
  auditor: ApiClient;
  viewer: ApiClient;
  stranger: ApiClient;
}

/**
 * Two applicable controls (8.5 with a policy collected today, 5.15 with an access review from 200 days
 * ago), two rated risks, and an access review activity overdue since 2020.
 */
async function team(api: TestApi): Promise<Team> {
  const admin = await api.setUpAdmin();
  const ws = await api.workspace({ template: "blank" });
  const day = (offset: number) => new Date(Date.now() + offset * dayMs).toISOString().slice(0, 10);
  await api.db.transaction(async (tx) => {
    await addEntry(tx, ws, "people", { name: "Olivia Owner" }, { actor: "test", idPrefix: "P" });
    await setSoaEntry(tx, ws, "8.5", { applicability: "applicable", reasons: [{ kind: "business" }], owner: "P-001" }, { actor: "test" });
    await setSoaEntry(tx, ws, "5.15", { applicability: "applicable", reasons: [{ kind: "business" }] }, { actor: "test" });
    await addRisk(tx, ws, { title: "Console access without MFA", likelihood: 3, impact: 4, residualLikelihood: 1, residualImpact: 2, decision: "treat", controlIds: ["8.5"], owner: "P-001" }, { actor: "test" });
    await addRisk(tx, ws, { title: "Stale access rights", likelihood: 2, impact: 2, controlIds: ["5.15"] }, { actor: "test" });
    await addEntry(tx, ws, "activities", { kind: "access-review", title: "Quarterly access review", owner: "P-001", due: "2020-01-15" }, { actor: "test", idPrefix: "ACT" });
    await addAudit(tx, ws, { title: "Stage 2", kind: "stage2", auditor: "Certification body", plannedStart: day(-100), plannedEnd: day(100), controls: ["8.5"] }, { actor: "test" });
    await recordEvidence(tx, ws, blobs, { kind: "policy", title: "Access control policy", controlIds: ["8.5"], source: { kind: "upload" }, collectedAt: new Date(), content: { version: 3 } });
    await recordEvidence(tx, ws, blobs, { kind: "access-review", title: "Access review", controlIds: ["5.15"], source: { kind: "upload" }, collectedAt: new Date(Date.now() - 200 * dayMs), content: { reviewed: 12 } });
  });
  const other = await api.workspace({ template: "blank" });
  return {
    ws,
    admin,
    editor: await api.member("editor", ws),
    owner: await api.member("control-owner", ws, { personId: "P-001" }),
    auditor: await api.member("auditor", ws, { auditId: "AUD-001" }),
    viewer: await api.member("viewer", ws),
    stranger: await api.member("administrator", other),
  };
}

type Dashboard = z.infer<typeof dashboardSchema>;
type Heatmap = Dashboard["heatmaps"]["inherent"];

const total = (map: Heatmap) => map.cells.reduce((sum, cell) => sum + cell.count, 0);
const countAt = (map: Heatmap, likelihood: number, impact: number) => map.cells.find((c) => c.likelihood === likelihood && c.impact === impact)?.count;

describeEachApi("the dashboard API", (getApi) => {
  let t: Team;
  let path: string;
  const dashboard = async (who: ApiClient): Promise<Dashboard> => {
    const response = await who.get(path);
    expect(response.status).toBe(200);
    return dashboardSchema.parse(await response.json());
  };
  beforeAll(async () => {
    t = await team(getApi());
    path = `/api/w/${t.ws.slug}/dashboard`;
  });

  it("shows readiness per stage, each with at most five findings, the worst first", async () => {
    const { readiness } = await dashboard(t.admin);
    expect(readiness?.map((s) => s.stage)).toEqual(["stage1", "stage2", "surveillance"]);
    for (const stage of readiness ?? []) {
      expect(stage.score).toBeGreaterThanOrEqual(0);
      expect(stage.score).toBeLessThan(100);
      expect(stage.topFindings.length).toBeGreaterThan(0);
      expect(stage.topFindings.length).toBeLessThanOrEqual(5);
      const ranks = stage.topFindings.map((f) => severities.findIndex((s) => s === f.severity));
      expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
      expect(Object.values(stage.findings).reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(stage.topFindings.length);
    }
    // A blank workspace has no policy and an undecided SoA: Stage 1 would fail, and says how to fix it.
    expect(readiness?.[0]?.wouldFail).toBe(true);
    const worst = readiness?.[0]?.topFindings[0];
    expect(worst?.severity).toBe("would-fail-stage1");
    expect(worst?.fix).toMatch(/isms /);
  });

  it("counts the SoA by theme: decisions over all controls, statuses over those in the SoA", async () => {
    const { soaByTheme } = await dashboard(t.viewer);
    expect(soaByTheme.map((s) => [s.theme, s.controls])).toEqual([["organizational", 37], ["people", 8], ["physical", 14], ["technological", 34]]);
    expect(soaByTheme.find((s) => s.theme === "technological")).toMatchObject({ applicable: 1, undecided: 33, implemented: 1, notAssessed: 0 });
    expect(soaByTheme.find((s) => s.theme === "organizational")).toMatchObject({ applicable: 1, undecided: 36, notAssessed: 1 });
  });

  it("tells fresh evidence from stale, per control in the SoA and per kind, stale kinds first", async () => {
    const { evidenceFreshness } = await dashboard(t.viewer);
    expect(evidenceFreshness.controls).toEqual({ fresh: 1, stale: 1, none: 0 });
    expect(evidenceFreshness.kinds).toEqual([expect.objectContaining({ kind: "access-review", fresh: false }), expect.objectContaining({ kind: "policy", fresh: true })]);
  });

  it("lists the longest overdue activities first, with how many days late they are", async () => {
    const { overdueActivities } = await dashboard(t.owner);
    expect(overdueActivities.total).toBeGreaterThanOrEqual(overdueActivities.oldest.length);
    expect(overdueActivities.oldest[0]).toMatchObject({ id: "ACT-001", title: "Quarterly access review", due: "2020-01-15" });
    expect(overdueActivities.oldest[0]?.daysOverdue).toBeGreaterThan(365 * 6);
    const days = overdueActivities.oldest.map((a) => a.daysOverdue);
    expect(days).toEqual([...days].sort((a, b) => b - a));
  });

  it("shows the heat maps, and a changed risk changes their counts on the next request", async () => {
    const before = (await dashboard(t.viewer)).heatmaps;
    expect([total(before.inherent), total(before.residual)]).toEqual([2, 2]);
    expect(countAt(before.inherent, 3, 4)).toBe(1);
    expect(countAt(before.residual, 1, 2)).toBe(1);

    expect((await t.editor.post(`/api/w/${t.ws.slug}/risks/R-001/assess`, { likelihood: 5, impact: 5 })).status).toBe(200);
    const after = (await dashboard(t.viewer)).heatmaps;
    expect(countAt(after.inherent, 3, 4)).toBe(0);
    expect(countAt(after.inherent, 5, 5)).toBe(1);
    expect(total(after.inherent)).toBe(2);
  });

  it("gives an auditor the SoA, risks, evidence and activities of their audit, and no readiness", async () => {
    const seen = await dashboard(t.auditor);
    expect(seen.readiness).toBeNull();
    expect(seen.soaByTheme.map((s) => [s.theme, s.controls, s.applicable])).toEqual([["technological", 1, 1]]);
    expect(total(seen.heatmaps.inherent)).toBe(1);
    expect(seen.evidenceFreshness).toEqual({ controls: { fresh: 1, stale: 0, none: 0 }, kinds: [expect.objectContaining({ kind: "policy" })] });
    // The activity was due in 2020, before the audit's period.
    expect(seen.overdueActivities.oldest.map((a) => a.id)).not.toContain("ACT-001");
  });

  it("keeps another workspace's account out", async () => {
    const response = await t.stranger.get(path);
    expect(response.status).toBe(404);
    expect(response.headers.get("content-type")).toBe("application/problem+json");
  });

  it("is documented in /api/openapi.json", async () => {
    const { paths } = await bodyOf(await getApi().request("/api/openapi.json"), z.object({ paths: z.record(z.string(), z.record(z.string(), z.unknown())) }));
    expect(Object.keys(paths["/api/w/{workspace}/dashboard"] ?? {})).toEqual(["get"]);
  });
});
