// /api/w/:workspace/…: the workspace named by its slug, the account's principal there, and the actor
// the audit log records. Without a membership the workspace does not exist for the account (404, not
// 403), so another tenant's slugs cannot be discovered.
import type { MiddlewareHandler } from "hono";
import { principalFor } from "../../app/accounts/principal.js";
import { actorOf } from "../../app/accounts/records.js";
import { findWorkspace } from "../../store/workspaces.js";
import type { AppEnv } from "../env.js";
import { HttpProblem } from "../problem.js";

export function workspaceMiddleware(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const slug = c.req.param("workspace") ?? "";
    const account = c.var.account;
    if (!account) throw new HttpProblem(401, "You are not signed in, or your session ended; sign in first");
    const unknown = new HttpProblem(404, `No workspace "${slug}" for this account; GET /api/workspaces lists yours`);
    // Only slugs: a workspace's id must not stand in for it in URLs.
    const found = /^[a-z0-9][a-z0-9-]{0,62}$/.test(slug) ? await findWorkspace(c.var.db, slug) : undefined;
    if (!found || found.slug !== slug) throw unknown;
    const principal = await principalFor(c.var.db, account, found);
    if (!principal) throw unknown;
    c.set("workspace", { id: found.id, slug: found.slug, name: found.name, companyName: found.companyName, template: found.template });
    c.set("principal", principal);
    c.set("actor", actorOf(account));
    await next();
  };
}
