// Views derived from a whole workspace (the SoA, the risk register, the dashboard) are computed once and
// shared by the requests that follow until the workspace changes. Every change appends to the audit log
// in the transaction that makes it, so the workspace's newest audit-log entry (its head) says whether a
// view is current. The head is read at most once a second per workspace, and at once after any request
// through this server that may have changed the workspace.
import type { MiddlewareHandler } from "hono";
import { eq, max } from "drizzle-orm";
import type { Workspace } from "../../app/workspaces.js";
import { needsCsrfToken } from "../../domain/access/csrf.js";
import type { Db } from "../../store/open.js";
import { auditLog } from "../../store/schema/index.js";
import type { AppEnv } from "../env.js";

/**
 * How long a head read is trusted. Changes made through this server are seen at once; changes made by
 * another process (the CLI, a collection worker on the same PostgreSQL) within this long.
 */
export const headTrustMs = 1_000;

/**
 * Evidence freshness and overdue activities move with the clock, not only with changes: a view is
 * recomputed at least this often, so that what turned stale is shown so within a minute.
 */
export const viewMaxAgeMs = 60_000;

interface Head {
  seq: number;
  readAt: number;
  /** Counts the changes seen through this server; a read that began before one is not trusted. */
  changes: number;
  reading?: Promise<number> | undefined;
}

const heads = new WeakMap<Db, Map<string, Head>>();

function headOf(db: Db, workspaceId: string): Head {
  let byWorkspace = heads.get(db);
  if (!byWorkspace) {
    byWorkspace = new Map();
    heads.set(db, byWorkspace);
  }
  let head = byWorkspace.get(workspaceId);
  if (!head) {
    head = { seq: -1, readAt: 0, changes: 0 };
    byWorkspace.set(workspaceId, head);
  }
  return head;
}

/** The sequence number of the workspace's newest audit-log entry (0 for none), read again when no longer trusted. */
async function auditLogHead(db: Db, ws: Workspace): Promise<number> {
  const head = headOf(db, ws.id);
  if (Date.now() - head.readAt < headTrustMs) return head.seq;
  head.reading ??= readHead(db, ws, head);
  return head.reading;
}

/** One index lookup; requests that need the head meanwhile wait for the same read. */
async function readHead(db: Db, ws: Workspace, head: Head): Promise<number> {
  const changes = head.changes;
  const readAt = Date.now();
  try {
    const [row] = await db.select({ seq: max(auditLog.seq) }).from(auditLog).where(eq(auditLog.workspaceId, ws.id));
    const seq = row?.seq ?? 0;
    // A change seen through this server while the read ran may not be in it: read again next time.
    if (head.changes === changes) Object.assign(head, { seq, readAt });
    return seq;
  } finally {
    if (head.changes === changes) head.reading = undefined;
  }
}

/** Marks the workspace as possibly changed: the next view asks the database for its head. */
export function workspaceChanged(db: Db, workspaceId: string): void {
  const head = headOf(db, workspaceId);
  head.changes += 1;
  head.readAt = 0;
  head.reading = undefined;
}

/** After every request under /api/w/:workspace/ that may change something (POST, PUT, PATCH, DELETE). */
export function changesInvalidateViews(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    try {
      await next();
    } finally {
      if (needsCsrfToken(c.req.method) && c.get("workspace") !== undefined) workspaceChanged(c.var.db, c.var.workspace.id);
    }
  };
}

interface Computed<T> {
  head: number;
  computedAt: number;
  value: Promise<T>;
}

/**
 * A view of a workspace computed by `compute` as of a moment, reused while the workspace's head is the
 * same and the view is younger than `viewMaxAgeMs`. Requests that arrive while it is computed wait for
 * the same computation; a failed one is forgotten, so the next request tries again.
 */
export function workspaceView<T>(compute: (db: Db, ws: Workspace, asOf: Date) => Promise<T>): (db: Db, ws: Workspace) => Promise<T> {
  // Keyed by the store as well as the workspace: each test (and each server) opens its own store.
  const computed = new WeakMap<Db, Map<string, Computed<T>>>();
  return async (db, ws) => {
    const head = await auditLogHead(db, ws);
    const now = Date.now();
    let byWorkspace = computed.get(db);
    if (!byWorkspace) {
      byWorkspace = new Map();
      computed.set(db, byWorkspace);
    }
    const current = byWorkspace.get(ws.id);
    if (current && current.head === head && now - current.computedAt < viewMaxAgeMs) return current.value;
    const value = compute(db, ws, new Date(now));
    const entry = { head, computedAt: now, value };
    byWorkspace.set(ws.id, entry);
    const views = byWorkspace;
    value.catch(() => {
      if (views.get(ws.id) === entry) views.delete(ws.id);
    });
    return value;
  };
}
