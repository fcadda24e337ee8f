// Signing in and the first run: whether setup is needed, the setup link, invitations, sessions, and
// the signed-in account with its workspaces and CSRF token.
import { createRoute, z, type OpenAPIHono } from "@hono/zod-openapi";
import type { Context } from "hono";
import { AccountError } from "../app/accounts/errors.js";
import { acceptInvitation } from "../app/accounts/invitations.js";
import { workspacesOf } from "../app/accounts/principal.js";
import { emailSchema, nameSchema, passwordSchema } from "../app/accounts/records.js";
import { completeSetup, setupNeeded } from "../app/accounts/setup.js";
import { login, logout, openSession, type StartedSession } from "../app/accounts/sessions.js";
import { csrfTokenFor } from "../domain/access/csrf.js";
import type { LoginRateLimiter } from "../domain/access/login-rate-limit.js";
import { auditScope, roles } from "../domain/access/permissions.js";
import type { AppEnv } from "./env.js";
import { sessionTokenOf, setSessionCookie, type CookieSettings } from "./middleware/session.js";
import { HttpProblem, problemResponses } from "./problem.js";

export interface AuthSettings {
  cookies: CookieSettings;
  now: () => Date;
  limiter: LoginRateLimiter;
  clientAddress: (c: Context<AppEnv>) => string;
}

const token = z.string().min(1).max(200).openapi({ description: "The token from the link's #token= fragment" });

export const accountSchema = z.object({ id: z.string(), email: z.string(), name: z.string() }).openapi("Account");
const sessionSchema = z
  .object({ account: accountSchema, csrfToken: z.string().openapi({ description: "Send it in X-CSRF-Token with every POST, PUT, PATCH and DELETE" }), expiresAt: z.string() })
  .openapi("Session");
export const workspaceMembershipSchema = z
  .object({ slug: z.string(), name: z.string(), companyName: z.string(), role: z.enum(roles), personId: z.string().nullable(), audit: auditScope.nullable() })
  .openapi("MyWorkspace");

const json = <T extends z.ZodType>(schema: T, description: string) => ({ description, content: { "application/json": { schema } } });
const body = <T extends z.ZodType>(schema: T) => ({ body: { required: true, content: { "application/json": { schema } } } });

const getSetup = createRoute({
  method: "get",
  path: "/api/setup",
  tags: ["accounts"],
  security: [],
  summary: "Whether the first administrator is still to be created",
  responses: { 200: json(z.object({ needed: z.boolean() }), "needed: open the setup link printed by isms serve") },
});

const postSetup = createRoute({
  method: "post",
  path: "/api/setup",
  tags: ["accounts"],
  security: [],
  summary: "Create the first administrator with the one-time setup link, and sign in",
  request: body(z.object({ token, email: emailSchema, name: nameSchema, password: passwordSchema }).openapi("SetupInput")),
  responses: { 201: json(sessionSchema, "The first administrator, signed in"), ...problemResponses(400, 403, 409, 410) },
});

const postInvitation = createRoute({
  method: "post",
  path: "/api/invitation",
  tags: ["accounts"],
  security: [],
  summary: "Set an invited account's password with its one-time link, and sign in",
  request: body(z.object({ token, password: passwordSchema }).openapi("InvitationInput")),
  responses: { 200: json(sessionSchema, "The account, signed in"), ...problemResponses(400, 403, 410) },
});

const postSession = createRoute({
  method: "post",
  path: "/api/session",
  tags: ["accounts"],
  security: [],
  summary: "Sign in",
  request: body(z.object({ email: emailSchema, password: z.string().min(1, "give your password").max(1024) }).openapi("SignIn")),
  responses: { 200: json(sessionSchema, "Signed in; the session cookie is set"), ...problemResponses(400, 401, 403, 429) },
});

const deleteSession = createRoute({
  method: "delete",
  path: "/api/session",
  tags: ["accounts"],
  summary: "Sign out",
  responses: { 204: { description: "Signed out; the session cookie is cleared" }, ...problemResponses(403) },
});

