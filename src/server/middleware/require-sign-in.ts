// Every route under /api needs a signed-in account, except those that sign in or set up.
import type { MiddlewareHandler } from "hono";
import type { AppEnv } from "../env.js";
import { HttpProblem } from "../problem.js";

/** "METHOD /path" pairs open to anyone. */
export function requireSignIn(open: readonly string[]): MiddlewareHandler<AppEnv> {
  const allowed = new Set(open);
  return async (c, next) => {
    const path = new URL(c.req.url).pathname.replace(/\/+$/, "");
    if (!c.var.account && !allowed.has(`${c.req.method} ${path}`) && !allowed.has(`* ${path}`)) {
      throw new HttpProblem(401, "You are not signed in, or your session ended; sign in first");
    }
    await next();
  };
}
