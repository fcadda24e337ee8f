// Every generated document OpenISMS renders from a workspace's data, and rendering one with the
// stamp of the data it shows.
import { createHash } from "node:crypto";
import { canonicalJson } from "../../../domain/canonical-json.js";
import { IsmsError } from "../../../domain/errors.js";
import type { PdfDocumentModel } from "../../../reports/pdf.js";
import type { Db } from "../../../store/open.js";
import type { Workspace } from "../../workspaces.js";
import { assetInventoryDocument } from "./asset-inventory.js";
import { correctiveActionsLogDocument } from "./corrective-actions-log.js";
import { documentRegisterDocument } from "./document-register.js";
import { exclusionRegisterDocument } from "./exclusion-register.js";
import { internalAuditProgrammeDocument } from "./internal-audit-programme.js";
import { managementReviewRecordsDocument } from "./management-review-records.js";
import { monitoringResultsDocument } from "./monitoring-results.js";
import { operationsRecordsDocument } from "./operations.js";
import { riskAssessmentMethodologyDocument, riskAssessmentReportDocument, riskTreatmentPlanDocument } from "./risk.js";
import { statementOfApplicabilityDocument } from "./soa.js";
import { trainingRecordsDocument } from "./training-records.js";
import type { GeneratedDocument } from "./types.js";

export type { GeneratedDocument, GeneratedDocumentContext } from "./types.js";

export const generatedDocuments: readonly GeneratedDocument[] = [
  riskAssessmentMethodologyDocument,
  riskAssessmentReportDocument,
  riskTreatmentPlanDocument,
  statementOfApplicabilityDocument,
  trainingRecordsDocument,
  internalAuditProgrammeDocument,
  managementReviewRecordsDocument,
  correctiveActionsLogDocument,
  monitoringResultsDocument,
  operationsRecordsDocument,
  assetInventoryDocument,
  exclusionRegisterDocument,
  documentRegisterDocument,
];

export function findGeneratedDocument(id: string): GeneratedDocument | undefined {
  return generatedDocuments.find((d) => d.id === id);
}

export interface RenderedGeneratedDocument {
  definition: GeneratedDocument;
  model: PdfDocumentModel;
  /** The first 12 hex digits of the SHA-256 of the data shown: changes exactly when the data does. */
  dataStamp: string;
  /** "data 1a2b3c4d5e6f as of 2026-11-27 10:00 UTC": printed in every footer. */
  stamp: string;
  gaps: string[];
  at: Date;
}

export function dataStampOf(data: unknown): string {
  return createHash("sha256").update(canonicalJson(data)).digest("hex").slice(0, 12);
}

const instant = (at: Date) => `${at.toISOString().slice(0, 16).replace("T", " ")} UTC`;

export async function renderGeneratedDocument(db: Db, workspace: Workspace, definition: GeneratedDocument, at = new Date()): Promise<RenderedGeneratedDocument> {
  const context = { workspace, at };
  const data = await definition.load(db, context);
  const dataStamp = dataStampOf(data);
  const model = definition.render(data, context);
  const stamp = `data ${dataStamp} as of ${instant(at)}`;
  return { definition, model: { ...model, meta: [...model.meta, ["Generated from the data", stamp]] }, dataStamp, stamp, gaps: definition.gaps(data), at };
}

export function getGeneratedDocument(id: string): GeneratedDocument {
  const found = findGeneratedDocument(id);
  if (!found) throw new IsmsError(`No generated document "${id}"`, `Generated documents: ${generatedDocuments.map((d) => d.id).join(", ")}`);
  return found;
}
