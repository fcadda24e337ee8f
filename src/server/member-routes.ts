// A workspace's members (administrators add, change and remove them; A.5.18) and its audit-log
// history of one entity (who changed what, when, before and after).
import { createRoute, z, type OpenAPIHono } from "@hono/zod-openapi";
import { auditLogHistory } from "../app/audit-log-history.js";
import { addMember, changeRole, listMembers, membershipFields, newMemberInput, removeMember } from "../app/accounts/members.js";
import { roles } from "../domain/access/permissions.js";
import type { AppEnv } from "./env.js";
import { authorize } from "./middleware/authorize.js";
import { problemResponses } from "./problem.js";

const workspaceParam = z.object({ workspace: z.string().openapi({ description: "The workspace's slug", example: "acme" }) });
const memberParams = workspaceParam.extend({ account: z.string().openapi({ description: "The member's account id (or email)" }) });

const memberSchema = z
  .object({
    accountId: z.string(),
    email: z.string(),
    name: z.string(),
    role: z.enum(roles),
    personId: z.string().nullable(),
    auditId: z.string().nullable(),
    pending: z.boolean().openapi({ description: "Invited and not yet set a password" }),
    disabled: z.boolean(),
  })
  .openapi("Member");

const invitationSchema = z
  .object({ url: z.string().openapi({ description: "Give it to the person, once: it sets their password" }), expiresAt: z.string() })
  .nullable()
  .openapi("Invitation");

const json = <T extends z.ZodType>(schema: T, description: string) => ({ description, content: { "application/json": { schema } } });
const body = <T extends z.ZodType>(schema: T) => ({ body: { required: true, content: { "application/json": { schema } } } });

const listRoute = createRoute({
  method: "get",
  path: "/api/w/{workspace}/members",
  tags: ["members"],
  summary: "The workspace's members and their roles",
  request: { params: workspaceParam },
  responses: { 200: json(z.object({ members: z.array(memberSchema) }), "Members by email"), ...problemResponses(401, 403, 404) },
});

const addRoute = createRoute({
  method: "post",
  path: "/api/w/{workspace}/members",
  tags: ["members"],
  summary: "Give an account a role here; a new account gets a one-time invitation link",
  request: { params: workspaceParam, ...body(z.object(newMemberInput.shape).openapi("NewMember")) },
  responses: { 201: json(z.object({ member: memberSchema, invitation: invitationSchema }), "The member, and the invitation link for a new account"), ...problemResponses(400, 401, 403, 404, 409) },
});

const changeRoute = createRoute({
  method: "patch",
  path: "/api/w/{workspace}/members/{account}",
  tags: ["members"],
  summary: "Change a member's role, person or audit",
  request: { params: memberParams, ...body(z.object(membershipFields.shape).openapi("MembershipChange")) },
  responses: { 200: json(z.object({ member: memberSchema }), "The member as changed"), ...problemResponses(400, 401, 403, 404, 409) },
});

const removeRoute = createRoute({
  method: "delete",
  path: "/api/w/{workspace}/members/{account}",
  tags: ["members"],
  summary: "Remove a member from the workspace (the account stays)",
  request: { params: memberParams },
  responses: { 204: { description: "Removed" }, ...problemResponses(401, 403, 404, 409) },
});

const historyQuery = z.object({
  entity: z
    .string()
    .regex(/^[\w.-]+(:.+)?$/, "write TYPE or TYPE:ID, e.g. risk:R-001")
    .optional()
    .openapi({ description: "TYPE:ID for one entity's history (risk:R-001), TYPE for every entity of a kind", example: "risk:R-001" }),
  since: z.string().optional().openapi({ description: "Entries on or after this day, YYYY-MM-DD" }),
  limit: z.coerce.number().int().min(1).max(1000).default(100),
});

const historyEntry = z
  .object({
    seq: z.number(),
    at: z.string(),
    actor: z.string(),
    action: z.string(),
    entityType: z.string(),
    entityId: z.string().nullable(),
    changes: z.array(z.object({ field: z.string(), before: z.unknown().optional(), after: z.unknown().optional() })),
  })
  .openapi("HistoryEntry");

const historyRoute = createRoute({
  method: "get",
  path: "/api/w/{workspace}/history",
  tags: ["audit log"],
  summary: "The audit log of the workspace, of a kind of entity or of one entity, oldest first",
  request: { params: workspaceParam, query: historyQuery },
  responses: { 200: json(z.object({ entries: z.array(historyEntry), total: z.number() }), "The newest matching entries, oldest first"), ...problemResponses(400, 401, 403, 404) },
});

export function registerMemberRoutes(app: OpenAPIHono<AppEnv>, settings: { now: () => Date }): void {
  app.openapi(listRoute, async (c) => {
    authorize(c, "read", "accounts");
    return c.json({ members: await listMembers(c.var.db, c.var.workspace) }, 200);
  });

  app.openapi(addRoute, async (c) => {
    authorize(c, "create", "accounts");
    const input = c.req.valid("json");
    const { member, invitation } = await c.var.db.transaction((tx) => addMember(tx, c.var.workspace, input, { actor: c.var.actor, now: settings.now() }));
    const link = invitation ? { url: `${new URL(c.req.url).origin}/invitation#token=${invitation.token}`, expiresAt: invitation.expiresAt.toISOString() } : null;
    return c.json({ member, invitation: link }, 201);
  });

  app.openapi(changeRoute, async (c) => {
    const { account } = c.req.valid("param");
    authorize(c, "update", "accounts");
    const member = await c.var.db.transaction((tx) => changeRole(tx, c.var.workspace, account, c.req.valid("json"), { actor: c.var.actor, now: settings.now() }));
    return c.json({ member }, 200);
  });

  app.openapi(removeRoute, async (c) => {
    const { account } = c.req.valid("param");
    authorize(c, "delete", "accounts");
    await c.var.db.transaction((tx) => removeMember(tx, c.var.workspace, account, { actor: c.var.actor, now: settings.now() }));
    return c.body(null, 204);
  });

  app.openapi(historyRoute, async (c) => {
    authorize(c, "read", "audit-log");
    const { entity, since, limit } = c.req.valid("query");
    const [entityType, ...rest] = entity ? entity.split(":") : [];
    const entityId = rest.length ? rest.join(":") : undefined;
    const history = await auditLogHistory(c.var.db, c.var.workspace, { entityType, entityId, since, limit });
    return c.json({ entries: history.entries.map(({ before: _before, after: _after, ...entry }) => ({ ...entry, at: entry.at.toISOString() })), total: history.total }, 200);
  });
}
