// Tenancy: workspaces (one ISMS each), the deployment's users, and their role in each workspace.
import { sql } from "drizzle-orm";
import { check, pgEnum, pgTable, primaryKey, text, timestamp, unique, uniqueIndex, uuid } from "drizzle-orm/pg-core";

/** One ISMS (4.4): a company's management system, the unit of tenancy. */
export const workspaces = pgTable(
  "workspaces",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    slug: text("slug").notNull().unique(),
    name: text("name").notNull(),
    companyName: text("company_name").notNull(),
    template: text("template").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
  },
  (t) => [check("workspaces_slug_format", sql`${t.slug} ~ '^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$'`)],
);

/** People who sign in, deployment-wide (A.5.16 identity management). Emails are unique ignoring case. */
export const users = pgTable(
  "users",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    email: text("email").notNull(),
    displayName: text("display_name").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("users_email_unique").on(sql`lower(${t.email})`)],
);

export const memberRoles = ["administrator", "editor", "control_owner", "auditor", "viewer"] as const;
export const memberRole = pgEnum("member_role", memberRoles);

/** A user's role in one workspace (5.3 roles and authorities; A.5.15, A.5.18 access rights). */
export const workspaceMembers = pgTable(
  "workspace_members",
  {
    workspaceId: uuid("workspace_id")
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    id: text("id").notNull(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    role: memberRole("role").notNull(),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.id] }), unique("workspace_members_user_unique").on(t.workspaceId, t.userId)],
);
