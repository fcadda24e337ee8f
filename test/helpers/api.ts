// The HTTP API over a test store, without a network: app.request() with a client that keeps the session
// cookie and sends the CSRF header, the first administrator, and members of each role in a workspace.
//
//   const getApi = useTestApi();                       // one app and store per file (PGlite)
//   const api = getApi();
//   const admin = await api.setUpAdmin();               // signed in; administrator of api.workspace()s
//   const ws = await api.workspace();                   // or api.workspace({ template: "aws-saas" })
//   const viewer = await api.member("viewer", ws);      // a signed-in client of that role
//   const res = await viewer.post(`/api/w/${ws.slug}/risks`, { title: "…" });
//   expect(res.status).toBe(403);
//   expect((await problemOf(res)).detail).toMatch(/Viewers cannot/);
//
// describeEachApi("risks API", (getApi) => { … }) runs the same suite on PGlite and on PostgreSQL.
import { randomBytes } from "node:crypto";
import type { OpenAPIHono } from "@hono/zod-openapi";
import { afterAll, beforeAll, expect } from "vitest";
import type { z } from "zod";
import { addMember } from "../../src/app/accounts/members.js";
import { ensureSetupLink } from "../../src/app/accounts/setup.js";
import { initWorkspace, resolveWorkspace, type Workspace } from "../../src/app/workspaces.js";
import { csrfHeader } from "../../src/domain/access/csrf.js";
import { LoginRateLimiter } from "../../src/domain/access/login-rate-limit.js";
import type { Role } from "../../src/domain/access/permissions.js";
import type { WorkspaceTemplate } from "../../src/domain/workspace.js";
import { createApp } from "../../src/server/app.js";
import type { AppEnv } from "../../src/server/env.js";
import { problemSchema, type Problem } from "../../src/server/problem.js";
import type { Db, Store, Tx } from "../../src/store/open.js";
import { createTestWorkspace, uniqueSlug } from "./fixtures.js";
import { openTestStore } from "./pglite-template.js";
import { describeEachStore, type GetStore } from "./stores.js";

export const origin = "http://localhost";

/** The response's JSON body parsed with `schema` (a failure names what did not match). */
export async function bodyOf<T extends z.ZodType>(response: Response, schema: T): Promise<z.infer<T>> {
  return schema.parse(await response.json());
}

/** The problem+json body of a refused request, checked for its shape and content type. */
export async function problemOf(response: Response): Promise<Problem> {
  const type = response.headers.get("content-type");
  if (type !== "application/problem+json") throw new Error(`expected application/problem+json, got ${type} (status ${response.status})`);
  return bodyOf(response, problemSchema.strict());
}

export interface ApiAccount {
  id: string;
  email: string;
  name: string;
}

/** A signed-in browser: the session cookie and the CSRF token go with every request. */
export interface ApiClient {
  account: ApiAccount;
  password: string;
  csrfToken: string;
  /** The raw "name=value" cookie sent with each request. */
  cookie: string;
  request(method: string, path: string, body?: unknown, headers?: Record<string, string>): Promise<Response>;
  get(path: string): Promise<Response>;
  post(path: string, body?: unknown): Promise<Response>;
  put(path: string, body?: unknown): Promise<Response>;
  patch(path: string, body?: unknown): Promise<Response>;
  delete(path: string): Promise<Response>;
}

export interface MemberOptions {
  personId?: string;
  auditId?: string;
  email?: string;
  name?: string;
}

export interface TestApi {
  app: OpenAPIHono<AppEnv>;
  db: Db;
  /** The app's sign-in limiter (tests of lockout can look at it). */
  limiter: LoginRateLimiter;
  /** A request with no session: `api.request("/api/setup")`, `api.request("/api/session", { method: "POST", … })`. */
  request(path: string, init?: RequestInit): Promise<Response>;
  /** A JSON request with no session. */
  send(method: string, path: string, body?: unknown, headers?: Record<string, string>): Promise<Response>;
  /** The first administrator through the setup link, signed in; the same client on later calls. */
  setUpAdmin(): Promise<ApiClient>;
  /** Signs in through POST /api/session; throws unless it succeeds. */
  signIn(email: string, password: string): Promise<ApiClient>;
  /** A new workspace (blank, or from a template) of which the first administrator is an administrator. */
  workspace(options?: { template?: WorkspaceTemplate; slug?: string }): Promise<Workspace>;
  /** A new account with `role` in `workspace`, its password set through its invitation, signed in. */
  member(role: Role, workspace: Workspace, options?: MemberOptions): Promise<ApiClient>;
}

