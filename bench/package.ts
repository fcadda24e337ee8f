// `npm run bench:package`: builds a Stage 2 evidence package holding 10,000 evidence files (about
// 180 MB of JSON, one in ten a repeat of another) and prints the time, the package's size and the
// packaging process's peak memory; target: peak under 300 MB. Then verifies the package the same way.
// The workspace is set up here; the packaging runs in a child process so its peak memory is its own.
// Options: --files N (default 10000), --kb K (average content size, default 18), --store pglite|postgres
// (default: postgres when the test server answers — the embedded database alone takes ~400 MB in the
// process that opens it, which would hide what the packaging itself needs), --json.
import { fork } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import pg from "pg";
import { z } from "zod";
import { initWorkspace, resolveWorkspace } from "../src/app/workspaces.js";
import { loadStatementOfApplicability } from "../src/app/soa.js";
import { createBlobStore } from "../src/evidence/blobs.js";
import { recordEvidenceBatch, type EvidenceInput } from "../src/evidence/records.js";
import { openStore } from "../src/store/open.js";

const { values } = parseArgs({
  options: {
    files: { type: "string", default: "10000" },
    kb: { type: "string", default: "18" },
    store: { type: "string" },
    json: { type: "boolean", default: false },
  },
});

const files = Number(values.files);
const kb = Number(values.kb);
if (!Number.isInteger(files) || files < 1) throw new Error(`--files must be a whole number of at least 1 (got "${values.files}")`);
if (!Number.isFinite(kb) || kb <= 0) throw new Error(`--kb must be a positive number (got "${values.kb}")`);
const serverUrl = process.env.ISMS_TEST_DATABASE_URL || "postgres://postgres@127.0.0.1:5432/postgres";

async function serverAnswers(): Promise<boolean> {
  const client = new pg.Client({ connectionString: serverUrl, connectionTimeoutMillis: 2_000 });
  try {
    await client.connect();
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

const storeKind = values.store ?? ((await serverAnswers()) ? "postgres" : "pglite");
if (storeKind !== "pglite" && storeKind !== "postgres") throw new Error(`--store must be pglite or postgres (got "${storeKind}")`);

const dir = await mkdtemp(join(tmpdir(), "isms-bench-package-"));
const database = `isms_bench_package_${randomBytes(4).toString("hex")}`;
const databaseUrl = storeKind === "postgres" ? serverUrl.replace(/\/[^/]*$/, `/${database}`) : undefined;
const env = { ...process.env, ISMS_EVIDENCE_DIR: join(dir, "evidence"), ISMS_KEY_DIR: join(dir, "keys"), ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}) };

/** A JSON snapshot-like document of about `bytes` bytes, different for every `seed`. */
function content(seed: number, bytes: number): unknown {
  const items = Math.max(1, Math.round(bytes / 120));
  return {
    account: String(100000000000 + (seed % 20)),
    region: ["eu-west-1", "eu-central-1", "us-east-1", "ap-northeast-1"][seed % 4],
    requests: Array.from({ length: items }, (_, i) => ({ operation: "ListThings", n: i, id: `arn:aws:bench:${seed}:${i}`, checksum: ((seed * 2654435761 + i * 40503) >>> 0).toString(16).padStart(8, "0") })),
  };
}

async function setUp(): Promise<{ records: number; ms: number }> {
  const started = performance.now();
  if (databaseUrl) {
    const admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    await admin.query(`create database ${database}`);
    await admin.end();
  }
  const store = await openStore({ dataDir: join(dir, "data"), databaseUrl, command: "bench:package" });
  try {
    await initWorkspace(store.db, { name: "Bench ISMS", slug: "bench", template: "aws-saas", actor: "bench" });
    const ws = await resolveWorkspace(store.db, "bench");
    const applicable = (await loadStatementOfApplicability(store.db, ws)).filter((e) => e.applicability === "applicable").map((e) => e.controlId);
    const blobs = createBlobStore(env.ISMS_EVIDENCE_DIR);
    const collectedAt = new Date();
    const day = collectedAt.toISOString().slice(0, 10);
    const batch = 500;
    for (let first = 0; first < files; first += batch) {
      const inputs: EvidenceInput[] = [];
      for (let n = first; n < Math.min(files, first + batch); n += 1) {
        // One in ten repeats the content of the record before it: written once in the package.
        const seed = n % 10 === 9 ? n - 1 : n;
        const size = Math.round(kb * 1024 * (0.5 + (seed % 7) / 6));
        inputs.push({
          kind: "aws-snapshot",
          title: `bench snapshot ${n}`,
          controlIds: [applicable[n % applicable.length] ?? "8.15"],
          source: { kind: "aws", account: String(100000000000 + (seed % 20)), region: "eu-west-1", service: "bench", operation: "ListThings" },
          collectedAt,
          period: { start: day, end: day },
          content: content(seed, size),
        });
      }
      await store.db.transaction((tx) => recordEvidenceBatch(tx, ws, blobs, inputs));
    }
    return { records: files, ms: Math.round(performance.now() - started) };
  } finally {
    await store.close();
  }
}

const childReport = z.object({ stage: z.string(), ms: z.number(), baselineRssMiB: z.number(), peakRssMiB: z.number(), heapPeakMiB: z.number(), detail: z.record(z.string(), z.union([z.number(), z.string(), z.boolean()])) });
type ChildReport = z.infer<typeof childReport>;

function runChild(stage: "build" | "verify", out: string): Promise<ChildReport> {
  return new Promise((resolve, reject) => {
    const child = fork(fileURLToPath(new URL("./package-child.ts", import.meta.url)), [stage, join(dir, "data"), out], { env, execArgv: ["--import", "tsx"], stdio: ["ignore", "inherit", "inherit", "ipc"] });
    let report: ChildReport | undefined;
    child.on("message", (message) => {
      report = childReport.parse(message);
    });
    child.on("error", reject);
    child.on("exit", (code) => (code === 0 && report ? resolve(report) : reject(new Error(`the ${stage} child exited with ${code}`))));
  });
}

try {
  const setup = await setUp();
  const out = join(dir, "stage2.zip");
  const build = await runChild("build", out);
  const verify = await runChild("verify", out);
  const result = { store: storeKind, files, averageKb: kb, setupMs: setup.ms, build, verify, targetPeakRssMiB: 300, met: build.peakRssMiB < 300 && verify.peakRssMiB < 300 };
  if (values.json) console.log(JSON.stringify(result, null, 2));
  else {
    const line = (r: ChildReport) => `${r.stage}: ${(r.ms / 1000).toFixed(1)} s, peak RSS ${r.peakRssMiB} MiB (${r.baselineRssMiB} MiB before it started), peak V8 heap ${r.heapPeakMiB} MiB; ${Object.entries(r.detail).map(([k, v]) => `${k} ${v}`).join(", ")}`;
    console.log(`bench:package — ${files.toLocaleString("en")} evidence records of ~${kb} KB on ${storeKind} (set up in ${(setup.ms / 1000).toFixed(1)} s)`);
    console.log(`  ${line(build)}`);
    console.log(`  ${line(verify)}`);
    console.log(`  target: peak RSS under 300 MiB — ${result.met ? "met" : "NOT met"}`);
  }
  if (!result.met) process.exitCode = 1;
} finally {
  await rm(dir, { recursive: true, force: true });
  if (databaseUrl) {
    const admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    await admin.query(`drop database if exists ${database} with (force)`);
    await admin.end();
  }
}
