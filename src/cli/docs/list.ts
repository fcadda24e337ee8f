// `isms docs list|show`: the controlled documents with their version in force and state, the
// generated ones, and one document in full (details, versions, acknowledgements, text).
import type { Command } from "commander";
import { generatedDocuments, findGeneratedDocument, renderGeneratedDocument } from "../../app/documents/generated/index.js";
import { acknowledgementsOf, getDocument, listDocuments, peopleInScope, versionInForce, versionNamed } from "../../app/documents/records.js";
import { loadPersonNames } from "../../app/soa.js";
import { resolveWorkspace } from "../../app/workspaces.js";
import { statusLabel } from "../../domain/documents/lifecycle.js";
import { documentToMarkdown } from "../../domain/documents/model.js";
import { withHeatmapsAsTables } from "../../app/documents/render.js";
import { globalOptions, withIsms } from "../context.js";
import { table } from "../output.js";
import { withExamples } from "../usage.js";

const day = (at: Date | null) => (at ? at.toISOString().slice(0, 10) : "");

export function registerDocsListCommands(docs: Command): void {
  const list = docs
    .command("list")
    .description("list the controlled documents (newest version, the version in force, owner, next review) and the documents generated from the data")
    .action(async (_o: unknown, cmd: Command) => {
      await withIsms(cmd, async (isms, output) => {
        const ws = await resolveWorkspace(isms.db, globalOptions(cmd).workspace);
        const all = await listDocuments(isms.db, ws);
        const name = await loadPersonNames(isms.db, ws);
        const controlled = all.map((d) => {
          const latest = d.versions.at(-1);
          const inForce = versionInForce(d);
          return { id: d.id, title: d.title, kind: d.kind, owner: d.owner, latest: latest ? { version: latest.version, status: latest.status } : null, inForce: inForce?.version ?? null, nextReview: d.nextReview, generator: d.generator };
        });
        const generated = generatedDocuments.map((g) => ({ id: g.id, title: g.title, clauses: g.clauses, controlled: all.some((d) => d.generator === g.id) }));
        output.data({ documents: controlled, generated }, () =>
          [
            table(
              ["id", "title", "kind", "newest", "in force", "owner", "next review"],
              controlled.map((d) => [d.id, d.title, d.kind, d.latest ? `v${d.latest.version} ${statusLabel(d.latest.status)}` : "no version", d.inForce ? `v${d.inForce}` : "—", d.owner ? name(d.owner) : "—", d.nextReview ?? "—"]),
            ),
            "",
            "Generated from the data (always current; isms docs show <id>, isms docs export <id>):",
            table(["id", "title", "clauses"], generated.map((g) => [g.id, g.title, g.clauses.join(", ")])),
          ].join("\n"),
        );
      });
    });
  withExamples(list, "isms docs list", "isms docs list --json");

  const show = docs
    .command("show <id>")
    .description("show a document: its details, versions and change history, acknowledgements, and with --text its text")
    .option("--version <version>", "the version whose text --text prints (default: the newest)")
    .option("--text", "print the text (Markdown)")
    .action(async (id: string, options: { version?: string; text?: boolean }, cmd: Command) => {
      await withIsms(cmd, async (isms, output) => {
        const ws = await resolveWorkspace(isms.db, globalOptions(cmd).workspace);
        const generated = findGeneratedDocument(id);
        const controlled = generated ? (await listDocuments(isms.db, ws)).find((d) => d.id === id) : await getDocument(isms.db, ws, id);
        if (generated && !controlled) {
          const rendered = await renderGeneratedDocument(isms.db, ws, generated);
          const text = documentToMarkdown(withHeatmapsAsTables(rendered.model));
          const value = { id, title: generated.title, generated: true, clauses: generated.clauses, controls: generated.controls, dataStamp: rendered.dataStamp, gaps: rendered.gaps, ...(options.text && { text }) };
          output.data(value, () =>
            [
              `${generated.title} (${id}) — generated from the data, ${rendered.stamp}`,
              `Serves: ${[...generated.clauses.map((c) => `clause ${c}`), ...generated.controls.map((c) => `A.${c}`)].join(", ")}`,
              rendered.gaps.length ? `Missing:\n${rendered.gaps.map((g) => `  - ${g}`).join("\n")}` : "Missing: nothing",
              `Keep a version under control: isms docs submit ${id}`,
              ...(options.text ? ["", text] : []),
            ].join("\n"),
          );
          return;
        }
        if (!controlled) return;
        const name = await loadPersonNames(isms.db, ws);
        const who = (p: string | null) => (p ? name(p) : "—");
        const inForce = versionInForce(controlled);
        const acks = await acknowledgementsOf(isms.db, ws, id);
        const staff = await peopleInScope(isms.db, ws, new Date().toISOString().slice(0, 10));
        const acknowledged = inForce ? new Set(acks.filter((a) => a.version === inForce.version).map((a) => a.personId)) : new Set<string>();
        const shown = options.text ? versionNamed(controlled, options.version) : undefined;
        const value = { ...controlled, inForce: inForce?.version ?? null, acknowledgements: acks, pendingAcknowledgements: controlled.requiresAcknowledgement && inForce ? staff.filter((p) => !acknowledged.has(p.id)).map((p) => p.id) : [], versions: controlled.versions.map(({ body: _body, ...v }) => v), ...(shown && { text: shown.body }) };
        output.data(value, () =>
          [
            `${controlled.title} (${controlled.id}), ${controlled.kind}${controlled.generator ? `, generated from ${controlled.generator}` : ""}`,
            `Owner: ${who(controlled.owner)}; approver: ${who(controlled.approver)}; next review: ${controlled.nextReview ?? "not set"} (every ${controlled.reviewIntervalMonths} months)`,
            `Serves: ${[...controlled.clauses.map((c) => `clause ${c}`), ...controlled.controls.map((c) => `A.${c}`)].join(", ") || "—"}`,
            `In force: ${inForce ? `v${inForce.version}` : "none"}${controlled.requiresAcknowledgement ? `; acknowledged by ${acknowledged.size} of ${staff.length} people in scope` : ""}`,
            "",
            table(
              ["version", "status", "author", "created", "approved by", "approved", "published", "change"],
              controlled.versions.map((v) => [`v${v.version}`, statusLabel(v.status), who(v.author), day(v.createdAt), who(v.approvedBy), day(v.approvedAt), day(v.publishedAt), v.changeSummary ?? ""]),
            ),
            ...(shown ? ["", `--- v${shown.version} (${statusLabel(shown.status)}) ---`, shown.body ?? "(no text recorded)"] : []),
          ].join("\n"),
        );
      });
    });
  withExamples(show, "isms docs show POL-ACCESS", "isms docs show POL-ISP --text --version 1", "isms docs show training-records");
}
