// `isms collect aws`: collects evidence from an AWS account or a whole organization, runs the checks,
// stores snapshots and results as evidence, and prints what was reached, missed and found.
// `isms collect runs` and `isms collect results` show what earlier runs stored.
import type { Command } from "commander";
import type { AwsCollectionOutcome } from "../app/aws-collection.js";
import { listCollectionRuns, loadRunResults, latestCollectionRun } from "../app/collection.js";
import { resolveWorkspace } from "../app/workspaces.js";
import type { Problem } from "../aws/snapshot.js";
import { IsmsError } from "../domain/errors.js";
import { createBlobStore, resolveEvidenceRoot } from "../evidence/index.js";
import { globalOptions, withIsms } from "./context.js";
import { table } from "./output.js";
import type { Output } from "./output.js";
import { createProgress } from "./progress.js";
import { UsageError, withExamples } from "./usage.js";

interface CollectAwsOptions {
  org?: boolean;
  roleName: string;
  accounts?: string;
  regions?: string;
  concurrency?: string;
  profile?: string;
  region?: string;
  progress: boolean;
}

export function parseAccounts(text: string): string[] {
  const ids = text.split(",").map((s) => s.trim()).filter(Boolean);
  const bad = ids.filter((id) => !/^\d{12}$/.test(id));
  if (ids.length === 0 || bad.length > 0) throw new UsageError(`--accounts: ${bad.length ? `"${bad.join('", "')}" ${bad.length === 1 ? "is not an account id" : "are not account ids"}` : "no account given"}; give 12-digit ids separated by commas`);
  return [...new Set(ids)];
}

export function parseRegions(text: string): string[] {
  const regions = text.split(",").map((s) => s.trim()).filter(Boolean);
  const bad = regions.filter((r) => !/^[a-z]{2}(-[a-z]+)+-\d+$/.test(r));
  if (regions.length === 0 || bad.length > 0) throw new UsageError(`--regions: ${bad.length ? `"${bad.join('", "')}" ${bad.length === 1 ? "is not a region" : "are not regions"}` : "no region given"}; give AWS region codes separated by commas, e.g. eu-west-1,us-east-1`);
  return [...new Set(regions)];
}

export function parseConcurrency(text: string): number {
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1 || n > 1024) throw new UsageError(`--concurrency must be a whole number from 1 to 1024 (got "${text}")`);
  return n;
}

/** A figure from a run's stats (stored as JSON), or empty. */
const stat = (value: unknown) => (typeof value === "number" ? String(value) : "");
const plural = (n: number, word: string) => `${n.toLocaleString("en")} ${word}${n === 1 ? "" : "s"}`;
const statusWord = (s: string | null) => s?.replaceAll("_", " ") ?? "not assessed";

/** Per account: regions, requests, results by status, problems. */
function accountRows(outcome: AwsCollectionOutcome) {
  const accounts = [...new Set([...outcome.collected.snapshots.map((s) => s.account), ...outcome.collected.problems.map((p) => p.account)])].sort();
  return accounts.map((account) => {
    const snapshots = outcome.collected.snapshots.filter((s) => s.account === account);
    const results = outcome.results.filter((r) => r.account === account);
    const count = (status: string) => results.filter((r) => r.status === status).length;
    return {
      account,
      regions: new Set(snapshots.filter((s) => s.region !== "global").map((s) => s.region)).size,
      requests: snapshots.length,
      pass: count("pass"),
      fail: count("fail"),
      unknown: count("unknown"),
      problems: outcome.collected.problems.filter((p) => p.account === account).length,
    };
  });
}

/** Problems of one account, service and kind together, with the regions they happened in. */
export function problemGroups(problems: readonly Problem[]) {
  const groups = new Map<string, { account: string; service: string; kind: string; message: string; regions: string[] }>();
  for (const p of problems) {
    const service = [p.service, p.operation].filter(Boolean).join(" ");
    const key = [p.account, service, p.kind].join("|");
    const group = groups.get(key) ?? { account: p.account, service, kind: p.kind, message: p.message, regions: [] };
    if (p.region) group.regions.push(p.region);
    groups.set(key, group);
  }
  return [...groups.values()].map((g) => ({ ...g, where: g.regions.length <= 2 ? g.regions.join(", ") : `${g.regions.length} regions` }));
}

function checkRows(outcome: AwsCollectionOutcome) {
  const byCheck = new Map<string, { pass: number; fail: number; unknown: number; failing: string[] }>();
  for (const r of outcome.results) {
    const row = byCheck.get(r.checkId) ?? { pass: 0, fail: 0, unknown: 0, failing: [] };
    if (r.status === "pass") row.pass += 1;
    if (r.status === "fail") {
      row.fail += 1;
      row.failing.push(r.resource);
    }
    if (r.status === "unknown") row.unknown += 1;
    byCheck.set(r.checkId, row);
  }
  return [...byCheck].map(([checkId, row]) => ({ checkId, severity: outcome.checks.find((c) => c.id === checkId)?.severity ?? "", ...row })).sort((a, b) => b.fail - a.fail || a.checkId.localeCompare(b.checkId));
}

