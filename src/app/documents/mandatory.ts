// The mandatory-documents checklist: each document ISO/IEC 27001 requires (the seed's eleven and the
// documented information of clauses 4–10), which document of the workspace meets it, its state, and
// what is still missing. Then every other controlled document (the topic policies of A.5.1).
import { mandatoryDocumentedInformation } from "../../catalog/clauses.js";
import { statusLabel } from "../../domain/documents/lifecycle.js";
import type { Db } from "../../store/open.js";
import type { Workspace } from "../workspaces.js";
import { getGeneratedDocument, renderGeneratedDocument } from "./generated/index.js";
import { acknowledgementsOf, listDocuments, peopleInScope, versionInForce, type DocumentRecord } from "./records.js";

export interface RequiredDocument {
  id: string;
  name: string;
  /** Where ISO/IEC 27001:2022 asks for it: "6.1.3 d)". */
  refs: readonly string[];
  /** An authored document of this kind meets it, or this generated document does. */
  meetBy: { kind: string } | { generated: string };
}

export const requiredDocuments: readonly RequiredDocument[] = [
  { id: "isms-scope", name: "ISMS scope", refs: ["4.3"], meetBy: { kind: "isms-scope" } },
  { id: "information-security-policy", name: "Information security policy", refs: ["5.2 e)"], meetBy: { kind: "information-security-policy" } },
  { id: "risk-assessment-methodology", name: "Risk assessment and treatment process (methodology)", refs: ["6.1.2", "6.1.3"], meetBy: { generated: "risk-assessment-methodology" } },
  { id: "risk-assessment-report", name: "Risk assessment report (results)", refs: ["8.2"], meetBy: { generated: "risk-assessment-report" } },
  { id: "risk-treatment-plan", name: "Risk treatment plan and its results", refs: ["6.1.3 e)", "8.3"], meetBy: { generated: "risk-treatment-plan" } },
  { id: "statement-of-applicability", name: "Statement of Applicability", refs: ["6.1.3 d)"], meetBy: { generated: "statement-of-applicability" } },
  { id: "information-security-objectives", name: "Information security objectives", refs: ["6.2"], meetBy: { kind: "objectives" } },
  { id: "training-records", name: "Records of training (evidence of competence)", refs: ["7.2 d)"], meetBy: { generated: "training-records" } },
  { id: "document-register", name: "Documented information judged necessary (register)", refs: ["7.5.1 b)"], meetBy: { generated: "document-register" } },
  { id: "operations-records", name: "Evidence that processes ran as planned", refs: ["8.1"], meetBy: { generated: "operations-records" } },
  { id: "monitoring-results", name: "Monitoring and measurement results", refs: ["9.1"], meetBy: { generated: "monitoring-results" } },
  { id: "internal-audit-programme", name: "Internal audit programme and reports", refs: ["9.2.2"], meetBy: { generated: "internal-audit-programme" } },
  { id: "management-review-records", name: "Management review records", refs: ["9.3.3"], meetBy: { generated: "management-review-records" } },
  { id: "corrective-actions-log", name: "Nonconformities and corrective actions log", refs: ["10.2"], meetBy: { generated: "corrective-actions-log" } },
  { id: "asset-inventory", name: "Inventory of information and associated assets (A.5.9)", refs: ["A.5.9"], meetBy: { generated: "asset-inventory" } },
  { id: "exclusion-register", name: "Exclusions from the scope and the controls", refs: ["4.3", "6.1.3 d)"], meetBy: { generated: "exclusion-register" } },
];

/** The clause references of mandatory documented information that no required document names (should be none). */
export function uncoveredDocumentedInformation(): string[] {
  const named = new Set(requiredDocuments.flatMap((r) => r.refs));
  return mandatoryDocumentedInformation.map((m) => m.ref).filter((ref) => !named.has(ref));
}

export type ChecklistState = "missing" | "draft" | "in_review" | "approved" | "published" | "superseded" | "generated";

export interface ChecklistDocument {
  id: string;
  title: string;
  version: string | null;
  status: string;
}

export interface ChecklistEntry {
  id: string;
  name: string;
  refs: readonly string[];
  state: ChecklistState;
  documents: ChecklistDocument[];
  /** What keeps it from being audit-ready; [] when nothing does. */
  missing: string[];
  /** For a generated document: the stamp of the data it shows now. */
  dataStamp?: string;
}

