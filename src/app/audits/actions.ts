// Corrective actions (10.2): for a finding, the correction, the root cause and the action on it, with
// an owner and a due date; closed only with evidence, then reviewed for effectiveness, and reopened
// when it did not work. A finding closes when all its actions are closed.
import { and, eq } from "drizzle-orm";
import { isNonconformity } from "../../domain/audit/audit.js";
import { isCalendarDay } from "../../domain/audit/days.js";
import { IsmsError } from "../../domain/errors.js";
import { isoDay } from "../../domain/risk/calendar.js";
import type { Db, Tx } from "../../store/open.js";
import { auditFindings, correctiveActions } from "../../store/schema/index.js";
import { appendAuditLog } from "../audit-log.js";
import { nextId } from "../entries.js";
import { loadPersonDirectory } from "../people.js";
import type { Workspace } from "../workspaces.js";
import type { AuditContext } from "./audits.js";
import { getCorrectiveAction, getFinding, listCorrectiveActions, type CorrectiveAction } from "./records.js";

export interface CorrectiveActionInput {
  findingId: string;
  /** What was done at once to contain the nonconformity and deal with its consequences (10.2 a). */
  correction?: string;
  /** Why it happened (10.2 b). */
  rootCause?: string;
  /** What removes the cause so that it does not recur (10.2 c). */
  action: string;
  /** A person's id or name. */
  owner: string;
  dueDate: string;
}

const today = (context: AuditContext) => context.today ?? isoDay(new Date());

/** How each face names a corrective action's fields in its errors: the CLI's flags by default, an API body's fields. */
export interface ActionFieldNames {
  correction: string;
  rootCause: string;
  action: string;
  owner: string;
  dueDate: string;
}
const flagNames: ActionFieldNames = { correction: "--correction", rootCause: "--root-cause", action: "--action", owner: "owner", dueDate: "due" };

function dayOf(field: string, value: string): string {
  if (!isCalendarDay(value)) throw new IsmsError(`${field}: "${value}" is not a date`, "Write it as YYYY-MM-DD");
  return value;
}

const clean = (text: string | undefined) => text?.trim() || null;

/** Open while any of its actions is open; closed once it has actions and all are closed. */
async function refreshFindingStatus(tx: Tx, workspace: Workspace, findingId: string, context: AuditContext): Promise<void> {
  const finding = await getFinding(tx, workspace, findingId);
  const actions = await listCorrectiveActions(tx, workspace, findingId);
  const status = actions.length > 0 && actions.every((a) => a.status === "closed") ? "closed" : "open";
  if (status === finding.status) return;
  await tx.update(auditFindings).set({ status }).where(and(eq(auditFindings.workspaceId, workspace.id), eq(auditFindings.id, findingId)));
  await appendAuditLog(tx, { workspaceId: workspace.id, actor: context.actor, action: "audit_findings.status", entityType: "audit_findings", entityId: findingId, before: finding, after: { ...finding, status } });
}

export async function addCorrectiveAction(tx: Tx, workspace: Workspace, input: CorrectiveActionInput, context: AuditContext & { fields?: ActionFieldNames }): Promise<CorrectiveAction> {
  const fields = context.fields ?? flagNames;
  const finding = await getFinding(tx, workspace, input.findingId);
  const correction = clean(input.correction);
  const rootCause = clean(input.rootCause);
  const description = clean(input.action);
  if (!description) throw new IsmsError(`${finding.id}: say what the corrective action does`, `Give it with ${fields.action} "…"`);
  if (isNonconformity(finding.kind) && (!correction || !rootCause)) {
    const missing = [correction ? null : `${fields.correction} (what was done at once, 10.2 a)`, rootCause ? null : `${fields.rootCause} (why it happened, 10.2 b)`].filter((m) => m !== null);
    throw new IsmsError(`${finding.id} is a nonconformity: its corrective action needs ${missing.join(" and ")}`);
  }
  const owner = (await loadPersonDirectory(tx, workspace)).get(input.owner, fields.owner);
  const dueDate = dayOf(fields.dueDate, input.dueDate);
  const existing = await tx.select({ id: correctiveActions.id }).from(correctiveActions).where(eq(correctiveActions.workspaceId, workspace.id));
  const action: CorrectiveAction = {
    id: nextId("CA", existing.map((a) => a.id)),
    findingId: finding.id,
    description,
    rootCause,
    owner,
    dueDate,
    status: "open",
    closedAt: null,
    closureEvidenceRefs: [],
    correction,
    effectivenessReviewedOn: null,
    effectivenessReviewedBy: null,
    effective: null,
    effectivenessNote: null,
  };
  await tx.insert(correctiveActions).values({ ...action, workspaceId: workspace.id });
  await appendAuditLog(tx, { workspaceId: workspace.id, actor: context.actor, action: "corrective_actions.add", entityType: "corrective_actions", entityId: action.id, before: null, after: action });
  await refreshFindingStatus(tx, workspace, finding.id, context);
  return action;
}

