// `isms catalog control ID`: one control with its attributes, what an auditor looks for, the AWS
// services and evidence that serve it, its SOC 2 criteria and its 2013 predecessors.
import type { Command } from "commander";
import { findControl, getControl } from "../../catalog/annex-a.js";
import { awsMappingForControl } from "../../catalog/aws-map.js";
import { mapTo2013 } from "../../catalog/mapping-2013.js";
import { criteriaForControl } from "../../catalog/soc2.js";
import { outputFor } from "../context.js";
import { withExamples } from "../usage.js";

export function registerControlCommand(catalog: Command): void {
  const command = catalog
    .command("control <id>")
    .description("show one Annex A control (by id, A.-prefixed id or title)")
    .action((query: string, _options: unknown, cmd: Command) => {
      const output = outputFor(cmd);
      const control = findControl(query) ?? getControl(query);
      const aws = awsMappingForControl(control.id);
      const soc2 = criteriaForControl(control.id);
      const predecessors = mapTo2013(control.id);
      const view = { ...control, aws, soc2, iso27001_2013: predecessors };
      output.data(view, () => {
        const b = (s: string) => output.style("bold", s);
        const lines = [
          `${b(`A.${control.id}`)} ${control.title}`,
          `${b("Theme")}      ${control.theme}${control.newIn2022 ? " (new in 2022)" : ""}`,
          `${b("Attributes")} ${Object.values(control.attributes).flat().join(" ")}`,
          "",
          b("What an auditor looks for"),
          `  ${control.auditorFocus}`,
          "",
          b(`AWS (${aws.coverage})`),
          ...aws.services.map((s) => `  ${s.service}: ${s.evidence.join("; ")}\n    ${output.style("dim", s.reason)}`),
          ...(aws.note ? [`  ${aws.note}`] : []),
          "",
          b("SOC 2 criteria"),
          ...(soc2.length ? soc2.map((p) => `  ${p.criterion.id} ${p.criterion.shortTitle}: ${output.style("dim", p.reason)}`) : ["  none"]),
          "",
          b("ISO/IEC 27001:2013"),
          `  ${predecessors.length ? predecessors.map((p) => `A.${p.id} ${p.title}`).join("\n  ") : "none (new in 2022)"}`,
        ];
        return lines.join("\n");
      });
    });
  withExamples(command, "isms catalog control 8.24", "isms catalog control A.5.23 --json", 'isms catalog control "Use of cryptography"');
}
