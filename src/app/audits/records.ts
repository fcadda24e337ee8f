// Reading audits, their checklists, findings and corrective actions from the store, and the one-line
// errors that say which id was not found and how to list the ids there are.
import { and, asc, eq } from "drizzle-orm";
import { z } from "zod";
import { IsmsError } from "../../domain/errors.js";
import type { Db } from "../../store/open.js";
import { auditChecklistItems, auditFindings, auditLog, audits, correctiveActions } from "../../store/schema/index.js";
import { compareIds } from "../registers.js";
import type { Workspace } from "../workspaces.js";

export type Audit = Omit<typeof audits.$inferSelect, "workspaceId">;
export type ChecklistItem = Omit<typeof auditChecklistItems.$inferSelect, "workspaceId">;
export type Finding = Omit<typeof auditFindings.$inferSelect, "workspaceId">;
export type CorrectiveAction = Omit<typeof correctiveActions.$inferSelect, "workspaceId">;

function withoutWorkspace<T extends { workspaceId: string }>(row: T): Omit<T, "workspaceId"> {
  const { workspaceId: _workspaceId, ...rest } = row;
  return rest;
}

const byId = <T extends { id: string }>(a: T, b: T) => compareIds(a.id, b.id);

/** The day an audit is dated by: when it started, else when it was planned to. */
export function auditDay(audit: Pick<Audit, "actualStart" | "plannedStart" | "plannedEnd">): string | null {
  return audit.actualStart ?? audit.plannedStart ?? audit.plannedEnd;
}

export async function listAudits(db: Db, workspace: Workspace): Promise<Audit[]> {
  const rows = await db.select().from(audits).where(eq(audits.workspaceId, workspace.id));
  return rows.map(withoutWorkspace).sort(byId);
}

export async function getAudit(db: Db, workspace: Workspace, id: string): Promise<Audit> {
  const [row] = await db.select().from(audits).where(and(eq(audits.workspaceId, workspace.id), eq(audits.id, id)));
  if (!row) throw new IsmsError(`No audit ${id} in this workspace`, "List the audits with: isms audit list");
  return withoutWorkspace(row);
}

export async function loadChecklist(db: Db, workspace: Workspace, auditId: string): Promise<ChecklistItem[]> {
  const rows = await db
    .select()
    .from(auditChecklistItems)
    .where(and(eq(auditChecklistItems.workspaceId, workspace.id), eq(auditChecklistItems.auditId, auditId)));
  return rows.map(withoutWorkspace).sort((a, b) => compareRequirements(a.requirement, b.requirement));
}

/** Clauses first (4 … 10), then controls (A.5.1 … A.8.34), each in the standard's order. */
export function compareRequirements(a: string, b: string): number {
  const control = (ref: string) => ref.startsWith("A.");
  if (control(a) !== control(b)) return control(a) ? 1 : -1;
  return compareIds(a.replace(/^A\./, ""), b.replace(/^A\./, ""));
}

export interface FindingFilter {
  auditId?: string | undefined;
  /** Only findings still open. */
  open?: boolean | undefined;
}

export async function listFindings(db: Db, workspace: Workspace, filter: FindingFilter = {}): Promise<Finding[]> {
  const rows = await db.select().from(auditFindings).where(eq(auditFindings.workspaceId, workspace.id));
  return rows
    .map(withoutWorkspace)
    .filter((f) => (filter.auditId === undefined || f.auditId === filter.auditId) && (!filter.open || f.status !== "closed"))
    .sort(byId);
}

export async function getFinding(db: Db, workspace: Workspace, id: string): Promise<Finding> {
  const [row] = await db.select().from(auditFindings).where(and(eq(auditFindings.workspaceId, workspace.id), eq(auditFindings.id, id)));
  if (!row) throw new IsmsError(`No finding ${id} in this workspace`, "List the findings with: isms finding list");
  return withoutWorkspace(row);
}

export async function listCorrectiveActions(db: Db, workspace: Workspace, findingId?: string): Promise<CorrectiveAction[]> {
  const where = findingId
    ? and(eq(correctiveActions.workspaceId, workspace.id), eq(correctiveActions.findingId, findingId))
    : eq(correctiveActions.workspaceId, workspace.id);
  const rows = await db.select().from(correctiveActions).where(where);
  return rows.map(withoutWorkspace).sort(byId);
}

export async function getCorrectiveAction(db: Db, workspace: Workspace, id: string): Promise<CorrectiveAction> {
  const [row] = await db.select().from(correctiveActions).where(and(eq(correctiveActions.workspaceId, workspace.id), eq(correctiveActions.id, id)));
  if (!row) throw new IsmsError(`No corrective action ${id} in this workspace`, "List them with: isms action list");
  return withoutWorkspace(row);
}

/** The audit-log action that records an auditor kept despite a conflict of independence. */
export const independenceOverrideAction = "audit.independence_override";

const overrideRecord = z.object({ auditor: z.string(), reason: z.string(), conflicts: z.array(z.string()) });
export type IndependenceOverride = z.infer<typeof overrideRecord> & { at: Date; actor: string };

/** Every override of the independence check recorded for an audit, oldest first. */
export async function loadIndependenceOverrides(db: Db, workspace: Workspace, auditId: string): Promise<IndependenceOverride[]> {
  const rows = await db
    .select({ after: auditLog.after, at: auditLog.at, actor: auditLog.actor })
    .from(auditLog)
    .where(and(eq(auditLog.workspaceId, workspace.id), eq(auditLog.action, independenceOverrideAction), eq(auditLog.entityId, auditId)))
    .orderBy(asc(auditLog.seq));
  return rows.flatMap((row) => {
    const parsed = overrideRecord.safeParse(row.after);
    return parsed.success ? [{ ...parsed.data, at: row.at, actor: row.actor }] : [];
  });
}
