// `isms readiness` as a user and a CI job meet it: a score per stage, findings with their fixes, --json,
// and --strict failing the build while anything would fail Stage 1.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { ismsInProcess } from "./helpers/cli-in-process.js";

const report = z.object({
  workspace: z.string(),
  asOf: z.string(),
  stages: z.array(
    z.object({
      stage: z.enum(["stage1", "stage2", "surveillance"]),
      score: z.number().min(0).max(100),
      wouldFail: z.boolean(),
      findings: z.record(z.string(), z.array(z.object({ ruleId: z.string(), message: z.string(), fix: z.string(), basis: z.string() }))),
    }),
  ),
});

describe("isms readiness", () => {
  let dataDir: string;
  const run = (...args: string[]) => ismsInProcess(["--data-dir", dataDir, ...args]);

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), "isms-readiness-cli-"));
    const init = await run("init", "--name", "Ready", "--template", "aws-saas");
    expect(init.status, init.stderr).toBe(0);
  });
  afterAll(async () => {
    await rm(dataDir, { recursive: true, force: true });
  });

  it("prints a score per stage and the findings grouped by severity, each with its fix", async () => {
    const result = await run("readiness");
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/Stage 1 +\d+\/100/);
    expect(result.stdout).toMatch(/Stage 2 +\d+\/100/);
    expect(result.stdout).toMatch(/Surveillance +\d+\/100/);
    expect(result.stdout).toContain("Would fail Stage 1");
    expect(result.stdout).toContain("fix: Have top management approve it: isms scope approve --by <person>");
  });

  it("exits 1 with --strict while a finding would fail Stage 1, and says so in one line", async () => {
    const result = await run("readiness", "--strict", "--stage", "1");
    expect(result.status).toBe(1);
    expect(result.stderr.trim().split("\n")).toHaveLength(1);
    expect(result.stderr).toMatch(/would fail Stage 1 \(--strict\)/);
    expect(result.stdout).toContain("Stage 1");
  });

  it("gives one stage as JSON, judged as of the day asked", async () => {
    const result = await run("readiness", "--stage", "2", "--as-of", "2026-12-31", "--json");
    expect(result.status, result.stderr).toBe(0);
    const parsed = report.parse(JSON.parse(result.stdout));
    expect(parsed.asOf).toBe("2026-12-31");
    expect(parsed.stages.map((s) => s.stage)).toEqual(["stage2"]);
    expect(parsed.stages[0]?.wouldFail).toBe(true);
    expect(parsed.stages[0]?.findings["would-fail-stage1"]?.map((f) => f.ruleId)).toContain("S1-scope-approved");
  });

  it("refuses an unknown stage or a date that does not exist with a usage error", async () => {
    expect((await run("readiness", "--stage", "3")).status).toBe(2);
    const bad = await run("readiness", "--as-of", "2026-02-30");
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain("YYYY-MM-DD");
  });

  it("shows examples in its help", async () => {
    const result = await ismsInProcess(["readiness", "--help"]);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain("--strict");
    expect(result.stdout).toContain("$ isms readiness --stage 1");
  });
});
