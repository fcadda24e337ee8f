// The shapes of the management reviews API (9.3): the reviews held and prepared, and one review with
// its 9.3.2 inputs, 9.3.3 decisions and the actions to follow up.
import { z } from "@hono/zod-openapi";
import type { ManagementReview } from "../../app/management-review.js";
import { reviewActionStatuses } from "../../domain/review/model.js";
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

// The writes: preparing a review, recording it as held, following an action up.
const person = z.string().trim().min(1).max(200);
const isoDate = (field: string) => z.iso.date(`${field}: give a day as YYYY-MM-DD`);

export const reviewPrepareInput = z
  .object({
    on: isoDate("on").optional().openapi({ description: "The day the review is planned for (default today)", example: "2026-06-30" }),
    chair: person.optional().openapi({ description: "Who chairs it: a person's id, name or email", example: "P-001" }),
  })
  .strict()
  .openapi("ManagementReviewPrepareInput");

export const reviewActionInput = z
  .object({
    text: z.string().trim().min(1, "text: say what is to be done").max(1000),
    owner: z.string().trim().min(1, "owner: give the person's id, name or email").max(200),
    due: isoDate("due"),
  })
  .strict()
  .openapi("ManagementReviewActionInput");

export const reviewHoldInput = z
  .object({
    attendees: z.array(person).min(1, "attendees: name who attended the review").max(100).openapi({ description: "People's ids or names; a name not in the register is kept as written" }),
    decisions: z.array(z.string().trim().min(1, "decisions: write each decision, none empty").max(2000)).min(1, "decisions: record at least one decision of the review (9.3.3)").max(100),
    actions: z.array(reviewActionInput).max(100).default([]),
    minutesRef: z.string().trim().min(1).max(500).optional().openapi({ description: "Where the minutes are kept" }),
    on: isoDate("on").optional().openapi({ description: "The day it was held, when not the planned day" }),
  })
  .strict()
  .openapi("ManagementReviewHoldInput");

export const reviewActionChangeInput = z
  .object({
    status: z.enum(reviewActionStatuses, `status: give one of ${reviewActionStatuses.join(", ")}`),
    note: z.string().trim().min(1).max(2000).optional(),
    on: isoDate("on").optional().openapi({ description: "The day it was done or cancelled (default today)" }),
  })
  .strict()
  .openapi("ManagementReviewActionChange");

export const reviewActionParam = reviewIdParam.extend({
  n: z
    .string()
    .regex(/^[1-9]\d{0,2}$/, "n: give the action's number, such as 1")
    .openapi({ description: "The action's number within the review (MR-001-A2 is 2)", example: "1" }),
});

export const reviewHeldSchema = z.object({
  review: reviewSchema,
  warnings: z.array(z.string()).openapi({ description: "What the person recording it should know (no top management attending, a name kept as written)" }),
});
