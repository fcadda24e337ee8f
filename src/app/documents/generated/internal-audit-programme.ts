// Internal Audit Programme and Reports (9.2.1, 9.2.2; A.5.35), generated from the audits register: the
// internal audits planned and done with their criteria, checklist results and findings, which clauses
// the last twelve months covered, and which controls of the SoA the certification cycle covers.
import { and, eq, inArray } from "drizzle-orm";
import { clauses, findClause } from "../../../catalog/clauses.js";
import { mainClauseOf } from "../../../domain/audit/audit.js";
import { assessAuditProgramme, type AuditProgramme } from "../../../domain/audit/programme.js";
import { addMonths, isoDay } from "../../../domain/risk/calendar.js";
import { internalAuditKind } from "../../../readiness/vocabulary.js";
import type { PdfBlock } from "../../../reports/pdf.js";
import { auditChecklistItems, auditFindings, audits, people } from "../../../store/schema/index.js";
import { loadProgrammeInput } from "../../audits/programme.js";
import { compareRequirements } from "../../audits/records.js";
import { compareIds } from "../../registers.js";
import { defineGeneratedDocument } from "./types.js";

interface Audit {
  id: string;
  title: string;
  scope: string | null;
  criteria: string | null;
  auditor: string | null;
  plannedStart: string | null;
  plannedEnd: string | null;
  actualStart: string | null;
  actualEnd: string | null;
  status: string;
  reportRef: string | null;
  clauses: string[];
  controls: string[];
}

interface ChecklistLine {
  auditId: string;
  requirement: string;
  result: string;
  sampled: string | null;
  observed: string | null;
  evidenceRefs: string[];
}

interface Finding {
  id: string;
  auditId: string;
  kind: string;
  requirement: string | null;
  description: string;
  status: string;
  dueDate: string | null;
  evidenceRefs: string[];
}

interface AuditProgrammeData {
  asOf: string;
  /** Names of the people an auditor field may name by id. */
  people: { id: string; name: string }[];
  audits: Audit[];
  checklist: ChecklistLine[];
  findings: Finding[];
  /** The controls of the SoA and the internal audits covering each in the certification cycle of `asOf`. */
  cycle: Pick<AuditProgramme, "cycle" | "controls" | "uncoveredControls">;
}

const paragraph = (text: string): PdfBlock => ({ kind: "paragraph", text });
const table = (header: string[], rows: string[][]): PdfBlock => ({ kind: "table", header, rows });

const auditDay = (a: Audit): string | null => a.actualEnd ?? a.plannedEnd ?? a.actualStart ?? a.plannedStart;
const isLive = (a: Audit): boolean => a.status !== "cancelled";

/** Internal audits dated from `from` to `to`, both included, and not cancelled. */
function auditsBetween(data: AuditProgrammeData, from: string, to: string): Audit[] {
  return data.audits.filter((a) => {
    const day = auditDay(a);
    return isLive(a) && day !== null && day >= from && day <= to;
  });
}

// A range of main clauses ("4–10", "4-10", "4 to 10"), and a single clause number ("6.1.2", "9"). Numbers
// inside a control id ("A.5.15"), a date or a longer number do not count.
const clauseRange = /(?<![\d.\-–/])([4-9]|10)\s*(?:-|–|to)\s*([4-9]|10)(?![\d.])/g;
const clauseNumber = /(?<![\d.\-–/A-Za-z])(\d{1,2}(?:\.\d{1,2}){0,2})(?!\d)/g;

/** The main clauses ("4" … "10") a text names, directly or through a sub-clause or a range. */
function mainClausesNamed(text: string): Set<string> {
  const named = new Set<string>();
  for (const [, from, to] of text.matchAll(clauseRange)) {
    for (let n = Number(from); n <= Number(to); n += 1) named.add(String(n));
  }
  for (const [, id] of text.matchAll(clauseNumber)) {
    const clause = id === undefined ? undefined : findClause(id);
    if (clause) named.add(clause.id.split(".")[0] ?? clause.id);
  }
  return named;
}

const kindLabel = (kind: string): string => kind.replaceAll("_", " ");

