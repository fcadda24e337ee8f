// /api/w/:workspace/…: the workspace named by its slug, the account's principal there, and the actor
// the audit log records. Without a membership the workspace does not exist for the account (404, not
// 403), so another tenant's slugs cannot be discovered.
import type { MiddlewareHandler } from "hono";
import { principalFor } from "../../app/accounts/principal.js";
import { actorOf } from "../../app/accounts/records.js";
import type { Db } from "../../store/open.js";
import { findWorkspace } from "../../store/workspaces.js";
import type { AppEnv } from "../env.js";
import { HttpProblem } from "../problem.js";
import { accessMemoryOf, type Found, type WorkspaceAccess } from "./request-cache.js";

// Only slugs: a workspace's id must not stand in for it in URLs.
const slugPattern = /^[a-z0-9][a-z0-9-]{0,62}$/;

/** Sets c.var.workspace, principal and actor; the pair is remembered for up to a second (request-cache.ts). */
export function workspaceMiddleware(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const slug = c.req.param("workspace") ?? "";
    const account = c.var.account;
    if (!account) throw new HttpProblem(401, "You are not signed in, or your session ended; sign in first");
    const db = c.var.db;
    const access = slugPattern.test(slug) ? await accessMemoryOf(db).workspaces.recall(`${account.id} ${slug}`, new Date(), () => workspaceAccess(db, account, slug)) : null;
    if (!access) throw new HttpProblem(404, `No workspace "${slug}" for this account; GET /api/workspaces lists yours`);
    c.set("workspace", access.workspace);
    c.set("principal", access.principal);
    c.set("actor", actorOf(account));
    await next();
  };
}

/** The workspace of that slug and the account's principal there; null when either is missing. */
async function workspaceAccess(db: Db, account: { id: string }, slug: string): Promise<Found<WorkspaceAccess> | null> {
  const found = await findWorkspace(db, slug);
  if (!found || found.slug !== slug) return null;
  const principal = await principalFor(db, account, found);
  if (!principal) return null;
  return { value: { workspace: { id: found.id, slug: found.slug, name: found.name, companyName: found.companyName, template: found.template }, principal } };
}
