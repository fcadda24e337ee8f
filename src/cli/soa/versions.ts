// `isms soa publish|versions|diff`: approve a version of the SoA, list the versions, and show what
// changed between two of them or since the last one.
import type { Command } from "commander";
import { loadPersonNames } from "../../app/soa.js";
import { listSoaVersions, publishSoa, soaDiff, type SoaVersionRef } from "../../app/soa-versions.js";
import { resolveWorkspace } from "../../app/workspaces.js";
import { displayControlId } from "../../domain/soa/index.js";
import { globalOptions, withIsms } from "../context.js";
import { table } from "../output.js";
import { withExamples } from "../usage.js";
import { versionOption } from "./options.js";

const day = (date: Date) => date.toISOString().slice(0, 10);

export function registerSoaVersionCommands(soa: Command): void {
  const publish = soa
    .command("publish")
    .description("publish the SoA as it stands as a new version, approved by a person (refused while a control is undecided or an exclusion unjustified)")
    .requiredOption("--by <person>", "who approves it (a person's id or name), usually top management or the ISMS owner")
    .option("--note <text>", "what this version is for or changes")
    .action(async (options: { by: string; note?: string }, cmd: Command) => {
      await withIsms(cmd, async (isms, output) => {
        const ws = await resolveWorkspace(isms.db, globalOptions(cmd).workspace);
        const published = await isms.db.transaction((tx) => publishSoa(tx, ws, { approvedBy: options.by, note: options.note }, { actor: "cli" }));
        const name = await loadPersonNames(isms.db, ws);
        output.data(published, () => `Published SoA version ${published.version} (${published.controls} controls), approved by ${name(published.approvedBy)} on ${day(published.approvedAt)}.`);
      });
    });
  withExamples(publish, "isms soa publish --by P-001", 'isms soa publish --by "Chief Executive Officer" --note "Before the Stage 1 audit"');

  const versions = soa
    .command("versions")
    .description("list the published versions of the SoA")
    .action(async (_o: unknown, cmd: Command) => {
      await withIsms(cmd, async (isms, output) => {
        const ws = await resolveWorkspace(isms.db, globalOptions(cmd).workspace);
        const all = await listSoaVersions(isms.db, ws);
        const name = await loadPersonNames(isms.db, ws);
        output.data(all, () =>
          all.length
            ? table(["version", "approved by", "approved on", "controls", "note"], all.map((v) => [`v${v.version}`, name(v.approvedBy), day(v.approvedAt), String(v.controls), v.note ?? ""]))
            : "No version published yet (isms soa publish --by <person>).",
        );
      });
    });
  withExamples(versions, "isms soa versions", "isms soa versions --json");

  const diff = soa
    .command("diff")
    .description("show what changed between two SoA versions; by default since the last published version")
    .option("--from <version>", "the earlier version (default: the latest published, or the one before --to)")
    .option("--to <version>", 'the later version, or "current" for the SoA as it stands (default)')
    .action(async (options: { from?: string; to?: string }, cmd: Command) => {
      const from = options.from !== undefined ? versionOption("--from", options.from) : undefined;
      const to: SoaVersionRef = options.to === undefined || options.to === "current" ? "current" : versionOption("--to", options.to);
      await withIsms(cmd, async (isms, output) => {
        const ws = await resolveWorkspace(isms.db, globalOptions(cmd).workspace);
        const result = await soaDiff(isms.db, ws, from, to);
        const name = await loadPersonNames(isms.db, ws);
        const shown = (field: string, value: string | null) => (value === null ? "—" : field === "owner" ? name(value) : value);
        output.data(result, () => {
          const label = (ref: SoaVersionRef) => (ref === "current" ? "the current SoA" : `version ${ref}`);
          const lines = [`Changes from ${label(result.from)} to ${label(result.to)}:`];
          if (!result.changed.length && !result.added.length && !result.removed.length) lines.push("  none");
          for (const c of result.added) lines.push(`  + ${displayControlId(c.controlId)} ${c.title} (added)`);
          for (const c of result.removed) lines.push(`  - ${displayControlId(c.controlId)} ${c.title} (removed)`);
          for (const c of result.changed) {
            lines.push(`  ~ ${displayControlId(c.controlId)} ${c.title}`);
            for (const change of c.changes) lines.push(`      ${change.field}: ${shown(change.field, change.from)} → ${shown(change.field, change.to)}`);
          }
          return lines.join("\n");
        });
      });
    });
  withExamples(diff, "isms soa diff", "isms soa diff --from 1 --to 2", "isms soa diff --from 1 --to current --json");
}
