// Audits as use cases (9.2): plan one with its scope, criteria, dates and auditor, refuse an auditor who
// is not independent of what it covers unless the override is recorded, start and complete it.
import { and, eq } from "drizzle-orm";
import { z } from "zod";
import { isControlId } from "../../catalog/annex-a.js";
import { findClause } from "../../catalog/clauses.js";
import { auditKinds } from "../../domain/audit/audit.js";
import { isCalendarDay } from "../../domain/audit/days.js";
import { describeConflicts, independenceConflicts, type IndependenceConflict, type IndependenceInput } from "../../domain/audit/independence.js";
import { InvalidInputError, IsmsError } from "../../domain/errors.js";
import { isoDay } from "../../domain/risk/calendar.js";
import type { Db, Tx } from "../../store/open.js";
import { audits, controlImplementations, documents, people, risks } from "../../store/schema/index.js";
import { appendAuditLog } from "../audit-log.js";
import { nextId } from "../entries.js";
import { loadPersonDirectory } from "../people.js";
import type { Workspace } from "../workspaces.js";
import { getAudit, independenceOverrideAction, loadChecklist, type Audit } from "./records.js";

export interface AuditContext {
  actor: string;
  /** The day things happen on, "YYYY-MM-DD"; default today. */
  today?: string;
}

const day = z.string().refine(isCalendarDay, "write the date as YYYY-MM-DD");
const text = z.string().trim().min(1);

export const auditInputSchema = z.object({
  title: text,
  kind: z.enum(auditKinds).default("internal"),
  scope: text.nullish(),
  criteria: text.nullish(),
  /** The auditor's name; a person's id or name when they are in the people register. */
  auditor: text.nullish(),
  /** The auditor as a person of the register (id or name), when they are in it. */
  auditorPerson: text.nullish(),
  plannedStart: day.nullish(),
  plannedEnd: day.nullish(),
  clauses: z.array(z.string().refine((c) => findClause(c)?.id === c, "not a clause of ISO/IEC 27001 (write 4.3, 9.2)")).default([]),
  controls: z.array(z.string().refine(isControlId, "not an Annex A control (write 5.15)")).default([]),
  reportRef: text.nullish(),
});
export type AuditInput = z.input<typeof auditInputSchema>;

export interface IndependenceOutcome {
  conflicts: IndependenceConflict[];
  /** The reason recorded for keeping the auditor despite the conflicts; null when there were none. */
  overridden: string | null;
}

/** Who owns what in the workspace: the SoA's control owners, documents and risks with their controls. */
export async function loadOwnership(db: Db, workspace: Workspace): Promise<Omit<IndependenceInput, "auditor" | "clauses" | "controls">> {
  const [controlOwners, documentRows, riskRows] = await Promise.all([
    db.select({ controlId: controlImplementations.controlId, owner: controlImplementations.owner }).from(controlImplementations).where(eq(controlImplementations.workspaceId, workspace.id)),
    db.select({ id: documents.id, title: documents.title, owner: documents.owner, controls: documents.controls }).from(documents).where(eq(documents.workspaceId, workspace.id)),
    db.select({ id: risks.id, title: risks.title, owner: risks.owner, controlIds: risks.controlIds, status: risks.status }).from(risks).where(eq(risks.workspaceId, workspace.id)),
  ]);
  return { controlOwners, documents: documentRows, risks: riskRows };
}

/**
 * Refuses an internal audit whose auditor (a person of the register) owns the ISMS, a control, a
 * document or a risk it covers, naming each conflict; with `override` the audit goes ahead and the
 * reason is kept in the audit log.
 */
async function checkIndependence(tx: Tx, workspace: Workspace, audit: Audit, override: string | undefined, context: AuditContext): Promise<IndependenceOutcome> {
  if (audit.kind !== "internal" || !audit.auditorPerson) return { conflicts: [], overridden: null };
  const [auditor] = await tx.select({ id: people.id, name: people.name, ismsRoles: people.ismsRoles }).from(people).where(and(eq(people.workspaceId, workspace.id), eq(people.id, audit.auditorPerson)));
  if (!auditor) throw new IsmsError(`No person ${audit.auditorPerson} in this workspace`, "List them with: isms people list");
  const conflicts = independenceConflicts({ auditor, clauses: audit.clauses, controls: audit.controls, ...(await loadOwnership(tx, workspace)) });
  if (conflicts.length === 0) return { conflicts, overridden: null };
  const reason = override?.trim();
  if (!reason) {
    throw new IsmsError(describeConflicts(auditor, audit.id, conflicts), 'Choose an auditor who does not own what the audit covers, narrow the audit, or keep this auditor with --override-independence "why"');
  }
  const record = { auditor: auditor.id, reason, conflicts: conflicts.map((c) => c.reason) };
  await appendAuditLog(tx, { workspaceId: workspace.id, actor: context.actor, action: independenceOverrideAction, entityType: "audits", entityId: audit.id, before: null, after: record });
  return { conflicts, overridden: reason };
}

