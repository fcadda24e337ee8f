// `isms risk import`, `isms risk export` and `isms risk report` as commands: options, output, files
// written, and every bad row printed when an import is refused.
import { mkdtemp, readFile, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { Command } from "commander";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { openIsms } from "../src/app/isms.js";
import { initWorkspace } from "../src/app/workspaces.js";
import { registerRiskExportCommand } from "../src/cli/risk/export.js";
import { registerRiskImportCommand } from "../src/cli/risk/import.js";
import { registerRiskReportCommand } from "../src/cli/risk/report.js";

const fixture = (name: string) => fileURLToPath(new URL(`./fixtures/cenedril/${name}`, import.meta.url));

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "isms-risk-cli-"));
  const isms = await openIsms({ dataDir: join(dir, "data") });
  try {
    await initWorkspace(isms.db, { name: "Acme", slug: "acme", template: "aws-saas" });
  } finally {
    await isms.close();
  }
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** Runs `isms <args>` with the risk commands of this module, returning what it printed. */
async function risk(...args: string[]): Promise<string> {
  const program = new Command("isms").option("--json").option("-w, --workspace <slug>").option("--data-dir <dir>").exitOverride();
  program.configureOutput({ writeErr: () => undefined });
  const group = program.command("risk").exitOverride();
  registerRiskImportCommand(group);
  registerRiskExportCommand(group);
  registerRiskReportCommand(group);
  for (const command of group.commands) command.exitOverride();
  const printed: string[] = [];
  const spy = vi.spyOn(process.stdout, "write").mockImplementation((chunk: string | Uint8Array) => {
    printed.push(String(chunk));
    return true;
  });
  try {
    await program.parseAsync(["--data-dir", join(dir, "data"), "risk", ...args], { from: "user" });
  } finally {
    spy.mockRestore();
  }
  return printed.join("");
}

describe("isms risk import, export and report", () => {
  it("imports the sample register and plan and says what it did", async () => {
    const text = await risk("import", fixture("risk-register.csv"), "--treatment-plan", fixture("risk-treatment-plan.csv"));

    expect(text).toContain("Imported 7 risks from");
    expect(text).toContain("7 updated");
    expect(text).toContain("Treatment plan");
    expect(text).toMatch(/11 actions added, 0 updated, 0 unchanged\. Numbered RTP-001 → T-016/);
    expect(text).toContain("Recurring, so without a due date:");
    expect(text).toContain("Plan columns not kept: Start Date, Budget (EUR), Residual Score After.");
  });

  it("prints every bad row when it refuses an import", async () => {
    const bad = join(dir, "bad.csv");
    await writeFile(bad, ["ID,Risk Title,Likelihood,Impact,Treatment Decision", "R-201,,3,3,Mitigate", "R-202,Odd,9,3,Maybe"].join("\n"));

    const failure: unknown = await risk("import", bad).then(() => undefined, (error: unknown) => error);

    const message = failure instanceof Error ? failure.message : "";
    expect(message).toContain("3 problems, nothing was imported:");
    expect(message).toContain('row 2, column "Risk Title": is empty');
    expect(message).toContain('row 3, column "Likelihood": 9 is not a level');
    expect(message).toContain('row 3, column "Treatment Decision": "Maybe" is not a treatment decision');
  });

  it("exports the workbook and the treatment plan, as JSON when asked", async () => {
    const book = join(dir, "out", "register.xlsx");
    const plan = join(dir, "out", "plan.csv");

    const json = z
      .object({ out: z.string(), format: z.literal("xlsx"), risks: z.number(), actions: z.number(), treatmentPlanOut: z.string() })
      .parse(JSON.parse(await risk("export", "--out", book, "--treatment-plan-out", plan, "--json")));

    expect(json).toMatchObject({ risks: 55, actions: 26, treatmentPlanOut: plan });
    expect((await stat(book)).size).toBeGreaterThan(10_000);
    expect((await readFile(plan, "utf8")).split("\n")[0]).toBe("ID,Risk ID,Risk Title,Action,Controls,Owner,Owner Name,Due Date,Status,Completed On,Evidence");
    await expect(risk("export", "--out", join(dir, "register.txt"))).rejects.toThrow(/give a \.xlsx or \.csv file/);
  });

  it("writes the assessment report and the treatment plan as PDFs", async () => {
    const report = join(dir, "report.pdf");
    const plan = join(dir, "plan.pdf");

    expect(await risk("report", "--out", report)).toMatch(/^Wrote the Risk Assessment Report to .*report\.pdf \(55 risks; data as of .* UTC, methodology v1\)/);
    expect(await risk("report", "--kind", "treatment", "--out", plan)).toContain("Wrote the Risk Treatment Plan");

    for (const file of [report, plan]) expect((await readFile(file)).subarray(0, 5).toString()).toBe("%PDF-");
    await expect(risk("report", "--kind", "audit", "--out", report)).rejects.toThrow(/Allowed choices are assessment, treatment/);
  });
});
