// The risk documents as generated documents: the methodology (6.1.2, 6.1.3), the Risk Assessment
// Report (8.2) and the Risk Treatment Plan (6.1.3 e, 8.3), rendered by the risk report writers.
import { renderMethodologyDocument } from "../../../domain/risk/index.js";
import { riskAssessmentReport, riskTreatmentPlan } from "../../../reports/risk-report.js";
import { personNamer } from "../../../reports/risk-columns.js";
import { loadRiskReportInput } from "../../risk-reports.js";
import { defineGeneratedDocument } from "./types.js";

/** The register as read, without the moment of reading (the context carries it), so the stamp follows the data only. */
async function riskData(...args: Parameters<typeof loadRiskReportInput>) {
  const { generatedAt: _at, ...data } = await loadRiskReportInput(...args);
  return data;
}

const findingGaps = (findings: readonly { riskId: string; message: string }[], limit = 5) =>
  findings.length === 0 ? [] : [`${findings.length} finding${findings.length === 1 ? "" : "s"} on the risk register, e.g. ${findings.slice(0, limit).map((f) => f.message).join("; ")} (isms risk check)`];

export const riskAssessmentMethodologyDocument = defineGeneratedDocument({
  id: "risk-assessment-methodology",
  title: "Risk Assessment Methodology",
  kind: "methodology",
  clauses: ["6.1.2", "6.1.3", "8.2"],
  controls: [],
  async load(db, { workspace }) {
    const { methodology, people } = await riskData(db, workspace);
    return { methodology, people, companyName: workspace.companyName };
  },
  gaps: ({ methodology }) => (methodology.status === "approved" && methodology.approvedBy ? [] : [`version ${methodology.version} is ${methodology.status}, not approved (isms risk methodology approve --by <person>)`]),
  render({ methodology, people, companyName }) {
    const name = personNamer(people);
    return renderMethodologyDocument(methodology.body, {
      version: methodology.version,
      status: methodology.status,
      approvedBy: name(methodology.approvedBy),
      approvedAt: methodology.approvedAt,
      companyName,
    });
  },
});

export const riskAssessmentReportDocument = defineGeneratedDocument({
  id: "risk-assessment-report",
  title: "Risk Assessment Report",
  kind: "report",
  clauses: ["6.1.2", "8.2"],
  controls: [],
  load: (db, { workspace, at }) => riskData(db, workspace, at),
  gaps: (data) => [...(data.risks.length === 0 ? ["no risk is identified yet (isms risk add)"] : []), ...findingGaps(data.findings)],
  render: (data, { at }) => riskAssessmentReport({ ...data, generatedAt: at }),
});

export const riskTreatmentPlanDocument = defineGeneratedDocument({
  id: "risk-treatment-plan",
  title: "Risk Treatment Plan",
  kind: "plan",
  clauses: ["6.1.3", "8.3"],
  controls: [],
  load: (db, { workspace, at }) => riskData(db, workspace, at),
  gaps: (data) => {
    const undecided = data.risks.filter((r) => !r.decision);
    return [
      ...(data.risks.length === 0 ? ["no risk is identified yet (isms risk add)"] : []),
      ...(undecided.length > 0 ? [`${undecided.length} risk${undecided.length === 1 ? " has" : "s have"} no treatment decision: ${undecided.slice(0, 5).map((r) => r.id).join(", ")} (isms risk decide)`] : []),
    ];
  },
  render: (data, { at }) => riskTreatmentPlan({ ...data, generatedAt: at }),
});
