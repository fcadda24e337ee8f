// Who is signed in: the session cookie's token resolved to an account on every request under /api
// (null when there is no cookie or the session ended), and the cookie written on sign-in and sign-out.
import type { Context, MiddlewareHandler } from "hono";
import { getCookie } from "hono/cookie";
import { resolveSession } from "../../app/accounts/sessions.js";
import { sessionCookie, sessionCookieName } from "../../domain/access/tokens.js";
import type { AppEnv } from "../env.js";

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

/** Sets c.var.account from the session cookie; a cookie of an ended session is cleared. */
export function sessionMiddleware(cookies: CookieSettings, now: () => Date): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    c.set("account", null);
    const token = sessionTokenOf(c, cookies);
    if (token !== null) {
      const session = await resolveSession(c.var.db, token, { now: now() });
      if (session.valid) c.set("account", { id: session.account.id, email: session.account.email, name: session.account.name });
      else setSessionCookie(c, null, cookies);
    }
    await next();
  };
}
