// An invited account sets its own password through its one-time link; the link then opens nothing.
import { eq } from "drizzle-orm";
import { z } from "zod";
import { hashNewPassword } from "../../domain/access/passwords.js";
import { InvalidInputError } from "../../domain/errors.js";
import type { Db, Tx } from "../../store/open.js";
import { accounts } from "../../store/schema/index.js";
import { appendAuditLog } from "../audit-log.js";
import { AccountError } from "./errors.js";
import { issueLink, useLink, type OneTimeLink } from "./one-time-links.js";
import { actorOf, getAccount, passwordSchema, publicAccount, type Account } from "./records.js";
import { endSessionsOf } from "./sessions.js";

export const invitationInput = z.object({ password: passwordSchema });

/** Sets the password of the account the invitation was for; a weak password is refused with the rule and leaves the link usable. */
export async function acceptInvitation(db: Db, token: string, input: { password: string }, options: { now?: Date } = {}): Promise<Account> {
  const parsed = invitationInput.safeParse(input);
  if (!parsed.success) throw new InvalidInputError("invitation", parsed.error.issues.map((i) => ({ path: i.path.join("."), message: i.message })));
  const now = options.now ?? new Date();
  return db.transaction(async (tx) => {
    const { accountId } = await useLink(tx, "invitation", token, now);
    const [account] = accountId ? await tx.select().from(accounts).where(eq(accounts.id, accountId)) : [];
    if (!account) throw new AccountError("gone", "The account this link was for no longer exists", "Ask an administrator to add you again");
    let passwordHash: string;
    try {
      passwordHash = await hashNewPassword(parsed.data.password, { email: account.email, name: account.name });
    } catch (error) {
      throw error instanceof InvalidInputError ? new InvalidInputError("invitation", error.issues.map((i) => ({ ...i, path: "password" }))) : error;
    }
    const [updated] = await tx.update(accounts).set({ passwordHash }).where(eq(accounts.id, account.id)).returning();
    if (!updated) throw new Error("the account was not returned");
    // A new password ends every session opened with the old one.
    await endSessionsOf(tx, account.id);
    await appendAuditLog(tx, {
      workspaceId: null,
      actor: actorOf(account),
      action: "account.set-password",
      entityType: "account",
      entityId: account.id,
      before: null,
      after: null,
    });
    return publicAccount(updated);
  });
}

/** A new invitation link for an account (a lost link, a forgotten password); the earlier one stops working. */
export async function reissueInvitation(tx: Tx, idOrEmail: string, context: { actor: string; now?: Date }): Promise<{ account: Account; invitation: OneTimeLink }> {
  const account = await getAccount(tx, idOrEmail);
  const invitation = await issueLink(tx, "invitation", account.id, context.now ?? new Date());
  await appendAuditLog(tx, {
    workspaceId: null,
    actor: context.actor,
    action: "invitation.issue",
    entityType: "account",
    entityId: account.id,
    before: null,
    after: { expiresAt: invitation.expiresAt.toISOString() },
  });
  return { account: publicAccount(account), invitation };
}
