// Every workspace-scoped table, parents before children, for code that walks a whole workspace
// (export, import, copy). Each has the key (workspace_id, id); see ../README.md for the conventions.
import { activities } from "./activities.js";
import { assets } from "./assets.js";
import { memberships } from "./accounts.js";
import { auditChecklistItems, auditFindings, audits, certificationCycles, correctiveActions, surveillanceSamples } from "./audits.js";
import { checkResults, collectionRuns } from "./collection.js";
import { contextIssues, exclusions, interestedParties, scope, scopeInterfaces } from "./context.js";
import { documentAcknowledgements, documents, documentVersions } from "./documents.js";
import { evidenceRecords } from "./evidence.js";
import { managementReviews } from "./management-review.js";
import { measurements, objectives } from "./objectives.js";
import { people, trainingCourses, trainingRecords } from "./people.js";
import { riskAssessments, riskMethodologies, risks, treatmentActions } from "./risk.js";
import { controlImplementations, ownControls, soaVersions } from "./soa.js";
import { auditSamples, evidenceRequests } from "./requests.js";
import { suppliers } from "./suppliers.js";
import { workspaceMembers } from "./tenancy.js";

/** In dependency order: inserting in this order and deleting in reverse never breaks a foreign key. */
export const workspaceTables = [
  { name: "workspace_members", table: workspaceMembers },
  { name: "people", table: people },
  { name: "scope", table: scope },
  { name: "scope_interfaces", table: scopeInterfaces },
  { name: "interested_parties", table: interestedParties },
  { name: "context_issues", table: contextIssues },
  { name: "exclusions", table: exclusions },
  { name: "assets", table: assets },
  { name: "suppliers", table: suppliers },
  { name: "risk_methodologies", table: riskMethodologies },
  { name: "risks", table: risks },
  { name: "risk_assessments", table: riskAssessments },
  { name: "treatment_actions", table: treatmentActions },
  { name: "evidence_records", table: evidenceRecords },
  { name: "collection_runs", table: collectionRuns },
  { name: "check_results", table: checkResults },
  { name: "own_controls", table: ownControls },
  { name: "control_implementations", table: controlImplementations },
  { name: "soa_versions", table: soaVersions },
  { name: "documents", table: documents },
  { name: "document_versions", table: documentVersions },
  { name: "document_acknowledgements", table: documentAcknowledgements },
  { name: "training_courses", table: trainingCourses },
  { name: "training_records", table: trainingRecords },
  { name: "objectives", table: objectives },
  { name: "measurements", table: measurements },
  { name: "certification_cycles", table: certificationCycles },
  { name: "surveillance_samples", table: surveillanceSamples },
  { name: "audits", table: audits },
  { name: "audit_checklist_items", table: auditChecklistItems },
  { name: "audit_findings", table: auditFindings },
  { name: "corrective_actions", table: correctiveActions },
  { name: "management_reviews", table: managementReviews },
  { name: "activities", table: activities },
  { name: "audit_samples", table: auditSamples },
  { name: "evidence_requests", table: evidenceRequests },
  { name: "memberships", table: memberships },
] as const;

export type WorkspaceTableName = (typeof workspaceTables)[number]["name"];