export interface DocumentChecklist {
  asOf: string;
  required: ChecklistEntry[];
  /** Controlled documents no requirement above asks for: the topic-specific policies and procedures. */
  other: ChecklistEntry[];
  /** Required documents in each state. */
  counts: Record<ChecklistState, number>;
}

const stateOrder: readonly ChecklistState[] = ["published", "approved", "in_review", "draft", "superseded"];

/** The state of an authored document: its version in force, else its newest version. */
function stateOf(doc: DocumentRecord): ChecklistState {
  const inForce = versionInForce(doc);
  const status = inForce?.status ?? doc.versions.at(-1)?.status;
  return stateOrder.find((s) => s === status) ?? "draft";
}

async function missingOf(db: Db, workspace: Workspace, doc: DocumentRecord, today: string, staff: readonly { id: string }[]): Promise<string[]> {
  const missing: string[] = [];
  const inForce = versionInForce(doc);
  const latest = doc.versions.at(-1);
  if (!doc.owner) missing.push("no owner (isms docs edit <id> --owner <person>)");
  if (!inForce) {
    const next = latest?.status === "in_review" ? `approval of v${latest.version} (isms docs approve ${doc.id} --by <person>)` : `review and approval (isms docs submit ${doc.id})`;
    missing.push(`no approved version: waiting for ${next}`);
  } else if (inForce.status === "approved") {
    missing.push(`v${inForce.version} is approved but not published (isms docs publish ${doc.id})`);
  }
  if (doc.nextReview && doc.nextReview < today) missing.push(`review was due on ${doc.nextReview}`);
  if (doc.requiresAcknowledgement && inForce?.status === "published") {
    const acks = new Set((await acknowledgementsOf(db, workspace, doc.id)).filter((a) => a.version === inForce.version).map((a) => a.personId));
    const pending = staff.filter((p) => !acks.has(p.id));
    if (pending.length > 0) missing.push(`${pending.length} of ${staff.length} people in scope have not acknowledged v${inForce.version} (isms docs ack ${doc.id} --status)`);
  }
  return missing;
}

const summary = (doc: DocumentRecord): ChecklistDocument => {
  const shown = versionInForce(doc) ?? doc.versions.at(-1);
  return { id: doc.id, title: doc.title, version: shown?.version ?? null, status: shown ? statusLabel(shown.status) : "no version" };
};

export async function documentChecklist(db: Db, workspace: Workspace, at = new Date()): Promise<DocumentChecklist> {
  const today = at.toISOString().slice(0, 10);
  const docs = await listDocuments(db, workspace);
  const staff = await peopleInScope(db, workspace, today);
  const used = new Set<string>();
  const required: ChecklistEntry[] = [];
  for (const requirement of requiredDocuments) {
    const base = { id: requirement.id, name: requirement.name, refs: requirement.refs };
    if ("kind" in requirement.meetBy) {
      const { kind } = requirement.meetBy;
      const matching = docs.filter((d) => d.kind === kind);
      matching.forEach((d) => used.add(d.id));
      if (matching.length === 0) {
        required.push({ ...base, state: "missing", documents: [], missing: [`no document of kind ${kind} (isms docs new --kind ${kind} --title … --file …)`] });
        continue;
      }
      const best = matching.map((d) => ({ d, rank: stateOrder.indexOf(stateOf(d)) })).sort((a, b) => a.rank - b.rank)[0]?.d ?? matching[0];
      if (!best) continue;
      required.push({ ...base, state: stateOf(best), documents: matching.map(summary), missing: await missingOf(db, workspace, best, today, staff) });
      continue;
    }
    const definition = getGeneratedDocument(requirement.meetBy.generated);
    const rendered = await renderGeneratedDocument(db, workspace, definition, at);
    const controlled = docs.filter((d) => d.generator === definition.id);
    controlled.forEach((d) => used.add(d.id));
    required.push({ ...base, state: "generated", documents: controlled.map(summary), missing: rendered.gaps, dataStamp: rendered.dataStamp });
  }
  const other: ChecklistEntry[] = [];
  for (const doc of docs.filter((d) => !used.has(d.id))) {
    other.push({ id: doc.id, name: doc.title, refs: [...doc.clauses, ...doc.controls.map((c) => `A.${c}`)], state: stateOf(doc), documents: [summary(doc)], missing: await missingOf(db, workspace, doc, today, staff) });
  }
  const counts: Record<ChecklistState, number> = { missing: 0, draft: 0, in_review: 0, approved: 0, published: 0, superseded: 0, generated: 0 };
  for (const entry of required) counts[entry.state] += 1;
  return { asOf: today, required, other, counts };
}
