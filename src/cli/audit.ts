// `isms audit …`: the internal audit programme and audits (9.2): plan one with its scope, criteria and
// an independent auditor, start it, record its checklist, complete it.
import type { Command } from "commander";
import { addAudit, completeAudit, editAudit, startAudit, type AuditChanges, type IndependenceOutcome } from "../app/audits/audits.js";
import { generateChecklist, recordCheck } from "../app/audits/checklist.js";
import { auditProgramme, createProposedAudits } from "../app/audits/programme.js";
import { getAudit, listAudits, listFindings, loadChecklist, loadIndependenceOverrides, type Audit, type ChecklistItem } from "../app/audits/records.js";
import { resolveWorkspace } from "../app/workspaces.js";
import { findControl } from "../catalog/annex-a.js";
import { findClause } from "../catalog/clauses.js";
import { auditKinds, checklistResults, type AuditKind, type ChecklistResult } from "../domain/audit/audit.js";
import type { AuditProgramme, ProposedAudit } from "../domain/audit/programme.js";
import { globalOptions, withIsms } from "./context.js";
import { clausesOption, controlsOption, dayOption } from "./docs/options.js";
import { table } from "./output.js";
import { UsageError, withExamples } from "./usage.js";

const actor = "cli";
const list = (text: string) => text.split(",").map((s) => s.trim()).filter(Boolean);

interface AuditFlags {
  title?: string;
  kind?: string;
  scope?: string;
  criteria?: string;
  auditor?: string;
  auditorPerson?: string;
  start?: string;
  end?: string;
  clauses?: string;
  controls?: string;
  report?: string;
  overrideIndependence?: string;
}

function withAuditOptions(command: Command): Command {
  return command
    .option("--title <text>", "what the audit is called")
    .option("--scope <text>", "what it covers, in words (9.2.2 b)")
    .option("--criteria <text>", "what it audits against: the standard, policies, contracts (9.2.2 b)")
    .option("--auditor <name>", "who audits: a name, or a person's id or name from isms people list")
    .option("--auditor-person <person>", "the auditor as a person of the register, when the name differs")
    .option("--start <date>", "planned first day, YYYY-MM-DD")
    .option("--end <date>", "planned last day, YYYY-MM-DD")
    .option("--clauses <ids>", "clauses it covers, comma-separated (4,5,6,7,8,9,10 or 9.2)")
    .option("--controls <ids>", "Annex A controls it covers, comma-separated (5.15,8.5)")
    .option("--report <ref>", "where its report is")
    .option("--override-independence <reason>", "keep an auditor who owns something the audit covers, recording why");
}

function changesFrom(flags: AuditFlags): AuditChanges {
  const changes: AuditChanges = {};
  if (flags.title !== undefined) changes.title = flags.title;
  if (flags.scope !== undefined) changes.scope = flags.scope;
  if (flags.criteria !== undefined) changes.criteria = flags.criteria;
  if (flags.auditor !== undefined) changes.auditor = flags.auditor;
  if (flags.auditorPerson !== undefined) changes.auditorPerson = flags.auditorPerson;
  if (flags.start !== undefined) changes.plannedStart = dayOption("--start", flags.start);
  if (flags.end !== undefined) changes.plannedEnd = dayOption("--end", flags.end);
  if (flags.clauses !== undefined) changes.clauses = clausesOption(flags.clauses);
  if (flags.controls !== undefined) changes.controls = controlsOption(flags.controls);
  if (flags.report !== undefined) changes.reportRef = flags.report;
  return changes;
}

const dates = (a: Pick<Audit, "plannedStart" | "plannedEnd">) => [a.plannedStart, a.plannedEnd].filter((d) => d !== null).join(" – ") || "not scheduled";

function independenceNote(id: string, outcome: IndependenceOutcome): string {
  return outcome.overridden ? `\nIndependence conflicts of ${id} kept, recorded with the reason "${outcome.overridden}": ${outcome.conflicts.map((c) => c.reason).join("; ")}.` : "";
}

function requirementTitle(ref: string): string {
  const title = ref.startsWith("A.") ? findControl(ref.slice(2))?.title : findClause(ref)?.title;
  return title ?? "";
}

function checklistTable(items: readonly ChecklistItem[]): string {
  return table(
    ["requirement", "result", "sampled", "observed", "evidence"],
    items.map((i) => [`${i.requirement} ${requirementTitle(i.requirement)}`, i.result.replace("_", " "), i.sampled ?? "", i.observed ?? "", i.evidenceRefs.join(", ")]),
  );
}