export const internalAuditProgrammeDocument = defineGeneratedDocument({
  id: "internal-audit-programme",
  title: "Internal Audit Programme and Reports",
  kind: "record",
  clauses: ["9.2.1", "9.2.2"],
  controls: ["5.35"],

  async load(db, context): Promise<AuditProgrammeData> {
    const workspaceId = context.workspace.id;
    const asOf = isoDay(context.at);
    const [auditRows, personRows, programmeInput] = await Promise.all([
      db.select().from(audits).where(and(eq(audits.workspaceId, workspaceId), eq(audits.kind, internalAuditKind))),
      db.select({ id: people.id, name: people.name }).from(people).where(eq(people.workspaceId, workspaceId)),
      loadProgrammeInput(db, context.workspace, { today: asOf }),
    ]);
    const auditIds = auditRows.map((a) => a.id);
    const [findingRows, checklistRows] = auditIds.length
      ? await Promise.all([
          db.select().from(auditFindings).where(and(eq(auditFindings.workspaceId, workspaceId), inArray(auditFindings.auditId, auditIds))),
          db.select().from(auditChecklistItems).where(and(eq(auditChecklistItems.workspaceId, workspaceId), inArray(auditChecklistItems.auditId, auditIds))),
        ])
      : [[], []];
    const { cycle, controls, uncoveredControls } = assessAuditProgramme(programmeInput);
    return {
      asOf,
      people: personRows.sort((a, b) => compareIds(a.id, b.id)),
      audits: auditRows
        .map((a) => ({
          id: a.id,
          title: a.title,
          scope: a.scope,
          criteria: a.criteria,
          auditor: a.auditor,
          plannedStart: a.plannedStart,
          plannedEnd: a.plannedEnd,
          actualStart: a.actualStart,
          actualEnd: a.actualEnd,
          status: a.status,
          reportRef: a.reportRef,
          clauses: a.clauses,
          controls: a.controls,
        }))
        .sort((a, b) => compareIds(a.id, b.id)),
      checklist: checklistRows
        .map((i) => ({ auditId: i.auditId, requirement: i.requirement, result: i.result, sampled: i.sampled, observed: i.observed, evidenceRefs: i.evidenceRefs }))
        .sort((a, b) => compareIds(a.auditId, b.auditId) || compareRequirements(a.requirement, b.requirement)),
      findings: findingRows
        .map((f) => ({ id: f.id, auditId: f.auditId, kind: f.kind, requirement: f.requirement, description: f.description, status: f.status, dueDate: f.dueDate, evidenceRefs: f.evidenceRefs }))
        .sort((a, b) => compareIds(a.id, b.id)),
      cycle: { cycle, controls, uncoveredControls },
    };
  },

  gaps(data) {
    const nearby = auditsBetween(data, addMonths(data.asOf, -12), addMonths(data.asOf, 12));
    return nearby.length ? [] : [`No internal audit is planned or done within 12 months of ${data.asOf}: plan the next one (date, scope, auditor).`];
  },

  render(data, context) {
    const names = new Map(data.people.map((p) => [p.id, p.name]));
    const auditorText = (auditor: string | null): string => {
      if (!auditor) return "not named";
      const name = names.get(auditor);
      return name ? `${name} (${auditor})` : auditor;
    };
    const datesText = (a: Audit): string =>
      a.plannedStart && a.plannedEnd && a.plannedStart !== a.plannedEnd ? `${a.plannedStart} – ${a.plannedEnd}` : (auditDay(a) ?? "not scheduled");
    const statusText = (a: Audit): string => {
      const held = [a.actualStart, a.actualEnd].filter((d) => d !== null).join(" – ");
      return held ? `${a.status.replaceAll("_", " ")} (held ${held})` : a.status.replaceAll("_", " ");
    };

    const programme: PdfBlock[] = data.audits.length
      ? [
          paragraph("Every internal audit on record, planned or done, with the dates it was planned for and the criteria it audits against."),
          table(
            ["Audit", "Dates", "Scope", "Criteria", "Auditor", "Status", "Report"],
            data.audits.map((a) => [`${a.title} (${a.id})`, datesText(a), a.scope ?? "—", a.criteria ?? "—", auditorText(a.auditor), statusText(a), a.reportRef ?? "—"]),
          ),
        ]
      : [paragraph("No internal audit has been recorded yet.")];

    const checklists: PdfBlock[] = data.audits.flatMap((a) => {
      const lines = data.checklist.filter((l) => l.auditId === a.id);
      if (lines.length === 0) return [];
      const counts = ["conforming", "nonconforming", "observation", "not_checked"].map((r) => `${lines.filter((l) => l.result === r).length} ${r.replace("_", " ")}`);
      return [
        paragraph(`${a.title} (${a.id}): ${lines.length} line${lines.length === 1 ? "" : "s"} checked against the criteria: ${counts.join(", ")}.`),
        table(
          ["Requirement", "Result", "Sampled", "Observed", "Evidence"],
          lines.map((l) => [l.requirement, l.result.replace("_", " "), l.sampled ?? "—", l.observed ?? "—", l.evidenceRefs.join(", ") || "—"]),
        ),
      ];
    });

    const findings: PdfBlock[] = data.audits.flatMap((a) => {
      const own = data.findings.filter((f) => f.auditId === a.id);
      if (own.length === 0) return [paragraph(`${a.title} (${a.id}): no finding recorded.`)];
      return [
        paragraph(`${a.title} (${a.id}): ${own.length} finding${own.length === 1 ? "" : "s"}.`),
        table(
          ["Finding", "Kind", "Requirement", "Description", "Status", "Due", "Evidence"],
          own.map((f) => [f.id, kindLabel(f.kind), f.requirement ?? "—", f.description, f.status, f.dueDate ?? "—", f.evidenceRefs.join(", ") || "—"]),
        ),
      ];
    });

    const yearAgo = addMonths(data.asOf, -12);
    const recent = auditsBetween(data, yearAgo, data.asOf);
    const coverage = clauses
      .filter((c) => c.level === 1)
      .map((clause) => {
        const by = recent.flatMap((a) => {
          const listed = a.clauses.some((c) => mainClauseOf(c) === clause.id) || mainClausesNamed(a.scope ?? "").has(clause.id) ? [a.id] : [];
          const fromFindings = data.findings.filter((f) => f.auditId === a.id && mainClausesNamed(f.requirement ?? "").has(clause.id)).map((f) => f.id);
          return [...listed, ...fromFindings];
        });
        return [`${clause.id} ${clause.title}`, by.length ? "yes" : "no", by.join(", ") || "—"];
      });

    const { cycle } = data;
    const covered = cycle.controls.length - cycle.uncoveredControls.length;
    const controlCoverage: PdfBlock[] = cycle.controls.length
      ? [
          paragraph(
            `The certification cycle ${cycle.cycle.from}–${cycle.cycle.to} must audit each of the ${cycle.controls.length} Annex A controls the Statement of Applicability includes at least once. ` +
              `Internal audits dated in the cycle (planned or done, not cancelled) that list a control cover it: ${covered} of ${cycle.controls.length} are covered.`,
          ),
          table(
            ["Control", "Title", "Covered by"],
            cycle.controls.map((c) => [`A.${c.controlId}`, c.title, c.coveredBy.map((by) => `${by.auditId} (${by.status.replaceAll("_", " ")}, ${by.day})`).join(", ") || "⚠ not yet"]),
          ),
        ]
      : [paragraph("The Statement of Applicability includes no Annex A control yet, so there is no control to plan audits for.")];

    return {
      title: "Internal Audit Programme and Reports",
      meta: [
        ["Organization", context.workspace.companyName],
        ["As of", data.asOf],
        ["Internal audits", String(data.audits.length)],
        ["ISO/IEC 27001:2022", "9.2.1, 9.2.2; A.5.35"],
      ],
      sections: [
        { heading: "1. Audit programme", blocks: programme },
        { heading: "2. Checklists", blocks: checklists.length ? checklists : [paragraph("No audit checklist has been recorded.")] },
        { heading: "3. Findings", blocks: findings.length ? findings : [paragraph("No finding has been recorded.")] },
        {
          heading: "4. Coverage of clauses 4 to 10",
          blocks: [
            paragraph(
              `A clause counts as covered when an internal audit dated from ${yearAgo} to ${data.asOf} (and not cancelled) lists it or one of its sub-clauses among the clauses it covers, ` +
                'or names it in its scope by number, by sub-clause ("6.1.2") or in a range ("4–10"), or has a finding against it. ' +
                "A scope described in words alone is not counted: list the clauses the audit covers.",
            ),
            table(["Clause", "Covered", "By"], coverage),
          ],
        },
        { heading: "5. Coverage of the controls in the certification cycle", blocks: controlCoverage },
      ],
    };
  },
});
