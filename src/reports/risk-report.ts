// The Risk Assessment Report (8.2) and the Risk Treatment Plan (6.1.3 e–f, 8.3) as document models for
// the PDF writer: the methodology used, band counts, heat maps, the register, and per risk its treatment.
import { findControl } from "../catalog/annex-a.js";
import {
  bandOf,
  renderMethodologyDocument,
  riskMatrix,
  type Methodology,
  type Risk,
  type RiskDecision,
  type RiskFinding,
  type TreatmentAction,
} from "../domain/risk/index.js";
import type { PdfBlock, PdfDocumentModel } from "./pdf.js";
import type { HeatmapBlock } from "./pdf-heatmap.js";
import { isoDay, personNamer, type RiskRegisterInput } from "./risk-columns.js";

export type RiskReportInput = RiskRegisterInput & {
  /** What the register's rules found (riskFindings); listed in the assessment report when given. */
  findings?: readonly RiskFinding[] | undefined;
};

type Section = PdfDocumentModel["sections"][number];

const paragraph = (text: string): PdfBlock => ({ kind: "paragraph", text });
const table = (header: string[], rows: string[][]): PdfBlock => ({ kind: "table", header, rows });
const list = (items: string[]): PdfBlock => ({ kind: "list", items });

const instant = (date: Date): string => `${date.toISOString().slice(0, 16).replace("T", " ")} UTC`;

/** The footer stamp: when the data was read and under which methodology version. */
export function riskReportStamp(input: Pick<RiskRegisterInput, "generatedAt" | "methodology">): string {
  return `data as of ${instant(input.generatedAt)}, methodology v${input.methodology.version}`;
}

function scoreText(m: Methodology, score: number | null | undefined): string {
  return score === null || score === undefined ? "not rated" : `${score} (${bandOf(m, score).label})`;
}

function approvalText(input: RiskRegisterInput): string {
  const { version, status, approvedBy, approvedAt } = input.methodology;
  const name = personNamer(input.people);
  const approval = approvedBy ? `approved by ${name(approvedBy) ?? approvedBy}${approvedAt ? ` on ${isoDay(approvedAt)}` : ""}` : "not yet approved";
  return `version ${version} (${status}), ${approval}`;
}

const byInherentScore = (a: Risk, b: Risk): number => (b.inherentScore ?? -1) - (a.inherentScore ?? -1) || a.id.localeCompare(b.id, "en", { numeric: true });

/** The methodology's sections a reader of the report needs, renumbered under section 1. */
function methodologySections(input: RiskRegisterInput): Section[] {
  const { body, version, status, approvedBy, approvedAt } = input.methodology;
  const name = personNamer(input.people);
  const document = renderMethodologyDocument(body, { version, status, approvedBy: name(approvedBy), approvedAt, companyName: input.companyName });
  const wanted = ["Risk identification", "Likelihood scale", "Impact scale and criteria", "Risk score", "Risk levels and treatment decisions", "Risk acceptance criteria"];
  const parts = document.sections
    .map((s) => ({ ...s, heading: s.heading.replace(/^\d+\.\s*/, "") }))
    .filter((s) => wanted.includes(s.heading))
    .map((s, i) => ({ heading: `1.${i + 1} ${s.heading}`, blocks: s.blocks }));
  const intro: Section = {
    heading: "1. Risk Assessment Methodology",
    blocks: [
      paragraph(
        `The risks were assessed under the Risk Assessment Methodology, ${approvalText(input)}. ` +
          "The parts of it needed to read this report follow; the methodology document holds the rest (roles, review triggers, records).",
      ),
    ],
  };
  return [intro, ...parts];
}

function heatmap(m: Methodology, risks: readonly Risk[], side: "inherent" | "residual"): HeatmapBlock {
  const matrix = riskMatrix(m, risks, side);
  return {
    kind: "heatmap",
    title: side === "inherent" ? "Inherent risk (before treatment)" : "Residual risk (after treatment)",
    likelihoodLabels: m.likelihood.levels.map((l) => l.label),
    impactLabels: m.impact.levels.map((l) => l.label),
    cells: matrix.cells.map((row) => row.map((c) => ({ count: c.riskIds.length, colour: c.band.colour }))),
  };
}

