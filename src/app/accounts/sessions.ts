// Signing in and out (A.8.5 secure log-on): a password checked in constant time, a session whose
// token only the browser holds, idle and absolute expiry, and every sign-in and sign-out logged.
import { eq, lt } from "drizzle-orm";
import { z } from "zod";
import { hashPassword, verifyPassword } from "../../domain/access/passwords.js";
import { defaultSessionLimits, isTokenShaped, issueSession, sessionState, tokenHash, type SessionLimits } from "../../domain/access/tokens.js";
import { InvalidInputError } from "../../domain/errors.js";
import type { Db, Tx } from "../../store/open.js";
import { accounts, sessions } from "../../store/schema/index.js";
import { appendAuditLog } from "../audit-log.js";
import { AccountError } from "./errors.js";
import { actorOf, emailSchema, findAccountByEmail, publicAccount, type Account, type AccountRow } from "./records.js";

export const loginInput = z.object({ email: emailSchema, password: z.string().min(1, "give your password").max(1024) });
export type LoginInput = z.input<typeof loginInput>;

export interface ClientInfo {
  ip?: string | null | undefined;
  userAgent?: string | null | undefined;
}

export interface StartedSession {
  /** Goes in the cookie, once; only its SHA-256 is stored. */
  token: string;
  account: Account;
  expiresAt: Date;
}

/** The same words whichever part was wrong, so that sign-in reveals nothing about which accounts exist. */
const wrongCredentials = () => new AccountError("unauthorized", "The email or password is not right", "Check both and try again; an administrator can send you a new setup link");

// An unknown email is checked against this hash, so it takes as long as a known one.
let decoy: Promise<string> | undefined;

/** Opens a session for an account inside `tx`, and logs it. */
export async function startSession(tx: Tx, account: AccountRow, client: ClientInfo, now: Date, limits: SessionLimits = defaultSessionLimits): Promise<StartedSession> {
  const { token, record } = issueSession(now);
  const expiresAt = new Date(now.getTime() + limits.absoluteMs);
  await tx.insert(sessions).values({ ...record, accountId: account.id, expiresAt, ip: client.ip ?? null, userAgent: client.userAgent?.slice(0, 500) ?? null });
  await appendAuditLog(tx, {
    workspaceId: null,
    actor: actorOf(account),
    action: "session.start",
    entityType: "account",
    entityId: account.id,
    before: null,
    after: { ip: client.ip ?? null, userAgent: client.userAgent ?? null },
  });
  const idleEnd = new Date(now.getTime() + limits.idleMs);
  return { token, account: publicAccount(account), expiresAt: idleEnd < expiresAt ? idleEnd : expiresAt };
}

/** Opens a session for an account that has just set its password (setup, invitation). */
export async function openSession(db: Db, accountId: string, client: ClientInfo = {}, options: { now?: Date } = {}): Promise<StartedSession> {
  const now = options.now ?? new Date();
  return db.transaction(async (tx) => {
    const [account] = await tx.select().from(accounts).where(eq(accounts.id, accountId));
    if (!account?.passwordHash || account.disabledAt) throw wrongCredentials();
    return startSession(tx, account, client, now);
  });
}

/** Checks the password and opens a session; AccountError (unauthorized) with the same message for any wrong part. */
export async function login(db: Db, input: LoginInput, client: ClientInfo = {}, options: { now?: Date } = {}): Promise<StartedSession> {
  const parsed = loginInput.safeParse(input);
  if (!parsed.success) throw new InvalidInputError("sign-in", parsed.error.issues.map((i) => ({ path: i.path.join("."), message: i.message })));
  const account = await findAccountByEmail(db, parsed.data.email);
  if (!account?.passwordHash || account.disabledAt) {
    await verifyPassword(parsed.data.password, await (decoy ??= hashPassword("decoy password, never matches")));
    throw wrongCredentials();
  }
  if (!(await verifyPassword(parsed.data.password, account.passwordHash))) throw wrongCredentials();
  const now = options.now ?? new Date();
  return db.transaction((tx) => startSession(tx, account, client, now));
}

/** Ends the session of this token (nothing happens for an unknown one), and logs it. */
export async function logout(db: Db, token: string): Promise<void> {
  if (!isTokenShaped(token)) return;
  await db.transaction(async (tx) => {
    const [ended] = await tx.delete(sessions).where(eq(sessions.hash, tokenHash(token))).returning({ accountId: sessions.accountId });
    if (!ended) return;
    const [account] = await tx.select().from(accounts).where(eq(accounts.id, ended.accountId));
    await appendAuditLog(tx, {
      workspaceId: null,
      actor: account ? actorOf(account) : `account:${ended.accountId}`,
      action: "session.end",
      entityType: "account",
      entityId: ended.accountId,
      before: null,
      after: null,
    });
  });
}

export type ResolvedSession = { valid: true; account: Account; expiresAt: Date } | { valid: false; reason: string };

/** Requests closer together than this do not move last_seen_at: one write a minute is precise enough. */
const touchEveryMs = 60_000;

/**
 * The account a session token belongs to, if the session still stands; it is extended (idle expiry)
 * by this use. An ended session is deleted.
 */
export async function resolveSession(db: Db, token: string, options: { now?: Date; limits?: SessionLimits } = {}): Promise<ResolvedSession> {
  const now = options.now ?? new Date();
  const signIn = "You are not signed in; sign in first";
  if (!isTokenShaped(token)) return { valid: false, reason: signIn };
  const hash = tokenHash(token);
  const [row] = await db.select({ session: sessions, account: accounts }).from(sessions).innerJoin(accounts, eq(accounts.id, sessions.accountId)).where(eq(sessions.hash, hash));
  if (!row) return { valid: false, reason: signIn };
  if (row.account.disabledAt) return { valid: false, reason: "This account is disabled; ask an administrator" };
  const state = sessionState(row.session, now, options.limits);
  if (!state.valid) {
    await db.delete(sessions).where(eq(sessions.hash, hash));
    return state;
  }
  if (now.getTime() - row.session.lastSeenAt.getTime() >= touchEveryMs) {
    await db.update(sessions).set({ lastSeenAt: now }).where(eq(sessions.hash, hash));
    return { valid: true, account: publicAccount(row.account), expiresAt: sessionExpiry(row.session.createdAt, now, options.limits) };
  }
  return { valid: true, account: publicAccount(row.account), expiresAt: state.expiresAt };
}

function sessionExpiry(createdAt: Date, lastSeenAt: Date, limits: SessionLimits = defaultSessionLimits): Date {
  return new Date(Math.min(lastSeenAt.getTime() + limits.idleMs, createdAt.getTime() + limits.absoluteMs));
}

/** Deletes every session of an account (its access was withdrawn or its password changed). */
export async function endSessionsOf(tx: Tx, accountId: string): Promise<void> {
  await tx.delete(sessions).where(eq(sessions.accountId, accountId));
}

/** Deletes sessions past their absolute expiry; idle ones go when next presented. */
export async function pruneSessions(db: Db, now: Date = new Date()): Promise<void> {
  await db.delete(sessions).where(lt(sessions.expiresAt, now));
}
