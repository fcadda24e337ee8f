// `isms docs status`: the mandatory-documents checklist: each document ISO/IEC 27001 requires, the
// document that meets it, its state and what is missing; then the other controlled documents.
import type { Command } from "commander";
import { documentChecklist, type ChecklistEntry } from "../../app/documents/mandatory.js";
import { resolveWorkspace } from "../../app/workspaces.js";
import { statusLabel } from "../../domain/documents/lifecycle.js";
import { globalOptions, withIsms } from "../context.js";
import { table } from "../output.js";
import { withExamples } from "../usage.js";

const row = (e: ChecklistEntry) => [
  e.name,
  e.refs.length > 4 ? `${e.refs.slice(0, 4).join(", ")}, …` : e.refs.join(", "),
  e.state === "generated" ? `generated${e.documents.length ? ` (${e.documents.map((d) => `v${d.version ?? "?"} ${d.status}`).join(", ")})` : ""}` : statusLabel(e.state),
  e.documents.map((d) => d.id).join(", ") || (e.state === "generated" ? e.id : "—"),
  e.missing.length === 0 ? "—" : `${e.missing[0] ?? ""}${e.missing.length > 1 ? ` (+${e.missing.length - 1} more: --json lists all)` : ""}`,
];

export function registerDocsStatusCommand(docs: Command): void {
  const command = docs
    .command("status")
    .description("the mandatory-documents checklist: each required document, its state (missing, draft, in review, approved, published, generated) and what is missing")
    .action(async (_o: unknown, cmd: Command) => {
      await withIsms(cmd, async (isms, output) => {
        const ws = await resolveWorkspace(isms.db, globalOptions(cmd).workspace);
        const checklist = await documentChecklist(isms.db, ws);
        output.data(checklist, () => {
          const counts = Object.entries(checklist.counts).filter(([, n]) => n > 0).map(([state, n]) => `${n} ${statusLabel(state)}`).join(", ");
          const header = ["document", "required by", "state", "id", "missing"];
          return [
            `Mandatory documents (${checklist.required.length}): ${counts}`,
            table(header, checklist.required.map(row)),
            "",
            `Other controlled documents (${checklist.other.length}):`,
            checklist.other.length ? table(header, checklist.other.map(row)) : "none",
          ].join("\n");
        });
      });
    });
  withExamples(command, "isms docs status", "isms docs status --json");
}
