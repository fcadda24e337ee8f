// The one check a route makes before it reads or changes something: can() of permissions.ts for the
// principal of the request, refused as a 403 problem that says why.
import type { Context } from "hono";
import { can, type Action, type Decision, type Entity, type Resource } from "../../domain/access/permissions.js";
import type { AppEnv } from "../env.js";
import { HttpProblem } from "../problem.js";

/**
 * Throws a 403 problem with can()'s reason unless the request's principal may do `action` on `entity`
 * (on `resource` when given). Returns the decision: `within` says an auditor's list must be filtered.
 */
export function authorize(c: Context<AppEnv>, action: Action, entity: Entity, resource?: Resource): Decision {
  const decision = can(c.var.principal, action, entity, resource === undefined ? undefined : { workspaceId: c.var.workspace.id, ...resource });
  if (!decision.allowed) throw new HttpProblem(403, decision.reason);
  return decision;
}