function programmeText(programme: AuditProgramme, proposals: readonly ProposedAudit[] | null, created: readonly Audit[] | null): string {
  const by = (coveredBy: AuditProgramme["clauses"][number]["coveredBy"]) => coveredBy.map((c) => `${c.auditId} (${c.status.replace("_", " ")} ${c.day})`).join(", ") || "NOT COVERED";
  const clauses = programme.clauses.map((c) => [c.clause, findClause(c.clause)?.title ?? "", by(c.coveredBy)]);
  const controls = programme.controls.map((c) => [c.controlId, c.title, by(c.coveredBy)]);
  const covered = programme.controls.length - programme.uncoveredControls.length;
  const lines = [
    `Internal audit programme ${programme.year} (certification cycle ${programme.cycle.from}–${programme.cycle.to})`,
    "",
    `Clauses 4–10, audited every year: in ${programme.year}`,
    table(["clause", "title", "covered by"], clauses),
    "",
    `Annex A controls the SoA includes, each audited once in ${programme.cycle.from}–${programme.cycle.to}: ${covered} of ${programme.controls.length} covered`,
    controls.length ? table(["control", "title", "covered by"], controls) : "The SoA includes no Annex A control yet (isms soa set …).",
  ];
  if (programme.unscheduled.length) lines.push("", `Internal audits without dates, counted nowhere: ${programme.unscheduled.join(", ")}`);
  const gaps = [programme.uncoveredClauses.length ? `clauses ${programme.uncoveredClauses.join(", ")} in ${programme.year}` : null, programme.uncoveredControls.length ? `${programme.uncoveredControls.length} controls in the cycle` : null].filter((g) => g !== null);
  lines.push("", gaps.length ? `Not covered: ${gaps.join("; ")}.` : "Nothing is left uncovered.");
  if (proposals) {
    lines.push("", proposals.length ? "Proposed audits that close the gaps:" : "No audit to propose: the cycle's remaining years are covered.");
    for (const p of proposals) lines.push(`  ${p.title}, ${p.plannedStart} – ${p.plannedEnd}: ${p.scope}${p.controls.length ? ` (${p.controls.join(", ")})` : ""}`);
    if (created) lines.push("", created.length ? `Planned ${created.map((a) => `${a.id}${a.auditor ? ` (auditor ${a.auditor})` : " (auditor to be named)"}`).join(", ")}.` : "Nothing to plan.");
    else if (proposals.length) lines.push("", "Write them as planned audits with --create.");
  }
  return lines.join("\n");
}

function yearOption(text: string): number {
  if (!/^\d{4}$/.test(text)) throw new UsageError(`--year: "${text}" is not a year (write 2026)`);
  return Number(text);
}

function cycleYearsOption(text: string): number {
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1 || n > 5) throw new UsageError(`--cycle-years: "${text}" is not a whole number of years from 1 to 5`);
  return n;
}

