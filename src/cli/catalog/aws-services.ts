// `isms catalog aws-services [service]`: the AWS services the catalog maps, and what each evidences.
import type { Command } from "commander";
import { awsServices, controlsForAwsService } from "../../catalog/aws-map.js";
import { outputFor } from "../context.js";
import { table } from "../output.js";
import { withExamples } from "../usage.js";

export function registerAwsServicesCommand(catalog: Command): void {
  const command = catalog
    .command("aws-services [service]")
    .description("list the AWS services in the AWS map, or the controls one service evidences")
    .action((service: string | undefined, _options: unknown, cmd: Command) => {
      const output = outputFor(cmd);
      if (!service) {
        const rows = awsServices.map((name) => ({ service: name, controls: controlsForAwsService(name).map((c) => c.control) }));
        output.data(rows, () => table(["service", "controls"], rows.map((r) => [r.service, r.controls.join(" ")])));
        return;
      }
      const rows = controlsForAwsService(service);
      output.data(rows, () =>
        table(
          ["control", "coverage", "evidence"],
          rows.map((r) => [r.control, r.coverage, r.evidence.join("; ")]),
        ),
      );
    });
  withExamples(command, "isms catalog aws-services", "isms catalog aws-services cloudtrail --json");
}
