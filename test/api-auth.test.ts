// Signing in over the HTTP API: the first administrator's one-time setup link, passwords, sign-in
// failures and their rate limit, the session cookie, CSRF, sign-out and session expiry.
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { count } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { addMember } from "../src/app/accounts/members.js";
import { ensureSetupLink } from "../src/app/accounts/setup.js";
import type { Store } from "../src/store/open.js";
import { accounts } from "../src/store/schema/index.js";
import { z } from "zod";
import { createApp } from "../src/server/app.js";
import { adminEmail, bodyOf, origin, problemOf, sessionCookieOf, strongPassword, testApi, useTestApi, type TestApi, type TestApiOptions } from "./helpers/api.js";
import { createTestWorkspace } from "./helpers/fixtures.js";
import { ismsInProcess } from "./helpers/cli-in-process.js";
import { openTestStore, seedDataDir } from "./helpers/pglite-template.js";

const opened: Store[] = [];
afterEach(async () => {
  await Promise.all(opened.splice(0).map((store) => store.close()));
});

/** An API over a store of its own, where no administrator exists yet. */
async function freshApi(options: TestApiOptions = {}): Promise<TestApi> {
  const store = await openTestStore();
  opened.push(store);
  return testApi(store.db, options);
}

const setup = (api: TestApi, body: Record<string, unknown>) => api.send("POST", "/api/setup", body);

describe("the first administrator", () => {
  it("is created once through the setup link, which then opens nothing", async () => {
    const api = await freshApi();
    const workspace = await createTestWorkspace(api.db);
    expect(await (await api.request("/api/setup")).json()).toEqual({ needed: true });
    const link = await ensureSetupLink(api.db);
    if (!link) throw new Error("no setup link although no administrator exists");

    const created = await setup(api, { token: link.token, email: "Mia@Acme.example", name: "Mia Chen", password: strongPassword() });
    expect(created.status).toBe(201);
    expect(await created.json()).toMatchObject({ account: { email: "mia@acme.example", name: "Mia Chen" } });
    expect(sessionCookieOf(created)).not.toBeNull();

    const again = await setup(api, { token: link.token, email: "eve@evil.example", name: "Eve", password: strongPassword() });
    expect(again.status).toBe(410);
    expect((await problemOf(again)).detail).toMatch(/^This setup link was already used on \d{4}-\d\d-\d\d; sign in with the password set then/);
    expect(await (await api.request("/api/setup")).json()).toEqual({ needed: false });
    expect(await ensureSetupLink(api.db)).toBeNull();

    const me = await api.send("GET", "/api/me", undefined, { cookie: sessionCookieOf(created) ?? "" });
    expect(await me.json()).toMatchObject({ workspaces: [{ slug: workspace.slug, role: "administrator" }] });
  });

  it("needs the newest link: printing a new one retires the one before", async () => {
    const api = await freshApi();
    const first = await ensureSetupLink(api.db);
    const second = await ensureSetupLink(api.db);
    if (!first || !second) throw new Error("no setup link although no administrator exists");
    const stale = await setup(api, { token: first.token, email: "mia@acme.example", name: "Mia Chen", password: strongPassword() });
    expect(stale.status).toBe(410);
    expect((await problemOf(stale)).detail).toMatch(/^This setup link is not valid/);
    expect((await setup(api, { token: second.token, email: "mia@acme.example", name: "Mia Chen", password: strongPassword() })).status).toBe(201);
  });

  it("has no default password: before setup no account exists and no usual pair signs in", async () => {
    const api = await freshApi();
    const [row] = await api.db.select({ n: count() }).from(accounts);
    expect(row?.n).toBe(0);
    for (const [email, password] of [["admin@example.com", "admin"], ["admin@example.com", "changeme"], [adminEmail, "password"], ["root@example.com", "root"]]) {
      const response = await api.send("POST", "/api/session", { email, password });
      expect(response.status, `${email} / ${password}`).toBe(401);
    }
  });

  it("is refused a weak password with the rule to follow, and the link keeps working", async () => {
    const api = await freshApi();
    const link = await ensureSetupLink(api.db);
    if (!link) throw new Error("no setup link");
    const weak = await setup(api, { token: link.token, email: "mia@acme.example", name: "Mia Chen", password: "Summer2024" });
    expect(weak.status).toBe(400);
    expect(weak.headers.get("content-type")).toBe("application/problem+json");
    const tooShort = await problemOf(weak);
    expect(tooShort.errors?.map((e) => e.path)).toEqual(["password"]);
    expect(tooShort.errors?.[0]?.message).toMatch(/^use at least 12 characters \(this one has 10\)/);
    const named = await setup(api, { token: link.token, email: "mia@acme.example", name: "Mia Chen", password: "mia chen is my password" });
    expect((await problemOf(named)).errors?.[0]?.message).toContain('"chen" from your name');
    expect((await setup(api, { token: link.token, email: "mia@acme.example", name: "Mia Chen", password: strongPassword() })).status).toBe(201);
  });
});

