// 9.3.2 d) from the data: nonconformities and corrective actions, monitoring and measurement
// results, audit results and the fulfilment of objectives, each with the trend since the last review.
import { closedCorrectiveActionStatuses, inactiveObjectiveStatuses, internalAuditKind, nonconformityKinds } from "../../readiness/vocabulary.js";
import type { ReviewData } from "./data.js";
import type { PreparedInput } from "./model.js";
import { counted, withIds } from "./wording.js";

type Input = Omit<PreparedInput, "ref" | "title">;
type Objective = ReviewData["objectives"][number];
type Finding = ReviewData["findings"][number];

/** Statuses of an audit finding that mean it is dealt with. */
export const closedFindingStatuses: readonly string[] = ["closed", "resolved", "verified"];
/** Objective statuses that say the objective was reached, whatever the last measurement. */
const achievedObjectiveStatuses: readonly string[] = ["achieved", "met"];

/**
 * Whether a measured value meets the numeric target. Higher is better unless the target's text says
 * otherwise ("at most 14 days", "fewer than 3", "< 5"): the register keeps no direction of its own.
 */
export function meetsTarget(value: number, objective: Pick<Objective, "target" | "targetValue">): boolean | null {
  if (objective.targetValue === null) return null;
  const lowerIsBetter = /\b(at most|no more than|fewer than|less than|under|below|maximum|max)\b|[<≤]/i.test(objective.target ?? "");
  return lowerIsBetter ? value <= objective.targetValue : value >= objective.targetValue;
}

export type ObjectiveStanding = "met" | "not_met" | "unmeasured" | "no_numeric_target";

export function objectiveStanding(objective: Objective): ObjectiveStanding {
  if (achievedObjectiveStatuses.includes(objective.status)) return "met";
  if (!objective.latest) return "unmeasured";
  const met = meetsTarget(objective.latest.value, objective);
  return met === null ? "no_numeric_target" : met ? "met" : "not_met";
}

const activeObjectives = (data: ReviewData) => data.objectives.filter((o) => !inactiveObjectiveStatuses.includes(o.status));

/** The audits in the period under review: after the last review (all, at the first) and not after this one. */
export function auditsInPeriod(data: ReviewData): ReviewData["audits"] {
  const since = data.previous?.heldOn ?? null;
  return data.audits.filter((a) => (a.day === null ? since === null : a.day <= data.on && (since === null || a.day > since)));
}

/** The day a finding was raised: its own, else its audit's. */
function raisedOn(data: ReviewData, finding: Finding): string | null {
  return finding.raisedOn ?? data.audits.find((a) => a.id === finding.auditId)?.day ?? null;
}

/** d) 1) Nonconformities and corrective actions. */
export function nonconformitiesInput(data: ReviewData): Input {
  const since = data.previous?.heldOn ?? null;
  const ncs = data.findings.filter((f) => nonconformityKinds.includes(f.kind));
  const open = ncs.filter((f) => !closedFindingStatuses.includes(f.status));
  const major = ncs.filter((f) => f.kind === "major_nonconformity").length;
  const raisedSince = since === null ? null : ncs.filter((f) => (raisedOn(data, f) ?? "") > since).length;
  const actions = data.correctiveActions;
  const openActions = actions.filter((a) => !closedCorrectiveActionStatuses.includes(a.status));
  const overdue = openActions.filter((a) => a.dueDate !== null && a.dueDate < data.on).map((a) => a.id);
  const actioned = new Set(actions.map((a) => a.findingId));
  const withoutAction = open.filter((f) => !actioned.has(f.id)).map((f) => f.id);
  const trend = raisedSince === null ? "" : `, ${raisedSince} raised since the last review on ${since}`;
  const nonconformities = ncs.length
    ? `${counted(ncs.length, "nonconformity", "nonconformities")} on record (${major} major, ${ncs.length - major} minor), ${open.length} open${trend}`
    : "no nonconformity on record";
  const corrective = actions.length
    ? `${counted(actions.length, "corrective action")}: ${actions.length - openActions.length} closed, ${openActions.length} open${overdue.length ? `, ${overdue.length} overdue${withIds(overdue)}` : ""}`
    : "no corrective action";
  const unactioned = withoutAction.length
    ? `; ${withoutAction.length} open nonconformit${withoutAction.length === 1 ? "y has" : "ies have"} no corrective action${withIds(withoutAction)}`
    : "";
  const summary = `${nonconformities}; ${corrective}${unactioned}.`;
  return {
    summary,
    figures: {
      nonconformities: { total: ncs.length, open: open.length, major, minor: ncs.length - major, raisedSinceLastReview: raisedSince, withoutCorrectiveAction: withoutAction },
      correctiveActions: { total: actions.length, open: openActions.length, closed: actions.length - openActions.length, overdue },
    },
  };
}

