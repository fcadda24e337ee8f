// The timeline of a certification cycle: Stage 1 and 2, the certificate, the two surveillance audits
// due within 12 and 24 months of the certification decision, recertification before expiry, and the
// certification body's findings with the day each must be dealt with by.
import { addMonths } from "../risk/calendar.js";
import { completedAuditStatuses } from "../../readiness/vocabulary.js";
import { closedFindingStatuses } from "../review/performance.js";
import { addDays, certificateValidityMonths, findingDeadlineDays, type CertificationCycle } from "./model.js";

export interface CycleAudit {
  id: string;
  kind: string;
  title: string;
  status: string;
  plannedStart: string | null;
  plannedEnd: string | null;
  actualStart: string | null;
  actualEnd: string | null;
}

export interface CycleFinding {
  id: string;
  auditId: string;
  kind: string;
  requirement: string | null;
  description: string;
  status: string;
  raisedOn: string | null;
  dueDate: string | null;
}

/** done: it happened; scheduled: a date or an audit is set ahead; due: nothing set yet, deadline ahead; overdue: deadline passed. */
export type MilestoneState = "done" | "scheduled" | "due" | "overdue" | "not_set";

export interface Milestone {
  key: "stage1" | "stage2" | "certificate" | "surveillance1" | "surveillance2" | "recertification";
  label: string;
  /** When it happened or is planned. */
  date: string | null;
  /** The latest day it may happen on (surveillance and recertification). */
  deadline: string | null;
  state: MilestoneState;
  /** The audit record behind it. */
  auditId: string | null;
  note: string | null;
}

export interface TimelineFinding extends CycleFinding {
  auditKind: string;
  /** The finding's own due date, else the usual allowance from the day it was raised; null for observations. */
  deadline: string | null;
  deadlineSource: "recorded" | "usual" | null;
  open: boolean;
  overdue: boolean;
}

export interface CycleTimeline {
  /** The certification decision the surveillance deadlines count from: the issue date, else the Stage 2 date. */
  decision: string | null;
  expires: string | null;
  milestones: Milestone[];
  /** The certification body's audits of the cycle, by date, with how many findings each raised and left open. */
  audits: { id: string; kind: string; title: string; status: string; start: string | null; end: string | null; findings: number; open: number }[];
  findings: TimelineFinding[];
}

const auditDay = (a: CycleAudit) => a.actualStart ?? a.plannedStart ?? a.actualEnd ?? a.plannedEnd;
const auditEnd = (a: CycleAudit) => a.actualEnd ?? a.plannedEnd ?? a.actualStart ?? a.plannedStart;
const byDay = (a: CycleAudit, b: CycleAudit) => (auditDay(a) ?? "9999").localeCompare(auditDay(b) ?? "9999") || a.id.localeCompare(b.id);

/** A dated event set by hand (Stage 1 or 2, the issue): done once its day has come. */
function dated(key: Milestone["key"], label: string, date: string | null, audit: CycleAudit | undefined, today: string): Milestone {
  const day = date ?? (audit ? auditDay(audit) : null);
  const completed = audit !== undefined && completedAuditStatuses.includes(audit.status);
  const state: MilestoneState = completed || (day !== null && day <= today) ? "done" : day !== null ? "scheduled" : "not_set";
  return { key, label, date: day, deadline: null, state, auditId: audit?.id ?? null, note: null };
}

/** An audit that must take place by `deadline`. */
function due(key: Milestone["key"], label: string, deadline: string | null, audit: CycleAudit | undefined, today: string): Milestone {
  const day = audit ? auditDay(audit) : null;
  const base = { key, label, date: day, deadline, auditId: audit?.id ?? null };
  if (deadline === null) return { ...base, state: audit ? "scheduled" : "not_set", note: "no certification decision recorded yet (set --issued or --stage2)" };
  const late = day !== null && day > deadline ? `planned after its deadline ${deadline}` : null;
  if (audit && completedAuditStatuses.includes(audit.status)) return { ...base, state: "done", note: late };
  if (deadline < today) return { ...base, state: "overdue", note: audit ? `audit ${audit.id} is not recorded as completed` : null };
  return { ...base, state: audit && day !== null ? "scheduled" : "due", note: late };
}

/** The cycle's milestones and findings as they stand on `today`. `audits` are the cycle's certification audits. */
export function certificationTimeline(cycle: CertificationCycle, audits: readonly CycleAudit[], findings: readonly CycleFinding[], today: string): CycleTimeline {
  const sorted = [...audits].sort(byDay);
  const ofKind = (kind: string) => sorted.filter((a) => a.kind === kind);
  const decision = cycle.certificateIssued ?? cycle.stage2Date;
  const expires = cycle.certificateExpires ?? (cycle.certificateIssued ? addMonths(cycle.certificateIssued, certificateValidityMonths) : null);
  const [surveillance1, surveillance2] = ofKind("surveillance");
  const recertification = ofKind("recertification").at(-1);
  const milestones: Milestone[] = [
    dated("stage1", "Stage 1 audit", cycle.stage1Date, ofKind("stage1")[0], today),
    dated("stage2", "Stage 2 audit", cycle.stage2Date, ofKind("stage2")[0], today),
    { ...dated("certificate", "Certificate issued", cycle.certificateIssued, undefined, today), note: cycle.certificateNumber ? `number ${cycle.certificateNumber}` : null },
    due("surveillance1", "Surveillance audit 1", decision ? addMonths(decision, 12) : null, surveillance1, today),
    due("surveillance2", "Surveillance audit 2", decision ? addMonths(decision, 24) : null, surveillance2, today),
    due("recertification", "Recertification audit (before the certificate expires)", expires, recertification, today),
  ];
  const auditsById = new Map(audits.map((a) => [a.id, a]));
  const timelineFindings = findings
    .filter((f) => auditsById.has(f.auditId))
    .map((f): TimelineFinding => {
      const audit = auditsById.get(f.auditId);
      const raised = f.raisedOn ?? (audit ? auditEnd(audit) : null);
      const allowance = findingDeadlineDays[f.kind];
      const deadline = f.dueDate ?? (allowance !== undefined && raised !== null ? addDays(raised, allowance) : null);
      const open = !closedFindingStatuses.includes(f.status);
      return {
        ...f,
        auditKind: audit?.kind ?? "",
        deadline,
        deadlineSource: f.dueDate ? "recorded" : deadline ? "usual" : null,
        open,
        overdue: open && deadline !== null && deadline < today,
      };
    })
    .sort((a, b) => (a.deadline ?? "9999").localeCompare(b.deadline ?? "9999") || a.id.localeCompare(b.id));
  const auditList = sorted.map((a) => {
    const raised = timelineFindings.filter((f) => f.auditId === a.id);
    return { id: a.id, kind: a.kind, title: a.title, status: a.status, start: auditDay(a), end: auditEnd(a), findings: raised.length, open: raised.filter((f) => f.open).length };
  });
  return { decision, expires, milestones, audits: auditList, findings: timelineFindings };
}