describe("signing in", () => {
  const getApi = useTestApi();

  it("with a wrong password or an unknown email is 401, in words that do not say which was wrong", async () => {
    const api = getApi();
    const admin = await api.setUpAdmin();
    const wrongPassword = await api.send("POST", "/api/session", { email: admin.account.email, password: "not the password at all" });
    const unknownEmail = await api.send("POST", "/api/session", { email: "nobody@acme.example", password: admin.password });
    expect([wrongPassword.status, unknownEmail.status]).toEqual([401, 401]);
    const [a, b] = [await problemOf(wrongPassword), await problemOf(unknownEmail)];
    expect(a.type).toBe("urn:openisms:problem:unauthorized");
    expect(a.detail).toMatch(/^The email or password is not right/);
    expect({ ...a, instance: "" }).toEqual({ ...b, instance: "" });
    expect(sessionCookieOf(wrongPassword)).toBeNull();
  });

  it("is refused with 429 and Retry-After at the sixth failure, even with the right password then", async () => {
    const api = getApi();
    const ws = await api.workspace();
    const editor = await api.member("editor", ws);
    for (let attempt = 1; attempt <= 5; attempt++) {
      expect((await api.send("POST", "/api/session", { email: editor.account.email, password: `wrong guess number ${attempt}` })).status).toBe(401);
    }
    for (const password of ["wrong guess number 6", editor.password]) {
      const locked = await api.send("POST", "/api/session", { email: editor.account.email.toUpperCase(), password });
      expect(locked.status).toBe(429);
      expect(Number(locked.headers.get("retry-after"))).toBeGreaterThan(800);
      expect((await problemOf(locked)).detail).toMatch(/^Too many failed sign-ins for this account; try again in 1[45] minutes/);
    }
  });

  it("from one network address, stops at the twenty-first failure across accounts, and not other addresses (behind a proxy)", async () => {
    const api = getApi();
    const admin = await api.setUpAdmin();
    const app = createApp({ db: api.db, blobs: null, webRoot: null, trustProxy: true });
    const signIn = (email: string, password: string, address: string) =>
      app.request(`${origin}/api/session`, { method: "POST", headers: { "content-type": "application/json", "x-forwarded-for": `198.51.100.9, ${address}` }, body: JSON.stringify({ email, password }) });
    for (let i = 1; i <= 20; i++) expect((await signIn(`guess${i}@acme.example`, "wrong password here", "203.0.113.7")).status).toBe(401);
    const blocked = await signIn(admin.account.email, admin.password, "203.0.113.7");
    expect(blocked.status).toBe(429);
    expect((await problemOf(blocked)).detail).toMatch(/^Too many failed sign-ins from your network address/);
    expect((await signIn(admin.account.email, admin.password, "203.0.113.8")).status).toBe(200);
  });

  it("sets an HttpOnly, SameSite=Lax, Secure, host-only session cookie", async () => {
    const api = getApi();
    const admin = await api.setUpAdmin();
    const response = await api.send("POST", "/api/session", { email: admin.account.email, password: admin.password });
    const [cookie] = response.headers.getSetCookie();
    expect(cookie).toMatch(/^__Host-isms_session=[\w-]{43}; Path=\/; HttpOnly; SameSite=Lax; Secure; Max-Age=43200$/);
    expect((await bodyOf(response, z.object({ csrfToken: z.string() }))).csrfToken).toMatch(/^[\w-]{43}$/);
  });

  it("over plain HTTP on localhost sets the cookie without Secure and without the __Host- prefix", async () => {
    const api = await freshApi({ secureCookies: false });
    const link = await ensureSetupLink(api.db);
    if (!link) throw new Error("no setup link");
    const response = await setup(api, { token: link.token, email: "mia@acme.example", name: "Mia Chen", password: strongPassword() });
    const [cookie] = response.headers.getSetCookie();
    expect(cookie).toMatch(/^isms_session=[\w-]{43}; Path=\/; HttpOnly; SameSite=Lax; Max-Age=43200$/);
  });

  it("from another site is refused by its Origin", async () => {
    const api = getApi();
    const admin = await api.setUpAdmin();
    const response = await api.send("POST", "/api/session", { email: admin.account.email, password: admin.password }, { origin: "https://evil.example" });
    expect(response.status).toBe(403);
    expect(await response.json()).toMatchObject({ detail: "Requests from https://evil.example may not change anything here; open http://localhost instead" });
  });
});

