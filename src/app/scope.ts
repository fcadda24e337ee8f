// The ISMS scope (4.3) with its context (4.1 issues, 4.2 interested parties, interfaces and
// dependencies) and the exclusion register. A changed scope statement needs approving again.
import { eq } from "drizzle-orm";
import { InvalidInputError, IsmsError } from "../domain/errors.js";
import type { Db, Tx } from "../store/open.js";
import { scope } from "../store/schema/index.js";
import { appendAuditLog } from "./audit-log.js";
import { listEntries, type Entry } from "./entries.js";
import type { Workspace } from "./workspaces.js";

export interface ScopeView {
  statement: string | null;
  boundaries: string;
  approvedBy: string | null;
  approvedAt: Date | null;
  interfaces: Entry[];
  interestedParties: Entry[];
  issues: Entry[];
  exclusions: Entry[];
}

export async function showScope(db: Db, workspace: Workspace): Promise<ScopeView> {
  const [row] = await db.select().from(scope).where(eq(scope.workspaceId, workspace.id));
  return {
    statement: row?.statement ?? null,
    boundaries: row?.boundaries ?? "",
    approvedBy: row?.approvedBy ?? null,
    approvedAt: row?.approvedAt ?? null,
    interfaces: await listEntries(db, workspace, "scope_interfaces"),
    interestedParties: await listEntries(db, workspace, "interested_parties"),
    issues: await listEntries(db, workspace, "context_issues"),
    exclusions: await listEntries(db, workspace, "exclusions"),
  };
}

/** How an API body names the input fields in errors; without it, the CLI's flags are named. */
export interface ScopeFieldNames {
  statement: string;
}

export async function setScope(
  tx: Tx,
  workspace: Workspace,
  changes: { statement?: string | undefined; boundaries?: string | undefined },
  actor: string,
  options: { fields?: ScopeFieldNames } = {},
): Promise<void> {
  const [before] = await tx.select().from(scope).where(eq(scope.workspaceId, workspace.id));
  const statement = changes.statement?.trim() ?? before?.statement;
  if (!statement && options.fields) throw new InvalidInputError("The scope", [{ path: options.fields.statement, message: "the scope has no statement yet: give one" }]);
  if (!statement) throw new IsmsError("The scope has no statement yet", 'Give one with --statement "…" or --statement-file FILE');
  const after = {
    statement,
    boundaries: changes.boundaries?.trim() ?? before?.boundaries ?? "",
    // A scope that changed is no longer the scope management approved.
    approvedBy: null,
    approvedAt: null,
  };
  if (before) await tx.update(scope).set(after).where(eq(scope.workspaceId, workspace.id));
  else await tx.insert(scope).values({ ...after, id: "scope", workspaceId: workspace.id });
  await appendAuditLog(tx, { workspaceId: workspace.id, actor, action: "scope.set", entityType: "scope", entityId: "scope", before: before ?? null, after });
}

export async function approveScope(tx: Tx, workspace: Workspace, personId: string, actor: string, at = new Date()): Promise<void> {
  const [before] = await tx.select().from(scope).where(eq(scope.workspaceId, workspace.id));
  if (!before) throw new IsmsError("There is no scope statement to approve", 'Write it first: isms scope set --statement "…"');
  await tx.update(scope).set({ approvedBy: personId, approvedAt: at }).where(eq(scope.workspaceId, workspace.id));
  await appendAuditLog(tx, {
    workspaceId: workspace.id,
    actor,
    action: "scope.approve",
    entityType: "scope",
    entityId: "scope",
    before: { approvedBy: before.approvedBy, approvedAt: before.approvedAt },
    after: { approvedBy: personId, approvedAt: at },
  });
}
