// The `isms` command as a user meets it: output, --json, exit codes, help, several workspaces. Commands
// run in-process; one runs the real binary, so the shipped entry point stays covered.
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { ismsInProcess } from "./helpers/cli-in-process.js";
import { isms } from "./helpers/cli.js";

const controlList = z.array(
  z.object({
    id: z.string(),
    theme: z.enum(["organizational", "people", "physical", "technological"]),
    attributes: z.object({
      controlType: z.array(z.string()).nonempty(),
      informationSecurityProperties: z.array(z.string()).nonempty(),
      cybersecurityConcepts: z.array(z.string()).nonempty(),
      operationalCapabilities: z.array(z.string()).nonempty(),
      securityDomains: z.array(z.string()).nonempty(),
    }),
  }),
);

describe("isms catalog", () => {
  it("lists the 93 controls with theme and attributes as JSON", async () => {
    const result = await ismsInProcess(["catalog", "controls", "--json"]);
    expect(result.status).toBe(0);
    const controls = controlList.parse(JSON.parse(result.stdout));
    expect(controls).toHaveLength(93);
    expect(controls.filter((c) => c.theme === "technological")).toHaveLength(34);
  });

  it("shows 8.24 with its AWS services, evidence kinds and SOC 2 criteria", async () => {
    const result = await ismsInProcess(["catalog", "control", "8.24", "--json"]);
    expect(result.status).toBe(0);
    const view = z
      .object({
        id: z.literal("8.24"),
        title: z.literal("Use of cryptography"),
        aws: z.object({ services: z.array(z.object({ service: z.string(), evidence: z.array(z.string()).nonempty() })) }),
        soc2: z.array(z.object({ criterion: z.object({ id: z.string() }) })),
      })
      .parse(JSON.parse(result.stdout));
    expect(view.aws.services.map((s) => s.service)).toEqual(expect.arrayContaining(["AWS KMS", "AWS Certificate Manager"]));
    expect(view.soc2.map((p) => p.criterion.id)).toContain("CC6.1");

    const text = await ismsInProcess(["catalog", "control", "A.8.24"]);
    expect(text.stdout).toContain("AWS KMS");
    expect(text.stdout).toContain("What an auditor looks for");
  });

  it("maps the 2013 control 12.4.1 to 8.15", async () => {
    const result = await ismsInProcess(["catalog", "map", "--from", "2013", "12.4.1"]);
    expect(result.status).toBe(0);
    expect(result.stdout.trim()).toBe("8.15  Logging");
  });

  // Spawned: the exit code a shell sees is set by the shipped entry point (src/cli/main.ts), not by run().
  it("answers an unknown control with one line and exit code 1", () => {
    const result = isms(["catalog", "control", "9.99"]);
    expect(result.status).toBe(1);
    expect(result.stderr.trim().split("\n")).toHaveLength(1);
    expect(result.stderr).toMatch(/9\.99.*isms catalog controls/);
  });

  it("treats a mistake in how it was called as a usage error (exit code 2)", async () => {
    expect((await ismsInProcess(["catalog", "controls", "--theme", "space"])).status).toBe(2);
    expect((await ismsInProcess(["catalog", "control"])).status).toBe(2);
    expect((await ismsInProcess(["no-such-command"])).status).toBe(2);
  });

  it("gives every command's help an example", async () => {
    for (const command of [["init"], ["export"], ["import"], ["summary"], ["catalog", "control"], ["catalog", "map"]]) {
      const help = await ismsInProcess([...command, "--help"]);
      expect(help.status, command.join(" ")).toBe(0);
      expect(help.stdout, command.join(" ")).toMatch(/Examples:\n {2}\$ isms /);
    }
  });
});

