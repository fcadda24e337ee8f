// Findings of an audit (9.2.2, 10.2): a nonconformity, observation or opportunity for improvement,
// raised against a clause or an Annex A control, with its evidence and the day it must be resolved by.
import { eq } from "drizzle-orm";
import { defaultFindingDueDate, findingKinds, parseRequirement, requirementRef, type FindingKind } from "../../domain/audit/audit.js";
import { isCalendarDay } from "../../domain/audit/days.js";
import { IsmsError } from "../../domain/errors.js";
import { isoDay } from "../../domain/risk/calendar.js";
import type { Tx } from "../../store/open.js";
import { auditFindings } from "../../store/schema/index.js";
import { appendAuditLog } from "../audit-log.js";
import { nextId } from "../entries.js";
import type { Workspace } from "../workspaces.js";
import type { AuditContext } from "./audits.js";
import { getAudit, type Finding } from "./records.js";

export interface FindingInput {
  auditId: string;
  kind: FindingKind;
  /** A clause ("9.2", "clause 5.2") or a control ("5.15", "A.5.2"). */
  requirement: string;
  description: string;
  evidenceRefs?: readonly string[];
  /** Default today. */
  raisedOn?: string;
  /** Default: 90 days after it was raised for a minor nonconformity of the certification body, else none. */
  dueDate?: string;
}

function dayOf(field: string, value: string): string {
  if (!isCalendarDay(value)) throw new IsmsError(`${field}: "${value}" is not a date`, "Write it as YYYY-MM-DD");
  return value;
}

/** Records a finding of an audit under way or completed. */
export async function addFinding(tx: Tx, workspace: Workspace, input: FindingInput, context: AuditContext): Promise<Finding> {
  const audit = await getAudit(tx, workspace, input.auditId);
  if (audit.status === "planned" || audit.status === "cancelled") {
    const hint = audit.status === "planned" ? `Start it first: isms audit start ${audit.id}` : "Raise it on an audit that took place";
    throw new IsmsError(`${audit.id} is ${audit.status}; findings come from an audit under way or completed`, hint);
  }
  if (!findingKinds.includes(input.kind)) throw new IsmsError(`"${input.kind}" is not a kind of finding`, `Use one of ${findingKinds.join(", ")}`);
  const requirement = parseRequirement(input.requirement);
  if ("problem" in requirement) throw new IsmsError(`requirement: ${requirement.problem}`);
  const description = input.description.trim();
  if (!description) throw new IsmsError("A finding needs a description of what was found", 'Give one with --description "…"');
  const raisedOn = dayOf("raised on", input.raisedOn ?? context.today ?? isoDay(new Date()));
  const dueDate = input.dueDate !== undefined ? dayOf("due", input.dueDate) : defaultFindingDueDate(audit.kind, input.kind, raisedOn);
  if (dueDate !== null && dueDate < raisedOn) throw new IsmsError(`due ${dueDate} is before the finding was raised (${raisedOn})`, "Give a due date on or after it");
  const existing = await tx.select({ id: auditFindings.id }).from(auditFindings).where(eq(auditFindings.workspaceId, workspace.id));
  const finding: Finding = {
    id: nextId("F", existing.map((f) => f.id)),
    auditId: audit.id,
    kind: input.kind,
    requirement: requirementRef(requirement),
    description,
    status: "open",
    evidenceRefs: [...(input.evidenceRefs ?? [])],
    raisedOn,
    dueDate,
  };
  await tx.insert(auditFindings).values({ ...finding, workspaceId: workspace.id });
  await appendAuditLog(tx, { workspaceId: workspace.id, actor: context.actor, action: "audit_findings.add", entityType: "audit_findings", entityId: finding.id, before: null, after: finding });
  return finding;
}
