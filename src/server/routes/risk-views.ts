// What the risk routes read from the register as a whole: the methodology in force, the risks with their
// bands, the treatment actions and the rules' findings, computed once per change (workspace-views.ts);
// and from them the heat map (the matrix counts) and the risk treatment plan (6.1.3 e, 8.3).
import { currentMethodology, type MethodologyVersion } from "../../app/risk-methodology.js";
import { loadRisks, loadTreatmentActions, riskFindings } from "../../app/risks.js";
import { riskMatrix, type Risk, type TreatmentAction } from "../../domain/risk/index.js";
import { riskBody, riskRow, type RiskBody, type RiskRow } from "./risk-schemas.js";
import { workspaceView } from "./workspace-views.js";

export interface RiskRegister {
  methodology: MethodologyVersion;
  risks: Risk[];
  /** The same risks as the API answers them, and as the list's rows, made once for every request. */
  bodies: RiskBody[];
  rows: RiskRow[];
  /** The answer to a list request without filters, serialized once. */
  listJson: string;
  actions: TreatmentAction[];
}

/** The list's answer: the rows from `offset` (at most `limit` of them), and how many matched. */
export function riskList(rows: readonly RiskRow[], offset = 0, limit?: number) {
  return { risks: rows.slice(offset, limit === undefined ? undefined : offset + limit), total: rows.length };
}

export const riskRegisterView = workspaceView(async (db, ws): Promise<RiskRegister> => {
  const [methodology, risks, actions] = await Promise.all([currentMethodology(db, ws), loadRisks(db, ws), loadTreatmentActions(db, ws)]);
  const bodies = risks.map((r) => riskBody(methodology.body, r));
  const rows = bodies.map(riskRow);
  return { methodology, risks, bodies, rows, listJson: JSON.stringify(riskList(rows)), actions };
});

export const riskFindingsView = workspaceView((db, ws, asOf) => riskFindings(db, ws, asOf));

export type HeatmapKind = "inherent" | "residual";

/** The matrix counts of one side, every cell with its score and band, over the risks given. */
export function heatmap(methodology: MethodologyVersion, risks: readonly Risk[], kind: HeatmapKind) {
  const m = methodology.body;
  const matrix = riskMatrix(m, risks, kind);
  return {
    kind,
    methodologyVersion: methodology.version,
    likelihoodLevels: m.likelihood.levels.map((l) => ({ value: l.value, label: l.label })),
    impactLevels: m.impact.levels.map((l) => ({ value: l.value, label: l.label })),
    bands: m.bands.map((b) => ({ id: b.id, label: b.label, colour: b.colour, min: b.min, max: b.max })),
    cells: matrix.cells.flat().map((cell) => ({ likelihood: cell.likelihood, impact: cell.impact, score: cell.score, band: cell.band.id, count: cell.riskIds.length, riskIds: cell.riskIds })),
    unrated: matrix.unrated,
  };
}

const isLive = (a: TreatmentAction) => a.status !== "cancelled";

/** Why a risk in the plan has no plan yet; the same rule as the Risk Treatment Plan PDF (reports/risk-report.ts). */
function missingPlan(risk: Risk, actions: readonly TreatmentAction[]): string | null {
  if (!risk.decision) return "no treatment decision yet (treat, tolerate, transfer or terminate)";
  if ((risk.decision === "treat" || risk.decision === "transfer") && !actions.some(isLive)) return `to ${risk.decision}, but no treatment action yet`;
  return null;
}

/**
 * The risk treatment plan: every open risk above the acceptance threshold or to be treated, worst
 * first, with its decision, its live actions and whether its owner approved the plan and accepted the residual.
 */
export function treatmentPlan(register: RiskRegister, visible: ReadonlySet<string>) {
  const threshold = register.methodology.body.acceptance.threshold;
  const bodies = new Map(register.bodies.map((b) => [b.id, b]));
  const actionsOf = new Map<string, TreatmentAction[]>();
  for (const action of register.actions) actionsOf.set(action.riskId, [...(actionsOf.get(action.riskId) ?? []), action]);
  const inPlan = register.risks
    .filter((r) => visible.has(r.id) && r.status !== "closed" && ((r.inherentScore != null && r.inherentScore > threshold) || r.decision === "treat"))
    .sort((a, b) => (b.inherentScore ?? -1) - (a.inherentScore ?? -1) || a.id.localeCompare(b.id, "en", { numeric: true }));
  return {
    methodologyVersion: register.methodology.version,
    acceptanceThreshold: threshold,
    risks: inPlan.flatMap((risk) => {
      const body = bodies.get(risk.id);
      if (!body) return [];
      const all = actionsOf.get(risk.id) ?? [];
      const live = all.filter(isLive);
      return [
        {
          risk: body,
          actions: live.map(actionBody),
          actionsDone: live.filter((a) => a.status === "done").length,
          planApproved: risk.planApprovedBy != null,
          residualAccepted: risk.residualAcceptedBy != null,
          missing: missingPlan(risk, all),
        },
      ];
    }),
  };
}

export function actionBody(action: TreatmentAction) {
  return {
    id: action.id,
    riskId: action.riskId,
    title: action.title,
    controlIds: action.controlIds,
    owner: action.owner ?? null,
    dueDate: action.dueDate ?? null,
    status: action.status,
    evidence: action.evidence ?? null,
    completedOn: action.completedOn ?? null,
  };
}
