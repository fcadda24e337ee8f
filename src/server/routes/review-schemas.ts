// The shapes of the management reviews API (9.3): the reviews held and prepared, and one review with
// its 9.3.2 inputs, 9.3.3 decisions and the actions to follow up.
import { z } from "@hono/zod-openapi";
import type { ManagementReview } from "../../app/management-review.js";
import { day } from "./route-parts.js";

const id = z.string().min(1).max(64);
export const reviewIdParam = z.object({ workspace: z.string().openapi({ description: "The workspace's slug", example: "acme" }), id: id.openapi({ example: "MR-001" }) });

export const reviewActionSchema = z
  .object({ id: z.string(), description: z.string(), owner: z.string().nullable(), dueDate: day.nullable(), status: z.string(), closedOn: day.nullable(), note: z.string().nullable() })
  .openapi("ReviewAction");

export const reviewSummarySchema = z
  .object({
    id: z.string(),
    heldOn: day,
    status: z.string(),
    attendees: z.array(z.string()),
    minutesRef: z.string().nullable(),
    openActions: z.number().int().openapi({ description: "Actions neither done nor cancelled" }),
  })
  .openapi("ManagementReviewSummary");

export const reviewSchema = z
  .object({
    id: z.string(),
    heldOn: day,
    status: z.string(),
    attendees: z.array(z.string()),
    inputs: z.record(z.string(), z.unknown()).openapi({ description: "The 9.3.2 inputs, prepared from the registers" }),
    decisions: z.record(z.string(), z.unknown()).openapi({ description: "The 9.3.3 decisions" }),
    actions: z.array(reviewActionSchema),
    minutesRef: z.string().nullable(),
  })
  .openapi("ManagementReview");

export const reviewListSchema = z.object({ reviews: z.array(reviewSummarySchema) });
export const reviewDetailSchema = z.object({ review: reviewSchema });

export const reviewSummaryBody = (r: ManagementReview, openActions: number): z.infer<typeof reviewSummarySchema> => ({
  id: r.id,
  heldOn: r.heldOn,
  status: r.status,
  attendees: r.attendees,
  minutesRef: r.minutesRef,
  openActions,
});

export const reviewBody = (r: ManagementReview): z.infer<typeof reviewSchema> => ({
  id: r.id,
  heldOn: r.heldOn,
  status: r.status,
  attendees: r.attendees,
  inputs: r.inputs,
  decisions: r.decisions,
  actions: r.actions.map((a) => ({ ...a })),
  minutesRef: r.minutesRef,
});
