// An audit's checklist (9.2.2): one line per clause and control in its scope, on which the auditor
// records what they sampled, what they saw, the verdict and the evidence.
import { and, eq } from "drizzle-orm";
import { checklistResults, parseRequirement, requirementRef, type ChecklistResult } from "../../domain/audit/audit.js";
import { IsmsError } from "../../domain/errors.js";
import type { Tx } from "../../store/open.js";
import { auditChecklistItems } from "../../store/schema/index.js";
import { appendAuditLog } from "../audit-log.js";
import type { Workspace } from "../workspaces.js";
import type { AuditContext } from "./audits.js";
import { getAudit, loadChecklist, type ChecklistItem } from "./records.js";

/** Adds a line for each clause and control of the audit that has none yet; returns the whole checklist. */
export async function generateChecklist(tx: Tx, workspace: Workspace, auditId: string, context: AuditContext): Promise<{ added: number; checklist: ChecklistItem[] }> {
  const audit = await getAudit(tx, workspace, auditId);
  if (audit.status === "cancelled" || audit.status === "completed") throw new IsmsError(`${auditId} is ${audit.status}; its checklist can no longer change`);
  const present = new Set((await loadChecklist(tx, workspace, auditId)).map((item) => item.requirement));
  const wanted = [
    ...audit.clauses.map((id) => requirementRef({ kind: "clause", id })),
    ...audit.controls.map((id) => requirementRef({ kind: "control", id })),
  ].filter((ref) => !present.has(ref));
  if (wanted.length === 0 && present.size === 0) {
    throw new IsmsError(`${auditId} names no clause or control to check`, `Give it some: isms audit edit ${auditId} --clauses 4,5,6 --controls 5.15`);
  }
  const rows = wanted.map((requirement) => ({ id: `${auditId}:${requirement}`, auditId, requirement, sampled: null, observed: null, result: "not_checked", evidenceRefs: [] }));
  if (rows.length > 0) {
    await tx.insert(auditChecklistItems).values(rows.map((row) => ({ ...row, workspaceId: workspace.id })));
    await appendAuditLog(tx, { workspaceId: workspace.id, actor: context.actor, action: "audit_checklist.generate", entityType: "audits", entityId: auditId, before: null, after: { added: wanted } });
  }
  return { added: rows.length, checklist: await loadChecklist(tx, workspace, auditId) };
}

export interface CheckInput {
  sampled: string;
  observed: string;
  result: ChecklistResult;
  evidenceRefs?: readonly string[];
}

/** The line of the checklist a requirement names: "9.2", "A.5.15", "5.15"; "5.2" when only one of clause and control is on it. */
function findLine(checklist: readonly ChecklistItem[], auditId: string, requirement: string): ChecklistItem {
  const parsed = parseRequirement(requirement);
  const trimmed = requirement.trim();
  const candidates = "problem" in parsed ? [trimmed, `A.${trimmed}`] : [requirementRef(parsed)];
  const lines = checklist.filter((item) => candidates.includes(item.requirement));
  const [line] = lines;
  if (lines.length === 1 && line) return line;
  if ("problem" in parsed) throw new IsmsError(`${auditId} checklist: ${parsed.problem}`);
  if (checklist.length === 0) throw new IsmsError(`${auditId} has no checklist yet`, `Create it with: isms audit checklist ${auditId} --generate`);
  throw new IsmsError(`${auditId} checklist has no line for ${requirementRef(parsed)}`, `Its lines are: ${checklist.map((i) => i.requirement).join(", ")}`);
}

/** Records what the auditor sampled and saw on one line of the checklist, and the verdict. */
export async function recordCheck(tx: Tx, workspace: Workspace, auditId: string, requirement: string, input: CheckInput, context: AuditContext): Promise<ChecklistItem> {
  const audit = await getAudit(tx, workspace, auditId);
  if (audit.status !== "in_progress") {
    const hint = audit.status === "planned" ? `Start it first: isms audit start ${auditId}` : `See it with: isms audit show ${auditId}`;
    throw new IsmsError(`${auditId} is ${audit.status.replace("_", " ")}; checks are recorded while the audit is in progress`, hint);
  }
  if (!checklistResults.includes(input.result) || input.result === "not_checked") {
    throw new IsmsError(`"${input.result}" is not a result of a check`, "Use conforming, nonconforming or observation");
  }
  const sampled = input.sampled.trim();
  const observed = input.observed.trim();
  if (!sampled || !observed) throw new IsmsError(`${auditId} ${requirement}: say what was sampled and what was observed`, 'Give --sampled "…" and --observed "…"');
  const before = findLine(await loadChecklist(tx, workspace, auditId), auditId, requirement);
  const after: ChecklistItem = { ...before, sampled, observed, result: input.result, evidenceRefs: [...(input.evidenceRefs ?? before.evidenceRefs)] };
  await tx
    .update(auditChecklistItems)
    .set(after)
    .where(and(eq(auditChecklistItems.workspaceId, workspace.id), eq(auditChecklistItems.id, before.id)));
  await appendAuditLog(tx, { workspaceId: workspace.id, actor: context.actor, action: "audit_checklist.check", entityType: "audit_checklist_items", entityId: before.id, before, after });
  return after;
}
