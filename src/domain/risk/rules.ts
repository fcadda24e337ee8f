// Rules over the risk register and treatment plan (6.1.2, 6.1.3, 8.2, 8.3): each finds what an auditor
// would raise about one risk and says what to do. Closed risks are not checked.
import { findControl, isControlId } from "../../catalog/annex-a.js";
import { addMonths, isoDay } from "./calendar.js";
import type { Methodology } from "./methodology.js";
import type { Risk, TreatmentAction } from "./risk.js";

export type FindingSeverity = "error" | "warning";

export type RiskFinding = {
  rule: RiskRuleId;
  riskId: string;
  severity: FindingSeverity;
  /** What is wrong and what to do about it. */
  message: string;
};

export type RiskRuleContext = {
  methodology: Methodology;
  /** The day the check runs, "YYYY-MM-DD" (UTC). */
  today: string;
  ownControlIds: ReadonlySet<string>;
  /** The treatment actions of the risk being checked. */
  actions: readonly TreatmentAction[];
};

export type RiskRule = {
  id: RiskRuleId;
  /** The requirement, in a sentence, with its clause. */
  requirement: string;
  check: (risk: Risk, context: RiskRuleContext) => RiskFinding[];
};

export const riskRuleIds = [
  "not-assessed",
  "risk-owner",
  "decision-required",
  "treatment-plan",
  "treatment-action-overdue",
  "plan-approval",
  "residual-acceptance",
  "review-overdue",
  "unknown-control",
] as const;
export type RiskRuleId = (typeof riskRuleIds)[number];

const finding = (rule: RiskRuleId, risk: Risk, severity: FindingSeverity, message: string): RiskFinding => ({
  rule,
  riskId: risk.id,
  severity,
  message: `${risk.id}: ${message}`,
});

function scoreLabel(methodology: Methodology, score: number): string {
  const band = methodology.bands.find((b) => b.min <= score && score <= b.max);
  return band ? `${score} (${band.label})` : `${score}`;
}

const isOpenAction = (action: TreatmentAction): boolean => action.status === "planned" || action.status === "in_progress";

/** The residual risk the owner lives with: as rated, or the inherent risk when it is tolerated unrated. */
function effectiveResidualScore(risk: Risk): number | null {
  if (risk.residualScore !== null && risk.residualScore !== undefined) return risk.residualScore;
  return risk.decision === "tolerate" ? (risk.inherentScore ?? null) : null;
}

const notAssessed: RiskRule = {
  id: "not-assessed",
  requirement: "Every identified risk is analysed: its likelihood and impact rated and scored (6.1.2 d).",
  check: (risk) =>
    risk.inherentScore === null || risk.inherentScore === undefined
      ? [finding("not-assessed", risk, "error", "has not been assessed; rate its likelihood and impact")]
      : [],
};

const riskOwner: RiskRule = {
  id: "risk-owner",
  requirement: "Every risk has a risk owner (6.1.2 c 2); a risk to treat cannot be planned or approved without one.",
  check: (risk) =>
    risk.owner
      ? []
      : [finding("risk-owner", risk, "error", "has no risk owner; name the person accountable for managing it")],
};

const decisionRequired: RiskRule = {
  id: "decision-required",
  requirement: "A risk scoring above the acceptance threshold has a treatment decision (6.1.3 a).",
  check: (risk, { methodology }) => {
    const score = risk.inherentScore;
    const threshold = methodology.acceptance.threshold;
    if (score === null || score === undefined || score <= threshold || risk.decision) return [];
    const band = methodology.bands.find((b) => b.min <= score && score <= b.max);
    const suggestion = band ? ` (its band suggests ${band.decision})` : "";
    return [
      finding(
        "decision-required",
        risk,
        "error",
        `scores ${scoreLabel(methodology, score)}, above the acceptance threshold of ${threshold}, and has no decision; ` +
          `have its risk owner choose treat, tolerate, transfer or terminate${suggestion}`,
      ),
    ];
  },
};

const treatmentPlan: RiskRule = {
  id: "treatment-plan",
  requirement: "A risk to treat names its controls and has treatment actions, each open one with a due date (6.1.3 b–e, 8.3).",
  check: (risk, { actions }) => {
    if (risk.decision !== "treat") return [];
    const findings: RiskFinding[] = [];
    if (risk.controlIds.length === 0) {
      findings.push(finding("treatment-plan", risk, "error", "is to be treated but names no control; link the controls that will reduce it"));
    }
    const live = actions.filter((a) => a.status !== "cancelled");
    if (live.length === 0) {
      findings.push(
        finding("treatment-plan", risk, "error", "is to be treated but has no treatment action; add one with an owner and a due date"),
      );
    }
    for (const action of live.filter((a) => isOpenAction(a) && !a.dueDate)) {
      findings.push(finding("treatment-plan", risk, "error", `treatment action ${action.id} has no due date; give it one`));
    }
    return findings;
  },
};

const treatmentActionOverdue: RiskRule = {
  id: "treatment-action-overdue",
  requirement: "The risk treatment plan is implemented on time (8.3).",
  check: (risk, { actions, today }) =>
    actions
      .filter((a) => isOpenAction(a) && a.dueDate && a.dueDate < today)
      .map((a) =>
        finding(
          "treatment-action-overdue",
          risk,
          "warning",
          `treatment action ${a.id} was due on ${a.dueDate ?? ""} and is not done; complete it or re-plan it with a new date`,
        ),
      ),
};

