// Management reviews written over HTTP (9.3): prepare one with its 9.3.2 inputs, record it as held with
// attendees, decisions and actions (9.3.3), and follow an action up. Administrators and editors only.
import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import { getManagementReview, holdManagementReview, prepareManagementReview, updateReviewAction, type ReviewFieldNames } from "../../app/management-review.js";
import type { AppEnv } from "../env.js";
import { authorize } from "../middleware/authorize.js";
import { HttpProblem, problemResponses } from "../problem.js";
import { body, json, workspaceParam } from "./route-parts.js";
import { reviewActionChangeInput, reviewActionParam, reviewBody, reviewDetailSchema, reviewHeldSchema, reviewHoldInput, reviewIdParam, reviewPrepareInput } from "./review-schemas.js";

const tags = ["reviews"];

/** The services' errors name the body's fields, not the CLI's flags. */
const fields: ReviewFieldNames = { on: "on", chair: "chair", attendees: "attendees", decisions: "decisions", actions: "actions", action: (i) => `actions.${i}` };

const prepareRoute = createRoute({
  method: "post",
  path: "/api/w/{workspace}/reviews",
  tags,
  summary: "Prepare a management review: a planned review with every 9.3.2 input prepared from the registers",
  request: { params: workspaceParam, ...body(reviewPrepareInput) },
  responses: { 201: json(reviewDetailSchema, "The planned review"), ...problemResponses(400, 401, 403, 404) },
});

const holdRoute = createRoute({
  method: "post",
  path: "/api/w/{workspace}/reviews/{id}/hold",
  tags,
  summary: "Record a planned management review as held: who attended, the decisions and the actions (9.3.3)",
  request: { params: reviewIdParam, ...body(reviewHoldInput) },
  responses: { 200: json(reviewHeldSchema, "The review, held"), ...problemResponses(400, 401, 403, 404, 409) },
});

const actionRoute = createRoute({
  method: "patch",
  path: "/api/w/{workspace}/reviews/{id}/actions/{n}",
  tags,
  summary: "Follow up an action of a management review: in progress, done or cancelled (the day is recorded), or open again",
  request: { params: reviewActionParam, ...body(reviewActionChangeInput) },
  responses: { 200: json(reviewDetailSchema, "The review with the action changed"), ...problemResponses(400, 401, 403, 404) },
});

export function registerReviewWriteRoutes(app: OpenAPIHono<AppEnv>): void {
  app.openapi(prepareRoute, async (c) => {
    authorize(c, "create", "reviews");
    const input = c.req.valid("json");
    const review = await c.var.db.transaction((tx) => prepareManagementReview(tx, c.var.workspace, input, { actor: c.var.actor, fields }));
    return c.json({ review: reviewBody(review) }, 201);
  });

  app.openapi(holdRoute, async (c) => {
    authorize(c, "update", "reviews");
    const { id } = c.req.valid("param");
    const { attendees, decisions, actions, minutesRef, on } = c.req.valid("json");
    const input = { attendees, decisions, actions: actions.map((a) => ({ description: a.text, owner: a.owner, dueDate: a.due })), minutesRef, on };
    const { review, warnings } = await c.var.db.transaction(async (tx) => {
      const before = await getManagementReview(tx, c.var.workspace, id);
      if (before.status !== "planned") throw new HttpProblem(409, `Management review ${id} was already held on ${before.heldOn}; prepare the next one with POST /reviews`);
      return holdManagementReview(tx, c.var.workspace, id, input, { actor: c.var.actor, fields });
    });
    return c.json({ review: reviewBody(review), warnings }, 200);
  });

  app.openapi(actionRoute, async (c) => {
    authorize(c, "update", "reviews");
    const { id, n } = c.req.valid("param");
    const change = c.req.valid("json");
    const review = await c.var.db.transaction(async (tx) => {
      await getManagementReview(tx, c.var.workspace, id);
      return updateReviewAction(tx, c.var.workspace, `${id}-A${n}`, change, { actor: c.var.actor, fields });
    });
    return c.json({ review: reviewBody(review) }, 200);
  });
}
