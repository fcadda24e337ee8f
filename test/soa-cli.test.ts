// `isms soa …` as a user meets it: show with filters and counts, set and its refusals, publish and
// diff, export and import, own controls, and help with examples.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { buildProgram } from "../src/cli/program.js";
import { ismsInProcess } from "./helpers/cli-in-process.js";

const sample = fileURLToPath(new URL("./fixtures/cenedril/statement-of-applicability.csv", import.meta.url));
const entries = z.array(z.object({ controlId: z.string(), applicability: z.string().nullable(), implementationStatus: z.string().nullable(), statusSource: z.string() }));

describe("isms soa", () => {
  let dataDir: string;
  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), "isms-soa-cli-"));
    expect((await ismsInProcess(["--data-dir", dataDir, "init", "--name", "Acme ISMS", "--template", "aws-saas"])).status).toBe(0);
  });
  afterAll(async () => {
    await rm(dataDir, { recursive: true, force: true });
  });
  const run = (...args: string[]) => ismsInProcess(["--data-dir", dataDir, ...args]);

  it("shows the prefilled SoA with summary counts, and filters it", async () => {
    const all = await run("soa", "show");
    expect(all.status).toBe(0);
    expect(all.stdout).toContain("93 controls: 86 applicable, 4 inherited, 3 not applicable");
    const physical = entries.parse(JSON.parse((await run("soa", "show", "--theme", "physical", "--applicability", "inherited", "--json")).stdout));
    expect(physical.map((e) => e.controlId)).toEqual(["7.8", "7.11", "7.12", "7.13"]);
    expect((await run("soa", "show", "A.8.30")).stdout).toContain("All software is developed by our own employees");
  });

  it("changes an entry, refusing an exclusion without a justification in one line with exit code 1", async () => {
    const refused = await run("soa", "set", "5.23", "--applicability", "not_applicable", "--justification", "");
    expect(refused.status).toBe(1);
    expect(refused.stderr.trim().split("\n")).toHaveLength(1);
    expect(refused.stderr).toContain("excluding a control needs a justification");
    const wrong = await run("soa", "set", "5.23", "--status", "done");
    expect(wrong.status).toBe(2);
    const saved = await run("soa", "set", "A.5.23", "--status", "planned", "--owner", "Head of Security", "--reason", "contractual:MSA", "--reference", "POL-012");
    expect(saved.status).toBe(0);
    expect(saved.stdout).toContain("Changed A.5.23: applicable, planned.");
  });

  it("publishes a version and shows what changed since", async () => {
    expect((await run("soa", "publish", "--by", "P-001", "--note", "Stage 1")).stdout).toContain("Published SoA version 1 (93 controls), approved by Chief Executive Officer");
    await run("soa", "set", "8.11", "--applicability", "not_applicable", "--justification", "No personal data outside production");
    const diff = await run("soa", "diff");
    expect(diff.stdout).toContain("Changes from version 1 to the current SoA:");
    expect(diff.stdout).toContain("~ A.8.11 Data masking");
    expect(diff.stdout).toContain("applicability: applicable → not_applicable");
    expect((await run("soa", "versions")).stdout).toMatch(/v1\s+Chief Executive Officer\s+\d{4}-\d{2}-\d{2}\s+93\s+Stage 1/);
  });

  it("exports to XLSX and imports a spreadsheet, reporting what it did", async () => {
    const out = join(dataDir, "soa.xlsx");
    expect((await run("soa", "export", "--out", out)).stdout).toContain("93 controls (draft after version 1)");
    expect((await run("soa", "export", "--out", join(dataDir, "soa.docx"))).status).toBe(1);
    const imported = await run("soa", "import", sample);
    expect(imported.status).toBe(0);
    expect(imported.stdout).toContain("Imported 93 SoA rows");
    expect(imported.stdout).toContain("Note (row 72)");
  });

  it("adds an own control and lists it", async () => {
    expect((await run("soa", "controls", "add", "--id", "ACME-01", "--title", "Customer-managed keys", "--related", "A.8.24")).status).toBe(0);
    expect((await run("soa", "controls", "add", "--id", "8.99", "--title", "x")).stderr).toContain("cannot be an own control's id");
    expect((await run("soa", "controls", "list")).stdout).toMatch(/ACME-01\s+8\.24\s+Customer-managed keys/);
  });

  it("gives every soa command help with examples", () => {
    const soa = buildProgram().commands.find((c) => c.name() === "soa");
    const commands = (soa?.commands ?? []).flatMap((c) => (c.commands.length ? c.commands : [c]));
    expect(commands.map((c) => c.name())).toEqual(["show", "set", "publish", "versions", "diff", "export", "import", "add", "list"]);
    for (const command of commands) {
      let help = "";
      command.configureOutput({ writeOut: (text) => (help += text) });
      command.outputHelp();
      expect(help, command.name()).toContain("Examples:\n  $ isms soa");
    }
  });
});