const planApproval: RiskRule = {
  id: "plan-approval",
  requirement: "The risk owner approves the risk treatment plan (6.1.3 f).",
  check: (risk) => {
    if (risk.decision !== "treat") return [];
    if (!risk.planApprovedBy) {
      return [finding("plan-approval", risk, "warning", "its treatment plan has not been approved; have the risk owner approve it")];
    }
    const findings: RiskFinding[] = [];
    if (risk.owner && risk.planApprovedBy !== risk.owner) {
      findings.push(
        finding(
          "plan-approval",
          risk,
          "warning",
          `its treatment plan was approved by ${risk.planApprovedBy}, but the risk owner is ${risk.owner}; have the risk owner approve it`,
        ),
      );
    }
    if (!risk.planApprovedAt) {
      findings.push(finding("plan-approval", risk, "warning", "its treatment plan approval has no date; record when it was approved"));
    }
    return findings;
  },
};

const residualAcceptance: RiskRule = {
  id: "residual-acceptance",
  requirement: "A residual risk above the acceptance threshold is accepted explicitly by its risk owner (6.1.3 f).",
  check: (risk, { methodology }) => {
    const residual = effectiveResidualScore(risk);
    const threshold = methodology.acceptance.threshold;
    if (residual === null || residual <= threshold) return [];
    const what = `the residual score ${scoreLabel(methodology, residual)} is above the acceptance threshold of ${threshold}`;
    if (!risk.residualAcceptedBy) {
      return [
        finding(
          "residual-acceptance",
          risk,
          "error",
          `${what} and has not been accepted; have the risk owner accept it explicitly (who and when), or reduce it further`,
        ),
      ];
    }
    const findings: RiskFinding[] = [];
    if (!risk.owner) {
      const fix = "name the owner and have them accept it";
      const by = risk.residualAcceptedBy;
      findings.push(finding("residual-acceptance", risk, "error", `${what}; it was accepted by ${by}, but the risk has no owner; ${fix}`));
    } else if (risk.residualAcceptedBy !== risk.owner) {
      findings.push(
        finding(
          "residual-acceptance",
          risk,
          "error",
          `${what}; it was accepted by ${risk.residualAcceptedBy}, but only the risk owner (${risk.owner}) can accept it`,
        ),
      );
    }
    if (!risk.residualAcceptedAt) {
      findings.push(finding("residual-acceptance", risk, "error", `${what}; its acceptance has no date; record when the owner accepted it`));
    }
    return findings;
  },
};

const reviewOverdue: RiskRule = {
  id: "review-overdue",
  requirement: "Risks are reassessed at the planned interval set by the methodology (8.2).",
  check: (risk, { methodology, today }) => {
    if (risk.inherentScore === null || risk.inherentScore === undefined) return [];
    const months = methodology.reviewFrequencyMonths;
    const dueDates = [risk.lastAssessedAt ? addMonths(isoDay(risk.lastAssessedAt), months) : null, risk.nextReview ?? null]
      .filter((d): d is string => d !== null)
      .sort();
    const due = dueDates[0];
    if (due === undefined) {
      return [finding("review-overdue", risk, "warning", "has a score but no assessment date; record when it was assessed")];
    }
    if (due >= today) return [];
    return [
      finding(
        "review-overdue",
        risk,
        "error",
        `its review was due on ${due} (the methodology asks for one every ${months} month${months === 1 ? "" : "s"}); reassess it`,
      ),
    ];
  },
};

function unknownControlMessage(id: string, where: string): string {
  const match = findControl(id);
  const hint = match ? `write it as in the standard: ${match.id}` : "use an Annex A id such as 8.24 or add it to the workspace's own controls";
  return `${where} names control '${id}', which is neither an Annex A 2022 control nor one of the workspace's own; ${hint}`;
}

const unknownControl: RiskRule = {
  id: "unknown-control",
  requirement: "Controls linked to a risk exist: an Annex A 2022 control or one of the workspace's own (6.1.3 b–c).",
  check: (risk, { actions, ownControlIds }) => {
    const known = (id: string): boolean => isControlId(id) || ownControlIds.has(id);
    return [
      ...risk.controlIds.filter((id) => !known(id)).map((id) => finding("unknown-control", risk, "error", unknownControlMessage(id, "it"))),
      ...actions.flatMap((action) =>
        action.controlIds
          .filter((id) => !known(id))
          .map((id) => finding("unknown-control", risk, "error", unknownControlMessage(id, `treatment action ${action.id}`))),
      ),
    ];
  },
};

/** The rules in the order their findings are reported for each risk. */
export const riskRules: readonly RiskRule[] = [
  notAssessed,
  riskOwner,
  decisionRequired,
  treatmentPlan,
  treatmentActionOverdue,
  planApproval,
  residualAcceptance,
  reviewOverdue,
  unknownControl,
];

export type CheckRisksOptions = { today: Date; ownControlIds?: readonly string[] };

/** Every finding of every rule over the open risks, risk by risk in the order given. */
export function checkRisks(
  methodology: Methodology,
  risks: readonly Risk[],
  actions: readonly TreatmentAction[],
  options: CheckRisksOptions,
): RiskFinding[] {
  const today = isoDay(options.today);
  const ownControlIds = new Set(options.ownControlIds ?? []);
  const actionsByRisk = new Map<string, TreatmentAction[]>();
  for (const action of actions) {
    actionsByRisk.set(action.riskId, [...(actionsByRisk.get(action.riskId) ?? []), action]);
  }
  return risks
    .filter((risk) => risk.status !== "closed")
    .flatMap((risk) => {
      const context: RiskRuleContext = { methodology, today, ownControlIds, actions: actionsByRisk.get(risk.id) ?? [] };
      return riskRules.flatMap((rule) => rule.check(risk, context));
    });
}