export function registerAuditCommands(program: Command): void {
  const audit = program.command("audit").description("internal audits and their programme (9.2), and the certification body's audits");

  const programme = audit
    .command("programme")
    .description("which audit covers each of clauses 4–10 this year and each control of the SoA in the cycle; --propose a plan that closes the gaps")
    .option("--year <year>", "the year (default: this year)")
    .option("--cycle-years <n>", "years in a certification cycle (default 3)")
    .option("--propose", "print the audits that would close the gaps")
    .option("--create", "write the proposed audits as planned audits")
    .action(async (options: { year?: string; cycleYears?: string; propose?: boolean; create?: boolean }, cmd: Command) => {
      const year = options.year === undefined ? undefined : yearOption(options.year);
      const cycleYears = options.cycleYears === undefined ? undefined : cycleYearsOption(options.cycleYears);
      await withIsms(cmd, async (isms, output) => {
        const ws = await resolveWorkspace(isms.db, globalOptions(cmd).workspace);
        const report = await auditProgramme(isms.db, ws, { year, cycleYears });
        const created = options.create ? await isms.db.transaction((tx) => createProposedAudits(tx, ws, report.proposals, { actor })) : null;
        const proposals = options.propose || options.create ? report.proposals : null;
        output.data({ ...report.programme, ...(proposals ? { proposals } : {}), ...(created ? { created } : {}) }, () => programmeText(report.programme, proposals, created));
      });
    });
  withExamples(programme, "isms audit programme", "isms audit programme --year 2027 --propose", "isms audit programme --create");

  const add = withAuditOptions(audit.command("add").description("plan an audit; an internal auditor who owns what it covers is refused"))
    .option("--kind <kind>", `${auditKinds.join(", ")} (default internal)`)
    .action(async (flags: AuditFlags, cmd: Command) => {
      if (!flags.title) throw new UsageError("--title is required to add an audit");
      if (!flags.auditor && !flags.auditorPerson) throw new UsageError("--auditor is required to add an audit (a name, or a person from isms people list)");
      const kind = auditKinds.find((k): k is AuditKind => k === (flags.kind ?? "internal"));
      if (!kind) throw new UsageError(`--kind: "${flags.kind ?? ""}" is not one of ${auditKinds.join(", ")}`);
      const changes = changesFrom(flags);
      await withIsms(cmd, async (isms, output) => {
        const ws = await resolveWorkspace(isms.db, globalOptions(cmd).workspace);
        const input = { ...changes, title: flags.title ?? "", kind };
        const result = await isms.db.transaction((tx) => addAudit(tx, ws, input, { actor, overrideIndependence: flags.overrideIndependence }));
        output.data(result, () => `Planned ${result.audit.id} (${result.audit.kind}, ${dates(result.audit)}).${independenceNote(result.audit.id, result.independence)} Next: isms audit checklist ${result.audit.id} --generate`);
      });
    });
  withExamples(
    add,
    'isms audit add --title "Internal audit 2026" --scope "The ISMS and the access controls" --criteria "ISO/IEC 27001:2022; the access control policy" --auditor P-006 --start 2026-09-07 --end 2026-09-11 --clauses 4,5,6,7,8,9,10 --controls 5.15,5.18,8.5',
  );

  audit
    .command("list")
    .description("list the audits")
    .action(async (_o: unknown, cmd: Command) => {
      await withIsms(cmd, async (isms, output) => {
        const ws = await resolveWorkspace(isms.db, globalOptions(cmd).workspace);
        const all = await listAudits(isms.db, ws);
        output.data(all, () =>
          all.length ? table(["id", "kind", "status", "dates", "auditor", "title"], all.map((a) => [a.id, a.kind, a.status, dates(a), a.auditor ?? "", a.title])) : "No audits yet. Plan them with: isms audit programme --propose",
        );
      });
    });

  const show = audit
    .command("show <id>")
    .description("show an audit: scope, criteria, auditor, what it covers, its checklist results and findings")
    .action(async (id: string, _o: unknown, cmd: Command) => {
      await withIsms(cmd, async (isms, output) => {
        const ws = await resolveWorkspace(isms.db, globalOptions(cmd).workspace);
        const [a, checklist, findings, overrides] = await Promise.all([getAudit(isms.db, ws, id), loadChecklist(isms.db, ws, id), listFindings(isms.db, ws, { auditId: id }), loadIndependenceOverrides(isms.db, ws, id)]);
        output.data({ ...a, checklist, findings, independenceOverrides: overrides }, () => {
          const counts = checklistResults.map((r) => `${checklist.filter((i) => i.result === r).length} ${r.replace("_", " ")}`).join(", ");
          const rows: [string, string][] = [
            ["audit", `${a.id} ${a.title}`],
            ["kind", a.kind],
            ["status", a.status],
            ["planned", dates(a)],
            ["held", [a.actualStart, a.actualEnd].filter((d) => d !== null).join(" – ") || "—"],
            ["auditor", `${a.auditor ?? "not named"}${a.auditorPerson ? ` (${a.auditorPerson})` : ""}`],
            ["scope", a.scope ?? "—"],
            ["criteria", a.criteria ?? "—"],
            ["clauses", a.clauses.join(", ") || "—"],
            ["controls", a.controls.join(", ") || "—"],
            ["report", a.reportRef ?? "—"],
            ["checklist", checklist.length ? counts : "not generated"],
            ["findings", findings.map((f) => `${f.id} ${f.kind.replace("_", " ")} on ${f.requirement ?? "?"} (${f.status})`).join("; ") || "none"],
          ];
          for (const o of overrides) rows.push(["independence", `conflicts of ${o.auditor} kept on ${o.at.toISOString().slice(0, 10)}: ${o.conflicts.join("; ")}; reason: ${o.reason}`]);
          return rows.map(([k, v]) => `${k.padEnd(13)} ${v}`).join("\n");
        });
      });
    });
  withExamples(show, "isms audit show AUD-001");

  const edit = withAuditOptions(audit.command("edit <id>").description("change an audit; a new auditor, clauses or controls are checked for independence again")).action(
    async (id: string, flags: AuditFlags, cmd: Command) => {
      const changes = changesFrom(flags);
      if (Object.keys(changes).length === 0) throw new UsageError("Say what to change, e.g. --start 2026-09-14");
      await withIsms(cmd, async (isms, output) => {
        const ws = await resolveWorkspace(isms.db, globalOptions(cmd).workspace);
        const result = await isms.db.transaction((tx) => editAudit(tx, ws, id, changes, { actor, overrideIndependence: flags.overrideIndependence }));
        output.data(result, () => `Changed ${id}.${independenceNote(id, result.independence)}`);
      });
    },
  );
  withExamples(edit, "isms audit edit AUD-001 --auditor P-006", "isms audit edit AUD-001 --controls 5.15,8.5 --override-independence 'Only auditor available; second review by the CEO'");

  const start = audit
    .command("start <id>")
    .description("the audit begins")
    .option("--on <date>", "its first day (default today)")
    .action(async (id: string, options: { on?: string }, cmd: Command) => {
      const on = options.on === undefined ? undefined : dayOption("--on", options.on);
      await withIsms(cmd, async (isms, output) => {
        const ws = await resolveWorkspace(isms.db, globalOptions(cmd).workspace);
        const a = await isms.db.transaction((tx) => startAudit(tx, ws, id, { on }, { actor }));
        output.data(a, () => `${id} in progress since ${a.actualStart ?? "?"}. Record the checks: isms audit check ${id} <requirement> --sampled … --observed … --result …`);
      });
    });
  withExamples(start, "isms audit start AUD-001", "isms audit start AUD-001 --on 2026-09-07");

  const complete = audit
    .command("complete <id>")
    .description("the audit ends: every checklist line needs a result")
    .option("--on <date>", "its last day (default today)")
    .option("--report <ref>", "where its report is (9.2.2)")
    .action(async (id: string, options: { on?: string; report?: string }, cmd: Command) => {
      const on = options.on === undefined ? undefined : dayOption("--on", options.on);
      await withIsms(cmd, async (isms, output) => {
        const ws = await resolveWorkspace(isms.db, globalOptions(cmd).workspace);
        const a = await isms.db.transaction((tx) => completeAudit(tx, ws, id, { on, reportRef: options.report }, { actor }));
        output.data(a, () => `${id} completed on ${a.actualEnd ?? "?"}${a.reportRef ? `, report ${a.reportRef}` : " (no report recorded: add one with --report)"}.`);
      });
    });
  withExamples(complete, "isms audit complete AUD-001 --report reports/internal-audit-2026.pdf");

  const checklist = audit
    .command("checklist <id>")
    .description("show the audit's checklist; --generate adds a line per clause and control it covers")
    .option("--generate", "add the missing lines")
    .action(async (id: string, options: { generate?: boolean }, cmd: Command) => {
      await withIsms(cmd, async (isms, output) => {
        const ws = await resolveWorkspace(isms.db, globalOptions(cmd).workspace);
        const generated = options.generate ? await isms.db.transaction((tx) => generateChecklist(tx, ws, id, { actor })) : null;
        const items = generated?.checklist ?? (await loadChecklist(isms.db, ws, id));
        output.data(items, () => {
          if (items.length === 0) return `${id} has no checklist yet. Create it with: isms audit checklist ${id} --generate`;
          return `${generated ? `Added ${generated.added} line${generated.added === 1 ? "" : "s"}.\n` : ""}${checklistTable(items)}`;
        });
      });
    });
  withExamples(checklist, "isms audit checklist AUD-001 --generate", "isms audit checklist AUD-001 --json");

  const check = audit
    .command("check <id> <requirement>")
    .description("record what was sampled and observed for one clause or control of the checklist, and the verdict")
    .requiredOption("--sampled <text>", "what the auditor looked at")
    .requiredOption("--observed <text>", "what they saw")
    .requiredOption("--result <result>", "conforming, nonconforming or observation")
    .option("--evidence <refs>", "evidence seen, comma-separated (E-001,tickets/123)")
    .action(async (id: string, requirement: string, options: { sampled: string; observed: string; result: string; evidence?: string }, cmd: Command) => {
      const result = checklistResults.find((r): r is ChecklistResult => r === options.result && r !== "not_checked");
      if (!result) throw new UsageError(`--result: "${options.result}" is not one of conforming, nonconforming, observation`);
      await withIsms(cmd, async (isms, output) => {
        const ws = await resolveWorkspace(isms.db, globalOptions(cmd).workspace);
        const input = { sampled: options.sampled, observed: options.observed, result, ...(options.evidence !== undefined ? { evidenceRefs: list(options.evidence) } : {}) };
        const item = await isms.db.transaction((tx) => recordCheck(tx, ws, id, requirement, input, { actor }));
        const next = result === "nonconforming" ? ` Raise the nonconformity: isms finding add --audit ${id} --kind minor_nonconformity --requirement ${item.requirement} --description "…"` : "";
        output.data(item, () => `${id} ${item.requirement}: ${result}.${next}`);
      });
    });
  withExamples(check, 'isms audit check AUD-001 A.5.15 --sampled "3 leavers of May" --observed "Access removed within a day" --result conforming --evidence E-014');
}
