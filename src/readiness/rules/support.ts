// Rules on objectives and support (6.2, 7.2, 7.3, 7.5, 9.1): measurable objectives and their
// monitoring, competence and awareness, and the control of documented information.
import { addMonths } from "../../domain/risk/index.js";
import { isBlank, lookupsOf, withinYear } from "../lookups.js";
import { defineRule, viaRegisterFile, type ReadinessFinding, type ReadinessRule } from "../rule.js";
import type { WorkspaceSnapshot } from "../snapshot.js";
import { awarenessCourseKind, inactiveObjectiveStatuses, ismsRoles } from "../vocabulary.js";
import { latestApprovedVersion } from "./leadership.js";

const activeObjectives = (snapshot: WorkspaceSnapshot) => snapshot.objectives.filter((o) => !inactiveObjectiveStatuses.includes(o.status));

export const objectivesMeasurable = defineRule(
  {
    id: "S1-objectives-measurable",
    stage: "stage1",
    severity: "major",
    basis: "6.2",
    title: "Information security objectives are set, each with a measure, a target and an owner",
  },
  (snapshot, finding) => {
    const objectives = activeObjectives(snapshot);
    if (objectives.length === 0) {
      const fix = `Set a few measurable objectives (what, target, owner, how it is measured): ${viaRegisterFile("objectives")}`;
      return [finding({ type: "objective", id: null }, "No information security objective is set", fix)];
    }
    return objectives.flatMap((o) => {
      const missing = [isBlank(o.measure) ? "measure (how it is evaluated)" : null, isBlank(o.target) ? "target" : null, o.owner ? null : "owner"].filter((m) => m !== null);
      if (missing.length === 0) return [];
      return [finding({ type: "objective", id: o.id }, `Objective ${o.id} (${o.title}) has no ${missing.join(", no ")}`, `Complete it: ${viaRegisterFile("objectives")}`)];
    });
  },
);

/** ISMS roles whose holders need evidence of competence for the role (7.2); awareness (7.3) is for everyone. */
const competenceRoles: readonly string[] = [ismsRoles.ismsOwner, ismsRoles.riskOwner, ismsRoles.controlOwner, ismsRoles.internalAuditor];

export const competenceRecorded = defineRule(
  {
    id: "S1-competence-recorded",
    stage: "stage1",
    severity: "major",
    basis: "7.2",
    title: "Training is defined, and everyone holding an ISMS role has a record of the competence it needs",
  },
  (snapshot, finding) => {
    const lookups = lookupsOf(snapshot);
    if (snapshot.trainingCourses.length === 0) {
      const fix = `Define awareness training for everyone and role training for ISMS roles: ${viaRegisterFile("training_courses")}`;
      return [finding({ type: "training_course", id: null }, "No training courses are defined", fix)];
    }
    const roleCourses = new Set(snapshot.trainingCourses.filter((c) => c.kind !== awarenessCourseKind).map((c) => c.id));
    const trained = new Set(snapshot.trainingRecords.filter((r) => roleCourses.has(r.courseId) && r.completedOn <= lookups.today).map((r) => r.personId));
    return lookups.activePeople
      .filter((p) => p.ismsRoles.some((role) => competenceRoles.includes(role)) && !trained.has(p.id))
      .map((p) =>
        finding(
          { type: "person", id: p.id },
          `${p.name} (${p.id}) holds ${p.ismsRoles.join(", ")} but has no record of training or qualification for it`,
          `Record the role training, certificate or experience that makes them competent: ${viaRegisterFile("training_records")}`,
        ),
      );
  },
);

export const documentsControlled = defineRule(
  {
    id: "S1-documents-controlled",
    stage: "stage1",
    severity: "major",
    basis: "7.5",
    title: "Mandatory documented information is approved and versioned; every document is owned and inside its review date",
  },
  (snapshot, finding) => {
    const lookups = lookupsOf(snapshot);
    const findings: ReadinessFinding[] = [];
    const m = snapshot.methodology;
    if (m && (m.status !== "approved" || !m.approvedBy || !m.approvedAt)) {
      findings.push(finding({ type: "methodology", id: `v${m.version}` }, `The risk methodology v${m.version} in force is not approved (${m.status})`, "Have it approved: isms risk methodology approve --by <person>"));
    }
    if (snapshot.soaVersions.length === 0) {
      findings.push(finding({ type: "soa_version", id: null }, "No version of the Statement of Applicability has been approved and published", "Publish it once it is complete: isms soa publish --by <person>"));
    }
    for (const d of snapshot.documents) {
      const entity = { type: "document", id: d.id };
      const name = `Document ${d.id} (${d.title})`;
      if (!d.owner) findings.push(finding(entity, `${name} has no owner`, `Name its owner: ${viaRegisterFile("documents")}`));
      if (!latestApprovedVersion(d)) findings.push(finding(entity, `${name} has no approved version`, `Have it approved and record the version: ${viaRegisterFile("document_versions")}`));
      if (!d.nextReview) findings.push(finding(entity, `${name} has no review date`, `Set when it is next reviewed: ${viaRegisterFile("documents")}`));
      else if (d.nextReview < lookups.today) {
        findings.push(finding(entity, `${name} was due for review on ${d.nextReview}`, `Review it, record the new version and the next review date: ${viaRegisterFile("documents")}`));
      }
    }
    return findings;
  },
);

