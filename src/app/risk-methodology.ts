// The risk assessment methodology of a workspace (6.1.2, 8.2): versioned, approved, and the basis of
// every score. A new version rescores every risk and keeps the earlier scores in the history.
import { desc, eq, ne, and } from "drizzle-orm";
import { IsmsError } from "../domain/errors.js";
import { defaultMethodology, parseMethodology, type Methodology } from "../domain/risk/index.js";
import type { Db, Tx } from "../store/open.js";
import { riskMethodologies } from "../store/schema/index.js";
import { appendAuditLog } from "./audit-log.js";
import { lockRiskIds, rescoreWorkspaceRisks, type RescoreSummary } from "./risks.js";
import type { Workspace } from "./workspaces.js";

export const methodologyStatuses = ["draft", "approved", "superseded"] as const;
export type MethodologyStatus = (typeof methodologyStatuses)[number];

export interface MethodologyVersion {
  version: number;
  status: MethodologyStatus;
  body: Methodology;
  approvedBy: string | null;
  approvedAt: Date | null;
}

function toStatus(value: string): MethodologyStatus {
  const status = methodologyStatuses.find((s) => s === value);
  if (!status) throw new IsmsError(`Stored methodology has an unknown status "${value}"`);
  return status;
}

export async function listMethodologyVersions(db: Db, workspace: Workspace): Promise<MethodologyVersion[]> {
  const rows = await db.select().from(riskMethodologies).where(eq(riskMethodologies.workspaceId, workspace.id)).orderBy(desc(riskMethodologies.version));
  return rows.map((r) => ({
    version: r.version,
    status: toStatus(r.status),
    body: parseMethodology(r.body, `risk methodology v${r.version}`),
    approvedBy: r.approvedBy,
    approvedAt: r.approvedAt,
  }));
}

/** The methodology in force: the newest version, approved or not (readiness flags an unapproved one). */
export async function currentMethodology(db: Db, workspace: Workspace): Promise<MethodologyVersion> {
  const [latest] = await listMethodologyVersions(db, workspace);
  if (!latest) throw new IsmsError("This workspace has no risk methodology yet", "Set one with: isms risk methodology set --preset 5x5-product");
  return latest;
}

async function insertVersion(tx: Tx, workspace: Workspace, version: number, body: Methodology): Promise<void> {
  await tx.insert(riskMethodologies).values({ workspaceId: workspace.id, id: `M-${String(version).padStart(3, "0")}`, version, status: "draft", body });
}

/** Gives a new workspace the default methodology as version 1 (a draft to review and approve). */
export async function ensureMethodology(tx: Tx, workspace: Workspace): Promise<void> {
  const [any] = await tx.select({ v: riskMethodologies.version }).from(riskMethodologies).where(eq(riskMethodologies.workspaceId, workspace.id)).limit(1);
  if (!any) await insertVersion(tx, workspace, 1, defaultMethodology());
}

export interface MethodologyChange {
  version: number;
  rescore: RescoreSummary;
}

/** Makes `input` the methodology in force as a new draft version and rescores every risk under it. */
export async function setMethodology(tx: Tx, workspace: Workspace, input: unknown, options: { actor: string; by?: string | null; at?: Date; source?: string }): Promise<MethodologyChange> {
  const body = parseMethodology(input, options.source ?? "risk methodology");
  // Rescoring records assessments: take the risk-id lock before any write, as every such path does.
  await lockRiskIds(tx, workspace);
  const previous = await currentMethodology(tx, workspace).catch(() => undefined);
  const version = (previous?.version ?? 0) + 1;
  await tx.update(riskMethodologies).set({ status: "superseded" }).where(and(eq(riskMethodologies.workspaceId, workspace.id), ne(riskMethodologies.status, "superseded")));
  await insertVersion(tx, workspace, version, body);
  const rescore = await rescoreWorkspaceRisks(tx, workspace, {
    methodology: body,
    version,
    previous: previous?.body,
    reason: `methodology v${version}`,
    at: options.at ?? new Date(),
    by: options.by ?? null,
  });
  await appendAuditLog(tx, {
    workspaceId: workspace.id,
    actor: options.actor,
    action: "risk_methodology.set",
    entityType: "risk_methodology",
    entityId: `v${version}`,
    before: previous ? { version: previous.version, body: previous.body } : null,
    after: { version, body, rescored: rescore.rescored },
  });
  return { version, rescore };
}

export async function approveMethodology(tx: Tx, workspace: Workspace, personId: string, options: { actor: string; at?: Date }): Promise<MethodologyVersion> {
  const current = await currentMethodology(tx, workspace);
  const at = options.at ?? new Date();
  await tx
    .update(riskMethodologies)
    .set({ status: "approved", approvedBy: personId, approvedAt: at })
    .where(and(eq(riskMethodologies.workspaceId, workspace.id), eq(riskMethodologies.version, current.version)));
  await appendAuditLog(tx, {
    workspaceId: workspace.id,
    actor: options.actor,
    action: "risk_methodology.approve",
    entityType: "risk_methodology",
    entityId: `v${current.version}`,
    before: { status: current.status, approvedBy: current.approvedBy },
    after: { status: "approved", approvedBy: personId, approvedAt: at },
  });
  return { ...current, status: "approved", approvedBy: personId, approvedAt: at };
}
