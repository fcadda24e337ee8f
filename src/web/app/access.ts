// What the signed-in account may do in a workspace, by the one permission table (permissions.ts): the
// screens ask before they show a control, so no one sees a button their role cannot use.
import { can, type Action, type Entity, type Principal, type Resource } from "../../domain/access/permissions.js";
import type { Membership } from "../api/schemas.js";

/** The account's principal in the workspace: role, person and (for an auditor) audit, as GET /api/me says them. */
export function principalOf(membership: Membership): Principal {
  return { workspaceId: membership.slug, role: membership.role, personId: membership.personId ?? null, audit: membership.audit ?? null };
}

/** Whether `who` may do `action` on `entity` (on the record `resource` when given). */
export function allows(who: Principal, action: Action, entity: Entity, resource?: Resource): boolean {
  return can(who, action, entity, resource).allowed;
}

export const roleLabels: Record<Principal["role"], string> = {
  administrator: "Administrator",
  editor: "Editor",
  "control-owner": "Control owner",
  auditor: "Auditor",
  viewer: "Viewer",
};
