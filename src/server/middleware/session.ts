// Who is signed in: the session cookie's token resolved to an account on every request under /api
// (null when there is no cookie or the session ended), and the cookie written on sign-in and sign-out.
import type { Context, MiddlewareHandler } from "hono";
import { getCookie } from "hono/cookie";
import { resolveSession } from "../../app/accounts/sessions.js";
import { sessionCookie, sessionCookieName, tokenHash } from "../../domain/access/tokens.js";
import type { AppEnv } from "../env.js";
import { accessMemoryOf, forgetAccess } from "./request-cache.js";

export interface CookieSettings {
  /** Secure cookies with the __Host- prefix; false only for plain HTTP on localhost. */
  secure: boolean;
}

/** The session token the request carries, if any. */
export function sessionTokenOf(c: Context<AppEnv>, cookies: CookieSettings): string | null {
  return getCookie(c, cookies.secure ? sessionCookieName.secure : sessionCookieName.insecure) ?? null;
}

export function setSessionCookie(c: Context<AppEnv>, token: string | null, cookies: CookieSettings): void {
  c.header("set-cookie", sessionCookie(token, { secure: cookies.secure }), { append: true });
}

/** Methods that change nothing. Any other request may sign out, change a role or remove a member. */
const readOnlyMethods = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * Sets c.var.account from the session cookie; a cookie of an ended session is cleared. A session is
 * remembered for up to a second (request-cache.ts; resolveSession still moves its last use once a
 * minute), and a request that may have written forgets what is remembered before it is answered.
 */
export function sessionMiddleware(cookies: CookieSettings, now: () => Date): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    c.set("account", null);
    const db = c.var.db;
    const token = sessionTokenOf(c, cookies);
    if (token !== null) {
      const at = now();
      const account = await accessMemoryOf(db).sessions.recall(tokenHash(token), at, async () => {
        const session = await resolveSession(db, token, { now: at });
        return session.valid ? { value: { id: session.account.id, email: session.account.email, name: session.account.name }, until: session.expiresAt } : null;
      });
      if (account) c.set("account", account);
      else setSessionCookie(c, null, cookies);
    }
    try {
      await next();
    } finally {
      if (!readOnlyMethods.has(c.req.method)) forgetAccess(db);
    }
  };
}
