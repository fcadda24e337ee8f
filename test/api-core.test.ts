// The HTTP API's core on both databases: workspaces kept apart (404 for another tenant's every route),
// members managed by administrators only, problems as application/problem+json, the audit-log history,
// and the OpenAPI document covering every route.
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, expect, it, vi } from "vitest";
import { z } from "zod";
import { principalFor } from "../src/app/accounts/principal.js";
import type { Workspace } from "../src/app/workspaces.js";
import { createApp } from "../src/server/app.js";
import { audits } from "../src/store/schema/index.js";
import { bodyOf, describeEachApi, origin, problemOf, type ApiClient, type TestApi } from "./helpers/api.js";
import { openTestStore } from "./helpers/pglite-template.js";

const member = z.object({ accountId: z.string(), email: z.string(), role: z.string(), personId: z.string().nullable(), auditId: z.string().nullable(), pending: z.boolean() });
const members = z.object({ members: z.array(member) });
const openApiDocument = z.object({
  openapi: z.string(),
  info: z.object({ title: z.string(), version: z.string() }),
  paths: z.record(z.string(), z.record(z.string(), z.object({ responses: z.record(z.string(), z.unknown()), summary: z.string() }))),
  components: z.object({ schemas: z.record(z.string(), z.unknown()) }),
});

interface Tenants {
  a: Workspace;
  b: Workspace;
  admin: ApiClient;
  /** Administrator of A only. */
  strangerToB: ApiClient;
  viewerOfB: ApiClient;
}

