// Management reviews over HTTP (9.3): the reviews, and one review with its inputs, decisions and
// actions. An auditor sees those held within their audit's period when it covers clause 9.3. The writes
// are in review-writes.ts.
import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import { getManagementReview, listManagementReviews, type ManagementReview } from "../../app/management-review.js";
import type { Resource } from "../../domain/access/permissions.js";
import { finishedReviewActionStatuses } from "../../domain/review/model.js";
import type { AppEnv } from "../env.js";
import { authorize } from "../middleware/authorize.js";
import { problemResponses } from "../problem.js";
import { json, visibleTo, workspaceParam } from "./route-parts.js";
import { registerReviewWriteRoutes } from "./review-writes.js";
import { reviewBody, reviewDetailSchema, reviewIdParam, reviewListSchema, reviewSummaryBody } from "./review-schemas.js";

const tags = ["reviews"];
const reviewResource = (r: Pick<ManagementReview, "id" | "heldOn">): Resource => ({ id: r.id, clauses: ["9.3"], on: r.heldOn });

const listRoute = createRoute({
  method: "get",
  path: "/api/w/{workspace}/reviews",
  tags,
  summary: "The management reviews (9.3), oldest first, with how many of their actions are still open",
  request: { params: workspaceParam },
  responses: { 200: json(reviewListSchema, "The reviews"), ...problemResponses(401, 403, 404) },
});

const getRoute = createRoute({
  method: "get",
  path: "/api/w/{workspace}/reviews/{id}",
  tags,
  summary: "One management review with its 9.3.2 inputs, 9.3.3 decisions and actions",
  request: { params: reviewIdParam },
  responses: { 200: json(reviewDetailSchema, "The review"), ...problemResponses(401, 403, 404) },
});

export function registerReviewRoutes(app: OpenAPIHono<AppEnv>): void {
  app.openapi(listRoute, async (c) => {
    const decision = authorize(c, "read", "reviews");
    const reviews = visibleTo(c, decision, "reviews", await listManagementReviews(c.var.db, c.var.workspace), reviewResource);
    const open = (r: ManagementReview) => r.actions.filter((a) => !finishedReviewActionStatuses.includes(a.status)).length;
    return c.json({ reviews: reviews.map((r) => reviewSummaryBody(r, open(r))) }, 200);
  });

  app.openapi(getRoute, async (c) => {
    authorize(c, "read", "reviews");
    const review = await getManagementReview(c.var.db, c.var.workspace, c.req.valid("param").id);
    authorize(c, "read", "reviews", reviewResource(review));
    return c.json({ review: reviewBody(review) }, 200);
  });
  registerReviewWriteRoutes(app);
}
