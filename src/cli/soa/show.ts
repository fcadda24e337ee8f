// `isms soa show [control]`: the SoA as a table with summary counts, filtered by theme, status,
// applicability or owner; or one control's entry in full.
import type { Command } from "commander";
import { loadPersonDirectory } from "../../app/people.js";
import { loadPersonNames, loadStatementOfApplicability } from "../../app/soa.js";
import { resolveWorkspace } from "../../app/workspaces.js";
import {
  applicabilitySummary,
  countByStatus,
  displayControlId,
  formatReasons,
  type SoaEntry,
} from "../../domain/soa/index.js";
import { IsmsError } from "../../domain/errors.js";
import { globalOptions, withIsms } from "../context.js";
import { table, type Output } from "../output.js";
import { withExamples } from "../usage.js";
import { applicabilityOption, controlIdArgument, statusOption, themeOption } from "./options.js";

interface ShowFlags {
  theme?: string;
  status?: string;
  applicability?: string;
  owner?: string;
}

const short = (text: string, width: number) => (text.length > width ? `${text.slice(0, width - 1)}…` : text);
const statusText = (e: SoaEntry) =>
  `${e.implementationStatus ?? (e.applicability === "not_applicable" ? "" : "not assessed")}${e.statusSource === "derived" ? " (derived)" : e.statusSource === "override" ? " (override)" : ""}`;

function detail(entry: SoaEntry, name: (id: string) => string, output: Output): string {
  const b = (s: string) => output.style("bold", s);
  return [
    `${b(displayControlId(entry.controlId))} ${entry.title} (${entry.theme})`,
    "",
    `${b("Applicability")}   ${entry.applicability ?? output.style("yellow", "undecided")}`,
    `${b("Reasons")}         ${formatReasons(entry.reasons)}`,
    `${b("Justification")}   ${entry.justification}`,
    `${b("Status")}          ${statusText(entry)}${entry.statusOverrideReason ? `: ${entry.statusOverrideReason}` : ""}`,
    `${b("Owner")}           ${entry.owner ? `${name(entry.owner)} (${entry.owner})` : output.style("yellow", "none")}`,
    `${b("Implementation")}  ${entry.implementationDescription ?? ""}`,
    `${b("Reference")}       ${entry.reference ?? ""}`,
    `${b("Treats risks")}    ${entry.treatedRiskIds.join(", ")}`,
    `${b("Evidence")}        ${evidenceText(entry)}`,
    ...automatedText(entry, output),
  ].join("\n");
}

/** Evidence shown per control; the rest are counted (isms soa show --json lists them all). */
const evidenceShown = 6;

function evidenceText(entry: SoaEntry): string {
  if (entry.evidence.length === 0) return "none";
  const shown = entry.evidence.slice(0, evidenceShown).map((e) => `${e.id} ${e.collectedAt.toISOString().slice(0, 10)}${e.fresh ? "" : " (stale)"}`);
  const stale = entry.evidence.filter((e) => !e.fresh).length;
  const more = entry.evidence.length - shown.length;
  return `${entry.evidence.length} record${entry.evidence.length === 1 ? "" : "s"}${stale ? ` (${stale} stale)` : ""}: ${shown.join(", ")}${more > 0 ? ` and ${more} more` : ""}`;
}

/** The latest collection's automated checks under the control, naming the failing resources. */
function automatedText(entry: SoaEntry, output: Output): string[] {
  const checks = entry.automatedChecks;
  if (!checks) return [];
  const head = `${output.style("bold", "Automated")}       ${checks.passed} passing, ${checks.failed} failing across ${checks.checks.length} check${checks.checks.length === 1 ? "" : "s"} (collected ${checks.collectedAt.toISOString().slice(0, 10)}): ${checks.checks.join(", ")}`;
  const failing = checks.failing.map((f) => `  ${output.style("red", "fail")} ${f.checkId}  ${f.account} ${f.region}  ${f.resource}: ${f.detail}`);
  const more = checks.failed - checks.failing.length;
  return [head, ...failing, ...(more > 0 ? [`  … and ${more} more (isms collect results --control ${entry.controlId} --status fail)`] : [])];
}

export function registerSoaShowCommand(soa: Command): void {
  const show = soa
    .command("show [control]")
    .description("show the Statement of Applicability (or one control's entry) with summary counts")
    .option("--theme <theme>", "only one theme: organizational, people, physical, technological, own")
    .option("--status <status>", "only one status: implemented, partially_implemented, planned, not_implemented, not_assessed")
    .option("--applicability <value>", "only applicable, inherited, not_applicable or undecided controls")
    .option("--owner <person>", "only one control owner's controls")
    .action(async (control: string | undefined, flags: ShowFlags, cmd: Command) => {
      await withIsms(cmd, async (isms, output) => {
        const ws = await resolveWorkspace(isms.db, globalOptions(cmd).workspace);
        const entries = await loadStatementOfApplicability(isms.db, ws);
        const name = await loadPersonNames(isms.db, ws);
        if (control) {
          const id = controlIdArgument(control);
          const entry = entries.find((e) => e.controlId === id);
          if (!entry) throw new IsmsError(`No control ${control} in this SoA`, "Annex A ids look like 5.1 or A.8.24; own controls: isms soa controls list");
          output.data(entry, () => detail(entry, name, output));
          return;
        }
        const theme = flags.theme ? themeOption("--theme", flags.theme) : undefined;
        const status = flags.status !== undefined ? statusOption("--status", flags.status) : undefined;
        const applicability = flags.applicability === undefined ? undefined : flags.applicability === "undecided" ? null : applicabilityOption("--applicability", flags.applicability);
        const owner = flags.owner ? (await loadPersonDirectory(isms.db, ws)).get(flags.owner, "--owner") : undefined;
        const rows = entries.filter(
          (e) =>
            (theme === undefined || e.theme === theme) &&
            (status === undefined || (e.implementationStatus === status && e.applicability !== "not_applicable")) &&
            (applicability === undefined || e.applicability === applicability) &&
            (owner === undefined || e.owner === owner),
        );
        output.data(rows, () => {
          const statusCounts = countByStatus(rows).rows.at(-1)?.counts ?? [];
          const statusHeader = countByStatus(rows).header.slice(1, -1);
          return [
            table(
              ["control", "applicability", "status", "owner", "reasons", "justification"],
              rows.map((e) => [displayControlId(e.controlId), e.applicability ?? "undecided", statusText(e), e.owner ? name(e.owner) : "", formatReasons(e.reasons), short(e.justification, 60)]),
            ),
            "",
            output.style("dim", `${rows.length} controls: ${applicabilitySummary(rows)}`),
            output.style("dim", `Status of applicable and inherited: ${statusHeader.map((h, i) => `${statusCounts[i] ?? 0} ${h.toLowerCase()}`).join(", ")}`),
          ].join("\n");
        });
      });
    });
  withExamples(show, "isms soa show", "isms soa show --theme physical", "isms soa show --applicability not_applicable --json", 'isms soa show --owner "Head of Security"', "isms soa show A.8.24");
}