/**
 * The auditor's name and register entry: the person `auditorPerson` names (keeping `auditor` as the
 * name shown), or the person `auditor` names by id, name or email (shown by their name), or an
 * outside auditor who is only a name.
 */
async function resolveAuditor(db: Db, workspace: Workspace, auditor: string | null | undefined, auditorPerson: string | null | undefined) {
  const directory = await loadPersonDirectory(db, workspace);
  const personId = auditorPerson ? directory.get(auditorPerson, "auditor person") : auditor ? (directory.find(auditor) ?? null) : null;
  if (!personId || (auditor && auditorPerson)) return { auditor: auditor ?? null, auditorPerson: personId };
  const [person] = await db.select({ name: people.name }).from(people).where(and(eq(people.workspaceId, workspace.id), eq(people.id, personId)));
  return { auditor: person?.name ?? personId, auditorPerson: personId };
}

function validDates(audit: Pick<Audit, "id" | "plannedStart" | "plannedEnd">): void {
  if (audit.plannedStart && audit.plannedEnd && audit.plannedEnd < audit.plannedStart) {
    throw new IsmsError(`${audit.id}: it cannot end (${audit.plannedEnd}) before it starts (${audit.plannedStart})`, "Give an end date on or after the start");
  }
}

function parsed<T>(source: string, result: z.ZodSafeParseResult<T>): T {
  if (!result.success) throw new InvalidInputError(source, result.error.issues.map((i) => ({ path: i.path.map(String).join("."), message: i.message })));
  return result.data;
}

function coversSomething(audit: Pick<Audit, "kind" | "clauses" | "controls">): void {
  if (audit.kind === "internal" && audit.clauses.length === 0 && audit.controls.length === 0) {
    throw new IsmsError("An internal audit needs the clauses or controls it covers", "Give them with --clauses 4,5,6,7,8,9,10 and/or --controls 5.15,8.5");
  }
}

const unique = (ids: readonly string[]) => [...new Set(ids)];

export async function addAudit(tx: Tx, workspace: Workspace, input: AuditInput, context: AuditContext & { overrideIndependence?: string }): Promise<{ audit: Audit; independence: IndependenceOutcome }> {
  const values = parsed("new audit", auditInputSchema.safeParse(input));
  const existing = await tx.select({ id: audits.id }).from(audits).where(eq(audits.workspaceId, workspace.id));
  const id = nextId("AUD", existing.map((a) => a.id));
  const auditor = await resolveAuditor(tx, workspace, values.auditor, values.auditorPerson);
  const audit: Audit = {
    id,
    kind: values.kind,
    title: values.title,
    scope: values.scope ?? null,
    criteria: values.criteria ?? null,
    ...auditor,
    plannedStart: values.plannedStart ?? null,
    plannedEnd: values.plannedEnd ?? null,
    status: "planned",
    reportRef: values.reportRef ?? null,
    clauses: unique(values.clauses),
    controls: unique(values.controls),
    actualStart: null,
    actualEnd: null,
    cycleId: null,
  };
  validDates(audit);
  coversSomething(audit);
  await tx.insert(audits).values({ ...audit, workspaceId: workspace.id });
  await appendAuditLog(tx, { workspaceId: workspace.id, actor: context.actor, action: "audits.add", entityType: "audits", entityId: id, before: null, after: audit });
  const independence = await checkIndependence(tx, workspace, audit, context.overrideIndependence, context);
  return { audit, independence };
}

export type AuditChanges = Partial<Omit<AuditInput, "kind">>;

