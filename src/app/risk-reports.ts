// Gathers what the risk register's exports and reports are made from: the methodology in force, the
// risks, the treatment actions, people's names and the rules' findings, as read at one moment.
import { eq } from "drizzle-orm";
import type { RiskReportInput } from "../reports/risk-report.js";
import type { Db } from "../store/open.js";
import { people } from "../store/schema/index.js";
import { currentMethodology } from "./risk-methodology.js";
import { loadRisks, loadTreatmentActions, riskFindings } from "./risks.js";
import type { Workspace } from "./workspaces.js";

export async function loadRiskReportInput(db: Db, workspace: Workspace, at = new Date()): Promise<RiskReportInput & { findings: NonNullable<RiskReportInput["findings"]> }> {
  return {
    companyName: workspace.companyName,
    methodology: await currentMethodology(db, workspace),
    risks: await loadRisks(db, workspace),
    actions: await loadTreatmentActions(db, workspace),
    people: await db.select({ id: people.id, name: people.name }).from(people).where(eq(people.workspaceId, workspace.id)),
    findings: await riskFindings(db, workspace, at),
    generatedAt: at,
  };
}
