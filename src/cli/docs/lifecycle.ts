// `isms docs submit|approve|publish`: send a draft for review (or put a generated document under
// control), approve or return it (never by its author when anyone else could), put it in force.
import type { Command } from "commander";
import { findGeneratedDocument } from "../../app/documents/generated/index.js";
import { approveDocument, publishDocument, rejectDocument, submitDocument } from "../../app/documents/lifecycle.js";
import { findDocument } from "../../app/documents/records.js";
import { snapshotGeneratedDocument } from "../../app/documents/snapshot.js";
import { loadPersonNames } from "../../app/soa.js";
import { resolveWorkspace } from "../../app/workspaces.js";
import { statusLabel } from "../../domain/documents/lifecycle.js";
import { globalOptions, withIsms } from "../context.js";
import { UsageError, withExamples } from "../usage.js";

const day = (at: Date | null) => (at ? at.toISOString().slice(0, 10) : "");

export function registerDocsLifecycleCommands(docs: Command): void {
  const submit = docs
    .command("submit <id>")
    .description("send the draft for review; for a generated document, keep its rendering now as a new version in review")
    .option("--version <version>", "the version (default: the newest)")
    .option("--by <person>", "for a generated document: who submits it (its author and, the first time, its owner)")
    .option("--summary <text>", "for a generated document: what this version is for")
    .action(async (id: string, options: { version?: string; by?: string; summary?: string }, cmd: Command) => {
      await withIsms(cmd, async (isms, output) => {
        const ws = await resolveWorkspace(isms.db, globalOptions(cmd).workspace);
        const version = await isms.db.transaction(async (tx) => {
          const existing = await findDocument(tx, ws, id);
          const generated = findGeneratedDocument(id);
          if (generated && (!existing || existing.generator === generated.id)) {
            if (options.version !== undefined) throw new UsageError("--version: a generated document is submitted as it renders now; leave --version out");
            return snapshotGeneratedDocument(tx, ws, id, { actor: "cli", by: options.by, summary: options.summary });
          }
          return submitDocument(tx, ws, id, { actor: "cli", version: options.version });
        });
        output.data(version, () => `${id} v${version.version} is ${statusLabel(version.status)}${version.dataStamp ? ` (data ${version.dataStamp})` : ""}. Next: isms docs approve ${id} --by <person>`);
      });
    });
  withExamples(submit, "isms docs submit POL-ACCESS", "isms docs submit statement-of-applicability --by P-002");

  const approve = docs
    .command("approve <id>")
    .description("approve the version in review (by someone other than its author when the workspace has more than one person), or --reject it back to draft")
    .option("--by <person>", "who approves (default: the document's approver)")
    .option("--version <version>", "the version (default: the newest)")
    .option("--reject", "send it back to draft instead")
    .option("--reason <text>", "with --reject: why (kept in the change history)")
    .action(async (id: string, options: { by?: string; version?: string; reject?: boolean; reason?: string }, cmd: Command) => {
      if (options.reason !== undefined && !options.reject) throw new UsageError("--reason goes with --reject");
      await withIsms(cmd, async (isms, output) => {
        const ws = await resolveWorkspace(isms.db, globalOptions(cmd).workspace);
        const version = await isms.db.transaction((tx) =>
          options.reject
            ? rejectDocument(tx, ws, id, options.reason, { actor: "cli", version: options.version })
            : approveDocument(tx, ws, id, options.by, { actor: "cli", version: options.version }),
        );
        const name = await loadPersonNames(isms.db, ws);
        output.data(version, () =>
          options.reject
            ? `${id} v${version.version} went back to draft.`
            : `${id} v${version.version} approved by ${version.approvedBy ? name(version.approvedBy) : "?"} on ${day(version.approvedAt)}. Next: isms docs publish ${id}`,
        );
      });
    });
  withExamples(approve, "isms docs approve POL-ISP --by P-001", "isms docs approve POL-ACCESS --reject --reason 'Name the break-glass owner' --by P-001");

  const publish = docs
    .command("publish <id>")
    .description("put the approved version in force: the version in force before it is superseded (and stays readable), the next review is set")
    .option("--version <version>", "the version (default: the newest)")
    .action(async (id: string, options: { version?: string }, cmd: Command) => {
      await withIsms(cmd, async (isms, output) => {
        const ws = await resolveWorkspace(isms.db, globalOptions(cmd).workspace);
        const version = await isms.db.transaction((tx) => publishDocument(tx, ws, id, { actor: "cli", version: options.version }));
        const doc = await findDocument(isms.db, ws, id);
        output.data({ ...version, nextReview: doc?.nextReview ?? null }, () => `${id} v${version.version} is in force from ${day(version.publishedAt)}; next review ${doc?.nextReview ?? "not set"}.`);
      });
    });
  withExamples(publish, "isms docs publish POL-ISP");
}
