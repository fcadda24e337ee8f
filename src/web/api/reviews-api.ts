// What the web app reads from and sends to the management reviews API (9.3), as zod schemas in the
// shapes of src/server/routes/review-schemas.ts, and the requests the reviews screen makes.
import { z } from "zod";
import { request } from "./client.js";

export const reviewActionStatuses = ["open", "in_progress", "done", "cancelled"] as const;
export type ReviewActionStatus = (typeof reviewActionStatuses)[number];

export const reviewActionSchema = z.object({
  id: z.string(),
  description: z.string(),
  owner: z.string().nullable(),
  dueDate: z.string().nullable(),
  status: z.string(),
  closedOn: z.string().nullable(),
  note: z.string().nullable(),
});
export type ReviewAction = z.infer<typeof reviewActionSchema>;

export const reviewSummarySchema = z.object({
  id: z.string(),
  heldOn: z.string(),
  status: z.string(),
  attendees: z.array(z.string()),
  minutesRef: z.string().nullable(),
  openActions: z.number(),
});
export type ReviewSummary = z.infer<typeof reviewSummarySchema>;

export const reviewSchema = z.object({
  id: z.string(),
  heldOn: z.string(),
  status: z.string(),
  attendees: z.array(z.string()),
  inputs: z.record(z.string(), z.unknown()),
  decisions: z.record(z.string(), z.unknown()),
  actions: z.array(reviewActionSchema),
  minutesRef: z.string().nullable(),
});
export type Review = z.infer<typeof reviewSchema>;

export const reviewListSchema = z.object({ reviews: z.array(reviewSummarySchema) });
export const reviewDetailSchema = z.object({ review: reviewSchema });
export const reviewHeldSchema = z.object({ review: reviewSchema, warnings: z.array(z.string()) });

/** One prepared 9.3.2 input as the review's `inputs` hold it; 9.3.2 d) has its four trends as `items`. */
const preparedInputBase = z.object({ ref: z.string(), title: z.string(), summary: z.string(), figures: z.record(z.string(), z.unknown()).catch({}) });
export const preparedInputSchema = preparedInputBase.extend({ items: z.record(z.string(), preparedInputBase).optional() });
export type PreparedInput = z.infer<typeof preparedInputSchema>;
export const preparedNoteSchema = z.object({ on: z.string(), since: z.string().nullable(), previousReview: z.string().nullable(), chair: z.string().nullable() });

export interface HoldInput {
  attendees: string[];
  decisions: string[];
  actions: { text: string; owner: string; due: string }[];
  minutesRef?: string;
  on?: string;
}

const base = (ws: string) => `/api/w/${encodeURIComponent(ws)}/reviews`;
const one = (ws: string, id: string) => `${base(ws)}/${encodeURIComponent(id)}`;

export const fetchReviews = (ws: string) => request("GET", base(ws), reviewListSchema);
export const fetchReview = (ws: string, id: string) => request("GET", one(ws, id), reviewDetailSchema);
export const prepareReview = (ws: string, input: { on?: string; chair?: string }) => request("POST", base(ws), reviewDetailSchema, input);
export const holdReview = (ws: string, id: string, input: HoldInput) => request("POST", `${one(ws, id)}/hold`, reviewHeldSchema, input);
/** `n` is the action's number within its review: MR-001-A2 is 2. */
export const changeReviewAction = (ws: string, id: string, n: number, change: { status: ReviewActionStatus; note?: string }) =>
  request("PATCH", `${one(ws, id)}/actions/${n}`, reviewDetailSchema, change);
