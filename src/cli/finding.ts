// `isms finding …`: the findings of audits (9.2.2, 10.2), each a nonconformity, observation or
// opportunity for improvement against a clause or control, with its evidence and deadline.
import type { Command } from "commander";
import { addFinding } from "../app/audits/findings.js";
import { getAudit, getFinding, listCorrectiveActions, listFindings, type Finding } from "../app/audits/records.js";
import { resolveWorkspace } from "../app/workspaces.js";
import { findingKinds, type FindingKind } from "../domain/audit/audit.js";
import { globalOptions, withIsms } from "./context.js";
import { dayOption } from "./docs/options.js";
import { table } from "./output.js";
import { UsageError, withExamples } from "./usage.js";

const actor = "cli";
const list = (text: string) => text.split(",").map((s) => s.trim()).filter(Boolean);
const kindLabel = (kind: string) => kind.replace("_", " ");

interface AddFlags {
  audit: string;
  kind: string;
  requirement: string;
  description: string;
  evidence?: string;
  due?: string;
  raised?: string;
}

function findingRows(findings: readonly Finding[]): string {
  return table(
    ["id", "audit", "kind", "requirement", "status", "raised", "due", "description"],
    findings.map((f) => [f.id, f.auditId, kindLabel(f.kind), f.requirement ?? "", f.status, f.raisedOn ?? "", f.dueDate ?? "", f.description]),
  );
}

export function registerFindingCommands(program: Command): void {
  const finding = program.command("finding").description("findings of audits: nonconformities, observations and opportunities for improvement (9.2.2, 10.2)");

  const add = finding
    .command("add")
    .description("record a finding of an audit under way or completed")
    .requiredOption("--audit <id>", "the audit that raised it")
    .requiredOption("--kind <kind>", findingKinds.join(", "))
    .requiredOption("--requirement <id>", 'the clause (9.2, "clause 7.2") or Annex A control (5.15, A.7.2) it is against')
    .requiredOption("--description <text>", "what was found")
    .option("--evidence <refs>", "the evidence it rests on, comma-separated (E-001,interview notes)")
    .option("--due <date>", "when it must be resolved (default for a minor nonconformity of the certification body: raised + 90 days)")
    .option("--raised <date>", "when it was raised (default today)")
    .action(async (flags: AddFlags, cmd: Command) => {
      const kind = findingKinds.find((k): k is FindingKind => k === flags.kind);
      if (!kind) throw new UsageError(`--kind: "${flags.kind}" is not one of ${findingKinds.join(", ")}`);
      const dueDate = flags.due === undefined ? undefined : dayOption("--due", flags.due);
      const raisedOn = flags.raised === undefined ? undefined : dayOption("--raised", flags.raised);
      await withIsms(cmd, async (isms, output) => {
        const ws = await resolveWorkspace(isms.db, globalOptions(cmd).workspace);
        const input = {
          auditId: flags.audit,
          kind,
          requirement: flags.requirement,
          description: flags.description,
          ...(flags.evidence !== undefined ? { evidenceRefs: list(flags.evidence) } : {}),
          ...(dueDate !== undefined ? { dueDate } : {}),
          ...(raisedOn !== undefined ? { raisedOn } : {}),
        };
        const f = await isms.db.transaction((tx) => addFinding(tx, ws, input, { actor }));
        const next = kind.endsWith("nonconformity") ? ` Next: isms action add --finding ${f.id} --correction "…" --root-cause "…" --action "…" --owner <person> --due <date>` : "";
        output.data(f, () => `Recorded ${f.id}: ${kindLabel(f.kind)} on ${f.requirement ?? "?"}${f.dueDate ? `, due ${f.dueDate}` : ""}.${next}`);
      });
    });
  withExamples(
    add,
    'isms finding add --audit AUD-001 --kind minor_nonconformity --requirement 5.15 --description "Two leavers kept access for a month" --evidence E-014',
    'isms finding add --audit AUD-002 --kind minor_nonconformity --requirement 9.2 --description "The audit programme is not approved"',
  );

  const listCommand = finding
    .command("list")
    .description("list findings")
    .option("--open", "only those still open")
    .option("--audit <id>", "only one audit's")
    .action(async (options: { open?: boolean; audit?: string }, cmd: Command) => {
      await withIsms(cmd, async (isms, output) => {
        const ws = await resolveWorkspace(isms.db, globalOptions(cmd).workspace);
        if (options.audit) await getAudit(isms.db, ws, options.audit);
        const findings = await listFindings(isms.db, ws, { auditId: options.audit, open: options.open });
        output.data(findings, () => (findings.length ? findingRows(findings) : options.open ? "No open finding." : "No finding recorded yet."));
      });
    });
  withExamples(listCommand, "isms finding list --open", "isms finding list --audit AUD-001 --json");

  const show = finding
    .command("show <id>")
    .description("show a finding and its corrective actions")
    .action(async (id: string, _o: unknown, cmd: Command) => {
      await withIsms(cmd, async (isms, output) => {
        const ws = await resolveWorkspace(isms.db, globalOptions(cmd).workspace);
        const f = await getFinding(isms.db, ws, id);
        const actions = await listCorrectiveActions(isms.db, ws, id);
        output.data({ ...f, correctiveActions: actions }, () => {
          const rows: [string, string][] = [
            ["finding", f.id],
            ["audit", f.auditId],
            ["kind", kindLabel(f.kind)],
            ["requirement", f.requirement ?? "—"],
            ["description", f.description],
            ["evidence", f.evidenceRefs.join(", ") || "—"],
            ["raised", f.raisedOn ?? "—"],
            ["due", f.dueDate ?? "—"],
            ["status", f.status],
            ["actions", actions.map((a) => `${a.id} (${a.status}, due ${a.dueDate ?? "?"})`).join(", ") || "none"],
          ];
          return rows.map(([k, v]) => `${k.padEnd(12)} ${v}`).join("\n");
        });
      });
    });
  withExamples(show, "isms finding show F-001");
}
