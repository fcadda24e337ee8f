// `npm run bench:derive`: on a large workspace (500 risks, 300 controls, 50,000 evidence records,
// 2,000 people), times the SoA derivation, the readiness assessment, the SoA XLSX export, and reading and
// changing one control's entry, on the embedded database and on PostgreSQL when one answers. Targets:
// readiness < 1 s, XLSX < 2 s.
import { performance } from "node:perf_hooks";
import { assessReadiness } from "../src/app/readiness.js";
import { renderSoa, soaExportModel } from "../src/app/soa-export.js";
import { getSoaEntry, loadStatementOfApplicability, setSoaEntry } from "../src/app/soa.js";
import type { Store } from "../src/store/open.js";
import { onEachDatabase } from "./databases.js";
import { buildLargeWorkspace, defaultSize } from "./large-workspace.js";

const runs = Number(process.env.BENCH_RUNS ?? 5);

async function time<T>(work: () => Promise<T>): Promise<{ median: number; best: number; result: T }> {
  const times: number[] = [];
  let result: T | undefined;
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    result = await work();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  if (result === undefined) throw new Error("no run");
  return { median: times[Math.floor(times.length / 2)] ?? 0, best: times[0] ?? 0, result };
}

async function benchmark(label: string, store: Store): Promise<void> {
  const buildStart = performance.now();
  const ws = await buildLargeWorkspace(store.db, "bench");
  console.log(`${label}: built the workspace in ${((performance.now() - buildStart) / 1000).toFixed(1)} s`);
  const soa = await time(() => loadStatementOfApplicability(store.db, ws));
  const readiness = await time(() => assessReadiness(store.db, ws));
  const xlsx = await time(async () => renderSoa(await soaExportModel(store.db, ws), "xlsx"));
  const one = await time(() => getSoaEntry(store.db, ws, "8.15"));
  let edits = 0;
  const change = await time(() => store.db.transaction((tx) => setSoaEntry(tx, ws, "8.15", { implementationDescription: `CloudTrail in every region (${++edits})` }, { actor: "bench" })));
  const row = (name: string, t: { median: number; best: number }, target?: number) =>
    `  ${name.padEnd(26)} median ${t.median.toFixed(0).padStart(6)} ms   best ${t.best.toFixed(0).padStart(6)} ms${target ? `   target < ${target} ms: ${t.median < target ? "met" : "MISSED"}` : ""}`;
  console.log(`${label}: ${soa.result.length} SoA entries; XLSX ${(xlsx.result.length / 1024).toFixed(0)} KiB; ${runs} runs each`);
  console.log(row("SoA derivation", soa));
  console.log(row("readiness (all stages)", readiness, 1_000));
  console.log(row("SoA XLSX export", xlsx, 2_000));
  console.log(row("one control's entry", one));
  console.log(row("one control changed", change));
}

console.log(`Large workspace: ${defaultSize.people} people, ${defaultSize.risks} risks, ${93 + defaultSize.ownControls} controls, ${defaultSize.evidence} evidence records`);
await onEachDatabase(benchmark);
