// The web app as a browser test meets it: built once with Vite's build() (cached in the OS temp folder,
// keyed by the sources, so the files of a run share it), served with the real API over HTTP on a free
// port, over a fresh test store holding an aws-saas workspace.
//
//   const getWeb = useWebApp();                 // beforeAll: store, workspace "acme", build, server
//   await page.goto(`${getWeb().url}/setup#token=${await getWeb().setupToken()}`);
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { mkdir, rename, rm } from "node:fs/promises";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { serve } from "@hono/node-server";
import type { Page } from "playwright-core";
import { afterAll, beforeAll } from "vitest";
import { ensureSetupLink } from "../../src/app/accounts/setup.js";
import { initWorkspace } from "../../src/app/workspaces.js";
import { createApp } from "../../src/server/app.js";
import type { Store } from "../../src/store/open.js";
import { openTestStore } from "./pglite-template.js";

const repository = fileURLToPath(new URL("../../", import.meta.url));
const webSources = join(repository, "src/web");
const viteConfig = join(repository, "vite.config.ts");

/** Where screenshots of the browser tests are kept (test-artifacts/web/). */
export const webArtifacts = join(repository, "test-artifacts/web");

/** The sources the bundle is made of: the web app, the domain modules it imports, the build config. */
function sourceKey(): string {
  const hash = createHash("sha256");
  const folders = [webSources, join(repository, "src/domain")];
  for (const folder of folders) {
    for (const file of readdirSync(folder, { recursive: true, encoding: "utf8" }).sort()) {
      if (/\.(tsx?|css|html|json)$/.test(file)) hash.update(`${folder}/${file}\n`).update(readFileSync(join(folder, file)));
    }
  }
  hash.update(readFileSync(viteConfig)).update(readFileSync(join(repository, "package-lock.json")));
  return hash.digest("hex").slice(0, 16);
}

let built: Promise<string> | undefined;

/** The folder of the built web app for the current sources; built on first use. */
export function builtWebApp(): Promise<string> {
  built ??= (async () => {
    const folder = join(tmpdir(), `openisms-web-${sourceKey()}`);
    if (existsSync(join(folder, "index.html"))) return folder;
    // Build aside then rename, so a test file building at the same moment never serves half a build.
    const partial = `${folder}.${process.pid}.partial`;
    const { build } = await import("vite");
    // Vitest sets NODE_ENV=test, which would give React's development build.
    const before = process.env.NODE_ENV;
    process.env.NODE_ENV = "production";
    try {
      await build({ configFile: viteConfig, mode: "production", logLevel: "warn", build: { outDir: partial, emptyOutDir: true } });
    } finally {
      process.env.NODE_ENV = before;
    }
    await rename(partial, folder).catch(async (error: unknown) => {
      // Another file won the race: use its build.
      if (!existsSync(join(folder, "index.html"))) throw error;
      await rm(partial, { recursive: true, force: true });
    });
    return folder;
  })();
  return built;
}

export interface WebApp {
  /** http://127.0.0.1:<port> */
  url: string;
  store: Store;
  /** The slug of the aws-saas workspace. */
  workspace: string;
  /** The one-time setup link's token (a new one each call while no administrator exists). */
  setupToken(): Promise<string>;
}

/** One store, aws-saas workspace "acme", built app and server for the file (opened before its tests, closed after). */
export function useWebApp(): () => WebApp {
  let web: WebApp | undefined;
  let close: (() => Promise<void>) | undefined;
  beforeAll(async () => {
    const [store, webRoot] = await Promise.all([openTestStore(), builtWebApp()]);
    await initWorkspace(store.db, { name: "Acme Cloud", slug: "acme", template: "aws-saas", actor: "test" });
    const app = createApp({ db: store.db, blobs: null, webRoot, secureCookies: false });
    const url = await new Promise<string>((resolve, reject) => {
      const server = serve({ fetch: app.fetch, port: 0, hostname: "127.0.0.1" }, (info: AddressInfo) => resolve(`http://127.0.0.1:${info.port}`));
      server.once("error", reject);
      close = async () => {
        await new Promise<void>((done) => {
          server.close(() => done());
          if ("closeAllConnections" in server) server.closeAllConnections();
        });
        await store.close();
      };
    });
    web = {
      url,
      store,
      workspace: "acme",
      setupToken: async () => {
        const link = await ensureSetupLink(store.db);
        if (!link) throw new Error("an administrator exists already: setup links are for the first one");
        return link.token;
      },
    };
  });
  afterAll(async () => {
    await close?.();
  });
  return () => {
    if (!web) throw new Error("the web app starts in beforeAll: call getWeb() inside a test or hook");
    return web;
  };
}

/** Keeps a full-page screenshot as test-artifacts/web/<name>.png. */
export async function keepScreenshot(page: Page, name: string): Promise<void> {
  await mkdir(webArtifacts, { recursive: true });
  await page.screenshot({ path: join(webArtifacts, `${name}.png`), fullPage: true });
}

/** Fills the sign-in form and waits for the app behind it. */
export async function signInThroughForm(page: Page, url: string, email: string, password: string): Promise<void> {
  await page.goto(`${url}/`);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.getByRole("navigation", { name: "Sections" }).waitFor();
}
