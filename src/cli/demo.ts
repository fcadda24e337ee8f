// `isms demo` (what `npm start` runs): starts the simulated AWS organization, rebuilds the demo workspace
// from the aws-saas template, collects evidence from the simulator, then serves the web app and API.
import { createServer } from "node:net";
import type { Command } from "commander";
import { ensureSetupLink } from "../app/accounts/setup.js";
import type { AwsCollectionOutcome } from "../app/aws-collection.js";
import { createDemoWorkspace } from "../app/demo.js";
import { openIsms, type Isms } from "../app/isms.js";
import { assessReadiness } from "../app/readiness.js";
import { resolveWorkspace, type WorkspaceSummary } from "../app/workspaces.js";
import { IsmsError } from "../domain/errors.js";
import { createBlobStore, resolveEvidenceRoot } from "../evidence/index.js";
import type { ReadinessReport } from "../readiness/index.js";
import { renderCollection } from "./collect.js";
import { globalOptions, outputFor } from "./context.js";
import type { Output } from "./output.js";
import { renderReadinessScores } from "./readiness.js";
import { printSummary } from "./summary.js";
import { untilStopped } from "./until-stopped.js";
import { withExamples } from "./usage.js";
import { parsePort } from "./port.js";

interface DemoFlags {
  port: string;
  host: string;
  serve: boolean;
}

interface Closable {
  close(): Promise<void>;
}

interface DemoBuilt {
  summary: WorkspaceSummary;
  outcome: AwsCollectionOutcome;
  readiness: ReadinessReport;
}

/** Closes each in turn, the rest even if one fails (the store last: it holds the data-directory lock); then throws the first failure. */
async function closeAll(resources: readonly Closable[]): Promise<void> {
  const failures: unknown[] = [];
  for (const resource of resources) await resource.close().catch((error: unknown) => failures.push(error));
  if (failures.length > 0) throw failures[0];
}

/** Rebuilds the workspace and collects into it from the simulator, printing each step for people. */
async function buildDemo(isms: Isms, output: Output, opened: Closable[]): Promise<DemoBuilt> {
  const summary = await createDemoWorkspace(isms.db);
  const ws = await resolveWorkspace(isms.db, summary.workspace.slug);
  output.line(output.style("green", `Demo workspace "${summary.workspace.slug}" is ready in ${isms.location}.`));
  if (!output.json) printSummary(output, summary);

  // Loaded on use: the simulator and the AWS SDK are large, and only collection needs them.
  const { startSimulator } = await import("../../testing/aws-sim/server.js");
  const sim = await startSimulator({ scenario: "demo" });
  opened.push(sim);
  output.line();
  output.line(output.style("dim", `Collecting evidence from the simulated AWS organization "${sim.scenario.name}" (${sim.scenario.accounts.length} accounts) on ${sim.url}…`));
  const { collectDemoEvidence } = await import("../app/demo-collection.js");
  const outcome = await collectDemoEvidence(isms.db, ws, createBlobStore(resolveEvidenceRoot(isms)), sim);
  if (!output.json) output.line(renderCollection(output, outcome));

  const readiness = await assessReadiness(isms.db, ws);
  output.line();
  for (const line of renderReadinessScores(output, readiness)) output.line(line);
  return { summary, outcome, readiness };
}

function demoJson(built: DemoBuilt, served: { url: string; setupLink: string | null } | null) {
  const { outcome } = built;
  return {
    workspace: built.summary,
    collection: { run: outcome.run.id, caller: outcome.collected.caller, stats: outcome.run.stats, evidence: outcome.evidence, controls: outcome.controls.length },
    readiness: built.readiness.stages.map((s) => ({ stage: s.stage, score: s.score })),
    url: served?.url ?? null,
    setupLink: served?.setupLink ?? null,
  };
}

async function ensureBuiltWebApp(output: Output): Promise<void> {
  const { buildWebApp, webAppState } = await import("./web-build.js");
  const state = webAppState();
  if (state === "current" || state === "prebuilt") return;
  output.line();
  output.line(output.style("dim", `Building the web app (src/web → dist/web${state === "stale" ? ", older than its sources" : ""}); this takes a few seconds…`));
  await buildWebApp();
}

