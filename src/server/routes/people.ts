// People and training over HTTP (7.2, 7.3; A.6.3): the people register with where each person stands on
// awareness and role training, who is missing or overdue, and recording a completed course.
import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import { inScopeOn, loadTraining, recordTraining, rolesNeedingTraining, trainingOverdue, trainingStanding } from "../../app/training.js";
import { compareIds } from "../../app/registers.js";
import { awarenessCourseKind } from "../../readiness/vocabulary.js";
import { isoDay } from "../../domain/risk/calendar.js";
import type { Resource } from "../../domain/access/permissions.js";
import type { AppEnv } from "../env.js";
import { authorize } from "../middleware/authorize.js";
import { problemResponses } from "../problem.js";
import { body, json, visibleTo, workspaceParam } from "./route-parts.js";
import { courseBody, courseListSchema, gapBody, personListSchema, recordBody, trainingGapListSchema, trainingRecordAnswerSchema, trainingRecordInput, withinQuery } from "./people-schemas.js";

const tags = ["people"];
const defaultWithinDays = 30;

/** Training is about 7.2 (competence), 7.3 (awareness) and A.6.3: an auditor sees it when their audit covers one. */
const trainingResource = (id: string): Resource => ({ id, clauses: ["7.2", "7.3"], controlIds: ["6.3"] });

const peopleRoute = createRoute({
  method: "get",
  path: "/api/w/{workspace}/people",
  tags,
  summary: "The people register, each with where they stand on awareness and role training",
  request: { params: workspaceParam, query: withinQuery },
  responses: { 200: json(personListSchema, "The people, by id"), ...problemResponses(400, 401, 403, 404) },
});

const overdueRoute = createRoute({
  method: "get",
  path: "/api/w/{workspace}/training/overdue",
  tags,
  summary: "Who in scope is missing awareness or role training, or whose training has expired or expires soon",
  request: { params: workspaceParam, query: withinQuery },
  responses: { 200: json(trainingGapListSchema, "The gaps, by person"), ...problemResponses(400, 401, 403, 404) },
});

const coursesRoute = createRoute({
  method: "get",
  path: "/api/w/{workspace}/training/courses",
  tags,
  summary: "The course catalogue: each course, whom it is for (awareness for everyone, role training) and how long a completion counts",
  request: { params: workspaceParam },
  responses: { 200: json(courseListSchema, "The courses, by id"), ...problemResponses(401, 403, 404) },
});

const recordRoute = createRoute({
  method: "post",
  path: "/api/w/{workspace}/training/records",
  tags,
  summary: "Record that a person completed a course; it counts until the course's validity runs out",
  request: { params: workspaceParam, ...body(trainingRecordInput) },
  responses: {
    200: json(trainingRecordAnswerSchema, "The same completion was recorded before"),
    201: json(trainingRecordAnswerSchema, "The completion, recorded"),
    ...problemResponses(400, 401, 403, 404),
  },
});

export function registerPeopleRoutes(app: OpenAPIHono<AppEnv>): void {
  app.openapi(peopleRoute, async (c) => {
    const decision = authorize(c, "read", "people");
    const asOf = isoDay(new Date());
    const withinDays = c.req.valid("query").within ?? defaultWithinDays;
    const { people, courses, records } = await loadTraining(c.var.db, c.var.workspace);
    const awarenessCourses = new Set(courses.filter((course) => course.kind === awarenessCourseKind).map((course) => course.id));
    const visible = visibleTo(c, decision, "people", people, (p) => ({ id: p.id }));
    const body = visible.map((p) => {
      const own = records.filter((r) => r.personId === p.id);
      const needsRole = p.ismsRoles.some((r) => rolesNeedingTraining.includes(r));
      return {
        id: p.id,
        name: p.name,
        startDate: p.startDate,
        endDate: p.endDate,
        ismsRoles: p.ismsRoles,
        inScope: inScopeOn(p, asOf),
        awareness: trainingStanding(own.filter((r) => awarenessCourses.has(r.courseId)), asOf, withinDays).state,
        roleTraining: needsRole ? trainingStanding(own.filter((r) => !awarenessCourses.has(r.courseId)), asOf, withinDays).state : null,
      };
    });
    return c.json({ asOf, people: body }, 200);
  });

  app.openapi(overdueRoute, async (c) => {
    const decision = authorize(c, "read", "training");
    const asOf = isoDay(new Date());
    const withinDays = c.req.valid("query").within ?? defaultWithinDays;
    const gaps = visibleTo(c, decision, "training", await trainingOverdue(c.var.db, c.var.workspace, { asOf, withinDays }), (g) => trainingResource(g.personId));
    return c.json({ asOf, withinDays, gaps: gaps.map(gapBody) }, 200);
  });

  app.openapi(coursesRoute, async (c) => {
    const decision = authorize(c, "read", "training");
    const { courses } = await loadTraining(c.var.db, c.var.workspace);
    const visible = visibleTo(c, decision, "training", [...courses].sort((a, b) => compareIds(a.id, b.id)), (course) => trainingResource(course.id));
    return c.json({ courses: visible.map(courseBody) }, 200);
  });

  app.openapi(recordRoute, async (c) => {
    authorize(c, "create", "training");
    const input = c.req.valid("json");
    const { record, already } = await c.var.db.transaction((tx) => recordTraining(tx, c.var.workspace, input, { actor: c.var.actor, fields: { person: "person", course: "course", completedOn: "completedOn" } }));
    return c.json({ record: recordBody(record), already }, already ? 200 : 201);
  });
}