export const objectivesMonitored = defineRule(
  {
    id: "S2-objectives-monitored",
    stage: "stage2",
    severity: "minor",
    basis: "9.1",
    title: "Every objective has monitoring results from the last 12 months",
  },
  (snapshot, finding) => {
    const lookups = lookupsOf(snapshot);
    const measured = new Set(snapshot.measurements.filter((m) => withinYear(m.measuredOn, lookups)).map((m) => m.objectiveId));
    return activeObjectives(snapshot)
      .filter((o) => !measured.has(o.id))
      .map((o) =>
        finding({ type: "objective", id: o.id }, `Objective ${o.id} (${o.title}) has no measurement from the last 12 months`, `Measure it and record the result: ${viaRegisterFile("measurements")}`),
      );
  },
);

export const trainingCurrent = defineRule(
  {
    id: "S2-training-current",
    stage: "stage2",
    severity: "minor",
    basis: "7.3",
    title: "Everyone working in the scope has current awareness training",
  },
  (snapshot, finding) => {
    const lookups = lookupsOf(snapshot);
    const awareness = new Map(snapshot.trainingCourses.filter((c) => c.kind === awarenessCourseKind).map((c) => [c.id, c]));
    if (awareness.size === 0) {
      const fix = `Define it (kind ${awarenessCourseKind}, valid 12 months) and record who completed it: ${viaRegisterFile("training_courses")}`;
      return [finding({ type: "training_course", id: null }, "No awareness training course is defined", fix)];
    }
    const current = new Set(
      snapshot.trainingRecords
        .filter((r) => {
          const course = awareness.get(r.courseId);
          if (!course || r.completedOn > lookups.today) return false;
          const expires = r.expiresOn ?? (course.validityMonths ? addMonths(r.completedOn, course.validityMonths) : null);
          return expires === null || expires >= lookups.today;
        })
        .map((r) => r.personId),
    );
    return lookups.activePeople
      .filter((p) => !current.has(p.id))
      .map((p) => finding({ type: "person", id: p.id }, `${p.name} (${p.id}) has no current awareness training`, `Have them complete it and record it: ${viaRegisterFile("training_records")}`));
  },
);

export const policiesAcknowledged = defineRule(
  {
    id: "S2-policies-acknowledged",
    stage: "stage2",
    severity: "minor",
    basis: "A.5.1",
    title: "Everyone in scope has acknowledged the version in force of each policy that asks for it",
  },
  (snapshot, finding) => {
    const lookups = lookupsOf(snapshot);
    return snapshot.documents.flatMap((d) => {
      if (!d.requiresAcknowledgement) return [];
      const inForce = d.versions.filter((v) => v.status === "published").at(-1);
      if (!inForce?.acknowledgedBy) return [];
      const done = new Set(inForce.acknowledgedBy);
      const pending = lookups.activePeople.filter((p) => !done.has(p.id));
      if (pending.length === 0) return [];
      const names = pending.slice(0, 5).map((p) => `${p.name} (${p.id})`).join(", ");
      return [
        finding(
          { type: "document", id: d.id },
          `${pending.length} of ${lookups.activePeople.length} people in scope have not acknowledged ${d.title} (${d.id}) v${inForce.version}: ${names}${pending.length > 5 ? ", …" : ""}`,
          `Have them read it and record it: isms docs ack ${d.id} --person <people>; see who is left: isms docs ack ${d.id} --status`,
        ),
      ];
    });
  },
);

export const supportRules: readonly ReadinessRule[] = [objectivesMeasurable, competenceRecorded, documentsControlled, objectivesMonitored, trainingCurrent, policiesAcknowledged];
