// `isms collect aws --org` against the simulated demo organization, as a user runs it: all five
// accounts collected, the known gaps found, and the SoA and readiness reflecting them.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { startSimulator } from "../testing/aws-sim/server.js";
import type { Simulator } from "../testing/aws-sim/server.js";
import { isms, ismsAsync } from "./helpers/cli.js";
import type { CliResult } from "./helpers/cli.js";
import { seedDataDir } from "./helpers/pglite-template.js";

const collection = z.object({
  run: z.string(),
  caller: z.string(),
  stats: z.object({ accounts: z.number(), regions: z.number(), calls: z.number(), passed: z.number(), failed: z.number() }),
  accounts: z.array(z.object({ account: z.string(), requests: z.number() })),
  problems: z.array(z.object({ account: z.string(), region: z.string().optional(), service: z.string().optional(), kind: z.string() })),
  checks: z.array(z.object({ checkId: z.string(), fail: z.number(), pass: z.number(), failing: z.array(z.string()) })),
  controls: z.array(z.string()),
});

const soaEntry = z.object({
  controlId: z.string(),
  implementationStatus: z.string().nullable(),
  statusSource: z.string(),
  evidence: z.array(z.object({ id: z.string(), fresh: z.boolean() })),
  automatedChecks: z.object({ passed: z.number(), failed: z.number(), checks: z.array(z.string()), failing: z.array(z.object({ checkId: z.string(), resource: z.string(), account: z.string() })) }).nullable(),
});

const readiness = z.object({ stages: z.array(z.object({ stage: z.string(), findings: z.record(z.string(), z.array(z.object({ ruleId: z.string(), message: z.string() }))) })) });

const accounts = { management: "604152391846", security: "739105286472", logArchive: "815274630912", production: "926318475063", staging: "357914862040" };

