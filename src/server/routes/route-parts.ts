// The pieces the resource routes are declared and answered with: the workspace path parameter, JSON
// bodies and responses for the OpenAPI document, and the narrowing of lists to what an auditor may see.
import { z } from "@hono/zod-openapi";
import type { Context, MiddlewareHandler } from "hono";
import { can, type Decision, type Entity, type Resource } from "../../domain/access/permissions.js";
import type { Workspace } from "../../app/workspaces.js";
import { databaseErrorCode, sqlState } from "../../store/database-errors.js";
import type { Db } from "../../store/open.js";
import type { AppEnv } from "../env.js";
import { authorize } from "../middleware/authorize.js";

export const workspaceParam = z.object({ workspace: z.string().openapi({ description: "The workspace's slug", example: "acme" }) });

export const json = <T extends z.ZodType>(schema: T, description: string) => ({ description, content: { "application/json": { schema } } });
export const body = <T extends z.ZodType>(schema: T) => ({ body: { required: true, content: { "application/json": { schema } } } });

/** A timestamp as JSON carries it: ISO 8601 in UTC. */
export const instant = z.string().openapi({ format: "date-time", example: "2026-03-31T09:30:00.000Z" });
export const day = z.string().openapi({ format: "date", example: "2026-03-31" });
export const isoInstant = (at: Date | null | undefined): string | null => (at ? at.toISOString() : null);

/**
 * The items of a list the principal may read: all of them, or, when the decision is bounded by an
 * auditor's audit (`within`), those can() admits within the audit's controls and period.
 */
export function visibleTo<T>(c: Context<AppEnv>, decision: Decision, entity: Entity, items: readonly T[], resourceOf: (item: T) => Resource): T[] {
  if (!decision.within) return [...items];
  return items.filter((item) => can(c.var.principal, "read", entity, { workspaceId: c.var.workspace.id, ...resourceOf(item) }).allowed);
}

/**
 * Refuses, before the record is even looked up, a principal who may change no record of `entity`
 * (a viewer, an auditor, a control owner linked to no person); a control owner then has each record
 * checked against what they own.
 */
export function authorizeSomeChange(c: Context<AppEnv>, entity: Entity): void {
  authorize(c, "update", entity, { owner: c.var.principal.personId ?? null });
}

/**
 * Route middleware of a list: a request without filters, from a principal whose reading is not bounded
 * by an audit, is answered with the JSON its view serialized once (the handler, which it skips, would
 * answer the same from the same rows). Lists of thousands of rows are then not serialized per request.
 */
export function unfilteredListFromView(entity: Entity, listJson: (db: Db, ws: Workspace) => Promise<string>): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (new URL(c.req.url).search !== "" || authorize(c, "read", entity).within) return next();
    return c.body(await listJson(c.var.db, c.var.workspace), 200, { "content-type": "application/json" });
  };
}

/**
 * Runs `add` again, up to three times in all, when a concurrent request took the next id (R-00n, A-00n)
 * first and the insert met the unique key.
 */
export async function withNewId<T>(add: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await add();
    } catch (error) {
      if (attempt >= 3 || databaseErrorCode(error) !== sqlState.uniqueViolation) throw error;
    }
  }
}
