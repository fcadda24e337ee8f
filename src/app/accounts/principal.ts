// What an account is in a workspace: its Principal for permissions.ts (role, person, and for an
// auditor the audit's controls, clauses and period), and the workspaces it belongs to.
import { and, asc, eq } from "drizzle-orm";
import type { AuditScope, Principal, Role } from "../../domain/access/permissions.js";
import type { Db } from "../../store/open.js";
import { audits, memberships, workspaces } from "../../store/schema/index.js";
import type { Workspace } from "../workspaces.js";
import { roleOf } from "./records.js";

/** The account's principal in the workspace, or null when it is no member there. */
export async function principalFor(db: Db, account: { id: string }, workspace: Pick<Workspace, "id">): Promise<Principal | null> {
  const [membership] = await db.select().from(memberships).where(and(eq(memberships.workspaceId, workspace.id), eq(memberships.accountId, account.id)));
  if (!membership) return null;
  const role = roleOf(membership.role);
  const audit = role === "auditor" && membership.auditId ? await auditScopeOf(db, workspace.id, membership.auditId) : null;
  return { workspaceId: workspace.id, role, personId: membership.personId, audit };
}

// A missing date bounds nothing on its side; the audit's controls and clauses still bound what is seen.
const earliest = "0001-01-01";
const latest = "9999-12-31";

/**
 * The audit's scope: its controls and clauses, over its actual period once it has started (open-ended
 * until it ends), else its planned one.
 */
async function auditScopeOf(db: Db, workspaceId: string, auditId: string): Promise<AuditScope | null> {
  const [audit] = await db.select().from(audits).where(and(eq(audits.workspaceId, workspaceId), eq(audits.id, auditId)));
  if (!audit) return null;
  return {
    auditId: audit.id,
    controls: audit.controls,
    clauses: audit.clauses,
    periodStart: (audit.actualStart ?? audit.plannedStart) ?? earliest,
    periodEnd: (audit.actualStart ? audit.actualEnd : audit.plannedEnd) ?? latest,
  };
}

export interface AccountWorkspace {
  slug: string;
  name: string;
  companyName: string;
  role: Role;
  /** The account's person in the workspace's people register (what a control owner owns is owned by this id). */
  personId: string | null;
  /** For an auditor: the audit whose scope and period bound what they see. */
  audit: AuditScope | null;
}

/** The workspaces the account is a member of, by slug, with its role in each. */
export async function workspacesOf(db: Db, accountId: string): Promise<AccountWorkspace[]> {
  const rows = await db
    .select({ workspaceId: workspaces.id, slug: workspaces.slug, name: workspaces.name, companyName: workspaces.companyName, role: memberships.role, personId: memberships.personId, auditId: memberships.auditId })
    .from(memberships)
    .innerJoin(workspaces, eq(workspaces.id, memberships.workspaceId))
    .where(eq(memberships.accountId, accountId))
    .orderBy(asc(workspaces.slug));
  const found: AccountWorkspace[] = [];
  for (const { workspaceId, auditId, ...row } of rows) {
    const role = roleOf(row.role);
    const audit = role === "auditor" && auditId ? await auditScopeOf(db, workspaceId, auditId) : null;
    found.push({ ...row, role, audit });
  }
  return found;
}