export const adminEmail = "admin@acme.example";
export const adminName = "Ada Admin";

/** A password that passes the rules and is different every time. */
export function strongPassword(): string {
  return `violet tundra ${randomBytes(4).toString("hex")} lantern`;
}

/** The "name=value" part of a Set-Cookie header for the session, or null (also for a cleared cookie). */
export function sessionCookieOf(response: Response): string | null {
  for (const line of response.headers.getSetCookie()) {
    const pair = line.split(";")[0] ?? "";
    if (/^(__Host-)?isms_session=/.test(pair)) return pair.endsWith("=") ? null : pair;
  }
  return null;
}

export interface TestApiOptions {
  /** The app's clock; default the system's. */
  now?: () => Date;
  /** Default true, as served over HTTPS. */
  secureCookies?: boolean;
}

/** The API over `db`. */
export function testApi(db: Db, options: TestApiOptions = {}): TestApi {
  const limiter = new LoginRateLimiter();
  const app = createApp({ db, blobs: null, loginLimiter: limiter, webRoot: null, ...options });
  const request = async (path: string, init?: RequestInit) => app.request(`${origin}${path}`, init);
  const send = (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) =>
    request(path, { method, headers: { ...(body === undefined ? {} : { "content-type": "application/json" }), ...headers }, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });

  const clientFrom = async (response: Response, password: string): Promise<ApiClient> => {
    const cookie = sessionCookieOf(response);
    const json: unknown = await response.json();
    if (!response.ok || !cookie || !isSession(json)) throw new Error(`signing in failed: ${response.status} ${JSON.stringify(json)}`);
    const headers = { cookie, [csrfHeader]: json.csrfToken };
    const call = (method: string, path: string, body?: unknown, extra: Record<string, string> = {}) => send(method, path, body, { ...headers, ...extra });
    return {
      account: json.account,
      password,
      csrfToken: json.csrfToken,
      cookie,
      request: call,
      get: (path) => call("GET", path),
      post: (path, body) => call("POST", path, body),
      put: (path, body) => call("PUT", path, body),
      patch: (path, body) => call("PATCH", path, body),
      delete: (path) => call("DELETE", path),
    };
  };

  let admin: Promise<ApiClient> | undefined;
  const setUpAdmin = (): Promise<ApiClient> => {
    admin ??= (async () => {
      const link = await ensureSetupLink(db);
      if (!link) throw new Error("setup is not needed: this store has an administrator already; use one test store per useTestApi()");
      const password = strongPassword();
      return clientFrom(await send("POST", "/api/setup", { token: link.token, email: adminEmail, name: adminName, password }), password);
    })();
    return admin;
  };

  return {
    app,
    db,
    limiter,
    request,
    send,
    setUpAdmin,
    signIn: async (email, password) => clientFrom(await send("POST", "/api/session", { email, password }), password),
    workspace: async (options = {}) => {
      // First: setting up makes the administrator a member of every workspace that exists then.
      const administrator = await setUpAdmin();
      const slug = options.slug ?? uniqueSlug("ws");
      const workspace = options.template
        ? await initWorkspace(db, { name: `Acme ${slug}`, slug, template: options.template, actor: "test" }).then(() => resolveWorkspace(db, slug))
        : await createTestWorkspace(db, { slug });
      await db.transaction((tx) => addMember(tx, workspace, { email: administrator.account.email, name: administrator.account.name, role: "administrator" }, { actor: "test" }));
      return { id: workspace.id, slug: workspace.slug, name: workspace.name, companyName: workspace.companyName, template: workspace.template };
    },
    member: async (role, workspace, options = {}) => {
      const email = options.email ?? `${role}-${randomBytes(4).toString("hex")}@acme.example`;
      const { invitation } = await db.transaction((tx) =>
        addMember(tx, workspace, { email, name: options.name ?? `Test ${role}`, role, personId: options.personId, auditId: options.auditId }, { actor: "test" }),
      );
      if (!invitation) throw new Error(`${email} has an account already: give member() a new email`);
      const password = strongPassword();
      return clientFrom(await send("POST", "/api/invitation", { token: invitation.token, password }), password);
    },
  };
}

