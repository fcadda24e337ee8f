// Who a request is is remembered for at most a second (src/server/middleware/request-cache.ts), yet a
// sign-out, a role change or a removal through the API takes effect on the very next request.
import { beforeAll, describe, expect, it } from "vitest";
import { changeRole } from "../src/app/accounts/members.js";
import type { Workspace } from "../src/app/workspaces.js";
import { rememberForMs } from "../src/server/middleware/request-cache.js";
import { problemOf, useTestApi, type ApiClient } from "./helpers/api.js";

describe("remembered sessions and memberships", () => {
  const getApi = useTestApi();
  let admin: ApiClient;
  let ws: Workspace;
  beforeAll(async () => {
    admin = await getApi().setUpAdmin();
    ws = await getApi().workspace();
  });
  const members = () => `/api/w/${ws.slug}/members`;

  it("a role change takes effect on the member's very next request", async () => {
    const editor = await getApi().member("editor", ws);
    expect((await editor.get(members())).status).toBe(200);
    expect((await editor.get(members())).status).toBe(200);

    expect((await admin.patch(`${members()}/${editor.account.id}`, { role: "viewer" })).status).toBe(200);
    const refused = await editor.get(members());
    expect(refused.status).toBe(403);
    expect((await problemOf(refused)).detail).toMatch(/^Viewers cannot/);

    expect((await admin.patch(`${members()}/${editor.account.id}`, { role: "editor" })).status).toBe(200);
    expect((await editor.get(members())).status).toBe(200);
  });

  it("a removed member gets 404 for the workspace at once", async () => {
    const viewer = await getApi().member("viewer", ws);
    expect((await viewer.get(`/api/w/${ws.slug}/soa`)).status).toBe(200);

    expect((await admin.delete(`${members()}/${viewer.account.id}`)).status).toBe(204);
    const gone = await viewer.get(`/api/w/${ws.slug}/soa`);
    expect(gone.status).toBe(404);
    expect((await problemOf(gone)).detail).toBe(`No workspace "${ws.slug}" for this account; GET /api/workspaces lists yours`);
  });

  it("a signed-out session is refused on its very next request, and other sessions go on", async () => {
    const editor = await getApi().member("editor", ws);
    const sameAccount = await getApi().signIn(editor.account.email, editor.password);
    expect((await editor.get(`/api/w/${ws.slug}/soa`)).status).toBe(200);
    expect((await sameAccount.get(`/api/w/${ws.slug}/soa`)).status).toBe(200);

    expect((await editor.delete("/api/session")).status).toBe(204);
    const after = await editor.get(`/api/w/${ws.slug}/soa`);
    expect(after.status).toBe(401);
    expect(after.headers.getSetCookie().join("\n")).toMatch(/isms_session=;.*Max-Age=0/);
    expect((await sameAccount.get(`/api/w/${ws.slug}/soa`)).status).toBe(200);
  });

  it("a role changed outside this process's API (the CLI on a shared PostgreSQL) shows within a second", async () => {
    const editor = await getApi().member("editor", ws);
    expect((await editor.get(members())).status).toBe(200);
    await getApi().db.transaction((tx) => changeRole(tx, ws, editor.account.email, { role: "viewer" }, { actor: "test" }));
    await new Promise((resolve) => setTimeout(resolve, rememberForMs + 50));
    expect((await editor.get(members())).status).toBe(403);
  });

  it("still answers 404, not a remembered workspace, for a slug the account is no member of or that is not a slug", async () => {
    const other = await getApi().workspace();
    const stranger = await getApi().member("editor", other);
    expect((await stranger.get(`/api/w/${other.slug}/soa`)).status).toBe(200);
    for (const slug of [ws.slug, "no-such-workspace", "Not_A_Slug"]) {
      const response = await stranger.get(`/api/w/${slug}/soa`);
      expect(response.status, slug).toBe(404);
      expect((await problemOf(response)).detail, slug).toBe(`No workspace "${slug}" for this account; GET /api/workspaces lists yours`);
    }
  });
});
