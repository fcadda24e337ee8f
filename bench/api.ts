// `npm run bench:api`: on the large generated workspace (500 risks, 300 controls, 50,000 evidence
// records, 2,000 people), starts the real HTTP server, signs in, and runs 20 concurrent clients for about
// 10 s over the SoA list, the risk register and the dashboard; prints p50/p95/p99 and requests per second
// per endpoint. Target: p95 under 50 ms. On the embedded database, and on PostgreSQL when one answers.
//
// The clients run in a process of their own (this file, forked with "clients"), as browsers would, so
// that measuring does not take the server's CPU.
import { fork } from "node:child_process";
import { fileURLToPath } from "node:url";
import { performance } from "node:perf_hooks";
import { serve } from "@hono/node-server";
import { z } from "zod";
import { ensureSetupLink } from "../src/app/accounts/setup.js";
import { csrfHeader } from "../src/domain/access/csrf.js";
import { createApp } from "../src/server/app.js";
import type { Store } from "../src/store/open.js";
import { onEachDatabase } from "./databases.js";
import { buildLargeWorkspace, defaultSize } from "./large-workspace.js";

const targetP95Ms = 50;

const loadSchema = z.object({
  base: z.string(),
  headers: z.record(z.string(), z.string()),
  endpoints: z.array(z.object({ name: z.string(), path: z.string() })),
  clients: z.number().int().min(1),
  seconds: z.number().positive(),
});
type Load = z.infer<typeof loadSchema>;

const resultSchema = z.object({ elapsedSeconds: z.number(), times: z.record(z.string(), z.array(z.number())), failures: z.array(z.string()) });
type LoadResult = z.infer<typeof resultSchema>;

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
}

async function timedGet(load: Load, path: string): Promise<number> {
  const start = performance.now();
  const response = await fetch(`${load.base}${path}`, { headers: load.headers });
  await response.arrayBuffer();
  if (response.status !== 200) throw new Error(`GET ${path} answered ${response.status}`);
  return performance.now() - start;
}

/** The clients' side: each client asks the endpoints in turn, one request at a time, until the time is up. */
async function runClients(load: Load): Promise<LoadResult> {
  const times: Record<string, number[]> = Object.fromEntries(load.endpoints.map((e) => [e.name, []]));
  const failures: string[] = [];
  const started = performance.now();
  const until = started + load.seconds * 1000;
  await Promise.all(
    Array.from({ length: load.clients }, async (_, client) => {
      for (let i = client; performance.now() < until; i++) {
        const endpoint = load.endpoints[i % load.endpoints.length];
        if (!endpoint) break;
        try {
          times[endpoint.name]?.push(await timedGet(load, endpoint.path));
        } catch (error) {
          failures.push(error instanceof Error ? error.message : String(error));
        }
      }
    }),
  );
  return { elapsedSeconds: (performance.now() - started) / 1000, times, failures };
}

/** Creates the first administrator through the setup link (an administrator of every workspace there is), signed in. */
async function signIn(store: Store, base: string): Promise<Record<string, string>> {
  const link = await ensureSetupLink(store.db);
  if (!link) throw new Error("the benchmark store has an administrator already");
  const response = await fetch(`${base}/api/setup`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ token: link.token, email: "admin@acme.example", name: "Ada Admin", password: "violet tundra copper lantern" }),
  });
  const session = z.object({ csrfToken: z.string() }).safeParse(await response.json());
  const cookie = response.headers.getSetCookie()[0]?.split(";")[0];
  if (!response.ok || !cookie || !session.success) throw new Error(`signing in failed: ${response.status}`);
  return { cookie, [csrfHeader]: session.data.csrfToken };
}

/** Forks this file as the clients' process and waits for what it measured. */
function measureInChild(load: Load): Promise<LoadResult> {
  return new Promise((resolve, reject) => {
    const child = fork(fileURLToPath(import.meta.url), ["clients"], { execArgv: ["--import", "tsx"], stdio: ["ignore", "inherit", "inherit", "ipc"] });
    child.once("message", (message) => {
      const parsed = resultSchema.safeParse(message);
      if (parsed.success) resolve(parsed.data);
      else reject(new Error("the clients' process sent no result"));
    });
    child.once("error", reject);
    child.once("exit", (code) => {
      if (code !== 0) reject(new Error(`the clients' process exited with ${code}`));
    });
    child.send(load);
  });
}

async function benchmark(label: string, store: Store): Promise<void> {
  const buildStart = performance.now();
  const ws = await buildLargeWorkspace(store.db, "bench");
  console.log(`${label}: built the workspace in ${((performance.now() - buildStart) / 1000).toFixed(1)} s`);

  const app = createApp({ db: store.db, blobs: null, secureCookies: false, webRoot: null });
  const server = serve({ fetch: app.fetch, port: 0, hostname: "127.0.0.1" });
  await new Promise<void>((resolve) => server.once("listening", () => resolve()));
  const address = server.address();
  const base = `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}`;
  try {
    const load: Load = {
      base,
      headers: await signIn(store, base),
      endpoints: [
        { name: "GET /soa", path: `/api/w/${ws.slug}/soa` },
        { name: "GET /risks", path: `/api/w/${ws.slug}/risks` },
        { name: "GET /dashboard", path: `/api/w/${ws.slug}/dashboard` },
      ],
      clients: Number(process.env.BENCH_CLIENTS ?? 20),
      seconds: Number(process.env.BENCH_SECONDS ?? 10),
    };
    // The first request of each endpoint derives its view from the database; later ones reuse it until a change.
    for (const endpoint of load.endpoints) console.log(`${label}: first ${endpoint.name} (derives its view) ${(await timedGet(load, endpoint.path)).toFixed(0)} ms`);

    const result = await measureInChild(load);
    console.log(`${label}: ${load.clients} concurrent clients for ${result.elapsedSeconds.toFixed(1)} s, each asking the endpoints in turn`);
    for (const endpoint of load.endpoints) {
      const sorted = [...(result.times[endpoint.name] ?? [])].sort((a, b) => a - b);
      const p95 = percentile(sorted, 95);
      console.log(
        `  ${endpoint.name.padEnd(16)} ${String(sorted.length).padStart(6)} requests ${(sorted.length / result.elapsedSeconds).toFixed(0).padStart(5)}/s` +
          `   p50 ${percentile(sorted, 50).toFixed(1).padStart(6)} ms   p95 ${p95.toFixed(1).padStart(6)} ms   p99 ${percentile(sorted, 99).toFixed(1).padStart(6)} ms` +
          `   p95 < ${targetP95Ms} ms: ${p95 < targetP95Ms ? "met" : "MISSED"}`,
      );
    }
    if (result.failures.length) console.log(`  ${result.failures.length} requests failed, first: ${result.failures[0]}`);
  } finally {
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}

async function main(): Promise<void> {
  console.log(`Large workspace: ${defaultSize.people} people, ${defaultSize.risks} risks, ${93 + defaultSize.ownControls} controls, ${defaultSize.evidence} evidence records`);
  await onEachDatabase(benchmark);
}

if (process.argv[2] === "clients") {
  process.once("message", (message) => {
    void runClients(loadSchema.parse(message)).then((result) => process.send?.(result, () => process.exit(0)));
  });
} else {
  await main();
}
