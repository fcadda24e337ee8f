// One-time setup tokens and session tokens (A.5.17, A.8.5 secure authentication): 32 random bytes
// shown once as base64url; only their SHA-256 is ever stored, so a copy of the database opens nothing.
import { createHash, randomBytes, timingSafeEqual } from "node:crypto";

const tokenBytes = 32;

/** A token to hand out once, and what is kept of it. */
export interface IssuedToken {
  /** Give this to the person (a link, a cookie); never store it. */
  token: string;
  /** Store this: SHA-256 of the token, hex. */
  hash: string;
}

export function issueToken(): IssuedToken {
  const token = randomBytes(tokenBytes).toString("base64url");
  return { token, hash: tokenHash(token) };
}

/** SHA-256 of a presented token, hex: look the stored record up by it. */
export function tokenHash(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

/** Whether `token` is the one `storedHash` was made from, in time that does not depend on where they differ. */
export function tokenMatches(token: string, storedHash: string): boolean {
  const presented = Buffer.from(tokenHash(token), "hex");
  const stored = Buffer.from(storedHash, "hex");
  return stored.length === presented.length && timingSafeEqual(presented, stored);
}

/** Whether a presented string is shaped like a token at all, before any lookup. */
export function isTokenShaped(text: string): boolean {
  return /^[\w-]{43}$/.test(text);
}

// ── Setup tokens: the first administrator's link printed on the console, and invitations. ──

/** A setup link is good for a day: long enough to reach the right person, short enough to go stale. */
export const setupTokenLifetimeMs = 24 * 60 * 60 * 1000;

export interface SetupTokenRecord {
  hash: string;
  expiresAt: Date;
  /** Set when the token is used: it opens nothing after that. */
  usedAt: Date | null;
}

export function issueSetupToken(now: Date, lifetimeMs = setupTokenLifetimeMs): { token: string; record: SetupTokenRecord } {
  const { token, hash } = issueToken();
  return { token, record: { hash, expiresAt: new Date(now.getTime() + lifetimeMs), usedAt: null } };
}

/** Why a presented setup token opens nothing, in words for the person holding the link; undefined when it is good. */
export function setupTokenProblem(token: string, record: SetupTokenRecord | undefined, now: Date): string | undefined {
  const again = "ask an administrator for a new link (the first one: run isms serve again to print one)";
  if (!record || !isTokenShaped(token) || !tokenMatches(token, record.hash)) return `This setup link is not valid; ${again}`;
  if (record.usedAt) return `This setup link was already used on ${record.usedAt.toISOString().slice(0, 10)}; sign in with the password set then, or ${again}`;
  if (now >= record.expiresAt) return `This setup link expired on ${record.expiresAt.toISOString().slice(0, 16).replace("T", " ")} UTC; ${again}`;
  return undefined;
}

// ── Sessions: an idle timeout and an absolute one (A.8.5: sessions end after inactivity). ──

export interface SessionLimits {
  /** Ended after this long without a request. */
  idleMs: number;
  /** Ended this long after sign-in, however active. */
  absoluteMs: number;
}

export const defaultSessionLimits: SessionLimits = { idleMs: 2 * 60 * 60 * 1000, absoluteMs: 12 * 60 * 60 * 1000 };

export interface SessionRecord {
  hash: string;
  createdAt: Date;
  lastSeenAt: Date;
}

export function issueSession(now: Date): { token: string; record: SessionRecord } {
  const { token, hash } = issueToken();
  return { token, record: { hash, createdAt: now, lastSeenAt: now } };
}

export type SessionState = { valid: true; expiresAt: Date } | { valid: false; reason: string };

/** Whether the session still stands at `now`, and until when (the sooner of idle and absolute expiry). */
export function sessionState(record: SessionRecord, now: Date, limits: SessionLimits = defaultSessionLimits): SessionState {
  const idleEnd = record.lastSeenAt.getTime() + limits.idleMs;
  const absoluteEnd = record.createdAt.getTime() + limits.absoluteMs;
  if (now.getTime() >= absoluteEnd) return { valid: false, reason: `Your session ended ${hours(limits.absoluteMs)} after you signed in; sign in again` };
  if (now.getTime() >= idleEnd) return { valid: false, reason: `Your session ended after ${hours(limits.idleMs)} without activity; sign in again` };
  return { valid: true, expiresAt: new Date(Math.min(idleEnd, absoluteEnd)) };
}

const hours = (ms: number) => (ms % 3_600_000 === 0 ? `${ms / 3_600_000} hour${ms === 3_600_000 ? "" : "s"}` : `${Math.round(ms / 60_000)} minutes`);

/** The cookie name: `__Host-` makes browsers refuse it unless Secure, for this host only, on path "/". */
export const sessionCookieName = { secure: "__Host-isms_session", insecure: "isms_session" } as const;

/**
 * The Set-Cookie value for a session: HttpOnly (no script reads it), SameSite=Lax (not sent on
 * cross-site POSTs), Secure unless serving plain HTTP on localhost. `token` null clears the cookie.
 */
export function sessionCookie(token: string | null, options: { secure: boolean; maxAgeSeconds?: number }): string {
  const name = options.secure ? sessionCookieName.secure : sessionCookieName.insecure;
  const maxAge = token === null ? 0 : (options.maxAgeSeconds ?? defaultSessionLimits.absoluteMs / 1000);
  return [`${name}=${token ?? ""}`, "Path=/", "HttpOnly", "SameSite=Lax", ...(options.secure ? ["Secure"] : []), `Max-Age=${maxAge}`].join("; ");
}