describeEachApi("the HTTP API core", (getApi) => {
  let api: TestApi;
  let t: Tenants;
  beforeAll(async () => {
    api = getApi();
    const admin = await api.setUpAdmin();
    const a = await api.workspace();
    const b = await api.workspace();
    t = { a, b, admin, strangerToB: await api.member("administrator", a), viewerOfB: await api.member("viewer", b) };
  });

  it("an account of workspace A gets 404 for every route of workspace B it tries, reading or writing, as for a workspace that does not exist", async () => {
    const document = await bodyOf(await api.request("/api/openapi.json"), openApiDocument);
    const routes = Object.entries(document.paths)
      .filter(([path]) => path.startsWith("/api/w/{workspace}"))
      .flatMap(([path, operations]) => Object.keys(operations).map((method) => [method.toUpperCase(), path] as const));
    expect(routes.length).toBeGreaterThanOrEqual(5);
    const viewerId = t.viewerOfB.account.id;
    for (const [method, template] of routes) {
      const path = template.replace("{workspace}", t.b.slug).replace("{account}", viewerId).replace(/\{\w+\}/g, "X-1");
      const response = await t.strangerToB.request(method, path, method === "GET" || method === "DELETE" ? undefined : {});
      expect(response.status, `${method} ${path}`).toBe(404);
      expect((await problemOf(response)).detail).toBe(`No workspace "${t.b.slug}" for this account; GET /api/workspaces lists yours`);
    }
    const missing = await problemOf(await t.strangerToB.get("/api/w/no-such-workspace/members"));
    expect(missing.detail).toBe('No workspace "no-such-workspace" for this account; GET /api/workspaces lists yours');
    expect((await bodyOf(await t.admin.get(`/api/w/${t.b.slug}/members`), members)).members.map((m) => m.accountId)).toContain(viewerId);
  });

  it("a workspace is not found by its id either, only by its slug", async () => {
    expect((await t.admin.get(`/api/w/${t.b.id}/members`)).status).toBe(404);
  });

  it("lists an account's own workspaces only", async () => {
    const mine = await bodyOf(await t.strangerToB.get("/api/workspaces"), z.object({ workspaces: z.array(z.looseObject({ slug: z.string(), role: z.string() })) }));
    expect(mine.workspaces).toEqual([{ slug: t.a.slug, role: "administrator", name: t.a.name, companyName: t.a.companyName, personId: null, audit: null }]);
  });

  it("a viewer cannot add members: 403 with the reason, and nothing is added", async () => {
    const response = await t.viewerOfB.post(`/api/w/${t.b.slug}/members`, { email: "mallory@acme.example", name: "Mallory", role: "administrator" });
    expect(response.status).toBe(403);
    const problem = await problemOf(response);
    expect(problem).toMatchObject({ type: "urn:openisms:problem:forbidden", title: "Not allowed", status: 403, instance: `/api/w/${t.b.slug}/members` });
    expect(problem.detail).toBe("Viewers cannot create accounts: only administrators may; ask an administrator of the workspace");
    const listed = await bodyOf(await t.admin.get(`/api/w/${t.b.slug}/members`), members);
    expect(listed.members.map((m) => m.email)).not.toContain("mallory@acme.example");
  });

  it("an administrator adds a member with an invitation link, changes the role and removes them; the history shows who did each", async () => {
    const path = `/api/w/${t.b.slug}/members`;
    const added = await t.admin.post(path, { email: "Sam@Acme.example", name: "Sam Lee", role: "editor" });
    expect(added.status).toBe(201);
    const { member: sam, invitation } = await bodyOf(added, z.object({ member, invitation: z.object({ url: z.string(), expiresAt: z.string() }) }));
    expect(sam).toMatchObject({ email: "sam@acme.example", role: "editor", pending: true });
    expect(invitation.url).toMatch(new RegExp(`^${origin}/invitation#token=[\\w-]{43}$`));

    const changed = await t.admin.patch(`${path}/${sam.accountId}`, { role: "viewer" });
    expect(await bodyOf(changed, z.object({ member }))).toMatchObject({ member: { role: "viewer" } });
    expect((await t.admin.delete(`${path}/${sam.accountId}`)).status).toBe(204);
    expect((await t.admin.delete(`${path}/${sam.accountId}`)).status).toBe(404);

    const history = await bodyOf(
      await t.admin.get(`/api/w/${t.b.slug}/history?entity=member:${sam.accountId}`),
      z.object({ total: z.number(), entries: z.array(z.object({ actor: z.string(), action: z.string(), changes: z.array(z.object({ field: z.string(), before: z.unknown().optional(), after: z.unknown().optional() })) })) }),
    );
    expect(history.entries.map((e) => [e.actor, e.action])).toEqual([
      [`account:${t.admin.account.email}`, "member.add"],
      [`account:${t.admin.account.email}`, "member.change"],
      [`account:${t.admin.account.email}`, "member.remove"],
    ]);
    expect(history.entries[1]?.changes).toEqual([{ field: "role", before: "editor", after: "viewer" }]);
    expect(JSON.stringify(history)).not.toMatch(/token|password/i);
    expect((await t.viewerOfB.get(`/api/w/${t.b.slug}/history?entity=member:${sam.accountId}`)).status).toBe(403);
  });

  it("keeps the last administrator: demoting or removing them is a 409 problem", async () => {
    const alone = await api.workspace();
    const path = `/api/w/${alone.slug}/members`;
    const demoted = await t.admin.patch(`${path}/${t.admin.account.id}`, { role: "editor" });
    expect(demoted.status).toBe(409);
    expect((await problemOf(demoted)).detail).toBe(`${t.admin.account.email} is the last administrator of ${alone.slug}. Make another member an administrator first`);
    expect((await t.admin.delete(`${path}/${t.admin.account.id}`)).status).toBe(409);
  });

  it("answers invalid input with a problem listing every wrong field", async () => {
    const response = await t.admin.post(`/api/w/${t.b.slug}/members`, { email: "not an email", role: "owner", extra: 1 });
    expect(response.status).toBe(400);
    const problem = await problemOf(response);
    expect(problem).toMatchObject({ type: "urn:openisms:problem:invalid-input", status: 400, instance: `/api/w/${t.b.slug}/members` });
    expect(problem.errors?.map((e) => e.path).sort()).toEqual(["email", "name", "role"]);
    expect(problem.errors?.find((e) => e.path === "email")?.message).toBe("write an email address such as alice@acme.example");
    expect(problem.detail).toMatch(/^The request body is not valid at \w+: .* \(and 2 more\)$/);

    const malformed = await t.admin.request("POST", `/api/w/${t.b.slug}/members`, undefined, { "content-type": "application/json" });
    expect([malformed.status, (await problemOf(malformed)).detail]).toEqual([400, "Malformed JSON in request body"]);

    const auditor = await problemOf(await t.admin.post(`/api/w/${t.b.slug}/members`, { email: "ann@cb.example", name: "Ann", role: "auditor", personId: "P-404" }));
    expect(auditor.errors).toEqual([
      { path: "auditId", message: "an auditor sees one audit's scope and period: give the audit's id (isms audit list)" },
      { path: "personId", message: "no person P-404 in this workspace (isms people list)" },
    ]);
  });

  it("an auditor's principal carries the audit's controls, clauses and period", async () => {
    await api.db.insert(audits).values({ workspaceId: t.b.id, id: "AUD-001", kind: "stage2", title: "Stage 2", status: "planned", controls: ["8.5", "5.15"], clauses: ["9.2"], plannedStart: "2026-05-01", plannedEnd: "2026-05-03", actualStart: "2026-05-04" });
    const auditor = await api.member("auditor", t.b, { auditId: "AUD-001" });
    expect(await principalFor(api.db, auditor.account, t.b)).toEqual({
      workspaceId: t.b.id,
      role: "auditor",
      personId: null,
      audit: { auditId: "AUD-001", controls: ["8.5", "5.15"], clauses: ["9.2"], periodStart: "2026-05-04", periodEnd: "9999-12-31" },
    });
    expect(await principalFor(api.db, auditor.account, t.a)).toBeNull();
    // The web app hides what the account may not do from the same facts: GET /api/me gives them.
    const me = z.object({ workspaces: z.array(z.object({ slug: z.string(), role: z.string(), personId: z.string().nullable(), audit: z.object({ auditId: z.string(), controls: z.array(z.string()) }).nullable() })) });
    const mine = (await bodyOf(await auditor.get("/api/me"), me)).workspaces.find((w) => w.slug === t.b.slug);
    expect(mine).toEqual({ slug: t.b.slug, role: "auditor", personId: null, audit: { auditId: "AUD-001", controls: ["8.5", "5.15"] } });
  });

  it("answers an unknown route under /api with a 404 problem, and a signed-out request with 401", async () => {
    const unknown = await t.admin.get("/api/no-such-thing");
    expect(unknown.status).toBe(404);
    expect((await problemOf(unknown)).detail).toMatch(/^No route GET \/api\/no-such-thing/);
    expect((await problemOf(await api.request(`/api/w/${t.b.slug}/members`))).status).toBe(401);
  });

  it("publishes an OpenAPI 3.1 document that declares every route of the app", async () => {
    const response = await api.request("/api/openapi.json");
    expect(response.headers.get("content-type")).toMatch(/^application\/json/);
    const document = await bodyOf(response, openApiDocument);
    expect(document.openapi).toMatch(/^3\.1\.\d+$/);
    const declared = new Set(Object.entries(document.paths).flatMap(([path, operations]) => Object.keys(operations).map((m) => `${m.toUpperCase()} ${path}`)));
    const served = api.app.routes
      .filter((r) => r.method !== "ALL" && r.path.startsWith("/api/") && r.path !== "/api/openapi.json")
      .map((r) => `${r.method} ${r.path.replace(/:(\w+)/g, "{$1}")}`);
    expect(served.length).toBeGreaterThanOrEqual(12);
    for (const route of served) expect(declared, route).toContain(route);
    for (const route of ["GET /api/setup", "POST /api/setup", "POST /api/session", "DELETE /api/session", "GET /api/me", "GET /api/workspaces", "POST /api/w/{workspace}/members", "PATCH /api/w/{workspace}/members/{account}", "GET /api/w/{workspace}/history"]) {
      expect(declared).toContain(route);
    }
    // Every $ref points at a schema the document defines.
    const refs = [...JSON.stringify(document).matchAll(/"\$ref":"#\/components\/schemas\/([^"]+)"/g)].map((m) => m[1] ?? "");
    for (const ref of refs) expect(Object.keys(document.components.schemas)).toContain(ref);
  });
});

