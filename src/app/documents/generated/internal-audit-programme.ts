// Internal Audit Programme and Reports (9.2.1, 9.2.2; A.5.35), generated from the audits register: the
// internal audits planned and done, their findings, and which clauses the last twelve months covered.
import { and, eq, inArray } from "drizzle-orm";
import { clauses, findClause } from "../../../catalog/clauses.js";
import { addMonths, isoDay } from "../../../domain/risk/calendar.js";
import { internalAuditKind } from "../../../readiness/vocabulary.js";
import type { PdfBlock } from "../../../reports/pdf.js";
import { auditFindings, audits, people } from "../../../store/schema/index.js";
import { compareIds } from "../../registers.js";
import { defineGeneratedDocument } from "./types.js";

interface Audit {
  id: string;
  title: string;
  scope: string | null;
  auditor: string | null;
  plannedStart: string | null;
  plannedEnd: string | null;
  status: string;
  reportRef: string | null;
}

interface Finding {
  id: string;
  auditId: string;
  kind: string;
  requirement: string | null;
  description: string;
  status: string;
}

interface AuditProgrammeData {
  asOf: string;
  /** Names of the people an auditor field may name by id. */
  people: { id: string; name: string }[];
  audits: Audit[];
  findings: Finding[];
}

const paragraph = (text: string): PdfBlock => ({ kind: "paragraph", text });
const table = (header: string[], rows: string[][]): PdfBlock => ({ kind: "table", header, rows });

const auditDay = (a: Audit): string | null => a.plannedEnd ?? a.plannedStart;
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
    const [auditRows, personRows] = await Promise.all([
      db.select().from(audits).where(and(eq(audits.workspaceId, workspaceId), eq(audits.kind, internalAuditKind))),
      db.select({ id: people.id, name: people.name }).from(people).where(eq(people.workspaceId, workspaceId)),
    ]);
    const auditIds = auditRows.map((a) => a.id);
    const findingRows = auditIds.length
      ? await db.select().from(auditFindings).where(and(eq(auditFindings.workspaceId, workspaceId), inArray(auditFindings.auditId, auditIds)))
      : [];
    return {
      asOf: isoDay(context.at),
      people: personRows.sort((a, b) => compareIds(a.id, b.id)),
      audits: auditRows
        .map((a) => ({ id: a.id, title: a.title, scope: a.scope, auditor: a.auditor, plannedStart: a.plannedStart, plannedEnd: a.plannedEnd, status: a.status, reportRef: a.reportRef }))
        .sort((a, b) => compareIds(a.id, b.id)),
      findings: findingRows
        .map((f) => ({ id: f.id, auditId: f.auditId, kind: f.kind, requirement: f.requirement, description: f.description, status: f.status }))
        .sort((a, b) => compareIds(a.id, b.id)),
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

    const programme: PdfBlock[] = data.audits.length
      ? [
          paragraph("Every internal audit on record, planned or done, with the dates it was planned for."),
          table(
            ["Audit", "Dates", "Scope", "Auditor", "Status", "Report"],
            data.audits.map((a) => [`${a.title} (${a.id})`, datesText(a), a.scope ?? "—", auditorText(a.auditor), a.status, a.reportRef ?? "—"]),
          ),
        ]
      : [paragraph("No internal audit has been recorded yet.")];

    const findings: PdfBlock[] = data.audits.flatMap((a) => {
      const own = data.findings.filter((f) => f.auditId === a.id);
      if (own.length === 0) return [paragraph(`${a.title} (${a.id}): no finding recorded.`)];
      return [
        paragraph(`${a.title} (${a.id}): ${own.length} finding${own.length === 1 ? "" : "s"}.`),
        table(["Finding", "Kind", "Requirement", "Description", "Status"], own.map((f) => [f.id, kindLabel(f.kind), f.requirement ?? "—", f.description, f.status])),
      ];
    });

    const yearAgo = addMonths(data.asOf, -12);
    const recent = auditsBetween(data, yearAgo, data.asOf);
    const coverage = clauses
      .filter((c) => c.level === 1)
      .map((clause) => {
        const by = recent.flatMap((a) => {
          const fromScope = mainClausesNamed(a.scope ?? "").has(clause.id) ? [a.id] : [];
          const fromFindings = data.findings.filter((f) => f.auditId === a.id && mainClausesNamed(f.requirement ?? "").has(clause.id)).map((f) => f.id);
          return [...fromScope, ...fromFindings];
        });
        return [`${clause.id} ${clause.title}`, by.length ? "yes" : "no", by.join(", ") || "—"];
      });

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
        { heading: "2. Findings", blocks: findings.length ? findings : [paragraph("No finding has been recorded.")] },
        {
          heading: "3. Coverage of clauses 4 to 10",
          blocks: [
            paragraph(
              `A clause counts as covered when an internal audit dated from ${yearAgo} to ${data.asOf} (and not cancelled) names it in its scope, ` +
                'by number, by one of its sub-clauses ("6.1.2") or in a range ("4–10"), or has a finding against it. ' +
                "A scope described in words alone is not counted: write the clause numbers into the audit's scope.",
            ),
            table(["Clause", "Covered", "By"], coverage),
          ],
        },
      ],
    };
  },
});
