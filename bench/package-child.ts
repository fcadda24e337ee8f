// The measured half of `npm run bench:package`: builds (or verifies) the package in a process of its
// own and reports its time and peak memory to the parent over IPC.
import { performance } from "node:perf_hooks";
import { buildEvidencePackage } from "../src/app/package/build.js";
import { openIsms } from "../src/app/isms.js";
import { resolveWorkspace } from "../src/app/workspaces.js";
import { createBlobStore, resolveEvidenceRoot } from "../src/evidence/blobs.js";
import { loadOrCreateSigningKey, resolveKeyDir } from "../src/reports/package/signing.js";
import { verifyPackage } from "../src/reports/package/verify.js";

const [stage, dataDir, out] = process.argv.slice(2);
if ((stage !== "build" && stage !== "verify") || dataDir === undefined || out === undefined) throw new Error("usage: package-child build|verify <data dir> <out.zip>");

const mib = (bytes: number) => Math.round(bytes / 1024 / 1024);
let heapPeak = 0;
const sampler = setInterval(() => {
  heapPeak = Math.max(heapPeak, process.memoryUsage().heapUsed);
}, 20);

let detail: Record<string, number | string | boolean>;
let baseline: number;
let started: number;
if (stage === "build") {
  const isms = await openIsms({ dataDir });
  try {
    const ws = await resolveWorkspace(isms.db, "bench");
    const blobs = createBlobStore(resolveEvidenceRoot(isms));
    const key = await loadOrCreateSigningKey(resolveKeyDir(isms));
    baseline = process.memoryUsage().rss;
    started = performance.now();
    const built = await buildEvidencePackage(isms.db, ws, blobs, key, out, { audit: "stage2" });
    detail = { "files in the package": built.manifest.files.length, "evidence files": built.counts.evidenceFiles, "evidence records": built.counts.evidenceRecords, "ZIP MiB": mib(built.bytes) };
  } finally {
    await isms.close();
  }
} else {
  baseline = process.memoryUsage().rss;
  started = performance.now();
  const verified = await verifyPackage(out, {});
  detail = { ok: verified.ok, "files checked": verified.checked };
}
const ms = Math.round(performance.now() - started);
clearInterval(sampler);
process.send?.({ stage, ms, baselineRssMiB: mib(baseline), peakRssMiB: Math.round(process.resourceUsage().maxRSS / 1024), heapPeakMiB: mib(heapPeak), detail });
