// Who belongs to a workspace and with which role (5.3; A.5.18 access rights provided, changed and
// removed): add a member (inviting a new account), change a role, remove one; never the last administrator.
import { and, asc, eq } from "drizzle-orm";
import { z } from "zod";
import type { Role } from "../../domain/access/permissions.js";
import { InvalidInputError } from "../../domain/errors.js";
import type { Db, Tx } from "../../store/open.js";
import { accounts, audits, memberships, people } from "../../store/schema/index.js";
import { appendAuditLog } from "../audit-log.js";
import type { Workspace } from "../workspaces.js";
import { AccountError } from "./errors.js";
import { issueLink, type OneTimeLink } from "./one-time-links.js";
import { emailSchema, getAccount, nameSchema, roleOf, roleSchema, storedRole } from "./records.js";

const reference = z.string().trim().min(1).max(100);

export const membershipFields = z.object({
  role: roleSchema,
  /** The account's person in the people register: what a control owner owns. */
  personId: reference.nullish(),
  /** For an auditor: the audit whose scope and period bound what they see. */
  auditId: reference.nullish(),
});

export const newMemberInput = membershipFields.extend({ email: emailSchema, name: nameSchema });
export type NewMemberInput = z.input<typeof newMemberInput>;
export type MembershipChange = z.input<typeof membershipFields>;

export interface Member {
  accountId: string;
  email: string;
  name: string;
  role: Role;
  personId: string | null;
  auditId: string | null;
  /** Invited and not yet set a password. */
  pending: boolean;
  disabled: boolean;
}

export interface MemberContext {
  actor: string;
  now?: Date;
}

function parsed<T extends z.ZodType>(schema: T, input: unknown, source: string): z.infer<T> {
  const result = schema.safeParse(input);
  if (!result.success) throw new InvalidInputError(source, result.error.issues.map((i) => ({ path: i.path.join("."), message: i.message })));
  return result.data;
}

/** Checks that the person and audit named exist in the workspace, and that only an auditor names an audit (which an auditor must). */
async function checkLinks(tx: Db, workspace: Workspace, fields: z.infer<typeof membershipFields>, source: string): Promise<void> {
  const problems: { path: string; message: string }[] = [];
  if (fields.role === "auditor" && !fields.auditId) problems.push({ path: "auditId", message: "an auditor sees one audit's scope and period: give the audit's id (isms audit list)" });
  if (fields.role !== "auditor" && fields.auditId) problems.push({ path: "auditId", message: "only auditors are bound to an audit; leave it out for this role" });
  if (fields.personId) {
    const [person] = await tx.select({ id: people.id }).from(people).where(and(eq(people.workspaceId, workspace.id), eq(people.id, fields.personId)));
    if (!person) problems.push({ path: "personId", message: `no person ${fields.personId} in this workspace (isms people list)` });
  }
  if (fields.auditId) {
    const [audit] = await tx.select({ id: audits.id }).from(audits).where(and(eq(audits.workspaceId, workspace.id), eq(audits.id, fields.auditId)));
    if (!audit) problems.push({ path: "auditId", message: `no audit ${fields.auditId} in this workspace (isms audit list)` });
  }
  if (problems.length) throw new InvalidInputError(source, problems);
}

/**
 * Gives an account a role in the workspace, creating the account when the email is new. A new account
 * (or one that never set a password) gets a one-time invitation link to set its password.
 */
export async function addMember(tx: Tx, workspace: Workspace, input: NewMemberInput, context: MemberContext): Promise<{ member: Member; invitation: OneTimeLink | null }> {
  const data = parsed(newMemberInput, input, "new member");
  await checkLinks(tx, workspace, data, "new member");
  const now = context.now ?? new Date();
  const [existing] = await tx.select().from(accounts).where(eq(accounts.email, data.email));
  const account = existing ?? (await tx.insert(accounts).values({ email: data.email, name: data.name, createdAt: now }).returning())[0];
  if (!account) throw new Error("the new account was not returned");
  const inserted = await tx
    .insert(memberships)
    .values({ workspaceId: workspace.id, id: account.id, accountId: account.id, role: storedRole(data.role), personId: data.personId ?? null, auditId: data.auditId ?? null })
    .onConflictDoNothing()
    .returning();
  if (inserted.length === 0) throw new AccountError("conflict", `${data.email} is already a member of ${workspace.slug}`, "Change their role instead");
  const invitation = account.passwordHash === null ? await issueLink(tx, "invitation", account.id, now) : null;
  const member = toMember(account, inserted[0] ?? { role: storedRole(data.role), personId: null, auditId: null });
  await appendAuditLog(tx, {
    workspaceId: workspace.id,
    actor: context.actor,
    action: "member.add",
    entityType: "member",
    entityId: account.id,
    before: null,
    after: { email: member.email, name: member.name, role: member.role, personId: member.personId, auditId: member.auditId, invited: invitation !== null },
  });
  return { member, invitation };
}