/** d) 2) Monitoring and measurement: objectives' latest measurements against target, the latest collection. */
export function monitoringInput(data: ReviewData): Input {
  const objectives = activeObjectives(data);
  const standings = objectives.map((o) => ({ objective: o, standing: objectiveStanding(o) }));
  const measured = standings.filter((s) => s.objective.latest !== null);
  const below = standings.filter((s) => s.standing === "not_met").map((s) => s.objective.id);
  const onTarget = standings.filter((s) => s.objective.latest !== null && s.standing === "met").length;
  const run = data.latestRun;
  const collection = run
    ? `the latest automated collection (${run.id}, ${run.finishedOn}) found ${run.passed} checks passing and ${run.failed} failing`
    : "no automated collection has been run";
  return {
    summary: `${objectives.length ? `${measured.length} of ${counted(objectives.length, "active objective")} measured, ${onTarget} on target, ${below.length} below${withIds(below)}` : "No active objective to measure"}; ${collection}.`,
    figures: {
      objectives: standings.map(({ objective: o, standing }) => ({
        id: o.id,
        title: o.title,
        target: o.target,
        targetValue: o.targetValue,
        unit: o.unit,
        latest: o.latest ? { measuredOn: o.latest.measuredOn, value: o.latest.value } : null,
        standing,
      })),
      latestRun: run ? { ...run } : null,
    },
  };
}

/** d) 3) Audit results: the internal and external audits of the period and their findings. */
export function auditResultsInput(data: ReviewData): Input {
  const since = data.previous?.heldOn ?? null;
  const audits = auditsInPeriod(data);
  const ids = new Set(audits.map((a) => a.id));
  const findings = data.findings.filter((f) => ids.has(f.auditId));
  const byKind: Record<string, number> = { major_nonconformity: 0, minor_nonconformity: 0, observation: 0, opportunity: 0 };
  for (const f of findings) byKind[f.kind] = (byKind[f.kind] ?? 0) + 1;
  const internal = audits.filter((a) => a.kind === internalAuditKind).length;
  const external = audits.filter((a) => a.external).length;
  const period = since === null ? "on record" : `since the last review on ${since}`;
  const kinds = [
    counted(byKind.major_nonconformity ?? 0, "major nonconformity", "major nonconformities"),
    counted(byKind.minor_nonconformity ?? 0, "minor nonconformity", "minor nonconformities"),
    counted(byKind.observation ?? 0, "observation"),
    counted(byKind.opportunity ?? 0, "opportunity for improvement", "opportunities for improvement"),
  ];
  const raised = findings.length ? `raised ${counted(findings.length, "finding")}: ${kinds.join(", ")}` : "raised no finding";
  const summary = audits.length
    ? `${counted(audits.length, "audit")} ${period}${withIds(audits.map((a) => a.id))}, ${internal} internal and ${external} by the certification body, ${raised}.`
    : `No audit ${period}.`;
  return {
    summary,
    figures: {
      since,
      audits: audits.map((a) => ({ id: a.id, kind: a.kind, title: a.title, status: a.status, day: a.day, findings: findings.filter((f) => f.auditId === a.id).length })),
      findingsByKind: byKind,
    },
  };
}

/** d) 4) Fulfilment of the information security objectives (6.2). */
export function objectivesInput(data: ReviewData): Input {
  const standings = activeObjectives(data).map((o) => ({ id: o.id, dueDate: o.dueDate, standing: objectiveStanding(o) }));
  const ids = (standing: ObjectiveStanding) => standings.filter((s) => s.standing === standing).map((s) => s.id);
  const [met, notMet, unmeasured, noTarget] = [ids("met"), ids("not_met"), ids("unmeasured"), ids("no_numeric_target")];
  const late = standings.filter((s) => s.standing !== "met" && s.dueDate !== null && s.dueDate < data.on).map((s) => s.id);
  const parts = [`${met.length} met`, `${notMet.length} not met${withIds(notMet)}`, `${unmeasured.length} not measured${withIds(unmeasured)}`];
  if (noTarget.length) parts.push(`${noTarget.length} without a numeric target${withIds(noTarget)}`);
  const summary = standings.length
    ? `${counted(standings.length, "active objective")}: ${parts.join(", ")}${late.length ? `; ${late.length} past ${late.length === 1 ? "its" : "their"} due date${withIds(late)}` : ""}.`
    : "No active information security objective is on record.";
  return { summary, figures: { active: standings.length, met, notMet, unmeasured, noNumericTarget: noTarget, pastDueDate: late } };
}
