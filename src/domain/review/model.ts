// A management review's record (9.3) as the domain reads it: planned or held, the 9.3.2 inputs
// prepared from the data, and the actions decided (9.3.3), which the next review reports on.
import { z } from "zod";
import type { JsonObject } from "../../store/schema/json.js";
import { isCalendarDay } from "../cycle/model.js";

export const reviewStatuses = ["planned", "held"] as const;
export type ReviewStatus = (typeof reviewStatuses)[number];

export const reviewActionStatuses = ["open", "in_progress", "done", "cancelled"] as const;
export type ReviewActionStatus = (typeof reviewActionStatuses)[number];
/** Actions that no longer need anyone's attention. */
export const finishedReviewActionStatuses: readonly string[] = ["done", "cancelled"];

const day = z.string().refine(isCalendarDay, "write a date as YYYY-MM-DD");

/** An action decided at a review: the stored shape, read leniently so a hand-edited file still shows. */
export const reviewActionSchema = z.object({
  id: z.string(),
  description: z.string().catch(""),
  owner: z.string().nullable().catch(null),
  dueDate: day.nullable().catch(null),
  status: z.enum(reviewActionStatuses).catch("open"),
  /** The day it was marked done or cancelled. */
  closedOn: day.nullable().catch(null),
  note: z.string().nullable().catch(null),
});
export type ReviewAction = z.infer<typeof reviewActionSchema>;

/** The actions stored on a review; entries without an id cannot be followed up and are left out. */
export function readReviewActions(stored: readonly JsonObject[]): ReviewAction[] {
  return stored.flatMap((raw) => {
    const parsed = reviewActionSchema.safeParse({ owner: null, dueDate: null, closedOn: null, note: null, ...raw });
    return parsed.success ? [parsed.data] : [];
  });
}

/** The stored form of an action: plain JSON. */
export function storedReviewAction(action: ReviewAction): JsonObject {
  return { ...action };
}

/** One prepared input of 9.3.2: what the data says in a sentence or two, and the figures behind it. */
export type PreparedInput = {
  /** "9.3.2 a)". */
  ref: string;
  title: string;
  summary: string;
  figures: JsonObject;
};

/** 9.3.2 d), which the standard splits into four trends. */
export type PreparedPerformanceInput = PreparedInput & { items: { [item: string]: PreparedInput } };

/**
 * The `inputs` of a prepared review. The keys a) … g) are the letters the readiness snapshot reads
 * (src/readiness/review-inputs.ts), so a review held with these inputs counts as covering them all.
 */
export type PreparedReviewInputs = {
  a: PreparedInput;
  b: PreparedInput;
  c: PreparedInput;
  d: PreparedPerformanceInput;
  e: PreparedInput;
  f: PreparedInput;
  g: PreparedInput;
  /** How the inputs were prepared: the day, the review they run from, the chair. */
  prepared: { on: string; since: string | null; previousReview: string | null; chair: string | null };
};

/** Parses "description;owner;due" as `--action` gives it; the owner is still as written. */
export function parseActionSpec(spec: string): { description: string; owner: string; dueDate: string } | { problem: string } {
  const parts = spec.split(";").map((p) => p.trim());
  if (parts.length !== 3) return { problem: `"${spec}" has ${parts.length} part${parts.length === 1 ? "" : "s"}; write "description;owner;due date"` };
  const [description = "", owner = "", dueDate = ""] = parts;
  if (!description) return { problem: `"${spec}" has no description before the first ";"` };
  if (!owner) return { problem: `"${spec}" names no owner between the two ";"` };
  if (!isCalendarDay(dueDate)) return { problem: `"${spec}" has the due date "${dueDate}"; write it as YYYY-MM-DD` };
  return { description, owner, dueDate };
}
