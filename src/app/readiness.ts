// Readiness as a use case: read every register of a workspace into one snapshot (one query per register,
// only the columns the rules read) and evaluate the Stage 1, Stage 2 and surveillance rules over it.
import { and, desc, eq, like, lte, max, or, sql } from "drizzle-orm";
import { z } from "zod";
import { isoDay } from "../domain/risk/index.js";
import { deriveStatementOfApplicability, soaControls, type SoaEvidenceRecord } from "../domain/soa/index.js";
import { coveredReviewInputs, evaluateReadiness, type ReadinessReport, type Stage } from "../readiness/index.js";
import type { CheckResultView, DocumentVersionView, WorkspaceSnapshot } from "../readiness/index.js";
import type { Db } from "../store/open.js";
import {
  activities,
  assets,
  auditFindings,
  auditLog,
  audits,
  contextIssues,
  controlImplementations,
  correctiveActions,
  documentAcknowledgements,
  documents,
  documentVersions,
  evidenceRecords,
  exclusions,
  interestedParties,
  managementReviews,
  measurements,
  objectives,
  ownControls,
  people,
  riskAssessments,
  riskMethodologies,
  scope,
  scopeInterfaces,
  soaVersions,
  suppliers,
  trainingCourses,
  trainingRecords,
} from "../store/schema/index.js";
import { latestControlCheckResults } from "./collection.js";
import { loadRisks, loadTreatmentActions } from "./risks.js";
import { loadStoredSoaRows } from "./soa.js";
import type { Workspace } from "./workspaces.js";

export interface SnapshotOptions {
  /** The day readiness is judged on; default now. */
  asOf?: Date;
  /** Results of automated checks; default: the latest collection run's (up to `asOf`). */
  checkResults?: readonly CheckResultView[];
}

const newestEvidence = z.object({
  rows: z.array(z.object({ control_id: z.string(), id: z.string(), collected_ms: z.coerce.number() })),
});

/**
 * The newest evidence record of each control up to `asOf`, among the records naming the control and
 * those its SoA row references. That is all the SoA derivation needs to tell fresh evidence from stale,
 * and reducing 50,000 records to one per control in SQL keeps readiness under a second.
 */
async function newestEvidencePerControl(db: Db, ws: Workspace, asOf: Date): Promise<SoaEvidenceRecord[]> {
  const at = asOf.toISOString();
  const result = await db.execute(sql`
    select distinct on (control_id) control_id, id, (extract(epoch from collected_at) * 1000)::float8 as collected_ms
    from (
      select c.control_id, e.id, e.collected_at
      from ${evidenceRecords} e cross join lateral jsonb_array_elements_text(e.control_ids) as c(control_id)
      where e.workspace_id = ${ws.id} and e.collected_at <= ${at}::timestamptz
      union all
      select ci.control_id, e.id, e.collected_at
      from ${controlImplementations} ci cross join lateral jsonb_array_elements_text(ci.evidence_refs) as r(id)
      join ${evidenceRecords} e on e.workspace_id = ci.workspace_id and e.id = r.id
      where ci.workspace_id = ${ws.id} and e.collected_at <= ${at}::timestamptz
    ) as pairs
    order by control_id, collected_at desc, id`);
  const byId = new Map<string, { id: string; controlIds: string[]; collectedAt: Date }>();
  for (const row of newestEvidence.parse(result).rows) {
    const record = byId.get(row.id) ?? { id: row.id, controlIds: [], collectedAt: new Date(row.collected_ms) };
    record.controlIds.push(row.control_id);
    byId.set(row.id, record);
  }
  return [...byId.values()];
}

// Audit-log actions that change what the scope covers: the statement and boundaries, and the exclusion register.
const scopeChange = or(eq(auditLog.action, "scope.set"), like(auditLog.action, "exclusions.%"));