function summary(input: RiskRegisterInput): Section {
  const m = input.methodology.body;
  const risks = input.risks;
  const residualOf = (r: Risk) => r.residualScore ?? r.inherentScore;
  const inBand = (score: number | null | undefined, band: { min: number; max: number }) => score != null && score >= band.min && score <= band.max;
  const rows = [...m.bands].reverse().map((band) => [
    band.label,
    band.min === band.max ? `${band.min}` : `${band.min}–${band.max}`,
    band.decision,
    String(risks.filter((r) => inBand(r.inherentScore, band)).length),
    String(risks.filter((r) => inBand(residualOf(r), band)).length),
  ]);
  const unrated = risks.filter((r) => r.inherentScore == null).length;
  rows.push(["Not rated", "", "", String(unrated), String(unrated)]);
  const threshold = m.acceptance.threshold;
  const above = (score: number | null | undefined) => score != null && score > threshold;
  const noResidual = risks.filter((r) => r.inherentScore != null && r.residualScore == null).length;
  const decisions: RiskDecision[] = ["treat", "tolerate", "transfer", "terminate"];
  return {
    heading: "2. Summary",
    blocks: [
      paragraph(
        `${risks.length} risks are in the register; ${risks.length - unrated} are assessed. ` +
          `${risks.filter((r) => above(r.inherentScore)).length} score above the acceptance threshold of ${threshold} before treatment ` +
          `and ${risks.filter((r) => above(residualOf(r))).length} after it.` +
          (noResidual ? ` ${noResidual} assessed risks have no residual rating yet and are counted at their inherent score.` : ""),
      ),
      table(["Band", "Scores", "Default decision", "Inherent", "Residual"], rows),
      table(
        ["Decision", "Risks"],
        [...decisions.map((d) => [d, String(risks.filter((r) => r.decision === d).length)]), ["none yet", String(risks.filter((r) => !r.decision).length)]],
      ),
    ],
  };
}

/** The Risk Assessment Report: the record of the results of the risk assessments (8.2). */
export function riskAssessmentReport(input: RiskReportInput): PdfDocumentModel {
  const m = input.methodology.body;
  const name = personNamer(input.people);
  const register = [...input.risks].sort(byInherentScore).map((r) => [
    `${r.id} ${r.title}`,
    name(r.owner) ?? "—",
    String(r.likelihood ?? "—"),
    String(r.impact ?? "—"),
    scoreText(m, r.inherentScore),
    r.decision ?? "—",
    scoreText(m, r.residualScore),
    r.status,
  ]);
  const sections: Section[] = [
    ...methodologySections(input),
    summary(input),
    {
      heading: "3. Heat maps",
      blocks: [
        heatmap(m, input.risks, "inherent"),
        heatmap(m, input.risks, "residual"),
        paragraph("Each cell shows how many risks sit at that likelihood and impact; its colour is the band of its score. A risk with no residual rating is shown at its inherent position."),
      ],
    },
    {
      heading: "4. Risk register",
      blocks: [
        paragraph("Sorted by inherent score, highest first. L: likelihood, I: impact."),
        table(["Risk", "Owner", "L", "I", "Inherent", "Decision", "Residual", "Status"], register),
      ],
    },
  ];
  if (input.findings) {
    sections.push({
      heading: "5. Findings",
      blocks: input.findings.length
        ? [
            paragraph("What an auditor would raise about the register today, from the checks OpenISMS runs over it (6.1.2, 6.1.3, 8.2, 8.3)."),
            table(["Severity", "Risk", "Finding"], input.findings.map((f) => [f.severity, f.riskId, f.message])),
          ]
        : [paragraph("The checks over the register found nothing to raise.")],
    });
  }
  return {
    title: "Risk Assessment Report",
    meta: [
      ["Organization", input.companyName],
      ["Date", isoDay(input.generatedAt) ?? ""],
      ["Methodology", approvalText(input)],
      ["Risks assessed", `${input.risks.filter((r) => r.inherentScore != null).length} of ${input.risks.length}`],
      ["Data as of", instant(input.generatedAt)],
      ["ISO/IEC 27001:2022", "6.1.2, 8.2"],
    ],
    sections,
  };
}

const decisionWording: Record<RiskDecision, string> = {
  treat: "Treat: reduce the likelihood or the impact with controls",
  tolerate: "Tolerate: retain the risk, accepted by its owner",
  transfer: "Transfer: share the risk with another party (insurer, supplier under contract)",
  terminate: "Terminate: stop or change the activity that gives rise to the risk",
};

const controlName = (id: string): string => {
  const control = findControl(id);
  return control ? `A.${control.id} ${control.title}` : `${id} (not an Annex A 2022 control)`;
};

const isLive = (a: TreatmentAction) => a.status !== "cancelled";

/** Why a risk in the plan has no plan yet, or nothing. */
function missingPlan(risk: Risk, actions: readonly TreatmentAction[]): string | undefined {
  if (!risk.decision) return "no treatment decision yet (treat, tolerate, transfer or terminate)";
  if ((risk.decision === "treat" || risk.decision === "transfer") && !actions.some(isLive)) {
    return `to ${risk.decision}, but no treatment action yet`;
  }
  return undefined;
}

