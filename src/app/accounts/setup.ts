// The first run: while no administrator exists, a one-time setup link (printed by isms serve) lets one
// person create the first administrator account. There is no default password.
import { and, eq, isNotNull, isNull } from "drizzle-orm";
import { z } from "zod";
import { hashNewPassword } from "../../domain/access/passwords.js";
import { InvalidInputError } from "../../domain/errors.js";
import type { Db } from "../../store/open.js";
import { accounts, memberships, setupTokens, workspaces } from "../../store/schema/index.js";
import { appendAuditLog } from "../audit-log.js";
import { AccountError } from "./errors.js";
import { issueLink, useLink, type OneTimeLink } from "./one-time-links.js";
import { actorOf, emailSchema, nameSchema, passwordSchema, publicAccount, type Account } from "./records.js";

export const setupInput = z.object({ email: emailSchema, name: nameSchema, password: passwordSchema });
export type SetupInput = z.input<typeof setupInput>;

/**
 * Whether the deployment still needs its first administrator: no setup link was ever used and no
 * enabled account is an administrator anywhere. Once set up, a lost administrator is replaced with
 * `isms account add --role administrator`, not by a new setup link.
 */
export async function setupNeeded(db: Db): Promise<boolean> {
  return !(await setupLinkUsed(db)) && !(await administratorExists(db));
}

async function setupLinkUsed(db: Db): Promise<boolean> {
  const [used] = await db.select({ hash: setupTokens.hash }).from(setupTokens).where(and(eq(setupTokens.purpose, "setup"), isNotNull(setupTokens.usedAt))).limit(1);
  return used !== undefined;
}

async function administratorExists(db: Db): Promise<boolean> {
  const [admin] = await db
    .select({ id: memberships.accountId })
    .from(memberships)
    .innerJoin(accounts, eq(accounts.id, memberships.accountId))
    .where(and(eq(memberships.role, "administrator"), isNull(accounts.disabledAt)))
    .limit(1);
  return admin !== undefined;
}

/** A new one-time setup link when the first administrator is still to be created (earlier links stop working); else null. */
export async function ensureSetupLink(db: Db, options: { now?: Date; actor?: string } = {}): Promise<OneTimeLink | null> {
  if (!(await setupNeeded(db))) return null;
  const now = options.now ?? new Date();
  return db.transaction(async (tx) => {
    const link = await issueLink(tx, "setup", null, now);
    await appendAuditLog(tx, {
      workspaceId: null,
      actor: options.actor ?? "isms serve",
      action: "setup-link.issue",
      entityType: "account",
      entityId: "first-administrator",
      before: null,
      after: { expiresAt: link.expiresAt.toISOString() },
    });
    return link;
  });
}

/**
 * Uses the setup link: creates the first administrator with the password given, administrator of every
 * workspace that exists. The link then opens nothing; a weak password is refused with the rule.
 */
export async function completeSetup(db: Db, token: string, input: SetupInput, options: { now?: Date } = {}): Promise<Account> {
  const parsed = setupInput.safeParse(input);
  if (!parsed.success) throw new InvalidInputError("setup", parsed.error.issues.map((i) => ({ path: i.path.join("."), message: i.message })));
  const { email, name, password } = parsed.data;
  const now = options.now ?? new Date();
  let passwordHash: string;
  try {
    passwordHash = await hashNewPassword(password, { email, name });
  } catch (error) {
    throw error instanceof InvalidInputError ? new InvalidInputError("setup", error.issues.map((i) => ({ ...i, path: "password" }))) : error;
  }
  return db.transaction(async (tx) => {
    const setUpBefore = await setupLinkUsed(tx);
    await useLink(tx, "setup", token, now);
    if (setUpBefore || (await administratorExists(tx))) throw new AccountError("conflict", "The first administrator already exists", "Sign in, or ask an administrator for an account");
    const [existing] = await tx.select().from(accounts).where(eq(accounts.email, email));
    if (existing) throw new AccountError("conflict", `An account with the email ${email} already exists`, "Sign in with it, or use another email");
    const [account] = await tx.insert(accounts).values({ email, name, passwordHash, createdAt: now }).returning();
    if (!account) throw new Error("the new account was not returned");
    const all = await tx.select({ id: workspaces.id, slug: workspaces.slug }).from(workspaces);
    if (all.length) await tx.insert(memberships).values(all.map((w) => ({ workspaceId: w.id, id: account.id, accountId: account.id, role: "administrator" as const })));
    await appendAuditLog(tx, {
      workspaceId: null,
      actor: actorOf(account),
      action: "setup.complete",
      entityType: "account",
      entityId: account.id,
      before: null,
      after: { email, name, administratorOf: all.map((w) => w.slug) },
    });
    return publicAccount(account);
  });
}