/** Everything the readiness rules read, as of `options.asOf`. */
export async function loadWorkspaceSnapshot(db: Db, ws: Workspace, options: SnapshotOptions = {}): Promise<WorkspaceSnapshot> {
  const asOf = options.asOf ?? new Date();
  const today = isoDay(asOf);
  const id = ws.id;
  const checkResults = options.checkResults ?? (await latestControlCheckResults(db, ws, asOf));
  const [
    [scopeRow],
    [scopeChanged],
    interfaceRows,
    partyRows,
    issueRows,
    exclusionRows,
    assetRows,
    personRows,
    [methodologyRow],
    risks,
    treatmentActions,
    assessmentRows,
    storedSoaRows,
    soaEvidence,
    versionRows,
    ownControlRows,
    documentRows,
    documentVersionRows,
    acknowledgementRows,
    objectiveRows,
    measurementRows,
    courseRows,
    trainingRows,
    auditRows,
    findingRows,
    correctiveRows,
    reviewRows,
    activityRows,
    supplierRows,
    evidenceRows,
  ] = await Promise.all([
    db.select({ statement: scope.statement, boundaries: scope.boundaries, approvedBy: scope.approvedBy, approvedAt: scope.approvedAt }).from(scope).where(eq(scope.workspaceId, id)),
    db.select({ at: max(auditLog.at) }).from(auditLog).where(and(eq(auditLog.workspaceId, id), scopeChange, lte(auditLog.at, asOf))),
    db.select({ id: scopeInterfaces.id, name: scopeInterfaces.name }).from(scopeInterfaces).where(eq(scopeInterfaces.workspaceId, id)),
    db.select({ id: interestedParties.id, name: interestedParties.name, requirements: interestedParties.requirements }).from(interestedParties).where(eq(interestedParties.workspaceId, id)),
    db.select({ id: contextIssues.id, kind: contextIssues.kind, description: contextIssues.description }).from(contextIssues).where(eq(contextIssues.workspaceId, id)),
    db.select({ id: exclusions.id, subject: exclusions.subject, reason: exclusions.reason }).from(exclusions).where(eq(exclusions.workspaceId, id)),
    db.select({ id: assets.id, name: assets.name, owner: assets.owner, inScope: assets.inScope }).from(assets).where(eq(assets.workspaceId, id)),
    db
      .select({ id: people.id, name: people.name, email: people.email, startDate: people.startDate, endDate: people.endDate, ismsRoles: people.ismsRoles })
      .from(people)
      .where(eq(people.workspaceId, id)),
    db
      .select({ version: riskMethodologies.version, status: riskMethodologies.status, body: riskMethodologies.body, approvedBy: riskMethodologies.approvedBy, approvedAt: riskMethodologies.approvedAt })
      .from(riskMethodologies)
      .where(eq(riskMethodologies.workspaceId, id))
      .orderBy(desc(riskMethodologies.version))
      .limit(1),
    loadRisks(db, ws),
    loadTreatmentActions(db, ws),
    // The newest assessment of each risk up to the day: what "assessed within 12 months" needs.
    db
      .selectDistinctOn([riskAssessments.riskId], { riskId: riskAssessments.riskId, assessedAt: riskAssessments.assessedAt })
      .from(riskAssessments)
      .where(and(eq(riskAssessments.workspaceId, id), lte(riskAssessments.assessedAt, asOf)))
      .orderBy(riskAssessments.riskId, desc(riskAssessments.assessedAt)),
    loadStoredSoaRows(db, ws),
    newestEvidencePerControl(db, ws, asOf),
    db.select({ version: soaVersions.version, approvedBy: soaVersions.approvedBy, approvedAt: soaVersions.approvedAt }).from(soaVersions).where(eq(soaVersions.workspaceId, id)),
    db.select({ id: ownControls.id, title: ownControls.title }).from(ownControls).where(eq(ownControls.workspaceId, id)),
    db
      .select({ id: documents.id, title: documents.title, kind: documents.kind, owner: documents.owner, nextReview: documents.nextReview, requiresAcknowledgement: documents.requiresAcknowledgement })
      .from(documents)
      .where(eq(documents.workspaceId, id)),
    db
      .select({
        id: documentVersions.id,
        documentId: documentVersions.documentId,
        version: documentVersions.version,
        status: documentVersions.status,
        approvedBy: documentVersions.approvedBy,
        approvedAt: documentVersions.approvedAt,
      })
      .from(documentVersions)
      .where(eq(documentVersions.workspaceId, id)),
    db
      .select({ documentId: documentAcknowledgements.documentId, version: documentAcknowledgements.version, personId: documentAcknowledgements.personId })
      .from(documentAcknowledgements)
      .where(and(eq(documentAcknowledgements.workspaceId, id), lte(documentAcknowledgements.acknowledgedAt, asOf))),
    db
      .select({ id: objectives.id, title: objectives.title, measure: objectives.measure, target: objectives.target, owner: objectives.owner, status: objectives.status })
      .from(objectives)
      .where(eq(objectives.workspaceId, id)),
    // The newest measurement of each objective up to the day.
    db
      .selectDistinctOn([measurements.objectiveId], { id: measurements.id, objectiveId: measurements.objectiveId, measuredOn: measurements.measuredOn })
      .from(measurements)
      .where(and(eq(measurements.workspaceId, id), lte(measurements.measuredOn, today)))
      .orderBy(measurements.objectiveId, desc(measurements.measuredOn)),
    db
      .select({ id: trainingCourses.id, title: trainingCourses.title, kind: trainingCourses.kind, validityMonths: trainingCourses.validityMonths })
      .from(trainingCourses)
      .where(eq(trainingCourses.workspaceId, id)),
    db
      .select({ id: trainingRecords.id, courseId: trainingRecords.courseId, personId: trainingRecords.personId, completedOn: trainingRecords.completedOn, expiresOn: trainingRecords.expiresOn })
      .from(trainingRecords)
      .where(eq(trainingRecords.workspaceId, id)),
    db
      .select({
        id: audits.id,
        kind: audits.kind,
        title: audits.title,
        auditor: audits.auditor,
        plannedStart: audits.plannedStart,
        plannedEnd: audits.plannedEnd,
        status: audits.status,
        reportRef: audits.reportRef,
      })
      .from(audits)
      .where(eq(audits.workspaceId, id)),
    db
      .select({ id: auditFindings.id, auditId: auditFindings.auditId, kind: auditFindings.kind, requirement: auditFindings.requirement, status: auditFindings.status })
      .from(auditFindings)
      .where(eq(auditFindings.workspaceId, id)),
    db
      .select({
        id: correctiveActions.id,
        findingId: correctiveActions.findingId,
        owner: correctiveActions.owner,
        dueDate: correctiveActions.dueDate,
        status: correctiveActions.status,
        closedAt: correctiveActions.closedAt,
        closureEvidenceRefs: correctiveActions.closureEvidenceRefs,
      })
      .from(correctiveActions)
      .where(eq(correctiveActions.workspaceId, id)),
    db
      .select({ id: managementReviews.id, heldOn: managementReviews.heldOn, attendees: managementReviews.attendees, inputs: managementReviews.inputs, minutesRef: managementReviews.minutesRef })
      .from(managementReviews)
      .where(and(eq(managementReviews.workspaceId, id), eq(managementReviews.status, "held"))),
    db
      .select({ id: activities.id, kind: activities.kind, title: activities.title, owner: activities.owner, due: activities.due, doneAt: activities.doneAt })
      .from(activities)
      .where(eq(activities.workspaceId, id)),
    db
      .select({ id: suppliers.id, name: suppliers.name, criticality: suppliers.criticality, lastReview: suppliers.lastReview, nextReview: suppliers.nextReview })
      .from(suppliers)
      .where(eq(suppliers.workspaceId, id)),
    // The rules ask evidence only "was a record of this kind collected lately": the newest of each kind.
    db
      .selectDistinctOn([evidenceRecords.kind], { id: evidenceRecords.id, kind: evidenceRecords.kind, controlIds: evidenceRecords.controlIds, collectedAt: evidenceRecords.collectedAt })
      .from(evidenceRecords)
      .where(and(eq(evidenceRecords.workspaceId, id), lte(evidenceRecords.collectedAt, asOf)))
      .orderBy(evidenceRecords.kind, desc(evidenceRecords.collectedAt)),
  ]);

  // The SoA as the SoA service derives it (its derivation, on the same rows), evidence reduced to the newest.
  const soa = deriveStatementOfApplicability({
    controls: soaControls(ownControlRows),
    stored: storedSoaRows,
    risks,
    evidence: soaEvidence,
    asOf,
    checkResults,
  });
  const acknowledgedBy = new Map<string, string[]>();
  for (const a of acknowledgementRows) {
    const key = `${a.documentId}@${a.version}`;
    acknowledgedBy.set(key, [...(acknowledgedBy.get(key) ?? []), a.personId]);
  }
  const versionsByDocument = new Map<string, DocumentVersionView[]>();
  for (const { documentId, ...version } of documentVersionRows) {
    const acks = acknowledgedBy.get(`${documentId}@${version.version}`) ?? [];
    versionsByDocument.set(documentId, [...(versionsByDocument.get(documentId) ?? []), { ...version, acknowledgedBy: acks }]);
  }

  return {
    workspace: { id: ws.id, slug: ws.slug, name: ws.name },
    asOf,
    scope: scopeRow ? { ...scopeRow, changedAt: scopeChanged?.at ?? null } : null,
    scopeInterfaces: interfaceRows,
    interestedParties: partyRows,
    contextIssues: issueRows,
    exclusions: exclusionRows,
    assets: assetRows,
    people: personRows,
    methodology: methodologyRow ?? null,
    risks,
    treatmentActions,
    riskAssessments: assessmentRows,
    soa,
    soaVersions: versionRows,
    ownControls: ownControlRows,
    documents: documentRows.map((d) => ({ ...d, versions: versionsByDocument.get(d.id) ?? [] })),
    objectives: objectiveRows,
    measurements: measurementRows,
    trainingCourses: courseRows,
    trainingRecords: trainingRows,
    audits: auditRows,
    auditFindings: findingRows,
    correctiveActions: correctiveRows,
    managementReviews: reviewRows.map(({ inputs, ...review }) => ({ ...review, coveredInputs: coveredReviewInputs(inputs) })),
    activities: activityRows,
    suppliers: supplierRows,
    evidence: evidenceRows,
    checkResults,
  };
}

export interface AssessReadinessOptions extends SnapshotOptions {
  /** One stage (with the rules of the stages before it); all three by default. */
  stage?: Stage;
}

/** What an auditor would find today (or as of `asOf`): a score per stage and the findings with their fixes. */
export async function assessReadiness(db: Db, ws: Workspace, options: AssessReadinessOptions = {}): Promise<ReadinessReport> {
  const snapshot = await loadWorkspaceSnapshot(db, ws, options);
  return evaluateReadiness(snapshot, options.stage ? { stage: options.stage } : {});
}
