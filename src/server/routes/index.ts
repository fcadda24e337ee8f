// The resource routes under /api/w/:workspace/: the risk register, the Statement of Applicability, the
// dashboard, documents, evidence and its requests, audits, findings and corrective actions, people and
// training, suppliers, management reviews, the calendar, collection runs, the scope with its assets, and
// the security objectives. The app (app.ts) registers
// them after its session, CSRF and workspace middleware.
import type { OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "../env.js";
import { registerAuditRoutes } from "./audits.js";
import { registerAuditWriteRoutes } from "./audit-writes.js";
import { registerCalendarRoutes } from "./calendar.js";
import { registerCalendarWriteRoutes } from "./calendar-writes.js";
import { registerCollectionRoutes } from "./collection.js";
import { registerDashboardRoutes } from "./dashboard.js";
import { registerDocumentRoutes } from "./documents.js";
import { registerEvidenceRoutes } from "./evidence.js";
import { registerObjectiveRoutes } from "./objectives.js";
import { registerPeopleRoutes } from "./people.js";
import { registerPeopleWriteRoutes } from "./people-writes.js";
import { registerReviewRoutes } from "./reviews.js";
import { registerRiskRoutes } from "./risks.js";
import { registerScopeRoutes } from "./scope.js";
import { registerSoaRoutes } from "./soa.js";
import { registerSupplierRoutes } from "./suppliers.js";
import { changesInvalidateViews } from "./workspace-views.js";

export function registerResourceRoutes(app: OpenAPIHono<AppEnv>): void {
  app.use("/api/w/:workspace/*", changesInvalidateViews());
  registerRiskRoutes(app);
  registerSoaRoutes(app);
  registerDashboardRoutes(app);
  registerDocumentRoutes(app);
  registerEvidenceRoutes(app);
  registerAuditRoutes(app);
  registerAuditWriteRoutes(app);
  registerPeopleRoutes(app);
  registerPeopleWriteRoutes(app);
  registerSupplierRoutes(app);
  registerReviewRoutes(app);
  registerCalendarRoutes(app);
  registerCalendarWriteRoutes(app);
  registerCollectionRoutes(app);
  registerScopeRoutes(app);
  registerObjectiveRoutes(app);
}