export function renderCollection(output: Output, outcome: AwsCollectionOutcome): string {
  const b = (s: string) => output.style("bold", s);
  const { stats, problems } = outcome.collected;
  const count = (status: string) => outcome.results.filter((r) => r.status === status).length;
  const failingChecks = checkRows(outcome).filter((c) => c.fail > 0);
  const lines = [
    b(`Collected from AWS as ${outcome.collected.caller}: run ${outcome.run.id} in ${(outcome.wallMs / 1000).toFixed(1)} s`),
    "",
    table(
      ["  accounts", "regions", "calls", "retries (throttles, 5xx)", "checks", "passed", "failed", "unknown", "controls affected"],
      [[`  ${stats.accounts}`, String(stats.regions), String(stats.calls), String(stats.retries), String(new Set(outcome.results.map((r) => r.checkId)).size), String(count("pass")), String(count("fail")), String(count("unknown")), String(outcome.controls.length)]],
    ),
    "",
    b("Per account"),
    table(
      ["  account", "regions", "requests", "pass", "fail", "unknown", "problems"],
      accountRows(outcome).map((a) => [`  ${a.account}`, String(a.regions), String(a.requests), String(a.pass), String(a.fail), String(a.unknown), String(a.problems)]),
    ),
  ];
  if (problems.length > 0) {
    const groups = problemGroups(problems);
    lines.push("", output.style("yellow", b(`Not collected (${problems.length}) — the run went on without these`)));
    lines.push(table(["  account", "where", "service", "kind", "message"], groups.map((g) => [`  ${g.account}`, g.where, g.service, g.kind, g.message.slice(0, 100)])));
  }
  if (failingChecks.length > 0) {
    lines.push("", output.style("red", b(`Failing checks (${failingChecks.length})`)));
    lines.push(table(["  check", "severity", "fail", "pass", "e.g."], failingChecks.map((c) => [`  ${c.checkId}`, c.severity, String(c.fail), String(c.pass), c.failing[0] ?? ""])));
  }
  if (outcome.changes.length > 0) {
    lines.push("", b("SoA status changed"));
    lines.push(...outcome.changes.map((c) => `  ${c.controlId.padEnd(5)} ${c.title}: ${statusWord(c.before)} → ${statusWord(c.after)}${c.failed ? ` (${plural(c.failed, "failing resource")})` : ""}`));
  }
  lines.push(
    "",
    output.style("dim", `Evidence: ${plural(outcome.evidence.snapshots, "snapshot record")} and ${plural(outcome.evidence.results, "check-result record")}; ${outcome.evidence.reusedBlobs} unchanged since an earlier run (stored once).`),
    output.style("dim", "See a control's results with: isms soa show <control>; what an auditor would find: isms readiness --stage 2"),
  );
  return lines.join("\n");
}

function collectionJson(outcome: AwsCollectionOutcome) {
  return {
    run: outcome.run.id,
    caller: outcome.collected.caller,
    wallMs: outcome.wallMs,
    stats: outcome.run.stats,
    accounts: accountRows(outcome),
    problems: outcome.collected.problems,
    checks: checkRows(outcome).map(({ failing, ...row }) => ({ ...row, failing: failing.slice(0, 20) })),
    controls: outcome.controls,
    changes: outcome.changes,
    evidence: outcome.evidence,
  };
}

