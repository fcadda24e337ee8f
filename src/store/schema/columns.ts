// The key every workspace-scoped table shares: the owning workspace and a stable text id unique
// within it. Spread `workspaceScoped()` first into a table's columns and add `workspaceKey(t)`.
import { primaryKey, text, uuid } from "drizzle-orm/pg-core";
import type { PgColumn } from "drizzle-orm/pg-core";
import { workspaces } from "./tenancy.js";

/** The two key columns of a workspace-scoped table. */
export function workspaceScoped() {
  return {
    workspaceId: uuid("workspace_id")
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    id: text("id").notNull(),
  };
}

/** The primary key of a workspace-scoped table: (workspace_id, id). */
export function workspaceKey(t: { workspaceId: PgColumn; id: PgColumn }) {
  return primaryKey({ columns: [t.workspaceId, t.id] });
}
