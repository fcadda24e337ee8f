// Prints a workspace summary for people or as JSON.
import type { WorkspaceSummary } from "../app/workspaces.js";
import type { Output } from "./output.js";
import { table } from "./output.js";

export function printSummary(output: Output, summary: WorkspaceSummary): void {
  output.data(summary, () => {
    const b = (s: string) => output.style("bold", s);
    const ws = summary.workspace;
    const filled = summary.registers.filter((r) => r.count > 0);
    return [
      `${b(ws.name)} (${ws.slug}) for ${ws.companyName}, template ${ws.template}`,
      "",
      b("Scope"),
      `  ${summary.scopeStatement ?? "no scope statement yet"}`,
      "",
      b("Registers"),
      filled.length
        ? table(
            ["  register", "entries"],
            filled.map((r) => [`  ${r.name.replaceAll("_", " ")}`, String(r.count)]),
          )
        : "  all empty",
      output.style("dim", `  ${summary.registers.length - filled.length} other registers are empty`),
      "",
      b("Annex A"),
      `  ${summary.catalog.controls} controls (${summary.catalog.byTheme.map((t) => `${t.count} ${t.theme}`).join(", ")})` +
        `; the AWS map evidences ${summary.catalog.awsEvidenced} from AWS services, and ${summary.catalog.inherited} are operated by AWS itself`,
    ].join("\n");
  });
}