function isSession(value: unknown): value is { account: ApiAccount; csrfToken: string } {
  if (typeof value !== "object" || value === null || !("account" in value) || !("csrfToken" in value)) return false;
  const { account, csrfToken } = value;
  return typeof csrfToken === "string" && typeof account === "object" && account !== null && "id" in account && "email" in account && "name" in account;
}

/** One API over a fresh PGlite test store for the file (opened before its tests, closed after). */
export function useTestApi(): () => TestApi {
  let store: Store | undefined;
  let api: TestApi | undefined;
  beforeAll(async () => {
    store = await openTestStore();
    api = testApi(store.db);
  });
  afterAll(async () => {
    await store?.close();
  });
  return () => {
    if (!api) throw new Error("the API opens in beforeAll: call getApi() inside a test or hook");
    return api;
  };
}

/** The same suite over the API on both databases (see describeEachStore); one API per variant. */
export function describeEachApi(name: string, suite: (getApi: () => TestApi) => void): void {
  describeEachStore(name, (getStore: GetStore) => {
    let api: TestApi | undefined;
    // Made on first use: the store opens in the variant's beforeAll (and a skipped variant has none).
    suite(() => (api ??= testApi(getStore().db)));
  });
}

/** Asserts a problem+json answer: its status, and its detail (exactly, or matching). */
export async function expectProblem(response: Response, status: number, detail: string | RegExp): Promise<void> {
  expect(response.status).toBe(status);
  const problem = await problemOf(response);
  expect(problem.status).toBe(status);
  if (typeof detail === "string") expect(problem.detail).toBe(detail);
  else expect(problem.detail).toMatch(detail);
}

/** Asserts a 400 answer that names the field at `path` with a message matching `message`. */
export async function expectFieldProblem(response: Response, path: string, message: RegExp): Promise<void> {
  expect(response.status, path).toBe(400);
  const field = (await problemOf(response)).errors?.find((e) => e.path === path);
  expect(field?.message, `no error at "${path}"`).toMatch(message);
}

/** One signed-in client per role in a workspace, and an administrator of another workspace. */
export interface RoleClients {
  admin: ApiClient;
  editor: ApiClient;
  /** A control owner linked to the person `ownerPersonId`. */
  owner: ApiClient;
  /** An auditor of an audit whose scope covers what the suite is about. */
  auditorInside: ApiClient;
  /** An auditor of an audit whose scope does not. */
  auditorOutside: ApiClient;
  viewer: ApiClient;
  /** The administrator of `other`, for whom `ws` does not exist. */
  stranger: ApiClient;
  /** A blank workspace of the stranger's. */
  other: Workspace;
}

export interface RoleClientOptions {
  ownerPersonId: string;
  auditInside: string;
  auditOutside: string;
  /** The editor's person, when the suite needs one (approving as themselves). */
  editorPersonId?: string;
}

/** The members of every role a per-role API suite asks (call after the workspace's people and audits exist). */
export async function roleClients(api: TestApi, ws: Workspace, options: RoleClientOptions): Promise<RoleClients> {
  const admin = await api.setUpAdmin();
  const other = await api.workspace({ template: "blank" });
  return {
    admin,
    editor: await api.member("editor", ws, options.editorPersonId ? { personId: options.editorPersonId } : {}),
    owner: await api.member("control-owner", ws, { personId: options.ownerPersonId }),
    auditorInside: await api.member("auditor", ws, { auditId: options.auditInside }),
    auditorOutside: await api.member("auditor", ws, { auditId: options.auditOutside }),
    viewer: await api.member("viewer", ws),
    stranger: await api.member("administrator", other),
    other,
  };
}

/** A workspace with a member of every role. */
export interface SeededTeam extends RoleClients {
  ws: Workspace;
}

/**
 * A blank workspace of the first administrator's, filled by `seed` in one transaction (the people and audits
 * the members are linked to), then a member of every role in it (roleClients).
 */
export async function seededTeam(api: TestApi, options: RoleClientOptions, seed: (tx: Tx, ws: Workspace) => Promise<unknown>): Promise<SeededTeam> {
  await api.setUpAdmin();
  const ws = await api.workspace({ template: "blank" });
  await api.db.transaction((tx) => seed(tx, ws));
  return { ws, ...(await roleClients(api, ws, options)) };
}