describe("a signed-in session", () => {
  const getApi = useTestApi();

  it("changes nothing on POST, PATCH or DELETE without its CSRF token, or with another session's", async () => {
    const api = getApi();
    const admin = await api.setUpAdmin();
    const ws = await api.workspace();
    const viewer = await api.member("viewer", ws);
    const members = `/api/w/${ws.slug}/members`;
    const attempts: [string, string, unknown][] = [
      ["POST", members, { email: "new@acme.example", name: "New", role: "editor" }],
      ["PATCH", `${members}/${viewer.account.id}`, { role: "administrator" }],
      ["DELETE", `${members}/${viewer.account.id}`, undefined],
      ["DELETE", "/api/session", undefined],
    ];
    for (const [method, path, body] of attempts) {
      for (const token of ["", viewer.csrfToken]) {
        const response = await admin.request(method, path, body, { "x-csrf-token": token });
        expect(response.status, `${method} ${path} with token "${token.slice(0, 6)}"`).toBe(403);
        expect((await problemOf(response)).detail).toMatch(token ? /does not match your session/ : /carries no x-csrf-token header/);
      }
    }
    const listed = await bodyOf(await admin.get(members), z.object({ members: z.array(z.object({ email: z.string(), role: z.string() })) }));
    expect(listed.members.map((m) => [m.email, m.role]).sort()).toEqual(
      [[admin.account.email, "administrator"], [viewer.account.email, "viewer"]].sort(),
    );
    expect((await admin.get("/api/me")).status).toBe(200);
  });

  it("ends at sign-out: its cookie opens nothing after", async () => {
    const api = getApi();
    const admin = await api.setUpAdmin();
    const session = await api.signIn(admin.account.email, admin.password);
    const out = await session.delete("/api/session");
    expect(out.status).toBe(204);
    expect(out.headers.getSetCookie()[0]).toMatch(/^__Host-isms_session=; .*Max-Age=0$/);
    const after = await session.get("/api/me");
    expect(after.status).toBe(401);
    expect(await after.json()).toMatchObject({ type: "urn:openisms:problem:unauthorized", status: 401 });
    expect((await admin.get("/api/me")).status).toBe(200);
  });

  it("ends after two idle hours, and an active one twelve hours after sign-in", async () => {
    let now = new Date("2026-03-02T09:00:00Z");
    const api = await freshApi({ now: () => now });
    const link = await ensureSetupLink(api.db, { now });
    if (!link) throw new Error("no setup link");
    const password = strongPassword();
    await setup(api, { token: link.token, email: "mia@acme.example", name: "Mia Chen", password });
    const idle = await api.signIn("mia@acme.example", password);
    now = new Date("2026-03-02T10:59:00Z");
    expect((await idle.get("/api/me")).status).toBe(200);
    now = new Date("2026-03-02T12:58:00Z");
    expect((await idle.get("/api/me")).status).toBe(200);
    now = new Date("2026-03-02T14:59:00Z");
    const ended = await idle.get("/api/me");
    expect(ended.status).toBe(401);
    expect(ended.headers.getSetCookie()[0]).toMatch(/Max-Age=0$/);

    const busy = await api.signIn("mia@acme.example", password);
    for (let hour = 1; hour < 12; hour++) {
      now = new Date(now.getTime() + 60 * 60 * 1000);
      expect((await busy.get("/api/me")).status, `hour ${hour}`).toBe(200);
    }
    now = new Date(now.getTime() + 60 * 60 * 1000);
    expect((await busy.get("/api/me")).status).toBe(401);
  });
});

describe("an invitation", () => {
  const getApi = useTestApi();

  it("sets the new member's password once, and signs them in", async () => {
    const api = getApi();
    const ws = await api.workspace();
    const { invitation } = await api.db.transaction((tx) => addMember(tx, ws, { email: "sam@acme.example", name: "Sam Lee", role: "editor" }, { actor: "test" }));
    if (!invitation) throw new Error("a new account got no invitation");
    expect(await api.send("POST", "/api/session", { email: "sam@acme.example", password: "anything at all here" }).then((r) => r.status)).toBe(401);
    const password = strongPassword();
    const accepted = await api.send("POST", "/api/invitation", { token: invitation.token, password });
    expect(accepted.status).toBe(200);
    expect(await accepted.json()).toMatchObject({ account: { email: "sam@acme.example" } });
    expect((await api.send("POST", "/api/invitation", { token: invitation.token, password: strongPassword() })).status).toBe(410);
    const sam = await api.signIn("sam@acme.example", password);
    expect(await (await sam.get("/api/workspaces")).json()).toEqual({ workspaces: [{ slug: ws.slug, name: ws.name, companyName: ws.companyName, role: "editor", personId: null, audit: null }] });
  });
});

