// The Statement of Applicability over HTTP (6.1.3 d): every control filtered by theme, applicability,
// status, owner or 27002 attribute; one control with its evidence and check results; a control's entry
// changed; and the XLSX export. Each route asks authorize() first and calls the services the CLI calls.
import { createRoute, z, type OpenAPIHono } from "@hono/zod-openapi";
import type { Context } from "hono";
import { findEvidenceRecords } from "../../app/evidence-files.js";
import { loadPersonNames, loadStoredSoaRows, setSoaEntry } from "../../app/soa.js";
import { renderSoa, soaExportModel } from "../../app/soa-export.js";
import { isControlId } from "../../catalog/annex-a.js";
import { can } from "../../domain/access/permissions.js";
import { IsmsError } from "../../domain/errors.js";
import type { CheckResult } from "../../domain/soa/index.js";
import { isoDay } from "../../domain/risk/index.js";
import type { AppEnv } from "../env.js";
import { authorize } from "../middleware/authorize.js";
import { problemResponses } from "../problem.js";
import { authorizeSomeChange, body, json, unfilteredListFromView, visibleTo, workspaceParam } from "./route-parts.js";
import { controlIdOf, controlParam, soaChangesSchema, soaControlSchema, soaListQuery, soaListSchema, soaRow, soaRowSchema } from "./soa-schemas.js";
import { filterSoaRows, soaList, soaView } from "./soa-views.js";
import type { checkResultSchema } from "./soa-schemas.js";

const tags = ["soa"];
const xlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

const listRoute = createRoute({
  method: "get",
  path: "/api/w/{workspace}/soa",
  tags,
  summary: "The Statement of Applicability: the 93 Annex A controls, then the workspace's own",
  request: { params: workspaceParam, query: soaListQuery },
  middleware: [unfilteredListFromView("soa", async (db, ws) => (await soaView(db, ws)).listJson)],
  responses: { 200: json(soaListSchema, "The matching controls in the standard's order"), ...problemResponses(400, 401, 403, 404) },
});

const exportRoute = createRoute({
  method: "get",
  path: "/api/w/{workspace}/soa.xlsx",
  tags,
  summary: "The SoA as an XLSX workbook for the auditor (with its summary sheet)",
  request: { params: workspaceParam },
  responses: {
    200: { description: "The workbook, as an attachment", content: { [xlsxType]: { schema: z.string().openapi({ format: "binary" }) } } },
    ...problemResponses(401, 403, 404),
  },
});

const getRoute = createRoute({
  method: "get",
  path: "/api/w/{workspace}/soa/{control}",
  tags,
  summary: "One control's SoA entry with its evidence and the latest automated check results",
  request: { params: controlParam },
  responses: { 200: json(soaControlSchema, "The control"), ...problemResponses(401, 403, 404) },
});

const changeRoute = createRoute({
  method: "patch",
  path: "/api/w/{workspace}/soa/{control}",
  tags,
  summary: "Change one control's entry: applicability and justification, status, owner, implementation",
  request: { params: controlParam, ...body(soaChangesSchema) },
  responses: { 200: json(z.object({ control: soaRowSchema }), "The control as changed"), ...problemResponses(400, 401, 403, 404) },
});

/** What authorize() needs of a control: its id, its owner (a control owner changes own controls), itself as the audit's scope. */
const controlResource = (control: { controlId: string; owner: string | null }) => ({ id: control.controlId, owner: control.owner, controlIds: [control.controlId] });

const noControl = (c: Context<AppEnv>, id: string) => new IsmsError(`No control ${id} in this SoA`, `Annex A ids look like 5.1 or 8.24; GET /api/w/${c.var.workspace.slug}/soa lists every control`);

export function registerSoaRoutes(app: OpenAPIHono<AppEnv>): void {
  app.openapi(listRoute, async (c) => {
    const decision = authorize(c, "read", "soa");
    const view = await soaView(c.var.db, c.var.workspace);
    return c.json(soaList(filterSoaRows(visibleTo(c, decision, "soa", view.rows, controlResource), c.req.valid("query"))), 200);
  });

  app.openapi(exportRoute, async (c) => {
    const decision = authorize(c, "export", "soa");
    const ws = c.var.workspace;
    const model = await soaExportModel(c.var.db, ws);
    const entries = visibleTo(c, decision, "soa", model.entries, controlResource);
    const workbook = await renderSoa({ ...model, entries }, "xlsx");
    return c.body(new Uint8Array(workbook), 200, {
      "content-type": xlsxType,
      "content-disposition": `attachment; filename="soa-${ws.slug}-${isoDay(new Date())}.xlsx"`,
    });
  });

  app.openapi(getRoute, async (c) => {
    authorize(c, "read", "soa");
    const id = controlIdOf(c.req.valid("param").control);
    const view = await soaView(c.var.db, c.var.workspace);
    const index = view.entries.findIndex((e) => e.controlId === id);
    const entry = view.entries[index];
    const row = view.rows[index];
    if (!entry || !row) throw noControl(c, id);
    authorize(c, "read", "soa", controlResource(entry));
    const fresh = new Map(entry.evidence.map((e) => [e.id, e.fresh]));
    const records = await findEvidenceRecords(c.var.db, c.var.workspace, entry.evidence.map((e) => e.id));
    const evidence = records
      .map((r) => ({
        id: r.id,
        kind: r.kind,
        title: r.title,
        collectedAt: r.collectedAt.toISOString(),
        periodStart: r.periodStart,
        periodEnd: r.periodEnd,
        fresh: fresh.get(r.id) ?? false,
        source: r.source.kind,
      }))
      .sort((a, b) => b.collectedAt.localeCompare(a.collectedAt) || a.id.localeCompare(b.id, "en", { numeric: true }));
    return c.json({ control: row, evidence: visibleEvidence(c, id, evidence), checkResults: checkResultsOf(view.checkResults, id) }, 200);
  });

  app.openapi(changeRoute, async (c) => {
    const id = controlIdOf(c.req.valid("param").control);
    const changes = c.req.valid("json");
    const ws = c.var.workspace;
    authorizeSomeChange(c, "soa");
    const entry = await c.var.db.transaction(async (tx) => {
      const stored = (await loadStoredSoaRows(tx, ws)).find((r) => r.controlId === id);
      // Own controls always have a stored row; an Annex A control may not have one yet.
      if (!stored && !isControlId(id)) throw noControl(c, id);
      authorize(c, "update", "soa", controlResource({ controlId: id, owner: stored?.owner ?? null }));
      return setSoaEntry(tx, ws, id, changes, { actor: c.var.actor });
    });
    const row = soaRow(entry, await loadPersonNames(c.var.db, ws));
    return c.json({ control: row }, 200);
  });
}

/** An auditor sees the evidence of the audit's period only, as can() says; everyone else all of it. */
function visibleEvidence<T extends { id: string; collectedAt: string }>(c: Context<AppEnv>, controlId: string, evidence: T[]): T[] {
  return evidence.filter((e) => can(c.var.principal, "read", "evidence", { workspaceId: c.var.workspace.id, id: e.id, controlIds: [controlId], on: e.collectedAt.slice(0, 10) }).allowed);
}

function checkResultsOf(results: readonly CheckResult[], controlId: string): z.infer<typeof checkResultSchema>[] {
  return results
    .filter((r) => r.controlId === controlId)
    .map((r) => ({
      checkId: r.checkId ?? "",
      passed: r.passed,
      account: r.account ?? "",
      region: r.region ?? "",
      resource: r.resource ?? "",
      detail: r.detail ?? "",
      collectedAt: r.collectedAt ? r.collectedAt.toISOString() : null,
    }));
}
