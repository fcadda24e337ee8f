// Workspace use cases: create one (from a template), find the one a command acts on, summarize it.
import { count, eq, getTableColumns } from "drizzle-orm";
import { annexAControls } from "../catalog/annex-a.js";
import { awsControlMap } from "../catalog/aws-map.js";
import { IsmsError, InvalidInputError } from "../domain/errors.js";
import { newWorkspace, slugFromName, type WorkspaceTemplate } from "../domain/workspace.js";
import type { Db } from "../store/open.js";
import { scope, workspaces } from "../store/schema/index.js";
import { createWorkspace, findWorkspace, listWorkspaces as listStoredWorkspaces } from "../store/workspaces.js";
import { workspaceTables } from "../store/schema/index.js";
import { appendAuditLog } from "./audit-log.js";
import { currentMethodology, ensureMethodology } from "./risk-methodology.js";
import { rescoreWorkspaceRisks } from "./risks.js";
import { prefillStatementOfApplicability } from "./soa-prefill.js";
import { createTemplateDocuments } from "./documents/from-templates.js";
import { applyTemplate } from "./templates.js";

export interface Workspace {
  id: string;
  slug: string;
  name: string;
  companyName: string;
  template: string;
}

export interface WorkspaceSummary {
  workspace: Omit<Workspace, "id">;
  scopeStatement: string | null;
  registers: { name: string; count: number }[];
  catalog: {
    controls: number;
    byTheme: { theme: string; count: number }[];
    awsEvidenced: number;
    inherited: number;
  };
}

export interface InitWorkspaceInput {
  name: string;
  slug?: string | undefined;
  companyName?: string | undefined;
  template: WorkspaceTemplate;
  actor?: string;
  /** Delete a workspace with the same slug first (the demo is rebuilt on every run). */
  replaceExisting?: boolean;
}

export async function initWorkspace(db: Db, input: InitWorkspaceInput): Promise<WorkspaceSummary> {
  const parsed = newWorkspace.safeParse({
    slug: input.slug ?? slugFromName(input.name),
    name: input.name,
    companyName: input.companyName ?? input.name,
    template: input.template,
  });
  if (!parsed.success) {
    throw new InvalidInputError(
      "isms init",
      parsed.error.issues.map((i) => ({ path: `--${i.path.join(".") === "companyName" ? "company" : i.path.join(".")}`, message: i.message })),
    );
  }
  const workspace = await db.transaction(async (tx) => {
    if (input.replaceExisting) await tx.delete(workspaces).where(eq(workspaces.slug, parsed.data.slug));
    const created = await createWorkspace(tx, parsed.data);
    await applyTemplate(tx, created, parsed.data.template);
    await ensureMethodology(tx, created);
    // The template's risks carry suggested ratings; scoring them is their initial assessment (8.2).
    const methodology = await currentMethodology(tx, created);
    await rescoreWorkspaceRisks(tx, created, { methodology: methodology.body, version: methodology.version, reason: "initial", at: new Date(), by: null, countsAsReview: true });
    await prefillStatementOfApplicability(tx, created, parsed.data.template, { actor: input.actor ?? "cli" });
    // Last: the drafts are filled from the scope, roles, methodology, objectives and SoA written above.
    await createTemplateDocuments(tx, created, parsed.data.template, { actor: input.actor ?? "cli" });
    await appendAuditLog(tx, {
      workspaceId: created.id,
      actor: input.actor ?? "cli",
      action: "workspace.create",
      entityType: "workspace",
      entityId: created.slug,
      before: null,
      after: parsed.data,
    });
    return created;
  });
  return summarizeWorkspace(db, workspace);
}

export async function listWorkspaces(db: Db): Promise<Workspace[]> {
  return listStoredWorkspaces(db);
}

/** The workspace a command acts on: the one named, or the only one there is. */
export async function resolveWorkspace(db: Db, slug: string | undefined): Promise<Workspace> {
  if (slug) {
    const found = await findWorkspace(db, slug);
    if (!found) {
      const known = (await listStoredWorkspaces(db)).map((w) => w.slug);
      throw new IsmsError(
        `No workspace "${slug}"`,
        known.length ? `Known workspaces: ${known.join(", ")}` : "Create one with: isms init --name 'My ISMS'",
      );
    }
    return found;
  }
  const all = await listStoredWorkspaces(db);
  if (all.length === 1 && all[0]) return all[0];
  if (all.length === 0) throw new IsmsError("There is no workspace yet", "Create one with: isms init --name 'My ISMS' --template aws-saas");
  throw new IsmsError(
    `There are ${all.length} workspaces (${all.map((w) => w.slug).join(", ")})`,
    "Say which with --workspace SLUG or ISMS_WORKSPACE",
  );
}

export async function summarizeWorkspace(db: Db, workspace: Workspace): Promise<WorkspaceSummary> {
  const registers: WorkspaceSummary["registers"] = [];
  for (const { name, table } of workspaceTables) {
    const column = getTableColumns(table).workspaceId;
    if (!column) continue;
    const [row] = await db.select({ n: count() }).from(table).where(eq(column, workspace.id));
    registers.push({ name, count: row?.n ?? 0 });
  }
  const [scopeRow] = await db.select({ statement: scope.statement }).from(scope).where(eq(scope.workspaceId, workspace.id));
  const themes = ["organizational", "people", "physical", "technological"];
  return {
    workspace: { slug: workspace.slug, name: workspace.name, companyName: workspace.companyName, template: workspace.template },
    scopeStatement: scopeRow?.statement ?? null,
    registers,
    catalog: {
      controls: annexAControls.length,
      byTheme: themes.map((theme) => ({ theme, count: annexAControls.filter((c) => c.theme === theme).length })),
      awsEvidenced: awsControlMap.filter((m) => m.coverage === "aws-evidence").length,
      inherited: awsControlMap.filter((m) => m.coverage === "inherited").length,
    },
  };
}
