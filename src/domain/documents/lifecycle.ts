// The lifecycle of a controlled document's version (7.5.2, 7.5.3): draft → in review → approved →
// published (in force) → superseded, and who may approve. Pure rules; the store applies them.
import { IsmsError } from "../errors.js";
import { addMonths } from "../risk/calendar.js";

export const documentStatuses = ["draft", "in_review", "approved", "published", "superseded"] as const;
export type DocumentStatus = (typeof documentStatuses)[number];

export const documentActions = ["edit", "submit", "approve", "reject", "publish"] as const;
export type DocumentAction = (typeof documentActions)[number];

/** The status each action needs, and the status it leaves. Editing an approved text starts a new version instead. */
const transitions: Record<DocumentAction, { from: readonly string[]; to: DocumentStatus }> = {
  edit: { from: ["draft"], to: "draft" },
  submit: { from: ["draft"], to: "in_review" },
  approve: { from: ["in_review"], to: "approved" },
  reject: { from: ["in_review"], to: "draft" },
  publish: { from: ["approved"], to: "published" },
};

const statusWords: Record<string, string> = { in_review: "in review" };
export const statusLabel = (status: string): string => statusWords[status] ?? status;

/** What to run to move on from a status, for the error that refuses an action. */
const nextStep: Record<string, (doc: string) => string> = {
  draft: (doc) => `submit it for review first: isms docs submit ${doc}`,
  in_review: (doc) => `approve it (isms docs approve ${doc} --by <person>) or send it back (isms docs approve ${doc} --reject --by <person>)`,
  approved: (doc) => `publish it: isms docs publish ${doc}`,
  published: (doc) => `start a new version by editing it: isms docs edit ${doc} --file <text.md>`,
  superseded: (doc) => `work on the newest version: isms docs show ${doc}`,
};

export class DocumentLifecycleError extends IsmsError {}

/** The status `action` leaves a version in; refuses an action its status does not allow, saying what would. */
export function transition(documentId: string, version: string, status: string, action: DocumentAction): DocumentStatus {
  const rule = transitions[action];
  if (rule.from.includes(status)) return rule.to;
  const needs = rule.from.map(statusLabel).join(" or ");
  const hint = nextStep[status]?.(documentId) ?? `its status "${status}" is not one OpenISMS knows`;
  throw new DocumentLifecycleError(`Cannot ${action} ${documentId} v${version}: it is ${statusLabel(status)}, and ${action} needs a version that is ${needs}`, `To go on, ${hint}`);
}

/** Whether a new text can be written on the newest version, or needs a new version (an approved text is never rewritten). */
export function editStartsNewVersion(status: string): boolean {
  return status === "approved" || status === "published" || status === "superseded";
}

/** The next version number: one more than the highest major number so far ("1", "2"; "1.3" counts as 1). */
export function nextVersionNumber(existing: readonly string[]): string {
  const majors = existing.map((v) => Number.parseInt(v, 10)).filter((n) => Number.isFinite(n));
  return String(majors.length === 0 ? 1 : Math.max(...majors) + 1);
}

/** Orders version labels oldest first: numerically by their parts ("2" after "1.10"). */
export function compareVersions(a: string, b: string): number {
  return a.localeCompare(b, "en", { numeric: true });
}

export interface ApprovalCheck {
  documentId: string;
  version: string;
  author: string | null;
  approver: string;
  /** How many people can act in the workspace (active people in scope). */
  people: number;
}

/**
 * Segregation of duties in document control (7.5.2 review and approval; A.5.3): a version is
 * approved by someone other than its author, unless the author is the only person there is.
 */
export function checkApprover(check: ApprovalCheck): void {
  if (check.author && check.author === check.approver && check.people > 1) {
    throw new DocumentLifecycleError(
      `${check.approver} wrote ${check.documentId} v${check.version} and cannot approve it: the workspace has ${check.people} people, so another must approve`,
      `Approve it as someone else: isms docs approve ${check.documentId} --by <person>`,
    );
  }
}

/** The day a published version is next reviewed: `months` after publication. */
export function nextReviewDay(publishedOn: Date, months: number): string {
  return addMonths(publishedOn.toISOString().slice(0, 10), months);
}
