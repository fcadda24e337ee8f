// Context of the organization (clause 4): scope, interfaces, interested parties, issues, exclusions.
import { boolean, pgEnum, pgTable, text, timestamp, unique } from "drizzle-orm/pg-core";
import { workspaceKey, workspaceScoped } from "./columns.js";
import { personReference } from "./people.js";

/** The ISMS scope statement and its boundaries (4.3); one row per workspace, approved by management. */
export const scope = pgTable(
  "scope",
  {
    ...workspaceScoped(),
    statement: text("statement").notNull(),
    boundaries: text("boundaries").notNull().default(""),
    approvedBy: text("approved_by"),
    approvedAt: timestamp("approved_at", { withTimezone: true, mode: "date" }),
  },
  (t) => [workspaceKey(t), unique("scope_one_per_workspace").on(t.workspaceId), personReference("scope_approved_by_fk", t, t.approvedBy)],
);

/** Interfaces and dependencies between the ISMS and what lies outside it (4.3 c). */
export const scopeInterfaces = pgTable(
  "scope_interfaces",
  {
    ...workspaceScoped(),
    kind: text("kind").notNull(),
    name: text("name").notNull(),
    counterparty: text("counterparty"),
    description: text("description"),
  },
  (t) => [workspaceKey(t)],
);

/** Interested parties and their relevant requirements (4.2 a–c). */
export const interestedParties = pgTable(
  "interested_parties",
  {
    ...workspaceScoped(),
    name: text("name").notNull(),
    requirements: text("requirements").notNull().default(""),
    addressedByIsms: boolean("addressed_by_isms").notNull().default(false),
  },
  (t) => [workspaceKey(t)],
);

export const contextIssueKinds = ["internal", "external"] as const;
export const contextIssueKind = pgEnum("context_issue_kind", contextIssueKinds);

/** External and internal issues relevant to the ISMS's purpose (4.1). */
export const contextIssues = pgTable(
  "context_issues",
  {
    ...workspaceScoped(),
    kind: contextIssueKind("kind").notNull(),
    description: text("description").notNull(),
  },
  (t) => [workspaceKey(t)],
);

/** What the scope leaves out and why (4.3), the exclusion register an auditor reads at Stage 1. */
export const exclusions = pgTable(
  "exclusions",
  {
    ...workspaceScoped(),
    subject: text("subject").notNull(),
    reason: text("reason").notNull(),
  },
  (t) => [workspaceKey(t)],
);
