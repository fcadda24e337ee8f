// The columns of the risk register and the risk treatment plan as exported to XLSX and CSV. Headings are
// ones the register import reads back, so an exported file can be edited and imported again.
import { bandOf, type Methodology, type Risk, type RiskBand, type TreatmentAction } from "../domain/risk/index.js";

/** A methodology version as stored: the body with its version, status and approval. */
export interface MethodologyRecord {
  version: number;
  status: string;
  body: Methodology;
  /** A person id. */
  approvedBy: string | null;
  approvedAt: Date | null;
}

/** What the register exports and reports are made from. */
export interface RiskRegisterInput {
  companyName: string;
  methodology: MethodologyRecord;
  risks: readonly Risk[];
  actions: readonly TreatmentAction[];
  /** Names for person ids (owners, approvers); an id without a name is shown as it is. */
  people?: readonly { id: string; name: string }[] | undefined;
  generatedAt: Date;
}

export type CellValue = string | number | null;

export interface Column<T> {
  header: string;
  /** Characters, for a spreadsheet. */
  width: number;
  value: (row: T) => CellValue;
  /** The band a cell shows, to colour it. */
  band?: (row: T) => RiskBand | undefined;
}

export const isoDay = (date: Date | null | undefined): string | null => (date ? date.toISOString().slice(0, 10) : null);

/** A person's name for an id, or the id itself. */
export function personNamer(people: RiskRegisterInput["people"]): (id: string | null | undefined) => string | null {
  const names = new Map((people ?? []).map((p) => [p.id, p.name]));
  return (id) => (id ? (names.get(id) ?? id) : null);
}

const bandFor = (methodology: Methodology, score: number | null | undefined): RiskBand | undefined =>
  score === null || score === undefined ? undefined : bandOf(methodology, score);

const yesNo = (flag: boolean): string => (flag ? "yes" : "no");
const list = (ids: readonly string[]): string => ids.join(", ");

/** One column per field of a risk, per-criterion impacts as columns of their own, in the register's order. */
export function riskRegisterColumns(input: Pick<RiskRegisterInput, "methodology" | "people">): Column<Risk>[] {
  const m = input.methodology.body;
  const name = personNamer(input.people);
  const criteria = m.impact.criteria;
  return [
    { header: "ID", width: 8, value: (r) => r.id },
    { header: "Title", width: 40, value: (r) => r.title },
    { header: "Description", width: 60, value: (r) => r.description ?? null },
    { header: "Category", width: 18, value: (r) => r.category ?? null },
    { header: "Assets", width: 16, value: (r) => list(r.assetIds) },
    { header: "Threat", width: 28, value: (r) => r.threat ?? null },
    { header: "Vulnerability", width: 36, value: (r) => r.vulnerability ?? null },
    { header: "Owner", width: 8, value: (r) => r.owner ?? null },
    { header: "Owner Name", width: 20, value: (r) => name(r.owner) },
    { header: "Confidentiality", width: 8, value: (r) => yesNo(r.confidentiality) },
    { header: "Integrity", width: 8, value: (r) => yesNo(r.integrity) },
    { header: "Availability", width: 8, value: (r) => yesNo(r.availability) },
    { header: "Likelihood", width: 10, value: (r) => r.likelihood ?? null },
    ...criteria.map((c): Column<Risk> => ({ header: `Impact ${c.label}`, width: 10, value: (r) => r.impacts[c.id] ?? null })),
    { header: "Impact", width: 8, value: (r) => r.impact ?? null },
    { header: "Inherent Score", width: 9, value: (r) => r.inherentScore ?? null, band: (r) => bandFor(m, r.inherentScore) },
    { header: "Inherent Band", width: 10, value: (r) => bandFor(m, r.inherentScore)?.label ?? null, band: (r) => bandFor(m, r.inherentScore) },
    { header: "Decision", width: 10, value: (r) => r.decision ?? null },
    { header: "Controls", width: 24, value: (r) => list(r.controlIds) },
    { header: "AWS Services", width: 24, value: (r) => list(r.awsServices) },
    { header: "Residual Likelihood", width: 10, value: (r) => r.residualLikelihood ?? null },
    ...criteria.map((c): Column<Risk> => ({ header: `Residual Impact ${c.label}`, width: 10, value: (r) => r.residualImpacts[c.id] ?? null })),
    { header: "Residual Impact", width: 9, value: (r) => r.residualImpact ?? null },
    { header: "Residual Score", width: 9, value: (r) => r.residualScore ?? null, band: (r) => bandFor(m, r.residualScore) },
    { header: "Residual Band", width: 10, value: (r) => bandFor(m, r.residualScore)?.label ?? null, band: (r) => bandFor(m, r.residualScore) },
    { header: "Status", width: 10, value: (r) => r.status },
    { header: "Plan Approved By", width: 20, value: (r) => name(r.planApprovedBy) },
    { header: "Plan Approved On", width: 12, value: (r) => isoDay(r.planApprovedAt) },
    { header: "Residual Accepted By", width: 20, value: (r) => name(r.residualAcceptedBy) },
    { header: "Residual Accepted On", width: 12, value: (r) => isoDay(r.residualAcceptedAt) },
    { header: "Last Assessed", width: 12, value: (r) => isoDay(r.lastAssessedAt) },
    { header: "Next Review", width: 12, value: (r) => r.nextReview ?? null },
  ];
}

/** The treatment plan (6.1.3 e): one row per action with its risk, controls, owner, due date, status, evidence. */
export function treatmentPlanColumns(input: Pick<RiskRegisterInput, "risks" | "people">): Column<TreatmentAction>[] {
  const name = personNamer(input.people);
  const titles = new Map(input.risks.map((r) => [r.id, r.title]));
  return [
    { header: "ID", width: 8, value: (a) => a.id },
    { header: "Risk ID", width: 8, value: (a) => a.riskId },
    { header: "Risk Title", width: 36, value: (a) => titles.get(a.riskId) ?? null },
    { header: "Action", width: 50, value: (a) => a.title },
    { header: "Controls", width: 18, value: (a) => list(a.controlIds) },
    { header: "Owner", width: 8, value: (a) => a.owner ?? null },
    { header: "Owner Name", width: 20, value: (a) => name(a.owner) },
    { header: "Due Date", width: 12, value: (a) => a.dueDate ?? null },
    { header: "Status", width: 12, value: (a) => a.status },
    { header: "Completed On", width: 12, value: (a) => a.completedOn ?? null },
    { header: "Evidence", width: 40, value: (a) => a.evidence ?? null },
  ];
}

/** Rows as text cells (empty for nothing), for CSV and PDF tables. */
export function textRows<T>(columns: readonly Column<T>[], rows: readonly T[]): string[][] {
  return rows.map((row) => columns.map((c) => String(c.value(row) ?? "")));
}
