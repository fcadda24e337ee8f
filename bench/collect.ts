// `npm run bench:collect`: collects the simulated bench organization (20 accounts × 4 regions × 50
// resources per service by default, 25 ms latency, AWS-like rate limits) and prints the calls made,
// identical repeated calls, throttled calls, wall time, the simulator's lower bound and their ratio.
// Targets at 20 accounts: no identical repeated call, wall time within 1.25× the lower bound.
// Options: --accounts N --regions R --resources M --latency MS --json --call-log FILE.
// The simulator runs in a child process, as AWS runs on other machines: it must not take the
// collector's CPU.
import { fork } from "node:child_process";
import { writeFileSync } from "node:fs";
import type { ChildProcess } from "node:child_process";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { z } from "zod";
import { collectAws } from "../src/aws/collect.js";
import { benchKey } from "../testing/aws-sim/bench-scenario.js";
import { summarizeCalls } from "../testing/aws-sim/calls.js";
import { awsRateLimits } from "../testing/aws-sim/faults.js";
import { startSimulator } from "../testing/aws-sim/server.js";

const { values } = parseArgs({
  options: {
    accounts: { type: "string", default: "20" },
    regions: { type: "string", default: "4" },
    resources: { type: "string", default: "50" },
    latency: { type: "string", default: "25" },
    json: { type: "boolean", default: false },
    /** Writes the simulator's call log here, one JSON call a line, for a closer look. */
    "call-log": { type: "string" },
    simulator: { type: "boolean", default: false },
  },
});

function whole(name: string, raw: string, least: number): number {
  const n = Number(raw);
  if (!Number.isInteger(n) || n < least) throw new Error(`--${name} must be a whole number of at least ${least} (got "${raw}")`);
  return n;
}

const shape = { accounts: whole("accounts", values.accounts, 1), regions: whole("regions", values.regions, 1), resources: whole("resources", values.resources, 0) };
const scenario = `bench:${shape.accounts}x${shape.regions}x${shape.resources}`;
const faults = { latency: { fixedMs: whole("latency", values.latency, 0) }, rateLimits: awsRateLimits };

const report = z.object({
  calls: z.number(),
  identicalRepeated: z.number(),
  throttled: z.number(),
  throttledBy: z.record(z.string(), z.number()),
  serverErrors: z.number(),
  bound: z.object({ ms: z.number(), what: z.string() }),
  peakRssMiB: z.number(),
  cpuMs: z.number(),
});
const fromSimulator = z.union([z.object({ url: z.string() }), z.object({ report })]);
const peakRssMiB = () => Math.round(process.resourceUsage().maxRSS / 1024);
const cpuMs = () => {
  const { user, system } = process.cpuUsage();
  return Math.round((user + system) / 1000);
};

/** The child: serves the scenario, and on "report" answers the call log's figures and exits. */
async function serveSimulator(): Promise<void> {
  const sim = await startSimulator({ scenario, faults });
  process.on("message", () => {
    if (values["call-log"]) writeFileSync(values["call-log"], sim.calls.calls.map((c) => JSON.stringify(c)).join("\n"));
    process.send?.({ report: { ...summarizeCalls(sim.calls.calls, sim.faults), peakRssMiB: peakRssMiB(), cpuMs: cpuMs() } }, () => {
      void sim.close().then(() => process.exit(0));
    });
  });
  process.send?.({ url: sim.url });
}

/** The child's next message, or an error if it exits first. */
function nextMessage(child: ChildProcess): Promise<z.infer<typeof fromSimulator>> {
  return new Promise((resolve, reject) => {
    const exited = (code: number | null) => reject(new Error(`the simulator exited (code ${code}) before answering`));
    child.once("exit", exited);
    child.once("message", (message) => {
      child.off("exit", exited);
      resolve(fromSimulator.parse(message));
    });
  });
}

async function benchmark(): Promise<void> {
  const child = fork(fileURLToPath(import.meta.url), [...process.argv.slice(2), "--simulator"], { execArgv: process.execArgv });
  try {
    const ready = await nextMessage(child);
    if (!("url" in ready)) throw new Error("the simulator did not say where it listens");
    const started = performance.now();
    const cpuBefore = cpuMs();
    const result = await collectAws({ clientConfig: { endpoint: ready.url, region: "us-east-1", credentials: benchKey }, org: true, roleName: "ISMSCollector" });
    const wallMs = performance.now() - started;
    const collectorCpuMs = cpuMs() - cpuBefore;
    const answer = nextMessage(child);
    child.send("report");
    const answered = await answer;
    if (!("report" in answered)) throw new Error("the simulator did not report its calls");
    const sim = answered.report;
    const figures = {
      accounts: result.stats.accounts,
      "account-regions": result.stats.regions,
      resources: shape.resources,
      snapshots: result.snapshots.length,
      calls: sim.calls,
      "identical repeated calls": sim.identicalRepeated,
      "throttled calls": sim.throttled,
      "throttled by service": Object.entries(sim.throttledBy).map(([service, n]) => `${service} ${n}`).join(", ") || "none",
      "server errors": sim.serverErrors,
      "wall ms": Math.round(wallMs),
      "lower bound ms": Math.round(sim.bound.ms),
      ratio: sim.bound.ms > 0 ? Number((wallMs / sim.bound.ms).toFixed(3)) : null,
      "bound set by": sim.bound.what,
      "collector CPU ms": collectorCpuMs,
      "simulator CPU ms": sim.cpuMs,
      "collector peak RSS MiB": peakRssMiB(),
      "simulator peak RSS MiB": sim.peakRssMiB,
    };
    if (values.json) console.log(JSON.stringify(figures));
    else {
      console.log(`bench:collect ${scenario}, latency ${faults.latency.fixedMs} ms, AWS-like rate limits`);
      for (const [name, value] of Object.entries(figures)) console.log(`  ${name.padEnd(24)} ${String(value)}`);
      const ratio = sim.bound.ms > 0 ? wallMs / sim.bound.ms : 0;
      console.log(`  target (no repeats, ratio ≤ 1.25): ${sim.identicalRepeated === 0 && ratio <= 1.25 ? "met" : "MISSED"}`);
    }
  } finally {
    if (child.exitCode === null) child.kill();
  }
}

if (values.simulator) await serveSimulator();
else await benchmark();