describe("the isms command", () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "isms-accounts-"));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it("account setup-link, add, list, role and remove manage who may sign in to a workspace", async () => {
    const isms = (...args: string[]) => ismsInProcess(["--data-dir", join(dir, "cli"), ...args]);
    expect((await isms("init", "--name", "Acme ISMS", "--template", "blank")).status).toBe(0);
    const link = await isms("account", "setup-link", "--url", "https://isms.acme.example/some/page");
    expect(link.stdout).toMatch(/^Open this link once to create the first administrator.*\n {2}https:\/\/isms\.acme\.example\/setup#token=[\w-]{43} {2}\(one use, until /s);

    const added = await isms("account", "add", "--email", "Mia@Acme.example", "--name", "Mia Chen", "--role", "administrator");
    expect(added.status, added.stderr).toBe(0);
    expect(added.stdout).toMatch(/^mia@acme\.example is now administrator of acme-isms\.\nGive them this link to set their password:\n {2}http:\/\/127\.0\.0\.1:8080\/invitation#token=[\w-]{43}/);
    expect((await isms("account", "add", "--email", "sam@acme.example", "--name", "Sam Lee", "--role", "boss")).stderr).toMatch(/--role: "boss" is not a role; use one of administrator, editor/);
    expect((await isms("account", "add", "--email", "sam@acme.example", "--name", "Sam Lee", "--role", "viewer")).status).toBe(0);
    expect((await isms("account", "role", "sam@acme.example", "editor")).stdout).toBe("sam@acme.example is now editor of acme-isms.\n");
    expect((await isms("account", "list")).stdout.split("\n").slice(0, 3)).toEqual([
      "EMAIL             NAME      ROLE           PERSON  AUDIT  STATUS",
      "mia@acme.example  Mia Chen  administrator                 invited",
      "sam@acme.example  Sam Lee   editor                        invited",
    ]);
    const last = await isms("account", "remove", "mia@acme.example");
    expect([last.status, last.stderr]).toEqual([1, "error: mia@acme.example is the last administrator of acme-isms. Make another member an administrator first\n"]);
    expect((await isms("account", "remove", "sam@acme.example")).stdout).toBe("sam@acme.example is no longer a member of acme-isms.\n");
    expect((await isms("account", "setup-link")).stderr).toMatch(/^error: The first administrator exists already/);
  });

  it("isms serve starts on a free port, prints the URL and the setup link, answers, and stops on SIGTERM", async () => {
    const dataDir = join(dir, "serve");
    await seedDataDir(dataDir); // the child's time goes to serving, not to initdb
    const root = fileURLToPath(new URL("../", import.meta.url));
    const child = spawn(process.execPath, ["--import", "tsx", "src/cli/main.ts", "serve", "--port", "0", "--data-dir", dataDir], {
      cwd: root,
      env: { ...process.env, DATABASE_URL: undefined, ISMS_WORKSPACE: undefined, NO_COLOR: "1" },
    });
    let stdout = "";
    let stderr = "";
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
    const exited = new Promise<number | null>((resolve) => child.on("close", (code) => resolve(code)));
    try {
      const printed = await new Promise<RegExpExecArray>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no setup link within 60 s; stdout: ${stdout} stderr: ${stderr}`)), 60_000);
        child.stdout.setEncoding("utf8").on("data", (chunk: string) => {
          stdout += chunk;
          const found = /serving on (http:\/\/127\.0\.0\.1:(\d+)) [\s\S]*\n {2}(\1\/setup#token=[\w-]{43})\n/.exec(stdout);
          if (found) {
            clearTimeout(timer);
            resolve(found);
          }
        });
      });
      const [, url = "", port = ""] = printed;
      expect(Number(port)).toBeGreaterThan(0);
      const answer = await fetch(`${url}/api/setup`);
      expect(await answer.json()).toEqual({ needed: true });
      expect(existsSync(join(dataDir, "db.lock"))).toBe(true);
    } finally {
      child.kill("SIGTERM");
    }
    expect(await exited, stderr).toBe(0);
    expect(existsSync(join(dataDir, "db.lock"))).toBe(false);
  }, 90_000);
});
