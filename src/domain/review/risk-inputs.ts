// 9.3.2 f) and g) from the data: where the risks stand and how the treatment plan is going; what the
// audits and the corrective actions say could be improved.
import { closedCorrectiveActionStatuses } from "../../readiness/vocabulary.js";
import type { ReviewData } from "./data.js";
import type { PreparedInput } from "./model.js";
import { closedFindingStatuses } from "./performance.js";
import { counted, withIds } from "./wording.js";

type Input = Omit<PreparedInput, "ref" | "title">;

const finishedTreatmentStatuses: readonly string[] = ["done", "cancelled"];

/** f) Results of risk assessment and status of the risk treatment plan (6.1.2, 6.1.3, 8.2, 8.3). */
export function riskInput(data: ReviewData): Input {
  const open = data.risks.filter((r) => r.status !== "closed");
  const byBand: Record<string, number> = {};
  for (const band of [...data.bands].reverse()) byBand[band] = 0;
  for (const r of open) if (r.band !== null) byBand[r.band] = (byBand[r.band] ?? 0) + 1;
  const unscored = open.filter((r) => r.score === null).map((r) => r.id);
  const undecided = open.filter((r) => r.decision === null).map((r) => r.id);
  const awaitingApproval = open.filter((r) => r.decision !== null && !r.planApproved).map((r) => r.id);
  const actions = data.treatmentActions;
  const done = actions.filter((a) => a.status === "done").length;
  const unfinished = actions.filter((a) => !finishedTreatmentStatuses.includes(a.status));
  const overdue = unfinished.filter((a) => a.dueDate !== null && a.dueDate < data.on).map((a) => a.id);
  const bands = Object.entries(byBand)
    .filter(([, n]) => n > 0)
    .map(([band, n]) => `${n} ${band}`)
    .join(", ");
  const summary =
    `${counted(open.length, "open risk")}${bands ? ` (${bands})` : ""}` +
    (unscored.length ? `, ${unscored.length} not yet scored${withIds(unscored)}` : "") +
    `; ${undecided.length} without a treatment decision${withIds(undecided)}; ${awaitingApproval.length} awaiting the owner's approval of the plan. ` +
    `Treatment plan: ${done} of ${counted(actions.length, "action")} done, ${unfinished.length} in hand${overdue.length ? `, ${overdue.length} overdue${withIds(overdue)}` : ", none overdue"}.`;
  return {
    summary,
    figures: {
      openRisks: open.length,
      byBand,
      unscored,
      undecided,
      awaitingPlanApproval: awaitingApproval,
      treatmentPlan: { actions: actions.length, done, unfinished: unfinished.length, overdue },
    },
  };
}

/** g) Opportunities for continual improvement (10.1): open observations and opportunities, ineffective corrective actions. */
export function improvementInput(data: ReviewData): Input {
  const open = data.findings.filter((f) => (f.kind === "opportunity" || f.kind === "observation") && !closedFindingStatuses.includes(f.status));
  const opportunities = open.filter((f) => f.kind === "opportunity");
  const observations = open.filter((f) => f.kind === "observation");
  const ineffective = data.correctiveActions.filter((a) => a.effective === false).map((a) => a.id);
  const reopened = data.correctiveActions.filter((a) => a.effective === false && closedCorrectiveActionStatuses.includes(a.status)).map((a) => a.id);
  const summary =
    `${counted(opportunities.length, "open opportunity for improvement", "open opportunities for improvement")}${withIds(opportunities.map((f) => f.id))} and ` +
    `${counted(observations.length, "open observation")}${withIds(observations.map((f) => f.id))} from audits; ` +
    `${counted(ineffective.length, "corrective action")} judged not effective${withIds(ineffective)}` +
    (reopened.length ? `, ${reopened.length} of them still marked closed` : "") +
    ".";
  return {
    summary,
    figures: {
      opportunities: opportunities.map((f) => ({ id: f.id, audit: f.auditId, requirement: f.requirement, description: f.description })),
      observations: observations.map((f) => ({ id: f.id, audit: f.auditId, requirement: f.requirement, description: f.description })),
      ineffectiveCorrectiveActions: ineffective,
    },
  };
}