function riskPlanSection(input: RiskRegisterInput, risk: Risk, actions: readonly TreatmentAction[]): Section {
  const m = input.methodology.body;
  const name = personNamer(input.people);
  const threshold = m.acceptance.threshold;
  const residual = risk.residualScore ?? (risk.decision === "tolerate" ? risk.inherentScore : null);
  const acceptance = risk.residualAcceptedBy
    ? `accepted by ${name(risk.residualAcceptedBy) ?? ""}${risk.residualAcceptedAt ? ` on ${isoDay(risk.residualAcceptedAt)}` : ""}`
    : residual != null && residual <= threshold
      ? `not needed: at or below the threshold of ${threshold}`
      : "NOT ACCEPTED by the risk owner";
  const blocks: PdfBlock[] = [];
  const gap = missingPlan(risk, actions);
  if (gap) blocks.push(paragraph(`⚠ No plan: ${gap}.`));
  blocks.push(
    table(
      ["Aspect", "Record"],
      [
        ["Risk owner", name(risk.owner) ?? "none: name one"],
        ["Inherent risk", `${scoreText(m, risk.inherentScore)}: likelihood ${risk.likelihood ?? "—"}, impact ${risk.impact ?? "—"}`],
        ["Decision", risk.decision ? decisionWording[risk.decision] : "none yet"],
        ["Residual risk", risk.residualScore != null ? `${scoreText(m, risk.residualScore)}: likelihood ${risk.residualLikelihood ?? "—"}, impact ${risk.residualImpact ?? "—"}` : "not rated"],
        ["Plan approval", risk.planApprovedBy ? `approved by ${name(risk.planApprovedBy) ?? ""}${risk.planApprovedAt ? ` on ${isoDay(risk.planApprovedAt)}` : ""}` : "NOT APPROVED by the risk owner"],
        ["Residual acceptance", acceptance],
      ],
    ),
  );
  const controls = [...new Set([...risk.controlIds, ...actions.flatMap((a) => a.controlIds)])];
  if (controls.length) blocks.push(paragraph("Controls:"), list(controls.map(controlName)));
  if (actions.length) {
    blocks.push(
      table(
        ["Action", "Controls", "Owner", "Due · status", "Evidence"],
        actions.map((a) => [`${a.id} ${a.title}`, a.controlIds.join(", "), name(a.owner) ?? "—", `${a.dueDate ?? "no due date"} · ${a.status.replace("_", " ")}`, a.evidence ?? "—"]),
      ),
    );
  }
  return { heading: `${risk.id} ${risk.title}`, blocks };
}

/** The Risk Treatment Plan: per risk above the acceptance threshold (or to treat) its decision, controls and actions. */
export function riskTreatmentPlan(input: RiskRegisterInput): PdfDocumentModel {
  const m = input.methodology.body;
  const threshold = m.acceptance.threshold;
  const actionsOf = (risk: Risk) => input.actions.filter((a) => a.riskId === risk.id);
  const inPlan = input.risks
    .filter((r) => r.status !== "closed" && ((r.inherentScore != null && r.inherentScore > threshold) || r.decision === "treat"))
    .sort(byInherentScore);
  const withoutPlan = inPlan.filter((r) => missingPlan(r, actionsOf(r)));
  const rows = inPlan.map((r) => {
    const actions = actionsOf(r).filter(isLive);
    return [
      `${r.id} ${r.title}`,
      scoreText(m, r.inherentScore),
      r.decision ?? "—",
      `${actions.filter((a) => a.status === "done").length} of ${actions.length}`,
      scoreText(m, r.residualScore),
      `plan ${r.planApprovedBy ? "yes" : "no"}, residual ${r.residualAcceptedBy ? "yes" : "no"}`,
    ];
  });
  const left = input.risks.length - inPlan.length;
  const summaryBlocks: PdfBlock[] = [
    paragraph(
      `${inPlan.length} risks score above the acceptance threshold of ${threshold} or are to be treated; each has its decision, controls and treatment actions below. ` +
        `${left} other risks are at or below the threshold or closed, and are retained and reviewed under the methodology. ` +
        "The risk owner approves the plan for their risk and accepts its residual risk (6.1.3 f); the last column says whether each has.",
    ),
    table(["Risk", "Inherent", "Decision", "Actions done", "Residual", "Owner approved"], rows),
  ];
  if (withoutPlan.length) {
    summaryBlocks.push(paragraph(`⚠ ${withoutPlan.length} risks have no plan yet:`), list(withoutPlan.map((r) => `${r.id} ${r.title}: ${missingPlan(r, actionsOf(r)) ?? ""}`)));
  } else {
    summaryBlocks.push(paragraph("Every risk in the plan has a decision and, where it is to be treated or transferred, treatment actions."));
  }
  return {
    title: "Risk Treatment Plan",
    meta: [
      ["Organization", input.companyName],
      ["Date", isoDay(input.generatedAt) ?? ""],
      ["Methodology", approvalText(input)],
      ["Acceptance threshold", String(threshold)],
      ["Data as of", instant(input.generatedAt)],
      ["ISO/IEC 27001:2022", "6.1.3 e–f, 8.3"],
    ],
    sections: [{ heading: "1. Summary", blocks: summaryBlocks }, ...inPlan.map((r) => riskPlanSection(input, r, actionsOf(r)))],
  };
}