describe("isms collect aws --org against the demo organization", () => {
  let sim: Simulator;
  let dataDir: string;
  let collected: CliResult;
  const env = () => ({ ...sim.env, ISMS_DATA_DIR: dataDir, AWS_PROFILE: undefined });
  const json = (result: CliResult): unknown => JSON.parse(result.stdout);

  beforeAll(async () => {
    sim = await startSimulator({ scenario: "demo" });
    dataDir = await mkdtemp(join(tmpdir(), "isms-collect-cli-"));
    await seedDataDir(dataDir); // the first command's time goes to init, not to initdb
    const init = isms(["init", "--name", "Acme", "--template", "aws-saas"], { ISMS_DATA_DIR: dataDir });
    expect(init.status, init.stderr).toBe(0);
    collected = await ismsAsync(["collect", "aws", "--org", "--json"], env());
  }, 600_000);
  afterAll(async () => {
    await sim.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  it("collects every account of the organization and exits 0", () => {
    expect(collected.status, collected.stderr).toBe(0);
    const out = collection.parse(json(collected));
    expect(out.caller).toBe(accounts.management);
    expect(out.stats.accounts).toBe(5);
    expect(out.accounts.map((a) => a.account).sort()).toEqual(Object.values(accounts).sort());
    for (const a of out.accounts) expect(a.requests).toBeGreaterThan(20);
  });

  it("finds the demo's known gaps by resource", () => {
    const out = collection.parse(json(collected));
    const failing = (checkId: string) => out.checks.find((c) => c.checkId === checkId)?.failing ?? [];
    expect(failing("iam-user-console-mfa")).toContain(`arn:aws:iam::${accounts.staging}:user/jane.doe`);
    expect(failing("s3-bucket-public-access-block")).toContain("arn:aws:s3:::acme-staging-app-uploads");
    expect(failing("guardduty-enabled").some((r) => r.includes(accounts.production) && r.includes("eu-south-2"))).toBe(true);
    expect(failing("ec2-security-group-admin-ports").some((r) => r.includes("sg-0b7e2c4d9f1a35e68"))).toBe(true);
    expect(failing("rds-storage-encrypted").some((r) => r.includes("staging-app-db"))).toBe(true);
    expect(failing("identity-center-session-duration").some((r) => r.includes("DeveloperAccess") || r.includes("ps-"))).toBe(true);
    expect(failing("cloudtrail-logging-active").some((r) => r.includes("staging-debug-trail"))).toBe(true);
    // What Security Hub already checks counts too: its S3.8 finding on the staging bucket fails.
    expect(failing("securityhub-findings")).toContain("arn:aws:s3:::acme-staging-app-uploads");
    // What is in good order passes: the log archive's trail bucket blocks public access.
    expect(failing("s3-bucket-public-access-block")).not.toContain(`arn:aws:s3:::acme-org-cloudtrail-${accounts.logArchive}`);
    expect(failing("rds-multi-az").some((r) => r.includes("acme-prod-db"))).toBe(false);
  });

  it("covers the controls the issue names with automated checks", () => {
    const out = collection.parse(json(collected));
    for (const control of ["5.7", "5.15", "5.16", "5.17", "5.18", "5.23", "5.30", "5.36", "8.2", "8.3", "8.5", "8.7", "8.8", "8.9", "8.10", "8.11", "8.12", "8.13", "8.14", "8.15", "8.16", "8.20", "8.21", "8.22", "8.23", "8.24", "8.28", "8.32"]) {
      expect(out.controls, control).toContain(control);
    }
  });

  it("reports what it could not collect per account and region without failing the run", () => {
    const out = collection.parse(json(collected));
    // Macie is closed to the non-production OU by an SCP in the demo; nothing else stops the run.
    for (const p of out.problems) expect(["access-denied", "not-enabled", "region-disabled"]).toContain(p.kind);
  });

  it("shows a control's failing resources in the SoA, with its status derived as partially implemented", () => {
    const shown = isms(["soa", "show", "8.5", "--json"], env());
    expect(shown.status, shown.stderr).toBe(0);
    const entry = soaEntry.parse(JSON.parse(shown.stdout));
    expect(entry.implementationStatus).toBe("partially_implemented");
    expect(entry.statusSource).toBe("derived");
    expect(entry.automatedChecks?.failing).toContainEqual(expect.objectContaining({ checkId: "iam-user-console-mfa", resource: `arn:aws:iam::${accounts.staging}:user/jane.doe` }));
    expect(entry.evidence.some((e) => e.fresh)).toBe(true);
  });

  it("maps a Security Hub finding to the control of its FSBP id: S3.8 under 8.12", () => {
    const shown = isms(["soa", "show", "8.12", "--json"], env());
    const entry = soaEntry.parse(JSON.parse(shown.stdout));
    expect(entry.automatedChecks?.failing).toContainEqual(expect.objectContaining({ checkId: "securityhub-findings", resource: "arn:aws:s3:::acme-staging-app-uploads" }));
    expect(entry.implementationStatus).toBe("partially_implemented");
  });

  it("makes readiness name the failing checks under their controls", () => {
    const result = isms(["readiness", "--stage", "2", "--json"], env());
    expect(result.status, result.stderr).toBe(0);
    const stage2 = readiness.parse(JSON.parse(result.stdout)).stages.find((s) => s.stage === "stage2");
    const messages = Object.values(stage2?.findings ?? {}).flat().filter((f) => f.ruleId === "S2-no-failing-checks").map((f) => f.message);
    expect(messages.some((m) => m.includes("s3-bucket-public-access-block") && m.includes("8.12") && m.includes("acme-staging-app-uploads"))).toBe(true);
    expect(messages.some((m) => m.includes("iam-user-console-mfa") && m.includes("jane.doe"))).toBe(true);
  });

  it("lists the run and its results", () => {
    const runs = isms(["collect", "runs"], env());
    expect(runs.stdout).toMatch(/C-001\s/);
    const results = isms(["collect", "results", "--status", "fail", "--control", "8.12", "--json"], env());
    expect(results.status, results.stderr).toBe(0);
    const rows = z.array(z.object({ checkId: z.string(), status: z.string(), resource: z.string() })).parse(JSON.parse(results.stdout));
    expect(rows.length).toBeGreaterThan(0);
    for (const r of rows) expect(r.status).toBe("fail");
  });

  it("exits 1 with one clear line when nothing can be collected", async () => {
    const denied = await ismsAsync(["collect", "aws", "--org"], { ...env(), AWS_ACCESS_KEY_ID: "AKIAUNKNOWNKEY000000", AWS_SECRET_ACCESS_KEY: "wrong" });
    expect(denied.status).toBe(1);
    expect(denied.stderr).toMatch(/error: .*InvalidClientTokenId/);
  });

  it("refuses malformed options with exit 2", () => {
    const bad = isms(["collect", "aws", "--accounts", "12345"], env());
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('"12345" is not an account id');
  });
});