const getMe = createRoute({
  method: "get",
  path: "/api/me",
  tags: ["accounts"],
  summary: "The signed-in account, its workspaces and its CSRF token",
  responses: {
    200: json(z.object({ account: accountSchema, workspaces: z.array(workspaceMembershipSchema), csrfToken: z.string() }).openapi("Me"), "The signed-in account"),
    ...problemResponses(401),
  },
});

const getWorkspaces = createRoute({
  method: "get",
  path: "/api/workspaces",
  tags: ["accounts"],
  summary: "The workspaces the signed-in account belongs to, with its role in each",
  responses: { 200: json(z.object({ workspaces: z.array(workspaceMembershipSchema) }), "My workspaces"), ...problemResponses(401) },
});

/** Routes open without a session, for requireSignIn. */
export const openRoutes = ["GET /api/setup", "POST /api/setup", "POST /api/invitation", "POST /api/session", "DELETE /api/session", "GET /api/openapi.json"] as const;

export function registerAuthRoutes(app: OpenAPIHono<AppEnv>, settings: AuthSettings): void {
  const signedIn = (c: Context<AppEnv>, session: StartedSession) => {
    setSessionCookie(c, session.token, settings.cookies);
    return { account: { id: session.account.id, email: session.account.email, name: session.account.name }, csrfToken: csrfTokenFor(session.token), expiresAt: session.expiresAt.toISOString() };
  };
  const client = (c: Context<AppEnv>) => ({ ip: settings.clientAddress(c), userAgent: c.req.header("user-agent") ?? null });

  app.openapi(getSetup, async (c) => c.json({ needed: await setupNeeded(c.var.db) }, 200));

  app.openapi(postSetup, async (c) => {
    const { token: link, ...input } = c.req.valid("json");
    const account = await completeSetup(c.var.db, link, input, { now: settings.now() });
    return c.json(signedIn(c, await openSession(c.var.db, account.id, client(c), { now: settings.now() })), 201);
  });

  app.openapi(postInvitation, async (c) => {
    const { token: link, password } = c.req.valid("json");
    const account = await acceptInvitation(c.var.db, link, { password }, { now: settings.now() });
    return c.json(signedIn(c, await openSession(c.var.db, account.id, client(c), { now: settings.now() })), 200);
  });

  app.openapi(postSession, async (c) => {
    const input = c.req.valid("json");
    const attempt = { login: input.email, ip: settings.clientAddress(c) };
    const now = settings.now();
    // Keys of failures older than the window are dropped now and then, so memory stays bounded.
    if (settings.limiter.size > 10_000) settings.limiter.prune(now.getTime());
    const decision = settings.limiter.check(attempt, now.getTime());
    if (!decision.allowed) throw new HttpProblem(429, decision.reason, { headers: { "retry-after": String(decision.retryAfterSeconds) } });
    try {
      const session = await login(c.var.db, input, client(c), { now });
      settings.limiter.recordSuccess(attempt);
      return c.json(signedIn(c, session), 200);
    } catch (error) {
      if (error instanceof AccountError && error.kind === "unauthorized") settings.limiter.recordFailure(attempt, now.getTime());
      throw error;
    }
  });

  app.openapi(deleteSession, async (c) => {
    const presented = sessionTokenOf(c, settings.cookies);
    if (presented !== null) await logout(c.var.db, presented);
    setSessionCookie(c, null, settings.cookies);
    return c.body(null, 204);
  });

  app.openapi(getMe, async (c) => {
    const account = signedInAccount(c);
    const presented = sessionTokenOf(c, settings.cookies) ?? "";
    return c.json({ account, workspaces: await workspacesOf(c.var.db, account.id), csrfToken: csrfTokenFor(presented) }, 200);
  });

  app.openapi(getWorkspaces, async (c) => c.json({ workspaces: await workspacesOf(c.var.db, signedInAccount(c).id) }, 200));
}

function signedInAccount(c: Context<AppEnv>) {
  if (!c.var.account) throw new HttpProblem(401, "You are not signed in, or your session ended; sign in first");
  return c.var.account;
}