async function save(tx: Tx, workspace: Workspace, before: CorrectiveAction, after: CorrectiveAction, verb: string, context: AuditContext): Promise<CorrectiveAction> {
  await tx.update(correctiveActions).set(after).where(and(eq(correctiveActions.workspaceId, workspace.id), eq(correctiveActions.id, before.id)));
  await appendAuditLog(tx, { workspaceId: workspace.id, actor: context.actor, action: `corrective_actions.${verb}`, entityType: "corrective_actions", entityId: before.id, before, after });
  if (after.findingId) await refreshFindingStatus(tx, workspace, after.findingId, context);
  return after;
}

/** Closes an action on `on` (default now) with the evidence that it was done; refuses without evidence. */
export async function closeCorrectiveAction(tx: Tx, workspace: Workspace, id: string, options: { evidenceRefs: readonly string[]; on?: string }, context: AuditContext): Promise<CorrectiveAction> {
  const before = await getCorrectiveAction(tx, workspace, id);
  if (before.status === "closed") throw new IsmsError(`${id} is already closed (${before.closedAt ? isoDay(before.closedAt) : "no date"})`, `See it with: isms action show ${id}`);
  const evidence = options.evidenceRefs.map((e) => e.trim()).filter(Boolean);
  if (evidence.length === 0) throw new IsmsError(`${id} cannot be closed without closure evidence`, "Name what shows it was done with --evidence E-001,… (evidence ids, documents or tickets)");
  const closedAt = options.on ? new Date(`${dayOf("on", options.on)}T12:00:00Z`) : new Date(context.today ? `${context.today}T12:00:00Z` : Date.now());
  return save(tx, workspace, before, { ...before, status: "closed", closedAt, closureEvidenceRefs: evidence }, "close", context);
}

export interface EffectivenessReview {
  effective: boolean;
  /** A person's id or name. */
  by: string;
  note: string;
  /** Default today. */
  on?: string;
}

/**
 * Records whether a closed action worked (10.2 d). An ineffective action is opened again (and its
 * finding with it): the cause is still there.
 */
export async function reviewCorrectiveAction(tx: Tx, workspace: Workspace, id: string, review: EffectivenessReview, context: AuditContext): Promise<CorrectiveAction> {
  const before = await getCorrectiveAction(tx, workspace, id);
  if (before.status !== "closed" || !before.closedAt) {
    throw new IsmsError(`${id} is ${before.status}; its effectiveness is reviewed once it is closed`, `Close it first: isms action close ${id} --evidence E-…`);
  }
  if (before.effective === true) throw new IsmsError(`${id} was already found effective on ${before.effectivenessReviewedOn ?? "?"}`, "Raise a new finding if the problem came back");
  const note = review.note.trim();
  if (!note) throw new IsmsError(`${id}: say what the review looked at`, 'Give it with --note "…"');
  const by = (await loadPersonDirectory(tx, workspace)).get(review.by, "by");
  const on = dayOf("on", review.on ?? today(context));
  const closedOn = isoDay(before.closedAt);
  if (on < closedOn) throw new IsmsError(`${id} was closed on ${closedOn}; its review cannot be on ${on}`, "Give a date on or after the closure");
  const reviewed = { ...before, effectivenessReviewedOn: on, effectivenessReviewedBy: by, effective: review.effective, effectivenessNote: note };
  const after = review.effective ? reviewed : { ...reviewed, status: "open", closedAt: null };
  return save(tx, workspace, before, after, review.effective ? "review" : "reopen", context);
}

export interface ActionFilter {
  open?: boolean;
  /** Open and past the due date as of `today`. */
  overdue?: boolean;
  today?: string;
}

/** The corrective actions log, filtered. */
export async function correctiveActionsLog(db: Db, workspace: Workspace, filter: ActionFilter = {}): Promise<CorrectiveAction[]> {
  const day = filter.today ?? isoDay(new Date());
  return (await listCorrectiveActions(db, workspace)).filter((a) => {
    const open = a.status !== "closed";
    if (filter.open && !open) return false;
    return !filter.overdue || (open && a.dueDate !== null && a.dueDate < day);
  });
}
