// The calendar of recurring ISMS activities: access reviews, risk reviews, backup tests, audits.
import { date, integer, pgTable, text, timestamp } from "drizzle-orm/pg-core";
import { workspaceKey, workspaceScoped } from "./columns.js";
import { personReference } from "./people.js";

/** One due occurrence of a recurring activity (8.1 operational planning and control; 9.1 when to monitor). */
export const activities = pgTable(
  "activities",
  {
    ...workspaceScoped(),
    kind: text("kind").notNull(),
    title: text("title").notNull(),
    owner: text("owner"),
    due: date("due", { mode: "string" }).notNull(),
    doneAt: timestamp("done_at", { withTimezone: true, mode: "date" }),
    /** Months from one completion to the next due day; null for a one-off. */
    recurrenceMonths: integer("recurrence_months"),
  },
  (t) => [workspaceKey(t), personReference("activities_owner_fk", t, t.owner)],
);
