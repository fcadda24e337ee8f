// The internal audit programme as a use case (9.2.2): the audits and the SoA read from the store, the
// coverage judged for a year and its certification cycle, and the proposed audits written on request.
import { eq } from "drizzle-orm";
import { annexAControls } from "../../catalog/annex-a.js";
import { internalAuditorRole } from "../../domain/audit/audit.js";
import { yearOf } from "../../domain/audit/days.js";
import { independenceConflicts } from "../../domain/audit/independence.js";
import { assessAuditProgramme, proposeAudits, type AuditProgramme, type ProgrammeInput, type ProposedAudit } from "../../domain/audit/programme.js";
import { isoDay } from "../../domain/risk/calendar.js";
import type { Db, Tx } from "../../store/open.js";
import { certificationCycles, controlImplementations, people } from "../../store/schema/index.js";
import { addAudit, loadOwnership, type AuditContext } from "./audits.js";
import { auditDay, listAudits, type Audit } from "./records.js";
import type { Workspace } from "../workspaces.js";

export interface ProgrammeOptions {
  /** Default: this year. */
  year?: number;
  /** Default 3. */
  cycleYears?: number;
  /** Default today. */
  today?: string;
}

/** SoA applicabilities that put a control in the programme: inherited controls are audited through how the provider's assurance is checked. */
const includedApplicabilities: readonly string[] = ["applicable", "inherited"];

/**
 * The first year of a certification cycle: the year the certificate was issued (or Stage 2 held),
 * else the year of the first internal audit, else `year` itself.
 */
async function cycleStartYear(db: Db, workspace: Workspace, audits: readonly Audit[], year: number): Promise<number> {
  const cycles = await db.select().from(certificationCycles).where(eq(certificationCycles.workspaceId, workspace.id));
  const certified = cycles.flatMap((c) => {
    const day = c.certificateIssued ?? c.stage2Date;
    return day ? [yearOf(day)] : [];
  });
  if (certified.length > 0) return Math.min(...certified);
  const audited = audits.flatMap((a) => {
    const day = a.kind === "internal" && a.status !== "cancelled" ? auditDay(a) : null;
    return day ? [yearOf(day)] : [];
  });
  return audited.length > 0 ? Math.min(...audited) : year;
}

export async function loadProgrammeInput(db: Db, workspace: Workspace, options: ProgrammeOptions = {}): Promise<ProgrammeInput> {
  const year = options.year ?? yearOf(options.today ?? isoDay(new Date()));
  const [audits, soaRows] = await Promise.all([
    listAudits(db, workspace),
    db.select({ controlId: controlImplementations.controlId, applicability: controlImplementations.applicability }).from(controlImplementations).where(eq(controlImplementations.workspaceId, workspace.id)),
  ]);
  const included = new Set(soaRows.filter((r) => r.applicability !== null && includedApplicabilities.includes(r.applicability)).map((r) => r.controlId));
  return {
    year,
    cycleYears: options.cycleYears ?? 3,
    cycleStart: await cycleStartYear(db, workspace, audits, year),
    audits: audits.map((a) => ({ id: a.id, title: a.title, kind: a.kind, status: a.status, day: auditDay(a), clauses: a.clauses, controls: a.controls })),
    includedControls: annexAControls.filter((c) => included.has(c.id)).map((c) => ({ id: c.id, title: c.title })),
  };
}

export interface ProgrammeReport {
  programme: AuditProgramme;
  /** The audits that would close the gaps, from the year on to the cycle's end. */
  proposals: ProposedAudit[];
}

export async function auditProgramme(db: Db, workspace: Workspace, options: ProgrammeOptions = {}): Promise<ProgrammeReport> {
  const input = await loadProgrammeInput(db, workspace, options);
  return { programme: assessAuditProgramme(input), proposals: proposeAudits(input, options.today ?? isoDay(new Date())) };
}

/**
 * Writes the proposed audits as planned internal audits, each given the first internal auditor who is
 * independent of it (none named when there is no such person).
 */
export async function createProposedAudits(tx: Tx, workspace: Workspace, proposals: readonly ProposedAudit[], context: AuditContext): Promise<Audit[]> {
  const today = context.today ?? isoDay(new Date());
  const [everyone, ownership] = await Promise.all([
    tx.select({ id: people.id, name: people.name, ismsRoles: people.ismsRoles, startDate: people.startDate, endDate: people.endDate }).from(people).where(eq(people.workspaceId, workspace.id)),
    loadOwnership(tx, workspace),
  ]);
  const auditors = everyone.filter((p) => p.ismsRoles.includes(internalAuditorRole) && (!p.endDate || p.endDate >= today));
  const created: Audit[] = [];
  for (const proposal of proposals) {
    const auditor = auditors.find((p) => independenceConflicts({ auditor: p, clauses: proposal.clauses, controls: proposal.controls, ...ownership }).length === 0);
    const { audit } = await addAudit(
      tx,
      workspace,
      {
        title: proposal.title,
        kind: "internal",
        scope: proposal.scope,
        criteria: proposal.criteria,
        auditorPerson: auditor?.id ?? null,
        plannedStart: proposal.plannedStart,
        plannedEnd: proposal.plannedEnd,
        clauses: proposal.clauses,
        controls: proposal.controls,
      },
      context,
    );
    created.push(audit);
  }
  return created;
}
