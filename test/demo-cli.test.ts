// `isms demo` (what `npm start` runs): rebuilds the demo workspace, collects from the simulated AWS
// organization into it, and serves the web app with the setup link until it is stopped.
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdir, mkdtemp, readdir, rm, utimes, writeFile } from "node:fs/promises";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { listCollectionRuns } from "../src/app/collection.js";
import { openIsms } from "../src/app/isms.js";
import { resolveWorkspace } from "../src/app/workspaces.js";
import { listEvidence } from "../src/evidence/records.js";
import { openStore } from "../src/store/open.js";
import { buildWebApp, webAppState, type WebAppLocation } from "../src/cli/web-build.js";
import { ismsInProcess } from "./helpers/cli-in-process.js";
import { seedDataDir } from "./helpers/pglite-template.js";

const repository = fileURLToPath(new URL("..", import.meta.url));
const dirs: string[] = [];
// As main.ts does for the real command: the AWS SDK's Node 20 notice is not the command's output.
const quietSdk = { AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: "true" };

async function freshDataDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), "isms-demo-"));
  dirs.push(dir);
  return dir;
}

afterAll(async () => {
  await Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true })));
});

/** What the data directory holds for the demo workspace, read after the command has closed it. */
async function storedDemo(dataDir: string) {
  const store = await openIsms({ dataDir });
  try {
    const ws = await resolveWorkspace(store.db, "demo");
    return { runs: await listCollectionRuns(store.db, ws), evidence: await listEvidence(store.db, ws) };
  } finally {
    await store.close();
  }
}

const demoJson = z.object({
  workspace: z.object({ workspace: z.object({ slug: z.string() }) }),
  collection: z.object({ run: z.string(), evidence: z.object({ snapshots: z.number(), results: z.number() }) }),
  readiness: z.array(z.object({ stage: z.string(), score: z.number() })),
  url: z.null(),
  setupLink: z.null(),
});

describe("isms demo --no-serve", () => {
  let dataDir: string;
  let first: Awaited<ReturnType<typeof ismsInProcess>>;

  beforeAll(async () => {
    dataDir = await freshDataDir();
    first = await ismsInProcess(["--data-dir", dataDir, "demo", "--no-serve"], quietSdk);
  }, 120_000);

  it("collects evidence from the simulated organization into the demo workspace and prints what it found", async () => {
    expect(first.stderr).toBe("");
    expect(first.status).toBe(0);
    expect(first.stdout).toContain('Demo workspace "demo" is ready');
    expect(first.stdout).toMatch(/Collecting evidence from the simulated AWS organization "[^"]+" \(\d+ accounts\)/);
    expect(first.stdout).toMatch(/Collected from AWS as \S+: run C-001/);
    const stored = await storedDemo(dataDir);
    expect(stored.runs.map((r) => r.id)).toEqual(["C-001"]);
    expect(stored.evidence.length).toBeGreaterThan(0);
  });

  it("prints the readiness the collected evidence gives, and serves nothing", () => {
    expect(first.stdout).toMatch(/Readiness of demo as of \d{4}-\d{2}-\d{2}/);
    expect(first.stdout).toMatch(/Stage 1\s+\d+\/100/);
    expect(first.stdout).toMatch(/Stage 2\s+\d+\/100/);
    expect(first.stdout).not.toContain("serving");
    expect(first.stdout).not.toContain("/setup#token=");
  });

  it("rebuilds the workspace from scratch when run again, so it holds one collection run, and reports it as JSON", async () => {
    const again = await ismsInProcess(["--data-dir", dataDir, "--json", "demo", "--no-serve"], quietSdk);
    expect(again.status).toBe(0);
    const report = demoJson.parse(JSON.parse(again.stdout));
    expect(report.workspace.workspace.slug).toBe("demo");
    expect(report.collection.run).toBe("C-001");
    expect(report.collection.evidence.snapshots).toBeGreaterThan(0);
    expect(report.readiness.map((r) => r.stage)).toContain("stage1");
    const stored = await storedDemo(dataDir);
    expect(stored.runs).toHaveLength(1);
    expect(stored.evidence.length).toBe(report.collection.evidence.snapshots + report.collection.evidence.results);
  }, 120_000);

  it("refuses a port that is not one, as a usage error", async () => {
    const result = await ismsInProcess(["--data-dir", dataDir, "demo", "--port", "80800"]);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('--port must be a whole number from 0 to 65535 (got "80800")');
  });

  it("refuses a port already in use before collecting anything, naming the port", async () => {
    const other = await freshDataDir();
    const taken = createServer();
    const port = await new Promise<number>((resolve) => taken.listen(0, "127.0.0.1", () => resolve(z.object({ port: z.number() }).parse(taken.address()).port)));
    try {
      const result = await ismsInProcess(["--data-dir", other, "demo", "--port", String(port)]);
      expect(result.status).toBe(1);
      expect(result.stderr).toContain(`Port ${port} on 127.0.0.1 is in use`);
      expect(result.stdout).not.toContain("Collecting evidence");
    } finally {
      await new Promise((resolve) => taken.close(resolve));
    }
  });

  it("refuses a host that is not an address of this machine before collecting anything", async () => {
    // 203.0.113.0/24 is reserved for documentation: no machine has it.
    const result = await ismsInProcess(["--data-dir", await freshDataDir(), "demo", "--host", "203.0.113.9", "--port", "8080"]);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain("--host 203.0.113.9 is not an address of this machine");
    expect(result.stdout).not.toContain("Collecting evidence");
  });

  it("refuses a data directory another holder has open, and changes nothing in it", async () => {
    const holder = await openStore({ dataDir, command: "holder (demo test)" });
    try {
      const result = await ismsInProcess(["--data-dir", dataDir, "demo", "--no-serve"]);
      expect(result.status).toBe(1);
      expect(result.stderr).toContain("is in use by process");
    } finally {
      await holder.close();
    }
    expect((await storedDemo(dataDir)).runs).toHaveLength(1);
  });
});

