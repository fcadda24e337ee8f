// Recording that a planned ISMS activity was done (9.1, 9.2, 9.3, A.5.24…): the day it was done and what
// shows it, and, for a recurring one, its next occurrence planned. A control owner records their own.
import { createRoute, z, type OpenAPIHono } from "@hono/zod-openapi";
import { and, eq } from "drizzle-orm";
import { recordActivityDone } from "../../app/calendar.js";
import { isoDay } from "../../domain/risk/calendar.js";
import { activities } from "../../store/schema/index.js";
import type { AppEnv } from "../env.js";
import { authorize } from "../middleware/authorize.js";
import { HttpProblem, problemResponses } from "../problem.js";
import { authorizeSomeChange, body, day, json } from "./route-parts.js";

const activityIdParam = z.object({
  workspace: z.string().openapi({ description: "The workspace's slug", example: "acme" }),
  id: z.string().regex(/^ACT-\d{3,}$/, "a planned activity's id looks like ACT-001; items of other registers are recorded there").openapi({ example: "ACT-001" }),
});

const completionInput = z
  .strictObject({
    on: z.iso.date("write the day it was done as YYYY-MM-DD").openapi({ example: "2027-03-28" }),
    evidence: z
      .array(z.string().trim().min(1, "is empty").max(200))
      .max(50)
      .optional()
      .openapi({ description: "What shows it was done: evidence ids, documents, tickets", example: ["E-042", "INC-2027-3"] }),
  })
  .openapi("ActivityCompletion");

const activitySchema = z
  .object({ id: z.string(), kind: z.string(), title: z.string(), owner: z.string().nullable(), due: day, doneOn: day.nullable(), recurrenceMonths: z.number().int().nullable() })
  .openapi("Activity");
export const completionAnswerSchema = z.object({ done: activitySchema, next: activitySchema.nullable(), evidence: z.array(z.string()) }).openapi("ActivityCompletionAnswer");

const doneRoute = createRoute({
  method: "post",
  path: "/api/w/{workspace}/calendar/{id}/done",
  tags: ["calendar"],
  summary: "Record that a planned activity was done on a day, with what shows it; a recurring one gets its next occurrence",
  request: { params: activityIdParam, ...body(completionInput) },
  responses: { 200: json(completionAnswerSchema, "The completion, and the next occurrence planned"), ...problemResponses(400, 401, 403, 404, 409) },
});

export function registerCalendarWriteRoutes(app: OpenAPIHono<AppEnv>): void {
  app.openapi(doneRoute, async (c) => {
    const { id } = c.req.valid("param");
    const { on, evidence = [] } = c.req.valid("json");
    const ws = c.var.workspace;
    const today = isoDay(new Date());
    authorizeSomeChange(c, "activities");
    const completion = await c.var.db.transaction(async (tx) => {
      const [row] = await tx.select().from(activities).where(and(eq(activities.workspaceId, ws.id), eq(activities.id, id)));
      if (!row) throw new HttpProblem(404, `No planned activity ${id} in this workspace; GET /api/w/${ws.slug}/calendar lists them`);
      authorize(c, "update", "activities", { id, owner: row.owner });
      if (row.doneAt) throw new HttpProblem(409, `${id} (${row.title}) was already done on ${isoDay(row.doneAt)}; record the completion on its next occurrence`);
      if (on > today) throw new HttpProblem(400, `${id} cannot be done on a day to come`, { errors: [{ path: "on", message: `${on} is after today (${today}); record a completion once it has happened` }] });
      return recordActivityDone(tx, ws, { target: id, on, evidence }, { actor: c.var.actor });
    });
    return c.json({ done: completion.done, next: completion.next, evidence: [...new Set(evidence)] }, 200);
  });
}
