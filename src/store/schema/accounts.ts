// Who signs in and what they may do where (A.5.15–A.5.18, A.8.5): accounts and their sessions and
// one-time links are deployment-wide; a membership gives an account a role in one workspace (5.3).
import { sql } from "drizzle-orm";
import { check, foreignKey, index, pgTable, text, timestamp, unique, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { workspaceKey, workspaceScoped } from "./columns.js";
import { audits } from "./audits.js";
import { personReference } from "./people.js";
import { memberRole } from "./tenancy.js";

const instant = (name: string) => timestamp(name, { withTimezone: true, mode: "date" });

/**
 * A person who signs in (A.5.16 identity management). The email is stored lower-cased and is unique;
 * `password_hash` is scrypt's self-describing string (null until the account's setup link is used).
 */
export const accounts = pgTable(
  "accounts",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    email: text("email").notNull(),
    name: text("name").notNull(),
    passwordHash: text("password_hash"),
    createdAt: instant("created_at").notNull().defaultNow(),
    /** Set when access is withdrawn (A.5.18 removal of access rights): no sign-in, sessions refused. */
    disabledAt: instant("disabled_at"),
  },
  (t) => [uniqueIndex("accounts_email_unique").on(t.email), check("accounts_email_lower_case", sql`${t.email} = lower(${t.email})`)],
);

/**
 * An account's role in one workspace. `id` is the account's id as text, so a member is addressed the
 * same way in every workspace. `person_id` links a control owner to the people register (what they own);
 * `audit_id` bounds an auditor to one audit's scope and period.
 */
export const memberships = pgTable(
  "memberships",
  {
    ...workspaceScoped(),
    accountId: uuid("account_id")
      .notNull()
      .references(() => accounts.id, { onDelete: "cascade" }),
    role: memberRole("role").notNull(),
    personId: text("person_id"),
    auditId: text("audit_id"),
  },
  (t) => [
    workspaceKey(t),
    unique("memberships_account_unique").on(t.workspaceId, t.accountId),
    check("memberships_id_is_account", sql`${t.id} = ${t.accountId}::text`),
    personReference("memberships_person_fk", t, t.personId),
    foreignKey({ name: "memberships_audit_fk", columns: [t.workspaceId, t.auditId], foreignColumns: [audits.workspaceId, audits.id] }),
  ],
);

/** A signed-in session, keyed by the SHA-256 of its cookie's token (the token itself is never stored). */
export const sessions = pgTable(
  "sessions",
  {
    hash: text("hash").primaryKey(),
    accountId: uuid("account_id")
      .notNull()
      .references(() => accounts.id, { onDelete: "cascade" }),
    createdAt: instant("created_at").notNull(),
    lastSeenAt: instant("last_seen_at").notNull(),
    /** When the session ends at the latest (absolute expiry); idle expiry is computed from last_seen_at. */
    expiresAt: instant("expires_at").notNull(),
    ip: text("ip"),
    userAgent: text("user_agent"),
  },
  (t) => [index("sessions_account_idx").on(t.accountId)],
);

/**
 * One-time links that set a password: the first administrator's setup link (no account yet) and an
 * invitation or password reset for an account. Keyed by the SHA-256 of the token.
 */
export const setupTokens = pgTable(
  "setup_tokens",
  {
    hash: text("hash").primaryKey(),
    /** "setup" (the first administrator) or "invitation" (an account's first or new password). */
    purpose: text("purpose").notNull(),
    accountId: uuid("account_id").references(() => accounts.id, { onDelete: "cascade" }),
    createdAt: instant("created_at").notNull(),
    expiresAt: instant("expires_at").notNull(),
    usedAt: instant("used_at"),
  },
  (t) => [
    check("setup_tokens_purpose", sql`${t.purpose} in ('setup', 'invitation')`),
    check("setup_tokens_invitation_account", sql`(${t.purpose} = 'setup') = (${t.accountId} is null)`),
  ],
);