it("an unexpected failure is a 500 problem that reveals nothing of it", async () => {
  const store = await openTestStore();
  const app = createApp({ db: store.db, blobs: null, webRoot: null });
  await store.close();
  const logged = vi.spyOn(console, "error").mockImplementation(() => undefined);
  try {
    const response = await app.request(`${origin}/api/setup`);
    expect(response.status).toBe(500);
    const problem = await problemOf(response);
    expect(problem).toEqual({
      type: "urn:openisms:problem:internal",
      title: "Internal error",
      status: 500,
      instance: "/api/setup",
      detail: "Something went wrong on the server; the error is logged. Try again, and tell the administrator if it persists",
    });
    expect(logged).toHaveBeenCalledOnce();
  } finally {
    logged.mockRestore();
  }
});

it("serves the built web app with its pages falling back to index.html, and nothing when it is not built", async () => {
  const store = await openTestStore();
  const webRoot = await mkdtemp(join(tmpdir(), "isms-web-"));
  try {
    await mkdir(join(webRoot, "assets"));
    await writeFile(join(webRoot, "index.html"), "<!doctype html><title>OpenISMS</title>");
    await writeFile(join(webRoot, "assets", "app.js"), "console.log('app')");
    const app = createApp({ db: store.db, blobs: null, webRoot });
    const page = async (path: string) => {
      const response = await app.request(`${origin}${path}`);
      return [response.status, response.headers.get("content-type"), await response.text()];
    };
    expect(await page("/")).toEqual([200, "text/html; charset=utf-8", "<!doctype html><title>OpenISMS</title>"]);
    expect(await page("/w/acme/risks")).toEqual([200, "text/html; charset=utf-8", "<!doctype html><title>OpenISMS</title>"]);
    expect(await page("/assets/app.js")).toEqual([200, "text/javascript; charset=utf-8", "console.log('app')"]);
    const api = await app.request(`${origin}/api/nothing-here`);
    expect([api.status, api.headers.get("content-type")]).toEqual([401, "application/problem+json"]);

    const unbuilt = createApp({ db: store.db, blobs: null, webRoot: join(webRoot, "missing") });
    expect((await unbuilt.request(`${origin}/`)).status).toBe(404);
  } finally {
    await rm(webRoot, { recursive: true, force: true });
    await store.close();
  }
});
