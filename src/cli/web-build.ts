// The built web app for commands that serve it from a source checkout: dist/web, rebuilt with Vite's
// build() when it is missing or older than its sources (src/web, the src/domain it imports, the Vite config).
import { existsSync, readdirSync, statSync } from "node:fs";
import { rename, rm } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { IsmsError } from "../domain/errors.js";

const repository = fileURLToPath(new URL("../../", import.meta.url));

export interface WebAppLocation {
  /** The folder the server serves (the default of createApp's webRoot). */
  outDir: string;
  /** The folders the bundle is built from; the first is the app's own (Vite's root). */
  sources: readonly [string, ...string[]];
  viteConfig: string;
}

export const webApp: WebAppLocation = {
  outDir: join(repository, "dist/web"),
  sources: [join(repository, "src/web"), join(repository, "src/domain")],
  viteConfig: join(repository, "vite.config.ts"),
};

/** The newest modification time of the app's sources, in ms; folders count, so a deleted file counts too. */
function newestSource(location: WebAppLocation): number {
  let newest = existsSync(location.viteConfig) ? statSync(location.viteConfig).mtimeMs : 0;
  for (const folder of location.sources.filter((f) => existsSync(f))) {
    newest = Math.max(newest, statSync(folder).mtimeMs);
    for (const entry of readdirSync(folder, { recursive: true, encoding: "utf8" })) newest = Math.max(newest, statSync(join(folder, entry)).mtimeMs);
  }
  return newest;
}

export type WebAppState = "current" | "missing" | "stale" | "prebuilt";

/** Whether the built app can be served as it is; "prebuilt" when there are no sources to build from (an installed package). */
export function webAppState(location: WebAppLocation = webApp): WebAppState {
  const index = join(location.outDir, "index.html");
  if (!existsSync(location.sources[0])) return existsSync(index) ? "prebuilt" : "missing";
  if (!existsSync(index)) return "missing";
  return statSync(index).mtimeMs >= newestSource(location) ? "current" : "stale";
}

/**
 * Builds the app into outDir: aside first, then swapped in, so a server never sees half a build.
 * Vite is a development dependency: without it, an installed package serves what it shipped.
 */
export async function buildWebApp(location: WebAppLocation = webApp): Promise<void> {
  const vite = await import("vite").catch(() => null);
  if (!vite) throw new IsmsError("The web app is not built and Vite, which builds it, is not installed", "Install the development dependencies (npm install) and run: npm run build:web");
  const partial = `${location.outDir}.${process.pid}.partial`;
  // React's production build is chosen by NODE_ENV, which a test runner sets to "test".
  const before = process.env.NODE_ENV;
  process.env.NODE_ENV = "production";
  try {
    await vite.build({ configFile: location.viteConfig, mode: "production", logLevel: "warn", build: { outDir: partial, emptyOutDir: true } });
  } catch (error) {
    await rm(partial, { recursive: true, force: true });
    const message = error instanceof Error ? error.message.split("\n")[0] : String(error);
    throw new IsmsError(`The web app (src/web) did not build: ${message}`, "Run npm run build:web to see the whole error, fix it and start again");
  } finally {
    if (before === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = before;
  }
  await rm(location.outDir, { recursive: true, force: true });
  await rename(partial, location.outDir).catch(async (error: unknown) => {
    // Another process built it at the same moment: serve its build.
    await rm(partial, { recursive: true, force: true });
    if (!existsSync(join(location.outDir, "index.html"))) throw error;
  });
}
