// Cross-site request forgery (csrf.ts in the domain): a signed-in request that changes something must
// carry its session's token in X-CSRF-Token; one without a session must not come from another site.
import type { MiddlewareHandler } from "hono";
import { crossOriginProblem, csrfHeader, csrfProblem } from "../../domain/access/csrf.js";
import type { AppEnv } from "../env.js";
import { HttpProblem } from "../problem.js";
import { sessionTokenOf, type CookieSettings } from "./session.js";

/** Runs after sessionMiddleware: the token is checked against a session that still stands. */
export function csrfMiddleware(cookies: CookieSettings): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const sessionToken = c.var.account ? sessionTokenOf(c, cookies) : null;
    const problem =
      csrfProblem({ method: c.req.method, sessionToken, presented: c.req.header(csrfHeader) }) ??
      crossOriginProblem({ method: c.req.method, origin: c.req.header("origin") }, c.req.url);
    if (problem) throw new HttpProblem(403, problem, { type: "urn:openisms:problem:csrf" });
    await next();
  };
}