/** The workspace's members, by email. */
export async function listMembers(db: Db, workspace: Workspace): Promise<Member[]> {
  const rows = await db
    .select({ account: accounts, membership: memberships })
    .from(memberships)
    .innerJoin(accounts, eq(accounts.id, memberships.accountId))
    .where(eq(memberships.workspaceId, workspace.id))
    .orderBy(asc(accounts.email));
  return rows.map((row) => toMember(row.account, row.membership));
}

/** One member, by account id or email; AccountError (not found) otherwise. */
export async function getMember(db: Db, workspace: Workspace, idOrEmail: string): Promise<Member> {
  const account = await getAccount(db, idOrEmail).catch(() => undefined);
  const [membership] = account ? await db.select().from(memberships).where(and(eq(memberships.workspaceId, workspace.id), eq(memberships.accountId, account.id))) : [];
  if (!account || !membership) throw new AccountError("not-found", `No member "${idOrEmail}" in ${workspace.slug}`, "List the members with: isms account list");
  return toMember(account, membership);
}

/** Changes a member's role (and person or audit); the workspace keeps at least one administrator. */
export async function changeRole(tx: Tx, workspace: Workspace, idOrEmail: string, change: MembershipChange, context: MemberContext): Promise<Member> {
  const before = await getMember(tx, workspace, idOrEmail);
  const fields = parsed(
    membershipFields,
    {
      role: change.role,
      personId: change.personId === undefined ? before.personId : change.personId,
      // An auditor keeps their audit unless another is given; other roles have none.
      auditId: change.auditId === undefined && change.role === "auditor" ? before.auditId : change.auditId,
    },
    "member",
  );
  await checkLinks(tx, workspace, fields, "member");
  if (before.role === "administrator" && fields.role !== "administrator") await keepAnAdministrator(tx, workspace, before);
  await tx
    .update(memberships)
    .set({ role: storedRole(fields.role), personId: fields.personId ?? null, auditId: fields.auditId ?? null })
    .where(and(eq(memberships.workspaceId, workspace.id), eq(memberships.accountId, before.accountId)));
  const after = { ...before, role: fields.role, personId: fields.personId ?? null, auditId: fields.auditId ?? null };
  await appendAuditLog(tx, {
    workspaceId: workspace.id,
    actor: context.actor,
    action: "member.change",
    entityType: "member",
    entityId: before.accountId,
    before: { role: before.role, personId: before.personId, auditId: before.auditId },
    after: { role: after.role, personId: after.personId, auditId: after.auditId },
  });
  return after;
}

/** Removes a member from the workspace (the account stays: it may belong to others); never the last administrator. */
export async function removeMember(tx: Tx, workspace: Workspace, idOrEmail: string, context: MemberContext): Promise<Member> {
  const member = await getMember(tx, workspace, idOrEmail);
  if (member.role === "administrator") await keepAnAdministrator(tx, workspace, member);
  await tx.delete(memberships).where(and(eq(memberships.workspaceId, workspace.id), eq(memberships.accountId, member.accountId)));
  await appendAuditLog(tx, {
    workspaceId: workspace.id,
    actor: context.actor,
    action: "member.remove",
    entityType: "member",
    entityId: member.accountId,
    before: { email: member.email, role: member.role, personId: member.personId, auditId: member.auditId },
    after: null,
  });
  return member;
}

async function keepAnAdministrator(tx: Tx, workspace: Workspace, leaving: Member): Promise<void> {
  const admins = await tx
    .select({ id: memberships.accountId })
    .from(memberships)
    .where(and(eq(memberships.workspaceId, workspace.id), eq(memberships.role, "administrator")))
    .for("update");
  if (admins.every((a) => a.id === leaving.accountId)) {
    throw new AccountError("conflict", `${leaving.email} is the last administrator of ${workspace.slug}`, "Make another member an administrator first");
  }
}

function toMember(
  account: typeof accounts.$inferSelect,
  membership: Pick<typeof memberships.$inferSelect, "role" | "personId" | "auditId">,
): Member {
  return {
    accountId: account.id,
    email: account.email,
    name: account.name,
    role: roleOf(membership.role),
    personId: membership.personId,
    auditId: membership.auditId,
    pending: account.passwordHash === null,
    disabled: account.disabledAt !== null,
  };
}