function listenProblem(error: unknown, flags: { port: number; host: string }): IsmsError | null {
  const code = error instanceof Error && "code" in error ? error.code : undefined;
  if (code === "EADDRINUSE") return new IsmsError(`Port ${flags.port} on ${flags.host} is in use`, `Stop what uses it, or pick another: isms demo --port ${flags.port + 1} (0: any free port)`);
  if (code === "EADDRNOTAVAIL" || code === "ENOTFOUND") return new IsmsError(`--host ${flags.host} is not an address of this machine`, "Give one of its addresses, e.g. --host 127.0.0.1 (the default)");
  if (code === "EACCES") return new IsmsError(`Port ${flags.port} needs privileges this user lacks`, "Pick a port above 1023, e.g. --port 8080");
  return null;
}

/** Fails before the collection, not after it, when the web app could not listen where asked. */
function checkCanListen(flags: { port: number; host: string }): Promise<void> {
  if (flags.port === 0) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", (error) => reject(listenProblem(error, flags) ?? error));
    probe.listen(flags.port, flags.host, () => probe.close(() => resolve()));
  });
}

/** Serves the API and the web app until Ctrl-C or SIGTERM. */
async function serveDemo(isms: Isms, output: Output, built: DemoBuilt, flags: { port: number; host: string }, opened: Closable[]): Promise<void> {
  await ensureBuiltWebApp(output);
  const { startServer } = await import("../server/serve.js");
  const server = await startServer({ db: isms.db, blobs: createBlobStore(resolveEvidenceRoot(isms)), port: flags.port, host: flags.host }).catch((error: unknown) => {
    throw listenProblem(error, flags) ?? error;
  });
  opened.push(server);
  const link = await ensureSetupLink(isms.db);
  const setupLink = link ? `${server.url}/setup#token=${link.token}` : null;
  output.data(demoJson(built, { url: server.url, setupLink }), () =>
    [
      "",
      output.style("green", `OpenISMS is serving the demo on ${server.url}`),
      ...(setupLink && link
        ? ["", `No administrator exists yet. Open this link once to create the first one (it works until ${link.expiresAt.toISOString().slice(0, 16).replace("T", " ")} UTC):`, `  ${setupLink}`]
        : ["Sign in with an administrator account of this data directory."]),
      "",
      output.style("dim", "Press Ctrl-C to stop."),
    ].join("\n"),
  );
  await untilStopped();
}

export function registerDemoCommand(program: Command): void {
  const command = program
    .command("demo")
    .description("start a simulated AWS organization, rebuild the demo workspace, collect evidence from it and serve the web app")
    .option("--port <port>", "the port the web app listens on (0: any free port)", "8080")
    .option("--host <host>", "the address the web app listens on", "127.0.0.1")
    .option("--no-serve", "stop after collecting: print the summary and readiness, serve nothing")
    .action(async (flags: DemoFlags, cmd: Command) => {
      const port = parsePort(flags.port);
      if (flags.serve) await checkCanListen({ port, host: flags.host });
      const output = outputFor(cmd);
      const isms = await openIsms({ dataDir: globalOptions(cmd).dataDir, command: "isms demo" });
      // Closed last-opened first, the store (and its data-directory lock) after them all.
      const opened: Closable[] = [];
      try {
        const built = await buildDemo(isms, output, opened);
        if (flags.serve) {
          await serveDemo(isms, output, built, { port, host: flags.host }, opened);
        } else {
          output.data(demoJson(built, null), () => output.style("dim", "\nNext: npm start (serves the web app) · npx isms readiness --stage 2 · npx isms collect results --status fail · npx isms soa show 8.24"));
        }
      } finally {
        await closeAll([...opened.reverse(), isms]);
      }
    });
  withExamples(command, "npm start", "isms demo --port 3000", "isms demo --no-serve   # build and collect, then print the readiness");
}
