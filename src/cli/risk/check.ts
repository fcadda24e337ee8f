// `isms risk check`: what the rules find in the register today — decisions, plans, acceptances and
// reviews that an auditor would ask about.
import type { Command } from "commander";
import { riskFindings } from "../../app/risks.js";
import { resolveWorkspace } from "../../app/workspaces.js";
import { globalOptions, withIsms } from "../context.js";
import { table } from "../output.js";
import { withExamples } from "../usage.js";

export function registerRiskCheckCommand(risk: Command): void {
  const command = risk
    .command("check")
    .description("list what needs doing in the register: missing decisions, plans, acceptances, overdue reviews")
    .option("--errors", "only errors (what an auditor would raise as a nonconformity)")
    .action(async (options: { errors?: boolean }, cmd: Command) => {
      await withIsms(cmd, async (isms, output) => {
        const ws = await resolveWorkspace(isms.db, globalOptions(cmd).workspace);
        const findings = (await riskFindings(isms.db, ws)).filter((f) => !options.errors || f.severity === "error");
        output.data(findings, () =>
          findings.length
            ? `${table(["risk", "severity", "rule", "finding"], findings.map((f) => [f.riskId, f.severity, f.rule, f.message]))}\n${output.style("dim", `${findings.filter((f) => f.severity === "error").length} errors, ${findings.filter((f) => f.severity === "warning").length} warnings`)}`
            : output.style("green", "The register passes every rule."),
        );
      });
    });
  withExamples(command, "isms risk check", "isms risk check --errors --json");
}
