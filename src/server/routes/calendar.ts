// The ISMS calendar over HTTP: the recurring activities (audits, reviews, risk reviews, training,
// supplier reviews, document reviews…) with their due days, overdue first. Read-only.
import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import { loadCalendar } from "../../app/calendar.js";
import type { Resource } from "../../domain/access/permissions.js";
import type { CalendarItem } from "../../domain/calendar/index.js";
import { isoDay } from "../../domain/risk/calendar.js";
import type { AppEnv } from "../env.js";
import { authorize } from "../middleware/authorize.js";
import { problemResponses } from "../problem.js";
import { json, visibleTo, workspaceParam } from "./route-parts.js";
import { calendarItemBody, calendarQuery, calendarSchema } from "./calendar-schemas.js";

/** An activity as can() reads it: its owner, and the controls ("A.5.22" → "5.22") and clauses its basis names ("7.3, A.6.3"). */
function activityResource(item: CalendarItem): Resource {
  const refs = item.basis.split(",").map((ref) => ref.trim()).filter(Boolean);
  return { id: item.id, owner: item.owner, controlIds: refs.filter((r) => r.startsWith("A.")).map((r) => r.slice(2)), clauses: refs.filter((r) => !r.startsWith("A.")) };
}

const calendarRoute = createRoute({
  method: "get",
  path: "/api/w/{workspace}/calendar",
  tags: ["calendar"],
  summary: "The recurring activities of the ISMS with their due days: what is overdue, and what falls due within the days asked for",
  request: { params: workspaceParam, query: calendarQuery },
  responses: { 200: json(calendarSchema, "The activities, by due day"), ...problemResponses(400, 401, 403, 404) },
});

export function registerCalendarRoutes(app: OpenAPIHono<AppEnv>): void {
  app.openapi(calendarRoute, async (c) => {
    const decision = authorize(c, "read", "activities");
    const asOf = isoDay(new Date());
    const withinDays = c.req.valid("query").within;
    const items = await loadCalendar(c.var.db, c.var.workspace, withinDays === undefined ? { asOf } : { asOf, withinDays });
    const visible = visibleTo(c, decision, "activities", items, activityResource);
    return c.json({ asOf, withinDays: withinDays ?? null, items: visible.map(calendarItemBody) }, 200);
  });
}
