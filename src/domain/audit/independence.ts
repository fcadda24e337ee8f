// The independence of an internal auditor (9.2.2 c, objectivity and impartiality): an auditor does not
// audit the ISMS they own, nor controls they run, nor documents and risks they are accountable for.
import { ismsOwnerRole } from "./audit.js";

export interface AuditorFacts {
  id: string;
  name: string;
  ismsRoles: readonly string[];
}

/** What the audit covers and who owns what it covers. */
export interface IndependenceInput {
  auditor: AuditorFacts;
  /** Clause ids the audit covers ("4", "9.2"). */
  clauses: readonly string[];
  /** Annex A control ids the audit covers ("5.15"). */
  controls: readonly string[];
  /** The owner of each control in the Statement of Applicability. */
  controlOwners: readonly { controlId: string; owner: string | null }[];
  documents: readonly { id: string; title: string; owner: string | null; controls: readonly string[] }[];
  risks: readonly { id: string; title: string; owner: string | null; controlIds: readonly string[]; status: string }[];
}

export interface IndependenceConflict {
  kind: "isms-owner" | "control-owner" | "document-owner" | "risk-owner";
  /** What the auditor owns: "ISMS", "5.15", "POL-ACCESS", "R-002". */
  subject: string;
  /** The conflict in words: "owns control 5.15 in the SoA". */
  reason: string;
}

const listed = (ids: readonly string[]) => ids.join(", ");

/** Every reason the auditor is not independent of the audit; empty when they are. */
export function independenceConflicts(input: IndependenceInput): IndependenceConflict[] {
  const { auditor } = input;
  const conflicts: IndependenceConflict[] = [];
  if (input.clauses.length > 0 && auditor.ismsRoles.includes(ismsOwnerRole)) {
    conflicts.push({ kind: "isms-owner", subject: "ISMS", reason: `holds the ${ismsOwnerRole} role and the audit covers clause${input.clauses.length === 1 ? "" : "s"} ${listed(input.clauses)}` });
  }
  const audited = new Set(input.controls);
  for (const { controlId, owner } of input.controlOwners) {
    if (owner === auditor.id && audited.has(controlId)) {
      conflicts.push({ kind: "control-owner", subject: controlId, reason: `owns control ${controlId} in the SoA` });
    }
  }
  for (const document of input.documents) {
    const overlap = document.controls.filter((c) => audited.has(c.replace(/^A\./i, "")));
    if (document.owner === auditor.id && overlap.length > 0) {
      conflicts.push({ kind: "document-owner", subject: document.id, reason: `owns document ${document.id} (${document.title}) on ${listed(overlap)}` });
    }
  }
  for (const risk of input.risks) {
    const overlap = risk.controlIds.filter((c) => audited.has(c));
    if (risk.owner === auditor.id && risk.status !== "closed" && overlap.length > 0) {
      conflicts.push({ kind: "risk-owner", subject: risk.id, reason: `owns risk ${risk.id} (${risk.title}), treated by ${listed(overlap)}` });
    }
  }
  return conflicts;
}

/** One sentence naming every conflict: "Head of Security (P-002) is not independent of AUD-001: …; …". */
export function describeConflicts(auditor: AuditorFacts, audit: string, conflicts: readonly IndependenceConflict[]): string {
  return `${auditor.name} (${auditor.id}) is not independent of ${audit}: ${conflicts.map((c) => c.reason).join("; ")}`;
}