describe("isms demo, serving", () => {
  it("serves the API and the web app, prints the URL and the setup link, and stops cleanly on SIGTERM", async () => {
    const dataDir = await freshDataDir();
    await seedDataDir(dataDir); // the child's time goes to the demo, not to initdb
    const child = spawn(process.execPath, ["--import", "tsx", "src/cli/main.ts", "--data-dir", dataDir, "demo", "--port", "0"], {
      cwd: repository,
      env: { ...process.env, DATABASE_URL: undefined, ISMS_WORKSPACE: undefined, NO_COLOR: "1" },
    });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
    const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
    try {
      const ready = await Promise.race([
        new Promise<{ url: string; setupLink: string }>((resolve) => {
          child.stdout.on("data", () => {
            const url = /serving the demo on (http:\/\/\S+)/.exec(stdout)?.[1];
            const setupLink = /^\s+(http:\/\/\S+\/setup#token=\S+)$/m.exec(stdout)?.[1];
            if (url && setupLink) resolve({ url, setupLink });
          });
        }),
        exited.then((code) => Promise.reject(new Error(`isms demo ended with ${code} before serving:\n${stdout}\n${stderr}`))),
      ]);
      expect(ready.setupLink.startsWith(`${ready.url}/setup#token=`)).toBe(true);
      expect(stdout).toMatch(/Collected from AWS as \S+: run C-001/);

      const setup = await fetch(`${ready.url}/api/setup`);
      expect(setup.status).toBe(200);
      expect(await setup.json()).toEqual({ needed: true });
      const page = await fetch(`${ready.url}/`);
      expect(page.status).toBe(200);
      expect(page.headers.get("content-type")).toContain("text/html");
      expect(await page.text()).toContain("<title>OpenISMS</title>");

      // While it serves, it holds the data directory: a second demo cannot rebuild the workspace under it.
      const second = await ismsInProcess(["--data-dir", dataDir, "demo", "--no-serve"]);
      expect(second.status).toBe(1);
      expect(second.stderr).toContain("isms demo");

      child.kill("SIGTERM");
      expect(await exited).toBe(0);
      // Closed cleanly: the lock is released and the collection is kept.
      expect((await storedDemo(dataDir)).runs.map((r) => r.id)).toEqual(["C-001"]);
    } finally {
      if (child.exitCode === null) child.kill("SIGKILL");
    }
  }, 150_000);
});

describe("the web app the demo serves is rebuilt only when missing or older than its sources", () => {
  /** A web app in a temp dir: sources/app.tsx, sources/screens/list.tsx, domain/rules.ts, vite.config.mjs, out/index.html (when built). */
  async function webAppAt(options: { built: boolean; sources?: boolean }): Promise<WebAppLocation> {
    const root = await freshDataDir();
    const app = join(root, "sources");
    const location: WebAppLocation = { outDir: join(root, "out"), sources: [app, join(root, "domain")], viteConfig: join(root, "vite.config.mjs") };
    if (options.sources !== false) {
      await mkdir(join(app, "screens"), { recursive: true });
      await mkdir(join(root, "domain"));
      await writeFile(join(app, "app.tsx"), "export {};\n");
      await writeFile(join(app, "screens/list.tsx"), "export {};\n");
      await writeFile(join(root, "domain/rules.ts"), "export {};\n");
      await writeFile(location.viteConfig, `export default { root: ${JSON.stringify(app)}, logLevel: "silent" };\n`);
    }
    if (options.built) {
      await mkdir(location.outDir, { recursive: true });
      await writeFile(join(location.outDir, "index.html"), "<!doctype html>\n");
    }
    return location;
  }
  const at = (iso: string) => new Date(iso);
  /** Dates every source, its folders and the Vite config. */
  async function dateSources(location: WebAppLocation, iso: string): Promise<void> {
    const root = join(location.outDir, "..");
    for (const path of ["sources/app.tsx", "sources/screens/list.tsx", "sources/screens", "sources", "domain/rules.ts", "domain", "vite.config.mjs"]) await utimes(join(root, path), at(iso), at(iso));
  }

  it("builds when there is no build yet", async () => {
    expect(webAppState(await webAppAt({ built: false }))).toBe("missing");
  });

  it("keeps a build newer than every source", async () => {
    const location = await webAppAt({ built: true });
    await utimes(join(location.outDir, "index.html"), at("2026-02-01"), at("2026-02-01"));
    await dateSources(location, "2026-01-01");
    expect(webAppState(location)).toBe("current");
  });

  it("rebuilds when a source in a subfolder, a domain module, or the Vite config changed after the build", async () => {
    const location = await webAppAt({ built: true });
    await utimes(join(location.outDir, "index.html"), at("2026-02-01"), at("2026-02-01"));
    await dateSources(location, "2026-01-01");
    for (const changed of ["sources/screens/list.tsx", "domain/rules.ts", "vite.config.mjs"]) {
      await dateSources(location, "2026-01-01");
      await utimes(join(location.outDir, "..", changed), at("2026-03-01"), at("2026-03-01"));
      expect(webAppState(location), changed).toBe("stale");
    }
  });

  it("serves what an installed package shipped, which has no sources to build from", async () => {
    expect(webAppState(await webAppAt({ built: true, sources: false }))).toBe("prebuilt");
    expect(webAppState(await webAppAt({ built: false, sources: false }))).toBe("missing");
  });

  it("says the web app did not build, keeps the previous build and leaves no half-built folder behind", async () => {
    // The sources have no index.html, so Vite has no entry to build.
    const location = await webAppAt({ built: true });
    await expect(buildWebApp(location)).rejects.toThrow(/^The web app \(src\/web\) did not build: /);
    expect(existsSync(join(location.outDir, "index.html"))).toBe(true);
    expect((await readdir(join(location.outDir, ".."))).filter((name) => name.endsWith(".partial"))).toEqual([]);
  }, 60_000);
});