function registerCollectAws(collect: Command): void {
  const aws = collect
    .command("aws")
    .description("collect evidence from AWS (one account, or the organization with --org), run the checks and store both as evidence")
    .option("--org", "discover every account through AWS Organizations (from the management account or a delegated administrator)")
    .option("--role-name <name>", "the role assumed in each member account", "ISMSCollector")
    .option("--accounts <ids>", "only these account ids, comma-separated")
    .option("--regions <regions>", "only these regions, comma-separated (default: every region enabled in each account)")
    .option("--concurrency <n>", "requests in flight across the run (default 64; per-service limits apply beneath it)")
    .option("--profile <name>", "the AWS profile (shared config or SSO) to start from; default: the SDK's credential chain")
    .option("--region <region>", "the home region for STS and global services (default: AWS_REGION or us-east-1)")
    .option("--no-progress", "print no progress while collecting")
    .action(async (options: CollectAwsOptions, cmd: Command) => {
      const accounts = options.accounts === undefined ? undefined : parseAccounts(options.accounts);
      const regions = options.regions === undefined ? undefined : parseRegions(options.regions);
      const concurrency = options.concurrency === undefined ? undefined : parseConcurrency(options.concurrency);
      if (options.region !== undefined) parseRegions(options.region);
      // The SDK's default chain reads AWS_PROFILE (shared config, SSO, credential_process).
      if (options.profile) process.env.AWS_PROFILE = options.profile;
      const endpoint = process.env.AWS_ENDPOINT_URL || undefined;
      const { runAwsCollection } = await import("../app/aws-collection.js");
      await withIsms(cmd, async (isms, output) => {
        const ws = await resolveWorkspace(isms.db, globalOptions(cmd).workspace);
        const blobs = createBlobStore(resolveEvidenceRoot(isms));
        const progress = createProgress({ enabled: options.progress && !output.json, label: "collecting" });
        const seen = { accounts: new Set<string>(), regions: new Set<string>(), failed: 0 };
        const outcome = await runAwsCollection(isms.db, ws, blobs, {
          clientConfig: { region: options.region ?? (process.env.AWS_REGION || undefined), ...(endpoint ? { endpoint } : {}) },
          org: options.org === true,
          roleName: options.roleName,
          accounts,
          regions,
          concurrency,
          profile: options.profile,
          actor: "cli",
          onProgress: ({ started, finished, snapshot }) => {
            seen.accounts.add(snapshot.account);
            if (snapshot.region !== "global") seen.regions.add(`${snapshot.account}|${snapshot.region}`);
            if (snapshot.error && snapshot.error.kind !== "absent") seen.failed += 1;
            progress.update({ done: finished, total: started, note: `· ${plural(seen.accounts.size, "account")}, ${seen.regions.size} account-regions${seen.failed ? `, ${seen.failed} not collected` : ""}` });
          },
        }).finally(() => progress.finish());
        output.data(collectionJson(outcome), () => renderCollection(output, outcome));
      });
    });
  withExamples(
    aws,
    "isms collect aws --org",
    "isms collect aws --profile security-audit --org --regions eu-west-1,eu-central-1",
    "isms collect aws --accounts 926318475063 --role-name OrganizationAccountAccessRole",
    "eval \"$(isms sim start --port 0 | grep ^export)\" && isms collect aws --org   # against the simulator",
  );
}

function registerCollectRuns(collect: Command): void {
  const runs = collect
    .command("runs")
    .description("list the collection runs stored in the workspace")
    .action(async (_options: unknown, cmd: Command) => {
      await withIsms(cmd, async (isms, output) => {
        const ws = await resolveWorkspace(isms.db, globalOptions(cmd).workspace);
        const list = await listCollectionRuns(isms.db, ws);
        output.data(list, () =>
          list.length === 0
            ? "No collection yet. Run: isms collect aws --org"
            : table(
                ["run", "finished", "caller", "accounts", "regions", "passed", "failed", "problems"],
                list.map((r) => [r.id, r.finishedAt.toISOString().slice(0, 19).replace("T", " "), r.caller, stat(r.stats.accounts), stat(r.stats.regions), stat(r.stats.passed), stat(r.stats.failed), String(r.problems.length)]),
              ),
        );
      });
    });
  withExamples(runs, "isms collect runs", "isms collect runs --json");
}

interface ResultsOptions {
  run?: string;
  status?: string;
  check?: string;
  control?: string;
}

function registerCollectResults(collect: Command): void {
  const results = collect
    .command("results")
    .description("the check results of a run (default: the latest), one per resource")
    .option("--run <id>", "the run (C-001…); default the latest")
    .option("--status <status>", "only pass, fail, unknown or not-applicable")
    .option("--check <id>", "only this check")
    .option("--control <id>", "only results under this Annex A control")
    .action(async (options: ResultsOptions, cmd: Command) => {
      if (options.status && !["pass", "fail", "unknown", "not-applicable"].includes(options.status)) throw new UsageError(`--status: "${options.status}" is not one of pass, fail, unknown, not-applicable`);
      await withIsms(cmd, async (isms, output) => {
        const ws = await resolveWorkspace(isms.db, globalOptions(cmd).workspace);
        const runId = options.run ?? (await latestCollectionRun(isms.db, ws))?.id;
        if (!runId) throw new IsmsError("No collection run in this workspace yet", "Collect first: isms collect aws --org");
        const all = await loadRunResults(isms.db, ws, runId);
        if (options.run && all.length === 0 && !(await listCollectionRuns(isms.db, ws)).some((r) => r.id === runId)) throw new IsmsError(`No collection run ${runId}`, "List the runs with: isms collect runs");
        const shown = all.filter((r) => (!options.status || r.status === options.status) && (!options.check || r.checkId === options.check) && (!options.control || r.controlIds.includes(options.control)));
        output.data(shown, () =>
          shown.length === 0
            ? `No result in ${runId} matches.`
            : table(["check", "status", "account", "region", "resource", "detail"], shown.map((r) => [r.checkId, r.status, r.account, r.region, r.resource, r.detail])),
        );
      });
    });
  withExamples(results, "isms collect results --status fail", "isms collect results --control 8.24 --json", "isms collect results --run C-002 --check iam-user-console-mfa");
}

export function registerCollectCommands(program: Command): void {
  const collect = program.command("collect").description("collect evidence from AWS and see what earlier collections found");
  registerCollectAws(collect);
  registerCollectRuns(collect);
  registerCollectResults(collect);
}
