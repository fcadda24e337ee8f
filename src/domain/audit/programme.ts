// The internal audit programme (9.2.2): clauses 4 to 10 audited every year, every control the SoA
// includes audited at least once in each certification cycle; what covers what, the gaps, and a plan
// of audits that closes them.
import { addDays, yearOf } from "./days.js";
import { mainClauseOf } from "./audit.js";

/** Clauses 4 to 10: the requirements of the management system, audited every year. */
export const mainClauses = ["4", "5", "6", "7", "8", "9", "10"] as const;

export interface ProgrammeAudit {
  id: string;
  title: string;
  kind: string;
  status: string;
  /** The day it is dated by: its actual start, else its planned start, else its planned end; null when unscheduled. */
  day: string | null;
  clauses: readonly string[];
  controls: readonly string[];
}

export interface ProgrammeInput {
  /** The year whose clause coverage is judged. */
  year: number;
  /** Years in a certification cycle: every included control is audited once in each. */
  cycleYears: number;
  /** A year the cycles count from (the first of a cycle): the certificate's year, or the first audit's. */
  cycleStart: number;
  audits: readonly ProgrammeAudit[];
  /** The Annex A controls the SoA includes, in catalog order. */
  includedControls: readonly { id: string; title: string }[];
}

export interface Coverage {
  auditId: string;
  title: string;
  status: string;
  day: string;
  /** For a clause: the ids the audit lists under it ("9.2", "9.3"). */
  via: readonly string[];
}

export interface AuditProgramme {
  year: number;
  cycle: { from: number; to: number };
  clauses: { clause: string; coveredBy: Coverage[] }[];
  controls: { controlId: string; title: string; coveredBy: Coverage[] }[];
  uncoveredClauses: string[];
  uncoveredControls: string[];
  /** Internal audits with no date, which count towards no year. */
  unscheduled: string[];
}

/** The years of the cycle `year` falls in. */
export function cycleOf(year: number, cycleStart: number, cycleYears: number): { from: number; to: number } {
  const from = cycleStart + Math.floor((year - cycleStart) / cycleYears) * cycleYears;
  return { from, to: from + cycleYears - 1 };
}

/** Internal audits that count: not cancelled, and dated. */
function countingAudits(audits: readonly ProgrammeAudit[]): (ProgrammeAudit & { day: string })[] {
  return audits.flatMap((a) => (a.kind === "internal" && a.status !== "cancelled" && a.day !== null ? [{ ...a, day: a.day }] : []));
}

function coverage(audit: ProgrammeAudit & { day: string }, via: readonly string[]): Coverage {
  return { auditId: audit.id, title: audit.title, status: audit.status, day: audit.day, via };
}

/** Which audit of `year` covers each of clauses 4 to 10 (listing the clause or one of its sub-clauses). */
function clauseCoverage(audits: readonly (ProgrammeAudit & { day: string })[], year: number): AuditProgramme["clauses"] {
  const ofYear = audits.filter((a) => yearOf(a.day) === year);
  return mainClauses.map((clause) => ({
    clause,
    coveredBy: ofYear.flatMap((a) => {
      const via = a.clauses.filter((c) => mainClauseOf(c) === clause);
      return via.length ? [coverage(a, via)] : [];
    }),
  }));
}

/** How the internal audits on record cover the clauses in `year` and the included controls over its cycle. */
export function assessAuditProgramme(input: ProgrammeInput): AuditProgramme {
  const audits = countingAudits(input.audits);
  const cycle = cycleOf(input.year, input.cycleStart, input.cycleYears);
  const inCycle = audits.filter((a) => yearOf(a.day) >= cycle.from && yearOf(a.day) <= cycle.to);
  const clauses = clauseCoverage(audits, input.year);
  const controls = input.includedControls.map((c) => ({
    controlId: c.id,
    title: c.title,
    coveredBy: inCycle.filter((a) => a.controls.includes(c.id)).map((a) => coverage(a, [c.id])),
  }));
  return {
    year: input.year,
    cycle,
    clauses,
    controls,
    uncoveredClauses: clauses.filter((c) => c.coveredBy.length === 0).map((c) => c.clause),
    uncoveredControls: controls.filter((c) => c.coveredBy.length === 0).map((c) => c.controlId),
    unscheduled: input.audits.filter((a) => a.kind === "internal" && a.status !== "cancelled" && a.day === null).map((a) => a.id),
  };
}

export interface ProposedAudit {
  year: number;
  title: string;
  scope: string;
  criteria: string;
  plannedStart: string;
  plannedEnd: string;
  clauses: string[];
  controls: string[];
}

export const programmeCriteria = "ISO/IEC 27001:2022 clauses 4 to 10 and Annex A as the Statement of Applicability applies it; the ISMS's own policies and procedures";

function clausesText(clauses: readonly string[]): string {
  if (clauses.length === mainClauses.length) return "clauses 4–10";
  return clauses.length === 1 ? `clause ${clauses[0] ?? ""}` : `clauses ${clauses.join(", ")}`;
}

/**
 * When a proposed audit of `year` takes place: from September, or two weeks from `today` when that is
 * later, over five days, within the year; never before `today`.
 */
function proposedDates(year: number, today: string): { plannedStart: string; plannedEnd: string } {
  const soonest = addDays(today, 14);
  const autumn = `${year}-09-01`;
  const latestStart = `${year}-12-20`;
  let start = soonest > autumn ? soonest : autumn;
  if (start > latestStart) start = today > latestStart ? today : latestStart;
  const end = addDays(start, 4);
  return { plannedStart: start, plannedEnd: end > `${year}-12-31` ? `${year}-12-31` : end };
}

/**
 * Internal audits that close the gaps of the cycle, one per year from `input.year` (never a past year)
 * to the cycle's end: the clauses not yet covered that year, and the controls not yet covered in the
 * cycle shared out evenly over those years, in catalog order.
 */
export function proposeAudits(input: ProgrammeInput, today: string): ProposedAudit[] {
  const audits = countingAudits(input.audits);
  const cycle = cycleOf(input.year, input.cycleStart, input.cycleYears);
  const first = Math.max(input.year, yearOf(today));
  if (first > cycle.to) return [];
  const years = Array.from({ length: cycle.to - first + 1 }, (_, i) => first + i);
  const remaining = [...assessAuditProgramme(input).uncoveredControls];
  return years.flatMap((year, i) => {
    const share = Math.ceil(remaining.length / (years.length - i));
    const controls = remaining.splice(0, share);
    const clauses = clauseCoverage(audits, year).filter((c) => c.coveredBy.length === 0).map((c) => c.clause);
    if (clauses.length === 0 && controls.length === 0) return [];
    const parts = [clauses.length ? `${clausesText(clauses)} of ISO/IEC 27001:2022` : null, controls.length ? `${controls.length} Annex A control${controls.length === 1 ? "" : "s"} of the SoA` : null];
    return [
      {
        year,
        title: `Internal audit ${year}`,
        scope: `The ISMS: ${parts.filter((p) => p !== null).join(", and ")}`,
        criteria: programmeCriteria,
        ...proposedDates(year, today),
        clauses,
        controls,
      },
    ];
  });
}