describe("isms workspaces on the embedded database", () => {
  let dataDir: string;
  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), "isms-cli-"));
  });
  afterAll(async () => {
    await rm(dataDir, { recursive: true, force: true });
  });
  const run = (...args: string[]) => ismsInProcess(["--data-dir", dataDir, ...args]);

  // It inits a fresh data directory, as the hooks elsewhere do, so it gets their 120 s: about 9 s when idle,
  // over 60 s on a loaded machine, and a timed-out in-process test keeps holding the lock the next test needs.
  it("creates workspaces, asks which one when there are several, and exports the chosen one", { timeout: 120_000 }, async () => {
    const first = await run("init", "--name", "Client A", "--template", "aws-saas", "--json");
    expect(first.status, first.stderr).toBe(0);
    expect(JSON.parse(first.stdout)).toMatchObject({ workspace: { slug: "client-a", template: "aws-saas" } });
    expect((await run("init", "--name", "Client B")).status).toBe(0);

    const ambiguous = await run("summary");
    expect(ambiguous.status).toBe(1);
    expect(ambiguous.stderr).toMatch(/2 workspaces \(client-a, client-b\).*--workspace/);

    const duplicate = await run("init", "--name", "Client A");
    expect(duplicate.status).toBe(1);
    expect(duplicate.stderr).toContain("client-a");

    const out = join(dataDir, "export");
    const exported = await run("--workspace", "client-a", "export", "--dir", out);
    expect(exported.status, exported.stderr).toBe(0);
    expect(await readFile(join(out, "assets.yaml"), "utf8")).toContain("Production AWS account");
  });

  it("refuses a slug it cannot use, naming the option and the rule", async () => {
    const result = await run("init", "--name", "x", "--slug", "Bad Slug");
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/--slug: .*lowercase letters/);
  });
});

describe("isms risk", () => {
  let dataDir: string;
  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), "isms-risk-cli-"));
    const init = await ismsInProcess(["--data-dir", dataDir, "init", "--name", "Risky", "--template", "aws-saas"]);
    expect(init.status, init.stderr).toBe(0);
  });
  afterAll(async () => {
    await rm(dataDir, { recursive: true, force: true });
  });
  const run = (...args: string[]) => ismsInProcess(["--data-dir", dataDir, ...args]);

  it("adds a risk rated on several impact criteria and shows its score and band", async () => {
    const added = await run("risk", "add", "--title", "Stolen laptop", "--category", "personnel", "--owner", "Head of Security", "--likelihood", "3", "--impacts", "financial=2,legal=4", "--cia", "C", "--json");
    expect(added.status, added.stderr).toBe(0);
    const risk = z.object({ id: z.string(), inherentScore: z.number(), owner: z.string() }).parse(JSON.parse(added.stdout));
    expect(risk).toMatchObject({ inherentScore: 12, owner: "P-002" });

    const list = await run("risk", "list", "--json");
    const rows = z.array(z.object({ id: z.string(), inherentBand: z.string().nullable() })).parse(JSON.parse(list.stdout));
    expect(rows.find((r) => r.id === risk.id)?.inherentBand).toBe("high");
  });

  it("draws the heat map with every rated risk in a cell", async () => {
    const result = await run("risk", "matrix", "--json");
    expect(result.status).toBe(0);
    const cells = z.object({ inherent: z.array(z.array(z.object({ risks: z.array(z.string()) }))) }).parse(JSON.parse(result.stdout));
    const placed = cells.inherent.flat().reduce((n, c) => n + c.risks.length, 0);
    expect(placed).toBeGreaterThanOrEqual(55);
    expect((await run("risk", "matrix")).stdout).toMatch(/Inherent \(\d+ risks\)\s+Residual/);
  });

  it("refuses an acceptance by someone who is not the risk owner, and a rating off the scale", async () => {
    const refused = await run("risk", "accept", "R-031", "--by", "P-001");
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain("Only the risk owner (P-003)");
    const offScale = await run("risk", "assess", "R-001", "--likelihood", "9");
    expect(offScale.status).toBe(1);
    expect(offScale.stderr).toMatch(/likelihood/);
  });

  it("prints the methodology in force as its document", async () => {
    const shown = await run("risk", "methodology", "show");
    expect(shown.status).toBe(0);
    expect(shown.stdout).toMatch(/^# Risk Assessment Methodology/);
    expect(shown.stdout).toContain("Almost certain");
  });
});