/** Changes an audit; a change of auditor, clauses or controls is checked for independence again. */
export async function editAudit(tx: Tx, workspace: Workspace, id: string, changes: AuditChanges, context: AuditContext & { overrideIndependence?: string }): Promise<{ audit: Audit; independence: IndependenceOutcome }> {
  const before = await getAudit(tx, workspace, id);
  const given = Object.fromEntries(Object.entries(changes).filter(([, value]) => value !== undefined));
  const merged = parsed(`audit ${id}`, auditInputSchema.omit({ kind: true }).safeParse({ ...before, ...given }));
  const auditorChanged = changes.auditor !== undefined || changes.auditorPerson !== undefined;
  const auditor = auditorChanged ? await resolveAuditor(tx, workspace, changes.auditor ?? (changes.auditorPerson ? null : before.auditor), changes.auditorPerson) : { auditor: before.auditor, auditorPerson: before.auditorPerson };
  const audit: Audit = {
    ...before,
    title: merged.title,
    scope: merged.scope ?? null,
    criteria: merged.criteria ?? null,
    ...auditor,
    plannedStart: merged.plannedStart ?? null,
    plannedEnd: merged.plannedEnd ?? null,
    reportRef: merged.reportRef ?? null,
    clauses: unique(merged.clauses),
    controls: unique(merged.controls),
  };
  validDates(audit);
  coversSomething(audit);
  await tx.update(audits).set(audit).where(and(eq(audits.workspaceId, workspace.id), eq(audits.id, id)));
  await appendAuditLog(tx, { workspaceId: workspace.id, actor: context.actor, action: "audits.edit", entityType: "audits", entityId: id, before, after: audit });
  const coverageChanged = auditorChanged || changes.clauses !== undefined || changes.controls !== undefined;
  const independence = coverageChanged ? await checkIndependence(tx, workspace, audit, context.overrideIndependence, context) : { conflicts: [], overridden: null };
  return { audit, independence };
}

async function setStatus(tx: Tx, workspace: Workspace, before: Audit, after: Audit, action: string, context: AuditContext): Promise<Audit> {
  await tx.update(audits).set(after).where(and(eq(audits.workspaceId, workspace.id), eq(audits.id, before.id)));
  await appendAuditLog(tx, { workspaceId: workspace.id, actor: context.actor, action, entityType: "audits", entityId: before.id, before, after });
  return after;
}

/** The audit begins: in progress from `on` (default today). */
export async function startAudit(tx: Tx, workspace: Workspace, id: string, options: { on?: string }, context: AuditContext): Promise<Audit> {
  const before = await getAudit(tx, workspace, id);
  if (before.status !== "planned") throw new IsmsError(`${id} is ${before.status.replace("_", " ")}; only a planned audit can start`, `See it with: isms audit show ${id}`);
  const on = options.on ?? context.today ?? isoDay(new Date());
  return setStatus(tx, workspace, before, { ...before, status: "in_progress", actualStart: on }, "audits.start", context);
}

/**
 * The audit ends on `on` (default today), with its report. Refuses while a line of its checklist has
 * no result: the results are what 9.2.2 asks to report.
 */
export async function completeAudit(tx: Tx, workspace: Workspace, id: string, options: { on?: string; reportRef?: string }, context: AuditContext): Promise<Audit> {
  const before = await getAudit(tx, workspace, id);
  if (before.status !== "in_progress") {
    const hint = before.status === "planned" ? `Start it first: isms audit start ${id}` : `See it with: isms audit show ${id}`;
    throw new IsmsError(`${id} is ${before.status.replace("_", " ")}; only an audit in progress can be completed`, hint);
  }
  const on = options.on ?? context.today ?? isoDay(new Date());
  if (before.actualStart && on < before.actualStart) throw new IsmsError(`${id} started on ${before.actualStart} and cannot end on ${on}`, "Give an end date on or after the start");
  const unchecked = (await loadChecklist(tx, workspace, id)).filter((item) => item.result === "not_checked");
  if (unchecked.length > 0) {
    const first = unchecked.slice(0, 5).map((i) => i.requirement).join(", ");
    throw new IsmsError(
      `${id} has ${unchecked.length} checklist line${unchecked.length === 1 ? "" : "s"} without a result (${first}${unchecked.length > 5 ? ", …" : ""})`,
      `Record each with: isms audit check ${id} <requirement> --sampled "…" --observed "…" --result conforming|nonconforming|observation`,
    );
  }
  const reportRef = options.reportRef?.trim() || before.reportRef;
  return setStatus(tx, workspace, before, { ...before, status: "completed", actualEnd: on, reportRef }, "audits.complete", context);
}
