// What a management review's inputs are prepared from: the registers as read on the review's day,
// and the changes to issues and interested parties since the review before it.
import type { ReviewAction } from "./model.js";

/** A write to a register recorded in the audit log, reduced to what the review needs. */
export interface RegisterChange {
  entityId: string;
  action: "add" | "edit" | "remove";
  /** The day of the change, YYYY-MM-DD. */
  day: string;
}

export interface ReviewData {
  /** The review's day: anything due before it and not finished is overdue. */
  on: string;
  /** The latest review held before this one; null for the first review. */
  previous: { id: string; heldOn: string } | null;
  /** Every review held before this one, oldest first, with its actions. */
  previousReviews: readonly { id: string; heldOn: string; actions: readonly ReviewAction[] }[];
  contextIssues: readonly { id: string; kind: string; description: string }[];
  /** Changes to context issues after the previous review's day (none when there is no previous review). */
  contextIssueChanges: readonly RegisterChange[];
  interestedParties: readonly { id: string; name: string; requirements: string; addressedByIsms: boolean }[];
  interestedPartyChanges: readonly RegisterChange[];
  /** `day` is when the audit ended (or started, or was planned); `external` for the certification body's audits. */
  audits: readonly { id: string; kind: string; title: string; status: string; day: string | null; external: boolean }[];
  findings: readonly { id: string; auditId: string; kind: string; requirement: string | null; description: string; status: string; raisedOn: string | null }[];
  correctiveActions: readonly { id: string; findingId: string | null; status: string; dueDate: string | null; effective: boolean | null }[];
  objectives: readonly {
    id: string;
    title: string;
    status: string;
    target: string | null;
    targetValue: number | null;
    unit: string | null;
    dueDate: string | null;
    latest: { measuredOn: string; value: number } | null;
  }[];
  latestRun: { id: string; finishedOn: string; passed: number; failed: number; other: number } | null;
  /** The methodology's band labels, lowest first. */
  bands: readonly string[];
  /** `band` is the band of the current score (residual when rated, else inherent). */
  risks: readonly { id: string; status: string; decision: string | null; score: number | null; band: string | null; planApproved: boolean }[];
  treatmentActions: readonly { id: string; riskId: string; status: string; dueDate: string | null }[];
}
